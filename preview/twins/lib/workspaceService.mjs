// The preview twin of PlanWorkspaceService (with PlanWorkspaceSelector's and PlanTemplateSelector's queries): the
// plan workspace of one opportunity from the embedded org, and its saves. It follows the Apex step by step, so the
// preview answers what an org would: the same plan shown, the same people offered as owners in the same order, the
// same templates, picklists and thresholds, and saves made the same way (partial-success DML whose failures are
// collected per record, then everything rolled back) through org.insert/update/remove, so the package's
// validation rules, roll-ups, formulas and trigger twins decide what is saved and what fails.
//
// Not modelled, because the embedded org does not model them: sharing (every user has edit access to every
// opportunity), field-level security on reads, and the user-mode DML checks of object and field permissions (the
// permissions the workspace reports come from the user's permission sets, see workspaceDescribe.mjs, and the
// component offers only what they allow).
import { DmlError } from '../../org/org.mjs';
import { describeAccess, picklistOptions } from './workspaceDescribe.mjs';
import { asSaveError, MILESTONE_FIELD_KEYS, PLAN_FIELD_KEYS, WorkspaceErrors } from './workspaceErrors.mjs';

const OPPORTUNITY = 'Opportunity';
const PLAN = 'Mutual_Action_Plan__c';
const MILESTONE = 'Plan_Milestone__c';
const DATE_CHANGE = 'Milestone_Date_Change__c';

/** PlanWorkspaceService.PLAN_KEY: the plan's key in error reports. */
export const PLAN_KEY = 'plan';

/** PlanWorkspaceService.PLAN_STATUSES: Set.contains, so the case must match. */
const PLAN_STATUSES = new Set(['Draft', 'Active', 'Completed', 'Cancelled']);

/** PlanWorkspaceSelector.ACCOUNT_CONTACT_LIMIT */
const ACCOUNT_CONTACT_LIMIT = 200;

/** The user-facing texts of the Apex, word for word (a test checks each against the Apex source). */
export const MESSAGES = {
    loadFailed: 'We could not load the plan.',
    createFailed: 'We could not create the plan. Nothing was saved.',
    saveFailed: 'We could not save your changes. Nothing was saved.',
    statusFailed: 'We could not change the status of the plan.',
    acceptanceFailed: 'We could not record the buyer acceptance.',
    noOpportunity: 'This opportunity does not exist, or you do not have access to it.',
    noPlan: 'This plan no longer exists, or you do not have access to it. Reload the page.',
    badStatus: 'Choose Draft, Active, Completed or Cancelled.',
    foreignMilestone: 'This milestone is no longer part of the plan. Reload the page to see the latest plan.',
    badPredecessor: 'Choose a milestone of this plan.'
};

/**
 * PlanWorkspaceService.MILESTONE_FIELDS: the fields the workspace writes, by its name for them. Completion dates
 * are the trigger's; the workspace never writes them.
 */
const MILESTONE_FIELDS = new Map(
    MILESTONE_FIELD_KEYS.filter(([, key]) => key !== 'completedOn').map(([field, key]) => [key, field])
);

// -----------------------------------------------------------------------------------------------------------------
// Values as Apex and SOQL see them.

const isBlank = (value) => value === null || value === undefined || String(value).trim() === '';

/** Apex == on strings ignores case. */
const sameText = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();

/** Decimal.intValue(): the whole part, or null. */
const wholeNumber = (value) => (value === null || value === undefined ? null : Math.trunc(value));

// SOQL orders text by the user's locale, ignoring case.
const collator = new Intl.Collator('en-US', { sensitivity: 'accent' });

/**
 * An ORDER BY clause as a comparator: [[value(record), 'asc' | 'desc', nullsLast?], ...]. Nulls sort first unless
 * NULLS LAST, whatever the direction (SOQL's default); text by the collator; the Id breaks ties that SOQL leaves
 * unordered, so the preview is at least stable.
 */
