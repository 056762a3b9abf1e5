// Profiles, permission sets, sharing and the setup objects the package's Apex queries, and the describe facts of
// the schema. Expected permissions come from the package's permission set XML, so the tests follow the metadata.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createOrg } from '../../preview/org/org.mjs';
import { loadOrgSchema } from '../../preview/org/schema.mjs';
import { OPPORTUNITY_STAGES } from '../../scripts/lib/schema/index.mjs';
import { ROOT, TODAY, deal, plan } from './support.mjs';

const schema = loadOrgSchema(ROOT);
const CUSTOM_OBJECTS = ['Mutual_Action_Plan__c', 'Plan_Milestone__c', 'Milestone_Date_Change__c'];

/**
 * An admin (first, current), and Standard Users with the package's sets: a user, a manager, and one with none. The
 * org on its own, its Apex triggers off: these tests are about access, which no trigger changes.
 */
function team(options = {}) {
    const users = [
        { FirstName: 'Ann', LastName: 'Admin', Username: 'admin@test.example' },
        {
            FirstName: 'Vic',
            LastName: 'Vp',
            Username: 'vp@test.example',
            profile: 'Standard User',
            permissionSets: ['Tandem_Manager']
        },
        {
            FirstName: 'Ada',
            LastName: 'Seller',
            Username: 'ada@test.example',
            profile: 'Standard User',
            permissionSets: ['Tandem_User']
        },
        {
            FirstName: 'Bo',
            LastName: 'Seller',
            Username: 'bo@test.example',
            profile: 'Standard User',
            permissionSets: ['Tandem_User']
        },
        { FirstName: 'Nia', LastName: 'None', Username: 'nia@test.example', profile: 'Standard User' }
    ];
    const org = createOrg({ root: ROOT, today: TODAY, users, triggers: 'off', ...options });
    const [admin, vp, ada, bo, nia] = users.map((user) => user.Id);
    // VP Sales above Account Executive: Ada and Bo report up to Vic.
    const [vpRole] = org.insert('UserRole', { Name: 'VP Sales', DeveloperName: 'VP_Sales' });
    const [aeRole] = org.insert('UserRole', { Name: 'Account Executive', DeveloperName: 'AE', ParentRoleId: vpRole });
    org.update('User', [
        { Id: vp, UserRoleId: vpRole },
        { Id: ada, UserRoleId: aeRole },
        { Id: bo, UserRoleId: aeRole }
    ]);
    return { org, admin, vp, ada, bo, nia };
}

