// Custom settings (Apex Reference, "Custom Settings Methods",
// https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_custom_settings.htm),
// on the fixture project's protected hierarchy setting Buyer_Link_Setting__c and list setting Region_Code__c.
// The hierarchy rows follow the page's own example: organization OverrideMe "Hello" and DontOverrideMe "World",
// profile OverrideMe "Goodbye", user OverrideMe "Fluffy" (here Signing_Key__c and Sender_Name__c).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apex, FIXTURE, fixtureSession } from './fixture-session.mjs';
import { UnsupportedError } from '../../interpreter/errors.mjs';

const ORG_ROW =
    "insert new Buyer_Link_Setting__c(SetupOwnerId = UserInfo.getOrganizationId(), Signing_Key__c = 'Hello', Sender_Name__c = 'World', Link_Lifetime_Days__c = 30);";

/** The page's example hierarchy: organization, the standard user's profile, the standard user. */
function exampleHierarchy() {
    const fixture = fixtureSession();
    const { session, org, standard } = fixture;
    const profileId = org.get('User', standard).ProfileId;
    apex(
        session,
        `${ORG_ROW}
        insert new Buyer_Link_Setting__c(SetupOwnerId = '${profileId}', Signing_Key__c = 'Goodbye');
        insert new Buyer_Link_Setting__c(SetupOwnerId = '${standard}', Signing_Key__c = 'Fluffy');`
    );
    return { ...fixture, profileId };
}

const fields = (record) => `Buyer_Link_Setting__c r = ${record}; Probe.result = r == null ? null : r;`;
const pair = (record) => `String.valueOf(${record}.Signing_Key__c) + ' ' + String.valueOf(${record}.Sender_Name__c)`;

describe('custom setting objects in the embedded org', () => {
    test('a hierarchy setting has Id, Name, SetupOwnerId and the audit fields besides its own (platform-fields)', () => {
        const { org } = fixtureSession();
        const object = org.schema.object('Buyer_Link_Setting__c');
        for (const name of ['Id', 'Name', 'SetupOwnerId', 'CreatedDate', 'LastModifiedById', 'Signing_Key__c']) {
            assert.ok(object.field(name), `${name} is a field of Buyer_Link_Setting__c`);
        }
        assert.equal(object.customSettingsType, 'Hierarchy');
        // Hierarchy data is defined per organization, profile or user; no data set name is asked for.
        assert.equal(object.field('Name').required, false);
        assert.equal(object.field('OwnerId'), undefined, 'a custom setting has no owner');
    });

    test('the fixture keeps a Protected hierarchy setting, and the package code reads it like any other', () => {
        const xml = readFileSync(
            join(FIXTURE, 'force-app/main/default/objects/Buyer_Link_Setting__c/Buyer_Link_Setting__c.object-meta.xml'),
            'utf8'
        );
        assert.match(xml, /<customSettingsType>Hierarchy<\/customSettingsType>/);
        assert.match(xml, /<visibility>Protected<\/visibility>/);
        const { session } = fixtureSession();
        assert.equal(apex(session, ORG_ROW, 'Buyer_Link_Setting__c.getOrgDefaults().Signing_Key__c'), 'Hello');
    });

    test('a list setting needs the name of its data set ("you must name each set of data")', () => {
        const { session } = fixtureSession();
        const got = apex(session, "insert new Region_Code__c(Code__c = 'EU');");
        assert.equal(got.thrown, 'System.DmlException');
        assert.match(got.message, /REQUIRED_FIELD_MISSING/);
    });

    test('DML and SOQL work on a custom setting, and a SOQL query of it counts against the query limit', () => {
        const { session } = fixtureSession();
        const got = apex(
            session,
            ORG_ROW,
            '[SELECT Signing_Key__c, SetupOwnerId FROM Buyer_Link_Setting__c WHERE SetupOwnerId = :UserInfo.getOrganizationId()].Signing_Key__c',
            { limits: true }
        );
        assert.equal(got.result, 'Hello');
        assert.equal(
            got.limits.queries,
            1,
            '"querying custom settings data using SOQL ... is similar to querying a custom object"'
        );
    });
});

