// The preview twin of PipelineReviewService (with PipelineSelector's queries): one page of the pipeline review
// from the embedded org's records, with the summary figures and the filter options when asked. It follows the
// Apex step by step, so the preview answers what an org would: the same selection (open deals in scope through
// the role hierarchy, the same filters), the same segments, order and keyset paging (pipelineQuery.mjs), the same
// plan shown per deal, the same figures and the same row budget for summing amounts.
//
// Not modelled, because the embedded org does not model them: sharing and field-level security (so "all I can
// see" is every open deal, and no query fails for lack of access), portal roles, fiscal year settings (the
// default, January, applies) and multiple currencies (the org's currency is US dollars).
//
// Cost: the deals in scope are read once (by owner through the index when the scope allows), their plans once
// when a filter, sort or figure needs plan values, and the shown page's plans and milestones with one children()
// call each. Plan formulas (health, completion, variance) are the org's, computed from the package's metadata.
import { OPPORTUNITY_STAGES } from '../../org/standard-objects.mjs';
import {
    ACTIVE_HEALTHS,
    InvalidRequestError,
    NO_ACTIVE_PLAN,
    SCOPE_ALL,
    SCOPE_MINE,
    SCOPE_TEAM,
    closePeriodPredicate,
    compareText,
    isBlank,
    keysetPredicate,
    planQuery,
    sameText,
    segmentComparator,
    textOf
} from './pipelineQuery.mjs';

export { InvalidRequestError };

const OPPORTUNITY = 'Opportunity';
const PLAN = 'Mutual_Action_Plan__c';
const MILESTONE = 'Plan_Milestone__c';
const ACTIVE = 'Active';
const BUYER = 'Buyer';
const OFF_TRACK = 'Off Track';

/** PipelineSelector.MAX_OWNERS: owners offered in the owner filter; more are reported as truncated. */
const MAX_OWNERS = 1000;
/** Limits.getLimitQueryRows() in a synchronous Apex transaction. */
const QUERY_ROW_LIMIT = 50000;
/** PipelineReviewService.amountRowReserve: query rows kept free when deciding whether amounts can be summed. */
const AMOUNT_ROW_RESERVE = 1000;
/** UserInfo.getDefaultCurrency(): the embedded org has one currency, US dollars, as the preview's pages show. */
const CURRENCY_CODE = 'USD';

/** Stage names of a Plan_Setting__mdt value (PlanSettings.stageNames): split on ";", trimmed, blanks dropped. */
function stageNames(value) {
    if (isBlank(value)) return new Set();
    return new Set(
        String(value)
            .split(';')
            .filter((part) => !isBlank(part))
            .map((part) => part.trim())
    );
}

/** The Default record of Plan_Setting__mdt (with the org's overrides), or an empty one if it is missing. */
function planSetting(org) {
    return org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default') ?? {};
}

const isNoActivePlan = (opportunity) => !(opportunity.Active_Plan_Count__c > 0);
const blankAsNull = (value) => (value === undefined || value === '' ? null : value);
const whole = (value) => (value === null || value === undefined ? null : Math.trunc(value));
const byId = (a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0);

/**
 * One loadPage call: what PipelineReviewService.load does for `request`, as the user `userId`. Returns the page
 * as the Apex builds it (null where Apex leaves null); the controller serializes it.
 */
export function loadPipelinePage(org, userId, request) {
    return new PipelineReview(org, userId, request).load();
}

class PipelineReview {
    #org;
    #userId;
    #request;
    #query;
    #today;
    #activePlanStages;
    #acceptedPlanStages;
    /** Stages either gate requires an Active plan for, lower case: SOQL's IN ignores case. */
    #gatedStages;
    #stageOrder = [];
    #teamRoleIds = new Set();
    /** Query rows the Apex would have read so far (Limits.getQueryRows()). */
    #queryRows = 0;
    #userMap;
    #accounts = new Map();
    #base;
    #plansByOpportunity;
    #selected;
    #selectedPlans;

    constructor(org, userId, request) {
        this.#org = org;
        this.#userId = userId;
        this.#request = request && typeof request === 'object' ? request : {};
        this.#today = org.today;
    }