function orderBy(...terms) {
    return (a, b) => {
        for (const [value, direction, nullsLast = false] of terms) {
            const x = value(a) ?? null;
            const y = value(b) ?? null;
            if (x === null && y === null) continue;
            if (x === null || y === null) return (x === null) !== nullsLast ? -1 : 1;
            let order;
            if (typeof x === 'string' && typeof y === 'string') order = collator.compare(x, y);
            else order = x < y ? -1 : x > y ? 1 : 0;
            if (order !== 0) return direction === 'desc' ? -order : order;
        }
        return a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
    };
}

/** PlanWorkspaceService.stepKey: 'step-' and the order without trailing zeros ('step-null' without one). */
function stepKey(order) {
    return `step-${order === null || order === undefined ? 'null' : String(Number(order))}`;
}

/** PlanWorkspaceService.People: people offered as owners, each once, in the order first added. */
class People {
    people = [];
    #seen = new Set();

    add(id, name, detail) {
        if (id && !this.#seen.has(id)) {
            this.#seen.add(id);
            this.people.push({ id, name: name ?? null, detail: detail ?? null });
        }
    }
}

// -----------------------------------------------------------------------------------------------------------------

export class WorkspaceService {
    #org;
    #userId;
    #names = new Map();

    constructor(org, userId) {
        this.#org = org;
        this.#userId = userId ?? org.currentUserId;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Loading

    /** PlanWorkspaceService.load: everything the workspace shows for one opportunity, in PlanWorkspace's shape. */
    load(opportunityId) {
        const org = this.#org;
        const opportunity = opportunityId ? org.get(OPPORTUNITY, opportunityId) : null;
        if (!opportunity) {
            const errors = new WorkspaceErrors(MESSAGES.loadFailed);
            errors.addPageError(MESSAGES.noOpportunity);
            throw errors.toException();
        }
        const access = describeAccess(org, this.#userId);
        const workspace = {
            opportunity: {
                id: opportunity.Id,
                name: opportunity.Name ?? null,
                closeDate: opportunity.CloseDate ?? null,
                stageName: opportunity.StageName ?? null,
                accountId: opportunity.AccountId ?? null,
                accountName: this.#nameOf('Account', opportunity.AccountId)
            },
            plan: null,
            otherPlanCount: 0,
            milestones: [],
            dateChanges: [],
            buyerContacts: [],
            sellerUsers: [],
            templates: this.#templates(),
            picklists: {
                milestoneStatuses: picklistOptions(org, MILESTONE, 'Status__c'),
                phases: picklistOptions(org, MILESTONE, 'Phase__c'),
                sides: picklistOptions(org, MILESTONE, 'Side__c'),
                slipReasons: picklistOptions(org, MILESTONE, 'Slip_Reason__c')
            },
            // PlanWorkspaceSelector.hasEditAccess: sharing is not modelled, so the user may edit every opportunity.
            permissions: permissions(access, true),
            thresholds: this.#thresholds(),
            today: org.today,
            currentUserId: this.#userId
        };

        const buyers = new People();
        for (const role of this.#contactRoles(opportunity.Id)) {
            buyers.add(
                role.ContactId,
                this.#nameOf('Contact', role.ContactId),
                isBlank(role.Role) ? 'Contact role' : role.Role
            );
        }
        for (const contact of this.#accountContacts(opportunity.AccountId)) {
            buyers.add(contact.Id, contact.Name, 'Account contact');
        }
        const sellers = new People();
        sellers.add(opportunity.OwnerId, this.#nameOf('User', opportunity.OwnerId), 'Opportunity owner');
        sellers.add(this.#userId, this.#nameOf('User', this.#userId), 'You');

        if (workspace.permissions.canReadPlans) {
            this.#loadPlan(workspace, opportunity, access, buyers, sellers);
        }
        workspace.buyerContacts = buyers.people;
        workspace.sellerUsers = sellers.people;
        return workspace;
    }

    #loadPlan(workspace, opportunity, access, buyers, sellers) {
        const plans = this.#plansOfOpportunity(opportunity.Id);
        const shown = currentPlan(plans);
        if (!shown) return;
        workspace.plan = this.#planInfo(shown, opportunity);
        workspace.otherPlanCount = plans.length - 1;
        buyers.add(shown.Buyer_Lead__c, this.#nameOf('Contact', shown.Buyer_Lead__c), 'Buyer lead');
        buyers.add(
            shown.Buyer_Accepted_By__c,
            this.#nameOf('Contact', shown.Buyer_Accepted_By__c),
            'Accepted the plan'
        );
        if (access.object(MILESTONE).read) {
            for (const milestone of this.#milestonesOfPlan(shown.Id)) {
                workspace.milestones.push(this.#milestoneInfo(milestone));
                buyers.add(
                    milestone.Buyer_Owner__c,
                    this.#nameOf('Contact', milestone.Buyer_Owner__c),
                    'Owns a milestone'
                );
                sellers.add(
                    milestone.Seller_Owner__c,
                    this.#nameOf('User', milestone.Seller_Owner__c),
                    'Owns a milestone'
                );
            }
        }
        if (workspace.permissions.canViewHistory) {
            for (const change of this.#dateChangesOfPlan(shown.Id))
                workspace.dateChanges.push(this.#dateChangeInfo(change));
        }
    }

    /** PlanWorkspaceService.templates: active templates in their order, each with its steps in order. */
    #templates() {
        const org = this.#org;
        // PlanTemplateSelector.activeTemplates: WHERE Is_Active__c = TRUE ORDER BY Sort_Order__c NULLS LAST, MasterLabel
        const templates = org
            .customMetadata('Plan_Template__mdt')
            .filter((template) => template.Is_Active__c === true)
            .map((template) => ({ ...template, Id: template.DeveloperName }))
            .sort(orderBy([(t) => t.Sort_Order__c, 'asc', true], [(t) => t.MasterLabel, 'asc']));
        const byName = new Map();
        const infos = templates.map((template) => {
            const info = {
                developerName: template.DeveloperName,
                label: template.MasterLabel ?? null,
                description: template.Description__c ?? null,
                steps: []
            };
            byName.set(template.DeveloperName, info);
            return info;
        });
        if (!byName.size) return infos;
        // PlanWorkspaceSelector.stepsOfTemplates: WHERE Template__r.DeveloperName IN :names ORDER BY Sort_Order__c
        const steps = org
            .customMetadata('Plan_Template_Step__mdt')
            .filter((step) => byName.has(step.Template__c))
            .map((step) => ({ ...step, Id: step.DeveloperName }))
            .sort(orderBy([(step) => step.Sort_Order__c, 'asc']));
        for (const step of steps) byName.get(step.Template__c).steps.push(templateStepInfo(step));
        return infos;
    }

    /** PlanWorkspaceService.thresholds(PlanSettings.current()): the Default record, or none when it is missing. */
    #thresholds() {
        const setting =
            this.#org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default') ?? {};
        return {
            atRiskOverdueDays: wholeNumber(setting.At_Risk_Overdue_Days__c),
            offTrackOverdueDays: wholeNumber(setting.Off_Track_Overdue_Days__c),
            stalePlanDays: wholeNumber(setting.Stale_Plan_Days__c),
            atRiskSlipDays: wholeNumber(setting.At_Risk_Slip_Days__c)
        };
    }

    #planInfo(plan, opportunity) {
        return {
            id: plan.Id,
            name: plan.Name ?? null,
            status: plan.Status__c ?? null,
            health: plan.Health__c ?? null,
            sharedObjective: plan.Shared_Objective__c ?? null,
            targetDate: plan.Target_Date__c ?? null,
            anchorEvent: plan.Anchor_Event__c ?? null,
            buyerLeadId: plan.Buyer_Lead__c ?? null,
            buyerLeadName: this.#nameOf('Contact', plan.Buyer_Lead__c),
            buyerAccepted: plan.Buyer_Accepted__c === true,
            buyerAcceptedById: plan.Buyer_Accepted_By__c ?? null,
            buyerAcceptedByName: this.#nameOf('Contact', plan.Buyer_Accepted_By__c),
            buyerAcceptedOn: plan.Buyer_Accepted_On__c ?? null,
            activatedOn: plan.Activated_On__c ?? null,
            milestoneCount: wholeNumber(plan.Milestone_Count__c),
            completedMilestoneCount: wholeNumber(plan.Completed_Milestone_Count__c),
            buyerMilestoneCount: wholeNumber(plan.Buyer_Milestone_Count__c),
            buyerCompletedMilestoneCount: wholeNumber(plan.Buyer_Completed_Milestone_Count__c),
            projectedCloseDate: plan.Projected_Close_Date__c ?? null,
            opportunityCloseDate: opportunity.CloseDate ?? null,
            daysOverdue: wholeNumber(plan.Days_Overdue__c),
            daysSinceProgress: wholeNumber(plan.Days_Since_Progress__c),
            isStale: plan.Is_Stale__c === true,
            totalSlipDays: wholeNumber(plan.Total_Slip_Days__c)
        };
    }

    #milestoneInfo(milestone) {
        return {
            id: milestone.Id,
            name: milestone.Name ?? null,
            description: milestone.Description__c ?? null,
            phase: milestone.Phase__c ?? null,
            side: milestone.Side__c ?? null,
            buyerOwnerId: milestone.Buyer_Owner__c ?? null,
            buyerOwnerName: this.#nameOf('Contact', milestone.Buyer_Owner__c),
            sellerOwnerId: milestone.Seller_Owner__c ?? null,
            sellerOwnerName: this.#nameOf('User', milestone.Seller_Owner__c),
            dueDate: milestone.Due_Date__c ?? null,
            baselineDate: milestone.Baseline_Date__c ?? null,
            completedOn: milestone.Completed_On__c ?? null,
            status: milestone.Status__c ?? null,
            buyerConfirmed: milestone.Buyer_Confirmed__c === true,
            sortOrder: wholeNumber(milestone.Sort_Order__c),
            durationDays: wholeNumber(milestone.Duration_Days__c),
            dependsOnId: milestone.Depends_On__c ?? null,
            marksClose: milestone.Marks_Close__c === true,
            slipDays: wholeNumber(milestone.Slip_Days__c),
            slipReason: milestone.Slip_Reason__c ?? null,
            slipNote: milestone.Slip_Note__c ?? null
        };
    }

    #dateChangeInfo(change) {
        return {
            id: change.Id,
            name: change.Name ?? null,
            milestoneId: change.Milestone__c ?? null,
            previousDate: change.Previous_Date__c ?? null,
            newDate: change.New_Date__c ?? null,
            daysMoved: wholeNumber(change.Days_Moved__c),
            reason: change.Reason__c ?? null,
            note: change.Note__c ?? null,
            changedByName: this.#nameOf('User', change.Changed_By__c),
            changedOn: change.Changed_On__c ?? null
        };
    }

    // -------------------------------------------------------------------------------------------------------------
    // The selectors' queries (PlanWorkspaceSelector), with their ORDER BY.

    /** plansOfOpportunity: ORDER BY CreatedDate DESC, Id DESC */
    #plansOfOpportunity(opportunityId) {
        return this.#org
            .query(PLAN, { Opportunity__c: opportunityId })
            .sort(orderBy([(plan) => plan.CreatedDate, 'desc'], [(plan) => plan.Id, 'desc']));
    }

    /** milestonesOfPlan: ORDER BY Sort_Order__c NULLS LAST, Due_Date__c, Name */
    #milestonesOfPlan(planId) {
        return this.#org
            .children(MILESTONE, 'Plan__c', [planId])
            .sort(
                orderBy(
                    [(milestone) => milestone.Sort_Order__c, 'asc', true],
                    [(milestone) => milestone.Due_Date__c, 'asc'],
                    [(milestone) => milestone.Name, 'asc']
                )
            );
    }