describe('profiles and permission sets', () => {
    test('the org has the standard profiles; its first users are System Administrators', () => {
        const { org, admin } = team();
        assert.deepEqual(
            org.query('Profile').map((row) => row.Name),
            ['System Administrator', 'Standard User', 'Read Only', 'Minimum Access - Salesforce']
        );
        assert.equal(org.get('User', admin).ProfileId, org.profileId('System Administrator'));
    });

    test('a user Apex creates needs the fields the platform requires', () => {
        const { org } = team();
        assert.throws(
            () => org.insert('User', { LastName: 'Bare', Username: 'bare@test.example' }),
            (error) =>
                [
                    'Email',
                    'Alias',
                    'ProfileId',
                    'TimeZoneSidKey',
                    'LocaleSidKey',
                    'EmailEncodingKey',
                    'LanguageLocaleKey'
                ].every((field) => error.errors[0].fields.includes(field))
        );
    });

    test('System Administrator: all data, every object, package fields only where granted', () => {
        const { org, admin } = team();
        const access = org.access(admin);
        assert.equal(access.modifyAllData, true);
        assert.equal(access.viewAllData, true);
        for (const name of [...CUSTOM_OBJECTS, 'Account', 'Opportunity']) {
            assert.deepEqual(access.object(name), {
                read: true,
                create: true,
                edit: true,
                delete: true,
                viewAll: true,
                modifyAll: true
            });
        }
        assert.deepEqual(access.field('Mutual_Action_Plan__c', 'Target_Date__c'), { read: false, edit: false });
        assert.deepEqual(access.field('Mutual_Action_Plan__c', 'Opportunity__c'), { read: true, edit: true });
        assert.deepEqual(access.field('Mutual_Action_Plan__c', 'Name'), { read: true, edit: true });
        assert.deepEqual(access.field('Opportunity', 'Amount'), { read: true, edit: true });
        assert.deepEqual(access.field('Opportunity', 'IsClosed'), { read: true, edit: false });
    });

    test('Standard User without the package sets: the sales objects, none of the package objects', () => {
        const { org, nia } = team();
        const access = org.access(nia);
        assert.equal(access.modifyAllData, false);
        for (const name of ['Account', 'Contact', 'Opportunity', 'OpportunityContactRole']) {
            assert.deepEqual(access.object(name), {
                read: true,
                create: true,
                edit: true,
                delete: true,
                viewAll: false,
                modifyAll: false
            });
        }
        for (const name of CUSTOM_OBJECTS) assert.equal(access.object(name).read, false, name);
        for (const name of ['User', 'UserRole', 'Profile', 'PermissionSet', 'OpportunityStage']) {
            assert.deepEqual([access.object(name).read, access.object(name).create], [true, false], name);
        }
        assert.deepEqual(access.field('Mutual_Action_Plan__c', 'Name'), { read: false, edit: false });
    });

    for (const setName of ['Tandem_User', 'Tandem_Manager']) {
        test(`Standard User with ${setName}: object and field permissions as its XML grants them`, () => {
            const { org, ada, vp } = team();
            const access = org.access(setName === 'Tandem_User' ? ada : vp);
            const set = schema.permissionSets.get(setName.toLowerCase());
            for (const entry of set.objectPermissions) {
                const got = access.object(entry.object);
                for (const key of ['read', 'create', 'edit', 'delete', 'viewAll', 'modifyAll']) {
                    if (entry[key]) assert.equal(got[key], true, `${entry.object}.${key}`);
                }
                assert.equal(got.modifyAll, entry.modifyAll, `${entry.object}.modifyAll`);
            }
            for (const entry of set.fieldPermissions) {
                const [objectName, fieldName] = entry.field.split('.');
                const field = schema.object(objectName).field(fieldName);
                const got = access.field(objectName, fieldName);
                assert.equal(got.read, entry.read || entry.edit, `${entry.field} read`);
                // Formula and roll-up fields are never editable, whatever the set says.
                assert.equal(got.edit, entry.edit && field.describe.updateable, `${entry.field} edit`);
            }
            assert.deepEqual(access.field('Mutual_Action_Plan__c', 'Health__c').edit, false);
        });
    }

    test('custom permissions come from the assigned sets; grantAccess adds fields, objects and permissions', () => {
        const { org, nia } = team();
        assert.equal(org.access(nia).permission('Bypass_Plan_Gates'), false);
        org.assignPermissionSets(nia, ['Tandem_Gate_Bypass'], { as: org.currentUserId });
        assert.equal(org.access(nia).permission('Bypass_Plan_Gates'), true);
        org.grantAccess(nia, {
            objects: { Mutual_Action_Plan__c: { read: true } },
            fields: ['Mutual_Action_Plan__c.Target_Date__c']
        });
        assert.deepEqual(org.access(nia).field('Mutual_Action_Plan__c', 'Target_Date__c'), { read: true, edit: true });
        assert.equal(org.access(nia).object('Mutual_Action_Plan__c').create, false);
    });
});