describe('hierarchy custom settings', () => {
    test('getOrgDefaults() returns the record whose SetupOwnerId is the organization id', () => {
        const { session } = fixtureSession();
        assert.equal(
            apex(
                session,
                ORG_ROW,
                `${pair('Buyer_Link_Setting__c.getOrgDefaults()')} + ' ' + Buyer_Link_Setting__c.getOrgDefaults().Link_Lifetime_Days__c`
            ),
            'Hello World 30'
        );
    });

    test('getOrgDefaults() without organization data returns an empty custom setting object, not null', () => {
        const { session } = fixtureSession();
        const code = 'Buyer_Link_Setting__c s = Buyer_Link_Setting__c.getOrgDefaults();';
        assert.equal(apex(session, code, "(s != null) + ' ' + s.Id + ' ' + s.Signing_Key__c"), 'true null null');
    });

    test('getInstance(userId) merges user over profile over organization, field by field (the page example)', () => {
        const { session, standard } = exampleHierarchy();
        assert.equal(apex(session, '', pair(`Buyer_Link_Setting__c.getInstance('${standard}')`)), 'Fluffy World');
    });

    test('getInstance(profileId) merges the profile over the organization', () => {
        const { session, profileId } = exampleHierarchy();
        assert.equal(apex(session, '', pair(`Buyer_Link_Setting__c.getInstance('${profileId}')`)), 'Goodbye World');
    });

    test('getInstance() is getInstance for the running user', () => {
        const { session, standard } = exampleHierarchy();
        assert.equal(
            apex(session, '', pair('Buyer_Link_Setting__c.getInstance()'), { userId: standard }),
            'Fluffy World'
        );
    });

    test('getInstance(userId) returns the user record itself (its Id) when the user has one', () => {
        const { session, standard } = exampleHierarchy();
        const got = apex(
            session,
            `Buyer_Link_Setting__c s = Buyer_Link_Setting__c.getInstance('${standard}');`,
            `s.Id == [SELECT Id FROM Buyer_Link_Setting__c WHERE SetupOwnerId = '${standard}'].Id`
        );
        assert.equal(got, 'true');
    });

    test('getValues(userId) and getValues(profileId) return only what that level defines, unmerged', () => {
        const { session, standard, profileId } = exampleHierarchy();
        assert.equal(apex(session, '', pair(`Buyer_Link_Setting__c.getValues('${standard}')`)), 'Fluffy null');
        assert.equal(apex(session, '', pair(`Buyer_Link_Setting__c.getValues('${profileId}')`)), 'Goodbye null');
    });

    test('getValues(userId) is null when nothing is defined for that user', () => {
        const { session, admin } = exampleHierarchy();
        assert.equal(apex(session, '', `Buyer_Link_Setting__c.getValues('${admin}')`), 'null');
    });

    test('without a user record, getInstance returns a new object: Id null, merged fields, the user as SetupOwnerId', () => {
        const { session, admin } = exampleHierarchy();
        const code = `Buyer_Link_Setting__c s = Buyer_Link_Setting__c.getInstance('${admin}');`;
        // Ada is a System Administrator: no profile record, so the organization's values.
        assert.equal(
            apex(session, code, `s.Id + ' ' + (s.SetupOwnerId == '${admin}') + ' ' + ${pair('s')}`),
            'null true Hello World'
        );
    });

    test('with no data in the hierarchy, getInstance has empty fields except SetupOwnerId, the user id', () => {
        const { session, standard } = fixtureSession();
        const code = `Buyer_Link_Setting__c s = Buyer_Link_Setting__c.getInstance('${standard}');`;
        assert.equal(
            apex(session, code, `s.Id + ' ' + (s.SetupOwnerId == '${standard}') + ' ' + ${pair('s')}`),
            'null true null null'
        );
    });

    test('the new object getInstance returns can be inserted as the user\'s record ("by using insert or upsert")', () => {
        const { session, admin } = exampleHierarchy();
        const code = `Buyer_Link_Setting__c s = Buyer_Link_Setting__c.getInstance('${admin}');
            s.Signing_Key__c = 'Mine';
            insert s;`;
        assert.equal(apex(session, code, pair(`Buyer_Link_Setting__c.getValues('${admin}')`)), 'Mine World');
    });

    test('the methods read the cache: no SOQL query is counted', () => {
        const { session, standard } = exampleHierarchy();
        const got = apex(
            session,
            `Buyer_Link_Setting__c.getOrgDefaults(); Buyer_Link_Setting__c.getInstance(); Buyer_Link_Setting__c.getInstance('${standard}'); Buyer_Link_Setting__c.getValues('${standard}');`,
            "'read'",
            { limits: true }
        );
        assert.deepEqual([got.result, got.limits.queries, got.limits.queryRows], ['read', 0, 0]);
    });

    test('a returned record is a copy: changing it changes no stored value until it is saved', () => {
        const { session } = fixtureSession();
        const code = `${ORG_ROW}
            Buyer_Link_Setting__c s = Buyer_Link_Setting__c.getOrgDefaults();
            s.Signing_Key__c = 'Changed';`;
        assert.equal(apex(session, code, 'Buyer_Link_Setting__c.getOrgDefaults().Signing_Key__c'), 'Hello');
    });

    test('an id that is neither a user nor a profile is not modelled and says so', () => {
        const { session } = fixtureSession();
        assert.throws(
            () => apex(session, '', "Buyer_Link_Setting__c.getInstance('001000000000001AAA')"),
            UnsupportedError
        );
    });
});

describe('list custom settings', () => {
    const rows = `insert new List<Region_Code__c>{
        new Region_Code__c(Name = 'Europe', Code__c = 'EU'),
        new Region_Code__c(Name = 'North America', Code__c = 'NA')
    };`;

    test('getAll() returns every data set keyed by its name', () => {
        const { session } = fixtureSession();
        assert.equal(
            apex(
                session,
                `${rows} Map<String, Region_Code__c> all = Region_Code__c.getAll();`,
                "all.size() + ' ' + all.get('Europe').Code__c + ' ' + all.get('North America').Code__c"
            ),
            '2 EU NA'
        );
    });

    test('getInstance(name) and getValues(name) return the same data set', () => {
        const { session } = fixtureSession();
        assert.equal(
            apex(
                session,
                rows,
                "Region_Code__c.getInstance('Europe').Code__c + ' ' + Region_Code__c.getValues('Europe').Code__c"
            ),
            'EU EU'
        );
    });

    test('getInstance(name) and getValues(name) are null for a name with no data set', () => {
        const { session } = fixtureSession();
        assert.equal(
            apex(
                session,
                rows,
                "Region_Code__c.getInstance('Asia') == null && Region_Code__c.getValues('Asia') == null"
            ),
            'true'
        );
    });

    test('getAll() counts no SOQL query', () => {
        const { session } = fixtureSession();
        const got = apex(session, `${rows} Region_Code__c.getAll(); Region_Code__c.getInstance('Europe');`, "'read'", {
            limits: true
        });
        assert.equal(got.limits.queries, 0);
    });
});