    /** dateChangesOfPlan: ORDER BY Changed_On__c DESC, Name DESC */
    #dateChangesOfPlan(planId) {
        return this.#org
            .children(DATE_CHANGE, 'Plan__c', [planId])
            .sort(orderBy([(change) => change.Changed_On__c, 'desc'], [(change) => change.Name, 'desc']));
    }

    /** contactRoles: ORDER BY IsPrimary DESC, Contact.Name */
    #contactRoles(opportunityId) {
        return this.#org
            .query('OpportunityContactRole', { OpportunityId: opportunityId })
            .sort(
                orderBy(
                    [(role) => (role.IsPrimary ? 1 : 0), 'desc'],
                    [(role) => this.#nameOf('Contact', role.ContactId), 'asc']
                )
            );
    }

    /** accountContacts: ORDER BY Name LIMIT 200; none without an account. */
    #accountContacts(accountId) {
        if (!accountId) return [];
        return this.#org
            .query('Contact', { AccountId: accountId })
            .sort(orderBy([(contact) => contact.Name, 'asc']))
            .slice(0, ACCOUNT_CONTACT_LIMIT);
    }

    /** A parent's Name through a relationship (Owner.Name, Buyer_Lead__r.Name), cached for one call. */
    #nameOf(sobject, id) {
        if (!id) return null;
        const key = `${sobject}:${id}`;
        if (!this.#names.has(key)) this.#names.set(key, this.#org.get(sobject, id)?.Name ?? null);
        return this.#names.get(key);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Saving

    /** PlanWorkspaceService.createPlan: a Draft plan and its milestones, saved together or not at all. */
    createPlan(opportunityId, request) {
        const errors = new WorkspaceErrors(MESSAGES.createFailed);
        return this.#savepoint(errors, () => {
            const input = request?.plan ?? {};
            const plan = {
                Opportunity__c: opportunityId ?? null,
                Status__c: 'Draft',
                Name: input.name ?? null,
                Target_Date__c: input.targetDate ?? null,
                Anchor_Event__c: input.anchorEvent ?? null
            };
            if (!isBlank(input.sharedObjective)) plan.Shared_Objective__c = input.sharedObjective;
            if (input.buyerLeadId) plan.Buyer_Lead__c = input.buyerLeadId;
            errors.addSaveResults(this.#insert(PLAN, [plan]), [PLAN_KEY], PLAN_FIELD_KEYS);
            if (!errors.hasErrors()) this.#saveMilestoneChanges(plan.Id, request?.milestones, new Map(), errors);
            if (errors.hasErrors()) throw errors.toException();
            return plan.Id;
        });
    }

    /**
     * PlanWorkspaceService.saveMilestones: deletes, inserts, then updates (which carry the new order), together
     * or not at all. Returns the plan's opportunity.
     */
    saveMilestones(planId, request) {
        const errors = new WorkspaceErrors(MESSAGES.saveFailed);
        const plan = this.#requirePlan(planId, errors);
        return this.#savepoint(errors, () => {
            const existing = new Map(this.#milestonesOfPlan(plan.Id).map((milestone) => [milestone.Id, milestone]));
            this.#deleteMilestones(request?.deletedIds, existing, errors);
            if (!errors.hasErrors()) this.#saveMilestoneChanges(plan.Id, request?.milestones, existing, errors);
            if (errors.hasErrors()) throw errors.toException();
            return plan.Opportunity__c;
        });
    }

    /** PlanWorkspaceService.setPlanStatus: activating baselines the milestones (the trigger twin does it). */
    setPlanStatus(planId, status) {
        const errors = new WorkspaceErrors(MESSAGES.statusFailed);
        const plan = this.#requirePlan(planId, errors);
        if (!PLAN_STATUSES.has(status)) {
            errors.addFieldError(PLAN_KEY, 'status', MESSAGES.badStatus);
            throw errors.toException();
        }
        this.#updatePlan({ Id: plan.Id, Status__c: status }, errors);
        return plan.Opportunity__c;
    }

    /** PlanWorkspaceService.recordBuyerAcceptance: the trigger twin stamps when; withdrawing keeps who. */
    recordBuyerAcceptance(planId, contactId, accepted) {
        const errors = new WorkspaceErrors(MESSAGES.acceptanceFailed);
        const plan = this.#requirePlan(planId, errors);
        const change = { Id: plan.Id, Buyer_Accepted__c: accepted === true };
        // Set even when null, as the Apex does: the validation rule then asks who accepted.
        if (accepted === true) change.Buyer_Accepted_By__c = contactId ?? null;
        this.#updatePlan(change, errors);
        return plan.Opportunity__c;
    }

    #requirePlan(planId, errors) {
        const plan = planId ? this.#org.get(PLAN, planId) : null;
        if (!plan) {
            errors.addPageError(MESSAGES.noPlan);
            throw errors.toException();
        }
        return plan;
    }

    #updatePlan(change, errors) {
        this.#savepoint(errors, () => {
            errors.addSaveResults(this.#update(PLAN, [change]), [PLAN_KEY], PLAN_FIELD_KEYS);
            if (errors.hasErrors()) throw errors.toException();
        });
    }

    /**
     * Database.setSavepoint() ... Database.rollback(savepoint): the org's transaction puts back every record the
     * body wrote if it throws; the failure is then reported as a SaveException (asSaveException).
     */
    #savepoint(errors, body) {
        try {
            return this.#org.transaction(body);
        } catch (failure) {
            throw asSaveError(failure, errors);
        }
    }

    #deleteMilestones(deletedIds, existing, errors) {
        const doomed = [];
        for (const milestoneId of deletedIds ?? []) {
            // A milestone already gone (deleted elsewhere) or of another plan has nothing to delete here.
            if (milestoneId && existing.has(milestoneId)) {
                doomed.push(milestoneId);
                existing.delete(milestoneId);
            }
        }
        if (doomed.length) errors.addDeleteResults(this.#remove(MILESTONE, doomed), doomed);
    }

    /**
     * PlanWorkspaceService.saveMilestoneChanges: inserts the new milestones, then updates the existing ones with
     * their changed fields, and links every milestone that names its predecessor by key.
     */
    #saveMilestoneChanges(planId, inputs, existing, errors) {
        if (!inputs?.length) return;
        const inserts = [];
        const insertKeys = [];
        const updateInputs = [];
        for (const input of inputs) {
            if (!input) throw new Error('Attempt to de-reference a null object');
            if (!input.id) {
                inserts.push(newMilestone(planId, input));
                insertKeys.push(keyOf(input));
            } else if (existing.has(input.id)) {
                updateInputs.push(input);
            } else {
                errors.addRecordError(keyOf(input), MESSAGES.foreignMilestone);
            }
        }
        if (errors.hasErrors()) return;
        if (inserts.length) {
            errors.addSaveResults(this.#insert(MILESTONE, inserts), insertKeys, MILESTONE_FIELD_KEYS);
        }
        if (errors.hasErrors()) return;

        const idsByKey = new Map();
        for (const milestoneId of existing.keys()) idsByKey.set(milestoneId, milestoneId);
        inserts.forEach((milestone, i) => idsByKey.set(insertKeys[i], milestone.Id));

        const updates = [];
        const updateKeys = [];
        for (const input of updateInputs) {
            const change = changedMilestone(input);
            linkPredecessor(change, input, idsByKey, errors);
            updates.push(change);
            updateKeys.push(keyOf(input));
        }
        for (const input of inputs) {
            if (!input.id && !isBlank(input.dependsOnKey)) {
                const link = { Id: idsByKey.get(keyOf(input)) ?? null };
                linkPredecessor(link, input, idsByKey, errors);
                updates.push(link);
                updateKeys.push(keyOf(input));
            }
        }
        if (!errors.hasErrors() && updates.length) {
            errors.addSaveResults(this.#update(MILESTONE, updates), updateKeys, MILESTONE_FIELD_KEYS);
        }
    }

    // Database.insert/update/delete(records, false, AccessLevel.USER_MODE): partial success, one result per record.

    #insert(sobject, records) {
        return this.#org.insert(sobject, records, { allOrNone: false, as: this.#userId });
    }

    #update(sobject, records) {
        return this.#org.update(sobject, records, { allOrNone: false, as: this.#userId });
    }

    /** The org deletes all or nothing: the batch when it all succeeds, otherwise each record on its own. */
    #remove(sobject, ids) {
        try {
            this.#org.transaction(() => this.#org.remove(sobject, ids, { as: this.#userId }));
            return ids.map((id) => ({ id, success: true, errors: [] }));
        } catch (error) {
            if (!(error instanceof DmlError)) throw error;
        }
        return ids.map((id) => {
            try {
                this.#org.remove(sobject, [id], { as: this.#userId });
                return { id, success: true, errors: [] };
            } catch (error) {
                if (!(error instanceof DmlError)) throw error;
                return { id, success: false, errors: error.errors };
            }
        });
    }
}

