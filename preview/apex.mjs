// The preview's backend is the package's own Apex, run by the offline Apex runtime (apex-runtime/) on the embedded
// org: a component's Apex call is one Apex transaction of the previewing user, through the same @AuraEnabled
// method an org would call, and the demo data comes from the dev directory's Apex loader (TandemDemoData.load()).
import { ApexThrow } from '../apex-runtime/interpreter/errors.mjs';
import { createApexSession, loadPackageProgram } from '../apex-runtime/session.mjs';
import {
    DEMO_GATE_SETTINGS,
    DEMO_ROLES,
    DEMO_SELLERS,
    DEMO_SITE_GUEST,
    DEMO_TEAM,
    SITE_CLASSES
} from './demo-team.mjs';

/**
 * What an LWC receives when an Apex call fails ("Handle Errors in Lightning Web Components"): an
 * AuraHandledException's message as it was set; any other exception only as a generic message, as the platform
 * hides the internals of unhandled exceptions from the client.
 */
export function auraErrorBody(error) {
    if (error instanceof ApexThrow) {
        const handled = /AuraHandledException$/i.test(error.typeName ?? '');
        return {
            // A deliberate refusal (AuraHandledException) is the user's to act on; anything else is a server fault.
            status: handled ? 400 : 500,
            body: {
                message: handled ? error.apexMessage : `${error.typeName}: ${error.apexMessage}`,
                exceptionType: error.typeName,
                isUserDefinedException: false,
                stackTrace: null
            }
        };
    }
    return { status: 500, body: { message: error?.message ?? String(error) } };
}

/**
 * The org's users, as a scratch org has them before any data: the sales team in its role hierarchy with the
 * package's permission sets (setup data, created here as Setup would), the previewing user first.
 */
function createTeam(org, adminId) {
    const as = { as: adminId };
    const roles = {};
    for (const role of DEMO_ROLES) {
        [roles[role.key]] = org.insert(
            'UserRole',
            {
                Name: role.Name,
                DeveloperName: role.DeveloperName,
                ParentRoleId: role.parent ? roles[role.parent] : null
            },
            as
        );
    }
    const users = {};
    for (const person of DEMO_TEAM) {
        const email = `${person.FirstName}.${person.LastName}@tandem-demo.example`
            .toLowerCase()
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '');
        [users[person.key]] = org.insert(
            'User',
            {
                FirstName: person.FirstName,
                LastName: person.LastName,
                Title: person.Title,
                Username: email,
                Email: email,
                Alias: (person.FirstName.slice(0, 1) + person.LastName.slice(0, 4))
                    .toLowerCase()
                    .replace(/[^a-z]/g, ''),
                Department: 'Sales',
                UserRoleId: roles[person.role],
                ManagerId: person.manager ? users[person.manager] : null,
                ProfileId: org.profileId('Standard User'),
                TimeZoneSidKey: 'America/Los_Angeles',
                LocaleSidKey: 'en_US',
                EmailEncodingKey: 'UTF-8',
                LanguageLocaleKey: 'en_US'
            },
            as
        );
        org.assignPermissionSets(users[person.key], person.sets, as);
    }
    return { roles, users };
}

/** The buyer page's site guest user (DEMO_SITE_GUEST), created by the admin as Setup creates a site's guest user. */
function createSiteGuest(org, adminId) {
    const { profile, sets, ...fields } = DEMO_SITE_GUEST;
    const [guestId] = org.insert(
        'User',
        {
            ...fields,
            Email: fields.Username,
            ProfileId: org.profileId(profile),
            TimeZoneSidKey: 'America/Los_Angeles',
            LocaleSidKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US'
        },
        { as: adminId }
    );
    org.assignPermissionSets(guestId, sets, { as: adminId });
    return guestId;
}

/**
 * An embedded org with the demo loaded by the Apex loader, its deals dealt to the six account executives
 * (DEMO_SELLERS) and the preview handed to the first of them. The loader runs as that account executive holding, for
 * the load only, the admin and gate-bypass permission sets, as scripts/org/load-demo-data.sh has it in a scratch
 * org. The buyer page's site guest user comes last (demo.siteGuest). Returns { session, org, demo }.
 */