describe('sharing', () => {
    test('defaults: Opportunity Public Read Only, Account Public Read/Write, custom objects from their XML', () => {
        const { org } = team();
        assert.deepEqual(
            ['Account', 'Contact', 'Opportunity', 'User', ...CUSTOM_OBJECTS].map((name) => org.sharingModel(name)),
            [
                'ReadWrite',
                'ControlledByParent',
                'Read',
                'Read',
                'ControlledByParent',
                'ControlledByParent',
                'ControlledByParent'
            ]
        );
    });

    // Opportunity owned by Ada (an account executive), seen by each user: [read, edit].
    const cases = [
        { model: 'Read', user: 'ada', opportunity: [true, true], plan: [true, true] },
        { model: 'Read', user: 'bo', opportunity: [true, false], plan: [true, false] },
        { model: 'Read', user: 'vp', opportunity: [true, true], plan: [true, true] },
        { model: 'Private', user: 'bo', opportunity: [false, false], plan: [false, false] },
        { model: 'Private', user: 'vp', opportunity: [true, true], plan: [true, true] },
        { model: 'Private', user: 'admin', opportunity: [true, true], plan: [true, true] },
        { model: 'ReadWrite', user: 'bo', opportunity: [true, true], plan: [true, true] }
    ];
    for (const { model, user, opportunity, plan: planAccess } of cases) {
        test(`Opportunity ${model}: ${user} on Ada's deal and, controlled by parent, its plan`, () => {
            const people = team({ sharing: { Opportunity: model } });
            const { org, ada } = people;
            const ids = deal(org, { as: ada });
            const { planId } = plan(org, ids, { count: 1, as: ada });
            const who = people[user];
            assert.deepEqual(
                [
                    org.canRead(who, 'Opportunity', ids.opportunityId),
                    org.canEdit(who, 'Opportunity', ids.opportunityId)
                ],
                opportunity
            );
            const row = org.get('Mutual_Action_Plan__c', planId);
            assert.deepEqual(
                [org.canRead(who, 'Mutual_Action_Plan__c', row), org.canEdit(who, 'Mutual_Action_Plan__c', row)],
                planAccess
            );
        });
    }

    test('the role hierarchy works upward only, and View All on the object reads everything', () => {
        const people = team({ sharing: { Opportunity: 'Private' } });
        const { org, vp, ada } = people;
        const ids = deal(org, { as: vp });
        assert.equal(org.canRead(ada, 'Opportunity', ids.opportunityId), false, 'a subordinate does not see up');
        org.grantAccess(ada, { objects: { Opportunity: { viewAll: true } } });
        assert.equal(org.canRead(ada, 'Opportunity', ids.opportunityId), true);
        assert.equal(org.canEdit(ada, 'Opportunity', ids.opportunityId), false);
    });

    test('an account owner sees the account opportunities only as far as their role gives account owners', () => {
        const people = team({ sharing: { Opportunity: 'Private' } });
        const { org, ada, bo } = people;
        const ids = deal(org, { as: bo });
        org.update('Account', { Id: ids.accountId, OwnerId: ada });
        assert.equal(org.canRead(ada, 'Opportunity', ids.opportunityId), false);
        const role = org.get('User', ada).UserRoleId;
        org.update('UserRole', { Id: role, OpportunityAccessForAccountOwner: 'Read' });
        assert.equal(org.canRead(ada, 'Opportunity', ids.opportunityId), true);
        assert.equal(org.canEdit(ada, 'Opportunity', ids.opportunityId), false);
    });

    test('UserRecordAccess combines sharing with object permissions', () => {
        const { org, ada, bo, nia } = team();
        const ids = deal(org, { as: ada });
        const { planId } = plan(org, ids, { count: 1, as: ada });
        const [mine] = org.userRecordAccess(ada, planId);
        assert.deepEqual(
            { ...mine },
            {
                UserId: ada,
                RecordId: planId,
                HasReadAccess: true,
                HasEditAccess: true,
                HasDeleteAccess: true,
                HasTransferAccess: true,
                HasAllAccess: true,
                MaxAccessLevel: 'All'
            }
        );
        const [theirs] = org.userRecordAccess(bo, [planId]);
        assert.deepEqual([theirs.HasReadAccess, theirs.HasEditAccess, theirs.MaxAccessLevel], [true, false, 'Read']);
        const [none] = org.userRecordAccess(nia, planId);
        assert.deepEqual([none.HasReadAccess, none.MaxAccessLevel], [false, 'None'], 'no object permission, no access');
        assert.deepEqual(org.userRecordAccess(ada, '001000000000000AAA'), []);
    });
});

describe('setup objects the package queries', () => {
    test('OpportunityStage has one active row per stage of the sales process, in order', () => {
        const { org } = team();
        const rows = org.query('OpportunityStage').sort((a, b) => a.SortOrder - b.SortOrder);
        assert.deepEqual(
            rows.map((row) => [
                row.ApiName,
                row.MasterLabel,
                row.IsActive,
                row.IsClosed,
                row.IsWon,
                row.DefaultProbability,
                row.ForecastCategoryName
            ]),
            OPPORTUNITY_STAGES.map((stage) => [
                stage.name,
                stage.name,
                true,
                stage.closed,
                stage.won,
                stage.probability,
                stage.forecastCategory
            ])
        );
        assert.deepEqual(
            rows.filter((row) => row.IsClosed).map((row) => [row.ApiName, row.ForecastCategory]),
            [
                ['Closed Won', 'Closed'],
                ['Closed Lost', 'Omitted']
            ]
        );
    });

    test('internal roles have PortalType None; permission sets carry no namespace in the org', () => {
        const { org } = team();
        assert.ok(org.query('UserRole').every((role) => role.PortalType === 'None'));
        assert.ok(org.query('PermissionSet').every((set) => set.NamespacePrefix === null));
    });
});