// -----------------------------------------------------------------------------------------------------------------

/** PlanWorkspaceService.currentPlan: the Active plan, else the newest Draft, else the newest (input newest first). */
export function currentPlan(plans) {
    let draft = null;
    for (const plan of plans) {
        if (sameText(plan.Status__c, 'Active')) return plan;
        if (!draft && sameText(plan.Status__c, 'Draft')) draft = plan;
    }
    return draft ?? plans[0] ?? null;
}

/**
 * PlanWorkspaceService.permissions(canEditOpportunity): object and field permissions combined with edit access
 * to the opportunity.
 */
function permissions(access, canEditOpportunity) {
    const plans = access.object(PLAN);
    const milestones = access.object(MILESTONE);
    const canEdit = canEditOpportunity === true;
    return {
        canReadPlans: plans.read,
        canCreatePlan: canEdit && plans.create && milestones.create,
        canEditPlan: canEdit && plans.edit && access.fieldUpdateable(PLAN, 'Status__c'),
        canRecordAcceptance:
            canEdit &&
            plans.edit &&
            access.fieldUpdateable(PLAN, 'Buyer_Accepted__c') &&
            access.fieldUpdateable(PLAN, 'Buyer_Accepted_By__c'),
        canEditMilestones: canEdit && milestones.edit,
        canAddMilestones: canEdit && milestones.create,
        canDeleteMilestones: canEdit && milestones.delete,
        canViewHistory: access.object(DATE_CHANGE).read
    };
}

