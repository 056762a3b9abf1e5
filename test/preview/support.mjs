// Shared by the embedded org's tests: an org with an account executive and a data-load user, a deal, a plan, and
// the package's own rule messages and settings, read from the metadata so the tests follow it. The project's
// triggers are Apex: newApexOrg() runs them through the offline Apex runtime; newOrg() is the org on its own, for
// tests of its metadata rules, and saves with `triggers: 'off'`.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApexSession, loadPackageProgram } from '../../apex-runtime/session.mjs';
import { createOrg } from '../../preview/org/org.mjs';
import { DEMO_GATE_SETTINGS } from '../../preview/demo-team.mjs';
import { loadOrgSchema } from '../../preview/org/schema.mjs';
import { addDays } from '../../scripts/lib/iso-dates.mjs';

export { addDays };

export const ROOT = process.env.TANDEM_ROOT
    ? resolve(process.env.TANDEM_ROOT)
    : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const TODAY = '2026-03-02';

const BYPASS = 'Bypass_Plan_Gates';

/** The account executive (current) and the loader holding every permission set that grants the gate bypass. */
function team(sellerSets = []) {
    const bypassSets = loadOrgSchema(ROOT).permissionSetsGranting(BYPASS);
    return [
        { FirstName: 'Ada', LastName: 'Seller', Username: 'ada@test.example', permissionSets: sellerSets },
        {
            FirstName: 'Lou',
            LastName: 'Loader',
            Username: 'lou@test.example',
            permissionSets: [...new Set([...sellerSets, ...bypassSets])]
        }
    ];
}

/**
 * The org on its own on TODAY, its triggers off: an account executive (current; no permission set, so no bypass)
 * and a loader with the bypass. Returns { org, ae, loader }.
 */
export function newOrg(options = {}) {
    const users = team();
    const org = createOrg({ root: ROOT, today: TODAY, users, triggers: 'off', ...options });
    return { org, ae: users[0].Id, loader: users[1].Id };
}

let program;

/** The package's Apex, parsed once per test process. */
export function apexProgram() {
    program ??= loadPackageProgram(ROOT);
    return program;
}

/**
 * The org with the package's Apex triggers on it, as in a subscriber org: both users hold Tandem_User (the Apex
 * queries in user mode), the loader the bypass too. Returns { org, session, ae, loader }.
 */
export function newApexOrg({ gates = false, ...options } = {}) {
    const users = team(['Tandem_User']);
    // `gates`: the admin turned the stage gates on, as in the demo org (a fresh install gates nothing).
    const customMetadata = gates ? DEMO_GATE_SETTINGS : {};
    const session = createApexSession(apexProgram(), { root: ROOT, today: TODAY, users, customMetadata, ...options });
    return { org: session.org, session, ae: users[0].Id, loader: users[1].Id };
}

/** The active rule's message and display field, from the metadata. */
export function rule(org, object, name) {
    const found = org.schema.object(object).validationRules.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no active validation rule ${object}.${name}`);
    return found;
}

const stages = (value) =>
    String(value ?? '')
        .split(';')
        .map((stage) => stage.trim())
        .filter(Boolean);

/** Gated stages and thresholds of the Plan_Setting__mdt Default in force in `org`. */
export function settings(org) {
    const setting = org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default');
    const accepted = stages(setting.Accepted_Plan_Stages__c);
    const active = stages(setting.Active_Plan_Stages__c);
    return {
        ...setting,
        activeOnly: active.find((stage) => !accepted.includes(stage)),
        accepted: accepted[0],
        ungated: ['Prospecting', 'Qualification', 'Needs Analysis', 'Value Proposition'].find(
            (stage) => !active.includes(stage) && !accepted.includes(stage)
        )
    };
}

/** An account, a buyer contact and an opportunity in an ungated stage, saved by the AE. */
export function deal(org, { stage, closeDate = addDays(TODAY, 60), as } = {}) {
    const [accountId] = org.insert('Account', { Name: 'Acme Buyer' }, { as });
    const [buyerId] = org.insert('Contact', { FirstName: 'Bea', LastName: 'Buyer', AccountId: accountId }, { as });
    const [opportunityId] = org.insert(
        'Opportunity',
        {
            Name: 'Acme platform deal',
            AccountId: accountId,
            StageName: stage ?? settings(org).ungated,
            CloseDate: closeDate,
            Amount: 120000
        },
        { as }
    );
    return { accountId, buyerId, opportunityId };
}

/**
 * A plan with `count` joint milestones a week apart from next week, owned by the buyer and the running user; the
 * last one marks the close. Returns { planId, milestoneIds }.
 */
export function plan(org, { opportunityId, buyerId }, { status = 'Draft', count = 3, as } = {}) {
    const [planId] = org.insert(
        'Mutual_Action_Plan__c',
        {
            Name: 'Acme go-live plan',
            Opportunity__c: opportunityId,
            Status__c: status,
            Target_Date__c: addDays(TODAY, 90)
        },
        { as }
    );
    const seller = as ?? org.currentUserId;
    const milestoneIds = org.insert(
        'Plan_Milestone__c',
        Array.from({ length: count }, (_, i) => ({
            Name: `Step ${i + 1}`,
            Plan__c: planId,
            Side__c: 'Joint',
            Sort_Order__c: i + 1,
            Due_Date__c: addDays(TODAY, 7 * (i + 1)),
            Buyer_Owner__c: buyerId,
            Seller_Owner__c: seller,
            Marks_Close__c: i === count - 1
        })),
        { as }
    );
    return { planId, milestoneIds };
}

/** Runs fn and returns the DmlError it throws (fails if it does not throw one). */
export function dmlError(fn) {
    try {
        fn();
    } catch (error) {
        if (error.name === 'DmlError') return error;
        throw error;
    }
    throw new Error('expected a DmlError, but the save went through');
}