    load() {
        const org = this.#org;
        const withSummary = this.#request.includeSummary === true;
        const withOptions = this.#request.includeOptions === true;
        const setting = planSetting(org);
        this.#activePlanStages = stageNames(setting.Active_Plan_Stages__c);
        this.#acceptedPlanStages = stageNames(setting.Accepted_Plan_Stages__c);
        this.#gatedStages = new Set(
            [...this.#activePlanStages, ...this.#acceptedPlanStages].map((stage) => stage.toLowerCase())
        );
        const query = planQuery(this.#request, {
            keyPrefixes: {
                opportunity: org.schema.object(OPPORTUNITY).keyPrefix,
                plan: org.schema.object(PLAN).keyPrefix
            }
        });
        this.#query = query;

        let stages = [];
        if (withOptions || query.sortsByStage) {
            // SELECT ... FROM OpportunityStage ORDER BY SortOrder: the embedded org's sales process, in order.
            stages = OPPORTUNITY_STAGES;
            this.#queryRows += stages.length;
            this.#stageOrder = stages.map((stage) => stage.name);
        }
        if (withOptions || query.scope === SCOPE_TEAM) {
            this.#teamRoleIds = this.#rolesBelow(this.#user(this.#userId)?.UserRoleId ?? null);
        }

        const page = {
            rows: [],
            nextCursor: null,
            summary: null,
            options: null,
            pageSize: query.pageSize,
            sortBy: query.sortBy,
            sortDirection: query.descending ? 'desc' : 'asc'
        };
        if (withOptions) page.options = this.#options(stages);
        if (withSummary) page.summary = this.#countFigures();
        this.#readPage(page);
        if (withSummary) this.#sumAmounts(page.summary);
        return page;
    }

    // -----------------------------------------------------------------------------------------------------------
    // The selection: PipelineQuery.filters, on opportunities and (through Opportunity__r) on Active plans.

    /**
     * Open deals meeting the conditions opportunities and plans share (IsClosed = false, scope, owner, stage, close
     * period, gated stage). Read once, by owner through the org's index when the scope or owner filter allows.
     */
    #baseOpportunities() {
        if (this.#base) return this.#base;
        const org = this.#org;
        const query = this.#query;
        let candidates;
        if (query.ownerId) candidates = org.query(OPPORTUNITY, { OwnerId: query.ownerId });
        else if (query.scope === SCOPE_MINE) candidates = org.query(OPPORTUNITY, { OwnerId: this.#userId });
        else if (query.scope === SCOPE_TEAM) {
            const owners = new Set([this.#userId]);
            for (const roleId of this.#teamRoleIds) {
                for (const user of org.query('User', { UserRoleId: roleId })) owners.add(user.Id);
            }
            candidates = [...owners].flatMap((ownerId) => org.query(OPPORTUNITY, { OwnerId: ownerId }));
        } else candidates = org.query(OPPORTUNITY);
        const inPeriod = closePeriodPredicate(query.closePeriod, this.#today);
        this.#base = candidates.filter(
            (opportunity) =>
                opportunity.IsClosed === false &&
                this.#inScope(opportunity) &&
                (!query.ownerId || opportunity.OwnerId === query.ownerId) &&
                (query.stageName === null || sameText(opportunity.StageName, query.stageName)) &&
                (!inPeriod || inPeriod(blankAsNull(opportunity.CloseDate))) &&
                (!query.gatedWithoutPlan || this.#isGated(opportunity.StageName))
        );
        return this.#base;
    }

    #inScope(opportunity) {
        const scope = this.#query.scope;
        if (scope === SCOPE_ALL) return true;
        if (opportunity.OwnerId === this.#userId) return true;
        return scope === SCOPE_TEAM && this.#teamRoleIds.has(this.#user(opportunity.OwnerId)?.UserRoleId);
    }

    /** StageName IN :gatedStages (SOQL ignores case). */
    #isGated(stageName) {
        return typeof stageName === 'string' && this.#gatedStages.has(stageName.toLowerCase());
    }

    /** Every plan of the deals in scope, by opportunity: one children() call, only when plan values are needed. */
    #plansOf() {
        if (!this.#plansByOpportunity) {
            const byOpportunity = new Map();
            const ids = this.#baseOpportunities().map((opportunity) => opportunity.Id);
            for (const plan of this.#org.children(PLAN, 'Opportunity__c', ids)) {
                if (!byOpportunity.has(plan.Opportunity__c)) byOpportunity.set(plan.Opportunity__c, []);
                byOpportunity.get(plan.Opportunity__c).push(plan);
            }
            this.#plansByOpportunity = byOpportunity;
        }
        return this.#plansByOpportunity;
    }

    /** The deals the filters select: filters(false). */
    #selectedOpportunities() {
        if (this.#selected) return this.#selected;
        const query = this.#query;
        let selected = this.#baseOpportunities();
        if (query.health !== null && query.health !== NO_ACTIVE_PLAN) {
            // Id IN (SELECT Opportunity__c FROM Mutual_Action_Plan__c WHERE Status__c = 'Active' AND Health__c = :health)
            const plans = this.#plansOf();
            selected = selected.filter((opportunity) =>
                (plans.get(opportunity.Id) ?? []).some(
                    (plan) => sameText(plan.Status__c, ACTIVE) && sameText(plan.Health__c, query.health)
                )
            );
        }
        if (query.excludesActivePlans) selected = selected.filter(isNoActivePlan);
        this.#selected = selected;
        return selected;
    }

    /** The Active plans the filters select: filters(true). */
    #selectedActivePlans() {
        if (this.#selectedPlans) return this.#selectedPlans;
        const query = this.#query;
        // Id = null: only deals without an Active plan are wanted, so no Active plan matches.
        if (query.excludesActivePlans) return (this.#selectedPlans = []);
        const plans = this.#plansOf();
        this.#selectedPlans = this.#baseOpportunities().flatMap((opportunity) =>
            (plans.get(opportunity.Id) ?? []).filter(
                (plan) =>
                    sameText(plan.Status__c, ACTIVE) &&
                    (query.health === null || sameText(plan.Health__c, query.health))
            )
        );
        return this.#selectedPlans;
    }

    // -----------------------------------------------------------------------------------------------------------
    // The page: keyset paging over the segments.

    /** PipelineReviewService.readPage: each segment from the cursor gives only the rows the page still needs. */
    #readPage(page) {
        const query = this.#query;
        const orderedIds = [];
        const seen = new Set();
        const first = query.cursor === null ? 0 : query.cursor.segment;
        for (let index = first; index < query.segments.length; index++) {
            const segment = query.segments[index];
            if (segment.onPlan && query.excludesActivePlans) continue;
            const needed = query.pageSize - orderedIds.length;
            const keys = this.#readKeys(index, needed);
            for (const key of keys) {
                if (!seen.has(key.opportunityId)) {
                    seen.add(key.opportunityId);
                    orderedIds.push(key.opportunityId);
                }
            }
            if (keys.length === needed) {
                const last = keys[keys.length - 1];
                page.nextCursor = { segment: index, lastValue: textOf(last.value, last.scale), lastId: last.id };
                break;
            }
        }
        page.rows = this.#rowsFor(orderedIds);
    }

    /** PipelineQuery.keys: the segment's key rows in order, after the cursor, at most rowLimit of them. */
    #readKeys(index, rowLimit) {
        const query = this.#query;
        const segment = query.segments[index];
        let keys = segment.onPlan ? this.#planKeys(segment) : this.#opportunityKeys(segment);
        keys.sort(segmentComparator(segment, this.#stageOrder));
        if (query.cursor !== null && query.cursor.segment === index && query.cursor.lastId !== null) {
            keys = keys.filter(keysetPredicate(segment, query.cursor, this.#stageOrder));
        }
        const read = keys.slice(0, rowLimit);
        this.#queryRows += read.length;
        return read;
    }

    #opportunityKeys(segment) {
        let opportunities = this.#selectedOpportunities();
        // (Active_Plan_Count__c = null OR Active_Plan_Count__c = 0)
        if (segment.noActivePlan) opportunities = opportunities.filter(isNoActivePlan);
        const scale = this.#scaleOf(OPPORTUNITY, segment.field);
        return opportunities.map((opportunity) => ({
            id: opportunity.Id,
            opportunityId: opportunity.Id,
            value: this.#opportunityValue(opportunity, segment.field),
            scale
        }));
    }

    #planKeys(segment) {
        let plans = this.#selectedActivePlans();
        if (segment.health) plans = plans.filter((plan) => sameText(plan.Health__c, segment.health));
        if (segment.otherHealth) {
            plans = plans.filter((plan) => !ACTIVE_HEALTHS.some((health) => sameText(plan.Health__c, health)));
        }
        const scale = segment.field === null ? undefined : this.#scaleOf(PLAN, segment.field);
        return plans.map((plan) => ({
            id: plan.Id,
            opportunityId: plan.Opportunity__c,
            value: segment.field === null ? null : blankAsNull(plan[segment.field] ?? null),
            scale
        }));
    }

    #opportunityValue(opportunity, field) {
        if (field === 'Owner.Name') return blankAsNull(this.#user(opportunity.OwnerId)?.Name ?? null);
        return blankAsNull(opportunity[field] ?? null);
    }

    /** The scale a queried Decimal of the field keeps (its text in a cursor has that many decimals). */
    #scaleOf(sobject, field) {
        if (!field || field.includes('.')) return undefined;
        const definition = this.#org.schema.object(sobject).field(field);
        return ['Number', 'Currency', 'Percent'].includes(definition?.valueType ?? definition?.type)
            ? definition.scale
            : undefined;
    }

    /** PipelineReviewService.rowsFor: the page's deals, each with the plan it is reviewed on. */
    #rowsFor(orderedIds) {
        if (!orderedIds.length) return [];
        const opportunities = new Map(this.#baseOpportunities().map((opportunity) => [opportunity.Id, opportunity]));
        this.#queryRows += orderedIds.length;
        // Plans of the page that are not cancelled, most recently changed first: from the plans already read for
        // the selection when a filter or sort needed them, else with one children() call for the page.
        const plans = (
            this.#plansByOpportunity
                ? orderedIds.flatMap((id) => this.#plansByOpportunity.get(id) ?? [])
                : this.#org.children(PLAN, 'Opportunity__c', orderedIds)
        )
            .filter((plan) => plan.Status__c !== 'Cancelled')
            .sort(
                (a, b) =>
                    (a.LastModifiedDate < b.LastModifiedDate ? 1 : a.LastModifiedDate > b.LastModifiedDate ? -1 : 0) ||
                    -byId(a, b)
            );
        this.#queryRows += plans.length;
        const shown = shownPlans(plans);
        const overdue = this.#overdueCounts([...shown.values()]);
        const rows = [];
        for (const opportunityId of orderedIds) {
            const opportunity = opportunities.get(opportunityId);
            if (!opportunity) continue;
            const row = this.#opportunityRow(opportunity);
            const plan = shown.get(opportunityId);
            if (plan) addPlan(row, plan, overdue.get(plan.Id));
            rows.push(row);
        }
        return rows;
    }

    /**
     * Overdue open milestones per plan, [all sides, buyer side]: milestones not Complete or Skipped, due before
     * today (PipelineSelector.overdueMilestoneCounts), read with one children() call for the page's plans.
     */
    #overdueCounts(plans) {
        const counts = new Map();
        if (!plans.length) return counts;
        const milestones = this.#org.children(
            MILESTONE,
            'Plan__c',
            plans.map((plan) => plan.Id)
        );
        for (const milestone of milestones) {
            if (milestone.Status__c === 'Complete' || milestone.Status__c === 'Skipped') continue;
            if (!milestone.Due_Date__c || !(milestone.Due_Date__c < this.#today)) continue;
            // An aggregate query counts every row it aggregates against the query-row limit.
            this.#queryRows++;
            const planCounts = counts.get(milestone.Plan__c) ?? [0, 0];
            planCounts[0]++;
            if (milestone.Side__c === BUYER) planCounts[1]++;
            counts.set(milestone.Plan__c, planCounts);
        }
        return counts;
    }

    #opportunityRow(opportunity) {
        const stage = opportunity.StageName ?? null;
        // Set.contains in Apex is exact, unlike the queries' IN.
        const needsAccepted = this.#acceptedPlanStages.has(stage);
        return {
            opportunityId: opportunity.Id,
            name: opportunity.Name ?? null,
            accountName: this.#accountName(opportunity.AccountId),
            ownerId: opportunity.OwnerId ?? null,
            ownerName: this.#user(opportunity.OwnerId)?.Name ?? null,
            stageName: stage,
            amount: opportunity.Amount ?? null,
            closeDate: opportunity.CloseDate ?? null,
            stageNeedsActivePlan: needsAccepted || this.#activePlanStages.has(stage),
            stageNeedsAcceptedPlan: needsAccepted,
            hasActivePlan: (opportunity.Active_Plan_Count__c ?? 0) > 0,
            hasAcceptedPlan: (opportunity.Accepted_Plan_Count__c ?? 0) > 0,
            planId: null,
            planName: null,
            planStatus: null,
            health: null,
            milestoneCount: null,
            completedMilestoneCount: null,
            buyerMilestoneCount: null,
            buyerCompletedMilestoneCount: null,
            completionPercent: null,
            buyerCompletionPercent: null,
            overdueMilestoneCount: 0,
            buyerOverdueMilestoneCount: 0,
            daysOverdue: null,
            totalSlipDays: null,
            buyerAccepted: null,
            buyerAcceptedOn: null,
            projectedCloseDate: null,
            closeDateVarianceDays: null
        };
    }

    // -----------------------------------------------------------------------------------------------------------
    // Summary figures: COUNT() queries (one query row each), then SUM(Amount) within the row budget.

    #countFigures() {
        const summary = {
            deals: 0,
            amount: null,
            activePlanDeals: 0,
            activePlanAmount: null,
            acceptedPlanDeals: 0,
            acceptedPlanAmount: null,
            offTrackDeals: 0,
            landsAfterCloseDeals: 0,
            gatedWithoutPlanDeals: 0,
            amountsAvailable: false,
            currencyCode: CURRENCY_CODE
        };
        const selected = this.#selectedOpportunities();
        summary.deals = this.#count(selected.length);
        if (summary.deals === 0) return summary;
        summary.activePlanDeals = this.#count(selected.filter((opportunity) => !isNoActivePlan(opportunity)).length);
        summary.acceptedPlanDeals = this.#count(
            selected.filter((opportunity) => opportunity.Accepted_Plan_Count__c > 0).length
        );
        if (!this.#query.excludesActivePlans && summary.activePlanDeals > 0) {
            // These two count Active plans (their Health__c and Close_Date_Variance_Days__c), as the Apex does.
            const plans = this.#selectedActivePlans();
            summary.offTrackDeals = this.#count(plans.filter((plan) => sameText(plan.Health__c, OFF_TRACK)).length);
            summary.landsAfterCloseDeals = this.#count(
                plans.filter((plan) => plan.Close_Date_Variance_Days__c > 0).length
            );
        }
        if (this.#gatedStages.size) {
            summary.gatedWithoutPlanDeals = this.#count(
                selected.filter((opportunity) => this.#isGated(opportunity.StageName) && isNoActivePlan(opportunity))
                    .length
            );
        }
        return summary;
    }

    #count(value) {
        this.#queryRows++;
        return value;
    }

    /**
     * PipelineReviewService.sumAmounts: SUM() counts every deal it adds against the 50,000 query-row limit, so the
     * amounts are summed only when the three sums fit in what the call has left.
     */
    #sumAmounts(summary) {
        const rowsNeeded = summary.deals + summary.activePlanDeals + summary.acceptedPlanDeals;
        const rowsLeft = QUERY_ROW_LIMIT - this.#queryRows - AMOUNT_ROW_RESERVE;
        if (rowsNeeded > rowsLeft) {
            summary.amountsAvailable = false;
            return;
        }
        const selected = this.#selectedOpportunities();
        summary.amount = sumOf(selected, summary.deals);
        summary.activePlanAmount = sumOf(
            selected.filter((opportunity) => !isNoActivePlan(opportunity)),
            summary.activePlanDeals
        );
        summary.acceptedPlanAmount = sumOf(
            selected.filter((opportunity) => opportunity.Accepted_Plan_Count__c > 0),
            summary.acceptedPlanDeals
        );
        summary.amountsAvailable = true;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Filter options.

    #options(stages) {
        const options = {
            owners: [],
            ownersTruncated: false,
            stages: [],
            activePlanStages: [],
            acceptedPlanStages: [],
            hasTeam: this.#teamRoleIds.size > 0
        };
        const scope = this.#query.scope;
        let owners;
        if (scope === SCOPE_MINE) {
            owners = [{ Id: this.#userId, Name: this.#user(this.#userId)?.Name ?? null }];
        } else {
            const users = [...this.#users().values()];
            if (scope === SCOPE_TEAM) {
                owners = users.filter((user) => user.Id === this.#userId || this.#teamRoleIds.has(user.UserRoleId));
            } else {
                // Id IN (SELECT OwnerId FROM Opportunity WHERE IsClosed = FALSE)
                const openOwners = new Set(
                    this.#org.query(OPPORTUNITY, (opportunity) => opportunity.IsClosed === false).map((o) => o.OwnerId)
                );
                owners = users.filter((user) => openOwners.has(user.Id));
            }
            // ORDER BY Name LIMIT :OWNER_ROWS (one more than shown tells the list is truncated).
            owners = owners
                .sort((a, b) => compareText(a.Name ?? '', b.Name ?? '') || byId(a, b))
                .slice(0, MAX_OWNERS + 1);
            this.#queryRows += owners.length;
        }
        for (const owner of owners) {
            if (options.owners.length === MAX_OWNERS) {
                options.ownersTruncated = true;
                break;
            }
            options.owners.push({ value: owner.Id, label: owner.Name ?? null });
        }
        for (const stage of stages) {
            if (!stage.closed) options.stages.push({ value: stage.name, label: stage.name });
        }
        options.activePlanStages = [...this.#activePlanStages].sort();
        options.acceptedPlanStages = [...this.#acceptedPlanStages].sort();
        return options;
    }

    // -----------------------------------------------------------------------------------------------------------
    // Users, roles, accounts.

    #users() {
        if (!this.#userMap) this.#userMap = new Map(this.#org.query('User').map((user) => [user.Id, user]));
        return this.#userMap;
    }

    #user(userId) {
        return userId ? (this.#users().get(userId) ?? null) : null;
    }

    /** PipelineReviewService.rolesBelow: the roles below the given one, walked in memory from every role. */
    #rolesBelow(roleId) {
        const below = new Set();
        if (!roleId) return below;
        const roles = this.#org.query('UserRole');
        this.#queryRows += roles.length;
        const childrenOf = new Map();
        for (const role of roles) {
            if (!role.ParentRoleId) continue;
            if (!childrenOf.has(role.ParentRoleId)) childrenOf.set(role.ParentRoleId, []);
            childrenOf.get(role.ParentRoleId).push(role.Id);
        }
        let frontier = [roleId];
        while (frontier.length) {
            const next = [];
            for (const parent of frontier) {
                for (const child of childrenOf.get(parent) ?? []) {
                    if (!below.has(child)) {
                        below.add(child);
                        next.push(child);
                    }
                }
            }
            frontier = next;
        }
        return below;
    }

    #accountName(accountId) {
        if (!accountId) return null;
        if (!this.#accounts.has(accountId))
            this.#accounts.set(accountId, this.#org.get('Account', accountId)?.Name ?? null);
        return this.#accounts.get(accountId);
    }
}

/** The plan each deal is reviewed on: its Active plan, else its most recently changed one (input newest first). */
function shownPlans(plansNewestFirst) {
    const shown = new Map();
    for (const plan of plansNewestFirst) {
        const current = shown.get(plan.Opportunity__c);
        if (!current || (plan.Status__c === ACTIVE && current.Status__c !== ACTIVE))
            shown.set(plan.Opportunity__c, plan);
    }
    return shown;
}

function addPlan(row, plan, overdue) {
    row.planId = plan.Id;
    row.planName = plan.Name ?? null;
    row.planStatus = plan.Status__c ?? null;
    row.health = plan.Health__c ?? null;
    row.milestoneCount = whole(plan.Milestone_Count__c);
    row.completedMilestoneCount = whole(plan.Completed_Milestone_Count__c);
    row.buyerMilestoneCount = whole(plan.Buyer_Milestone_Count__c);
    row.buyerCompletedMilestoneCount = whole(plan.Buyer_Completed_Milestone_Count__c);
    row.completionPercent = plan.Completion_Percent__c ?? null;
    row.buyerCompletionPercent = plan.Buyer_Completion_Percent__c ?? null;
    row.daysOverdue = whole(plan.Days_Overdue__c);
    row.totalSlipDays = whole(plan.Total_Slip_Days__c);
    row.buyerAccepted = plan.Buyer_Accepted__c ?? null;
    row.buyerAcceptedOn = plan.Buyer_Accepted_On__c ?? null;
    row.projectedCloseDate = plan.Projected_Close_Date__c ?? null;
    row.closeDateVarianceDays = whole(plan.Close_Date_Variance_Days__c);
    if (overdue) {
        row.overdueMilestoneCount = overdue[0];
        row.buyerOverdueMilestoneCount = overdue[1];
    }
}

/** SUM(Amount) of the deals, 0 when none or all blank; added in cents, as Decimal adds without binary drift. */
function sumOf(opportunities, deals) {
    if (deals === 0) return 0;
    let cents = 0;
    for (const opportunity of opportunities) {
        if (typeof opportunity.Amount === 'number') cents += Math.round(opportunity.Amount * 100);
    }
    return cents / 100;
}