describe('profiles as permission sets (Object Reference, "PermissionSet", "ObjectPermissions")', () => {
    test('every standard profile owns a permission set holding its user and object permissions', () => {
        const { org } = team();
        const profiles = org.query('Profile');
        const owned = org.query('PermissionSet', { IsOwnedByProfile: true });
        assert.deepEqual(owned.map((set) => set.ProfileId).sort(), profiles.map((profile) => profile.Id).sort());
        assert.ok(
            owned.every((set) => set.IsCustom === false),
            'the sets of standard profiles are not custom'
        );
        const setOf = (name) => owned.find((set) => set.ProfileId === profiles.find((p) => p.Name === name).Id);
        assert.equal(setOf('System Administrator').PermissionsModifyAllData, true);
        assert.equal(setOf('Standard User').PermissionsViewAllData, false);
        const grants = (name) =>
            org
                .query('ObjectPermissions', { ParentId: setOf(name).Id })
                .filter((row) => row.PermissionsCreate && row.PermissionsEdit && row.PermissionsDelete)
                .map((row) => row.SobjectType)
                .sort();
        assert.deepEqual(grants('Standard User'), ['Account', 'Contact', 'Opportunity']);
        assert.deepEqual(grants('Read Only'), []);
        assert.deepEqual(grants('Minimum Access - Salesforce'), []);
    });

    test("the package's permission sets are custom and carry their object permissions as rows", () => {
        const { org } = team();
        const [admin] = org.query('PermissionSet', { Name: 'Tandem_Admin' });
        assert.equal(admin.IsOwnedByProfile, false);
        assert.equal(admin.IsCustom, true);
        const setupChange = org
            .query('ObjectPermissions', { ParentId: admin.Id })
            .find((row) => row.SobjectType === 'Setup_Change__c');
        assert.deepEqual(
            [setupChange.PermissionsRead, setupChange.PermissionsCreate, setupChange.PermissionsEdit],
            [true, true, false]
        );
    });
});

describe('describe facts', () => {
    const planObject = schema.object('Mutual_Action_Plan__c');
    const cases = [
        ['Status__c', { type: 'PICKLIST', calculated: false, nillable: true, updateable: true }],
        ['Health__c', { calculated: true, createable: false, updateable: false }],
        ['Milestone_Count__c', { calculated: true, updateable: false, type: 'DOUBLE' }],
        ['Opportunity__c', { type: 'REFERENCE', referenceTo: ['Opportunity'], nillable: false, cascadeDelete: true }],
        ['Name', { nameField: true, type: 'STRING', length: 80 }],
        ['Id', { type: 'ID', createable: false, nillable: false }],
        ['Target_Date__c', { type: 'DATE', custom: true }]
    ];
    for (const [fieldName, expected] of cases) {
        test(`Mutual_Action_Plan__c.${fieldName} describes as ${JSON.stringify(expected)}`, () => {
            const described = planObject.field(fieldName).describe;
            for (const [key, value] of Object.entries(expected)) assert.deepEqual(described[key], value, key);
        });
    }

    test('picklist values keep their labels and default flag; objects have labels and key prefixes', () => {
        const status = planObject.field('Status__c').describe.picklistValues;
        assert.deepEqual(status[0], { value: 'Draft', label: 'Draft', defaultValue: true, active: true });
        assert.equal(status.filter((entry) => entry.defaultValue).length, 1);
        assert.deepEqual(
            [planObject.describe.label, planObject.describe.labelPlural, planObject.describe.custom],
            ['Mutual Action Plan', 'Mutual Action Plans', true]
        );
        assert.equal(schema.object('Opportunity').describe.keyPrefix, '006');
        assert.equal(
            schema.object('Opportunity').field('StageName').describe.picklistValues.length,
            OPPORTUNITY_STAGES.length
        );
        assert.equal(schema.object('OpportunityStage').describe.createable, false);
    });
});
