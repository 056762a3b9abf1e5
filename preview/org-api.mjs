// What the preview's own pages (record page, opportunity list) ask of the embedded org: in an org, the
// platform's record page and LDS do this. Saves go through the org, so the package's rules apply.
import { auraErrorBody } from './apex.mjs';
import { DEMO_TEAM } from './demo-team.mjs';

function ownerName(org, ownerId) {
    const owner = ownerId ? org.get('User', ownerId) : null;
    return owner ? [owner.FirstName, owner.LastName].filter(Boolean).join(' ') : '';
}

function opportunityView(org, opportunity) {
    const account = opportunity.AccountId ? org.get('Account', opportunity.AccountId) : null;
    return { ...opportunity, AccountName: account?.Name ?? '', OwnerName: ownerName(org, opportunity.OwnerId) };
}

/** The Opportunity stage picklist, in its order: what the record page's path shows. */
function stageNames(org) {
    return org.schema.object('Opportunity').fields.get('stagename')?.picklist?.values ?? [];
}

/**
 * Whom the preview can be viewed as, for the shell's "Viewing as" switch: the account executive who owns the demo,
 * the managers (the VP and the two sales managers) and the admin who holds Tandem_Admin, as { value, label }.
 */
export function viewerChoices(org, demo) {
    const choice = (id) => {
        const user = org.get('User', id);
        return { value: user.Id, label: `${ownerName(org, id)} (${user.Title})` };
    };
    const seller = DEMO_TEAM.find((person) => person.loadsDemo);
    const managers = DEMO_TEAM.filter((person) => person.sets.includes('Tandem_Manager'));
    return [seller, ...managers].map((person) => choice(demo.users[person.key])).concat(choice(demo.admin));
}

/** The opportunity's plan a buyer link goes to: its active plan, else its newest draft. */
function openPlanOf(org, opportunityId) {
    const plans = org.query('Mutual_Action_Plan__c', { Opportunity__c: opportunityId });
    const newest = (status) =>
        plans
            .filter((plan) => plan.Status__c === status)
            .sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)))[0];
    return newest('Active') ?? newest('Draft') ?? null;
}

/**
 * `demo` (optional): the demo team and admin from createDemoSession(); setViewer switches only to them. `session`
 * (optional): the Apex session, for the preview-only buyer page link.
 */
export function createOrgApi(org, demo = null, session = null) {
    const viewers = new Set(demo ? [...Object.values(demo.users), demo.admin].map((id) => org.get('User', id).Id) : []);
    return {
        opportunities() {
            return org
                .query('Opportunity')
                .map((o) => opportunityView(org, o))
                .sort((a, b) => String(a.CloseDate).localeCompare(String(b.CloseDate)));
        },
        opportunityPage({ recordId }) {
            const record = org.get('Opportunity', recordId);
            if (!record) throw Object.assign(new Error(`No opportunity ${recordId}`), { status: 404 });
            return { record: opportunityView(org, record), stages: stageNames(org) };
        },
        getRecord({ recordId, fields = [] }) {
            const sobject = fields[0]?.split('.')[0] ?? 'Opportunity';
            const record = org.get(sobject, recordId);
            if (!record) throw Object.assign(new Error(`No record ${recordId}`), { status: 404 });
            const values = {};
            for (const name of fields) {
                const field = name.split('.').slice(1).join('.') || name;
                values[field] = { value: record[field] ?? null, displayValue: null };
            }
            return { id: record.Id, apiName: sobject, fields: values };
        },
        // The preview's pages edit opportunities only (the stage path).
        updateRecord({ fields }) {
            const { Id, ...changes } = fields ?? {};
            org.update('Opportunity', [{ Id, ...changes }]);
            return { id: Id };
        },
        // The stage path's refused move, asked again after the plan changed: would the same save pass the rules now?
        // The save runs and is rolled back to a savepoint (Database.rollback undoes every write after it: Apex
        // Developer Guide, "Transaction Control"), so nothing is kept either way. Answers the refusal's message or null.
        wouldRefuse({ fields }) {
            const { Id, ...changes } = fields ?? {};
            const savepoint = org.savepoint();
            try {
                org.update('Opportunity', [{ Id, ...changes }]);
                return { message: null };
            } catch (error) {
                if (!error.body) throw error;
                const body = error.body;
                return {
                    message:
                        Object.values(body.fieldErrors ?? {})[0]?.[0]?.message ??
                        body.pageErrors?.[0]?.message ??
                        body.message
                };
            } finally {
                org.rollbackTo(savepoint);
                org.releaseSavepoint(savepoint);
            }
        },
        // Preview only, until the plan workspace sends plans: a new link to the buyer page for the opportunity's plan,
        // made by the dev directory's TandemDemoBuyerLinks as the viewing user. Answers the buyer page's address.
        buyerPageLink({ recordId } = {}) {
            if (!session) throw Object.assign(new Error('The preview has no Apex session.'), { status: 404 });
            const plan = openPlanOf(org, recordId);
            if (!plan) {
                throw Object.assign(new Error('This opportunity has no active or draft plan to open.'), {
                    status: 400
                });
            }
            let token;
            try {
                token = session.transaction(org.currentUserId, (rt) =>
                    rt.evaluate(`TandemDemoBuyerLinks.linkFor('${plan.Id}')`)
                );
            } catch (error) {
                const { status, body } = auraErrorBody(error);
                throw Object.assign(new Error(body.message), { status, body });
            }
            return { url: `/buyer?t=${encodeURIComponent(String(token))}` };
        },
        // The shell's "Viewing as" switch: later Apex calls run as this user. Only the demo's own people.
        setViewer({ userId } = {}) {
            const user = userId ? org.get('User', userId) : null;
            if (!user || !viewers.has(user.Id)) {
                throw Object.assign(new Error(`The preview cannot be viewed as ${userId ?? 'nobody'}.`), {
                    status: 403
                });
            }
            org.setCurrentUser(user.Id);
            return { userId: user.Id };
        }
    };
}