/** PlanWorkspaceService.templateStepInfo: a step keyed by its order, its predecessor named by that key. */
function templateStepInfo(step) {
    const duration = wholeNumber(step.Duration_Days__c);
    return {
        key: stepKey(step.Sort_Order__c),
        title: step.Title__c ?? null,
        phase: step.Phase__c ?? null,
        side: step.Side__c ?? null,
        durationDays: duration === null ? 0 : duration,
        order: wholeNumber(step.Sort_Order__c),
        predecessorKey:
            step.Predecessor_Order__c === null || step.Predecessor_Order__c === undefined
                ? null
                : stepKey(step.Predecessor_Order__c),
        marksClose: step.Marks_Close__c === true,
        description: step.Description__c ?? null
    };
}

/** PlanWorkspaceService.keyOf: the browser's key, else the Id. */
function keyOf(input) {
    if (!isBlank(input.key)) return input.key;
    return input.id ?? null;
}

/** PlanWorkspaceService.valueOf: the input's value for a workspace field name. */
function valueOf(input, key) {
    return MILESTONE_FIELDS.has(key) ? (input[key] ?? null) : null;
}

/** PlanWorkspaceService.newMilestone: every field the input gives; blank ones are left to their defaults. */
function newMilestone(planId, input) {
    const milestone = { Plan__c: planId };
    for (const [key, field] of MILESTONE_FIELDS) {
        const value = valueOf(input, key);
        if (value !== null) milestone[field] = value;
    }
    return milestone;
}

/**
 * PlanWorkspaceService.changedMilestone: only the fields the input names as changed (a field named but blank is
 * cleared); names the workspace does not write are ignored.
 */
function changedMilestone(input) {
    const milestone = { Id: input.id };
    for (const key of input.changedFields ?? []) {
        if (MILESTONE_FIELDS.has(key)) milestone[MILESTONE_FIELDS.get(key)] = valueOf(input, key);
    }
    return milestone;
}

/** PlanWorkspaceService.linkPredecessor: dependsOnKey names a milestone of this request or of the plan. */
function linkPredecessor(milestone, input, idsByKey, errors) {
    if (isBlank(input.dependsOnKey)) return;
    const predecessor = idsByKey.get(input.dependsOnKey);
    if (!predecessor) {
        errors.addFieldError(keyOf(input), 'dependsOnId', MESSAGES.badPredecessor);
        return;
    }
    milestone.Depends_On__c = predecessor;
}