export function createDemoSession({ root, today, program = loadPackageProgram(root) }) {
    const session = createApexSession(program, {
        root,
        today,
        users: [
            {
                FirstName: 'Preview',
                LastName: 'Admin',
                Title: 'Administrator',
                Username: 'admin@tandem-demo.example',
                permissionSets: ['Tandem_Admin']
            }
        ]
    });
    const { org } = session;
    const adminId = org.currentUserId;
    const demo = { ...createTeam(org, adminId), admin: adminId };
    const loader = demo.users[DEMO_TEAM.find((person) => person.loadsDemo).key];
    const loaderSets = org.schema.permissionSetsGranting('Bypass_Plan_Gates').concat('Tandem_Admin');
    const assignments = org.assignPermissionSets(loader, loaderSets, { as: adminId });
    // The deals go to the sales team by seat, as anonymous Apex would pass them in an org (DEMO_SELLERS).
    const team = DEMO_SELLERS.map((key) => `'${demo.users[key]}'`).join(', ');
    session.transaction(loader, (rt) => rt.runAnonymous(`TandemDemoData.load(new List<Id>{ ${team} });`));
    org.remove('PermissionSetAssignment', assignments, { as: adminId });
    // Then the admin turns the stage gates on from the Tandem Setup page, leaving the legacy deals in gated stages
    // without a plan: the same deployment (and change log) as a click on Save, and the same settings the Apex tests
    // run with when the gates are on.
    turnGatesOn(session, adminId);
    demo.siteGuest = createSiteGuest(org, adminId);
    org.setCurrentUser(loader);
    return { session, org, demo };
}

/** The admin saves DEMO_GATE_SETTINGS on the Tandem Setup page; fails loudly if the deployment differs. */
function turnGatesOn(session, adminId) {
    const wanted = DEMO_GATE_SETTINGS['Plan_Setting__mdt.Default'];
    const stages = (value) =>
        String(value ?? '')
            .split(';')
            .filter(Boolean);
    const current = session.org
        .customMetadata('Plan_Setting__mdt')
        .find((record) => record.DeveloperName === 'Default');
    const request = {
        activePlanStages: stages(wanted.Active_Plan_Stages__c),
        acceptedPlanStages: stages(wanted.Accepted_Plan_Stages__c),
        thresholds: {
            atRiskOverdueDays: current.At_Risk_Overdue_Days__c,
            offTrackOverdueDays: current.Off_Track_Overdue_Days__c,
            atRiskSlipDays: current.At_Risk_Slip_Days__c,
            stalePlanDays: current.Stale_Plan_Days__c
        }
    };
    session.transaction(adminId, (rt) => rt.callAura('TandemSetupController', 'saveSetup', { request }));
    const saved = session.org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default');
    for (const [field, value] of Object.entries(wanted)) {
        if (saved[field] !== value)
            throw new Error(`the demo's gate settings did not deploy: ${field} is ${saved[field]}`);
    }
}

/**
 * Answers a component's Apex call: one transaction through the @AuraEnabled method, of the current user, or, for the
 * classes a site's pages call (SITE_CLASSES), of the site's guest user `siteGuest` when there is one: in an org those
 * calls come from the site, whoever else is signed in to Salesforce in the same browser.
 */
export function apexCaller(session, { siteGuest = null } = {}) {
    const siteClasses = new Set(SITE_CLASSES.map((name) => name.toLowerCase()));
    return async (className, methodName, params) => {
        const userId =
            siteGuest && siteClasses.has(String(className).toLowerCase()) ? siteGuest : session.org.currentUserId;
        try {
            return session.transaction(userId, (rt) => rt.callAura(className, methodName, params));
        } catch (error) {
            throw Object.assign(new Error(error.message), auraErrorBody(error));
        }
    };
}
