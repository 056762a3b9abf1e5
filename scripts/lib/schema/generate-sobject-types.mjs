#!/usr/bin/env node
// Regenerates scripts/lib/schema/sobject-types.json, the catalogue of standard objects behind the schema model
// (standard-objects.mjs): every object by name, and the objects a sales package plausibly queries field by field.
// Source: the sobject-types jar bundled with the PMD engine (the Apex language server's model of the platform), read
// with the JDK's `javap` and `jar`. Run it after upgrading @salesforce/code-analyzer-pmd-engine:
// node scripts/lib/schema/generate-sobject-types.mjs
//
// In the jar each standard object is a class com.nawforce.runforce.SObjects.<Name> whose public fields are the
// object's fields: a field typed as another SObject is a relationship (Owner: User), an array of SObjects is a child
// relationship (OpportunityContactRoles: OpportunityContactRole[]), anything else is a plain field.
import { writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { bundledJar, run } from '../apex-java.mjs';

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), 'sobject-types.json');
const PACKAGE = 'com.nawforce.runforce.SObjects.';

// Objects described field by field: those a sales package plausibly queries. `Name` is the platform's stand-in for
// polymorphic lookups (Task.What, Owner on custom objects). Every other standard object is only listed by name,
// so a query on it is accepted without checking its fields.
const DETAILED = [
    'Opportunity',
    'OpportunityContactRole',
    'OpportunityHistory',
    'OpportunityFieldHistory',
    'OpportunityShare',
    'OpportunityStage',
    'OpportunityTeamMember',
    'Account',
    'Contact',
    'User',
    'UserRole',
    'Group',
    'GroupMember',
    'Profile',
    'PermissionSet',
    'PermissionSetAssignment',
    'CustomPermission',
    'SetupEntityAccess',
    'RecordType',
    'Task',
    'Event',
    'AsyncApexJob',
    'ApexClass',
    'CronTrigger',
    'CronJobDetail',
    'CustomNotificationType',
    'Organization',
    'ContentDocumentLink',
    'Name'
];

/** Parses javap's listing of one or more classes into { Name: { fields, relationships, children } }. */
function parseJavap(listing) {
    const objects = {};
    let current;
    for (const line of listing.split('\n')) {
        const header = line.match(/^public class com\.nawforce\.runforce\.SObjects\.(\w+) /);
        if (header) {
            current = { fields: {}, relationships: {}, children: {} };
            objects[header[1]] = current;
            continue;
        }
        // Instance fields only: static members (SObjectType, Fields) and methods (with parentheses) are not fields.
        const member = line.match(/^ {2}public ([\w.$]+)(\[\])? (\w+);$/);
        if (!current || !member) continue;
        const [, type, array, name] = member;
        const simpleType = type.slice(type.lastIndexOf('.') + 1);
        if (array) {
            if (type.startsWith(PACKAGE)) current.children[name] = simpleType;
        } else if (type.startsWith(PACKAGE) || type === 'com.nawforce.runforce.System.SObject') {
            // '*' marks a polymorphic lookup to any object, whose fields cannot be known.
            current.relationships[name] = type.startsWith(PACKAGE) ? simpleType : '*';
        } else {
            current.fields[name] = simpleType;
        }
    }
    // Compound fields (BillingAddress) are typed as SObjects too, but a relationship always has an `<Name>Id` field
    // beside it and a compound field never has: move those back to plain fields.
    for (const object of Object.values(objects)) {
        for (const [name, target] of Object.entries(object.relationships)) {
            if (!(`${name}Id` in object.fields)) {
                object.fields[name] = target;
                delete object.relationships[name];
            }
        }
    }
    return objects;
}

const jar = bundledJar('sobject-types-');
const listing = await run('jar', ['tf', jar]);
const allNames = [...listing.stdout.matchAll(/^com\/nawforce\/runforce\/SObjects\/(\w+)\.class$/gm)].map((m) => m[1]);
const javap = await run('javap', ['-cp', jar, ...DETAILED.map((name) => PACKAGE + name)]);
if (javap.code !== 0) throw new Error(`javap failed: ${javap.stderr}`);
const objects = parseJavap(javap.stdout);
const missing = DETAILED.filter((name) => !objects[name]);
if (missing.length > 0) throw new Error(`not in ${basename(jar)}: ${missing.join(', ')}`);

const data = {
    generatedBy: 'scripts/lib/schema/generate-sobject-types.mjs',
    source: basename(jar),
    objects,
    otherObjects: allNames.filter((name) => !objects[name]).sort()
};
const options = { ...(await prettier.resolveConfig(OUTPUT)), filepath: OUTPUT };
writeFileSync(OUTPUT, await prettier.format(JSON.stringify(data), options));
console.log(`${OUTPUT}: ${Object.keys(objects).length} objects described, ${data.otherObjects.length} others named`);
