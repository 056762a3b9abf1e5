// Custom metadata types' own static methods (Apex Reference, "Custom Metadata Type Methods"): getAll() returns a
// Map of every record keyed by DeveloperName, getInstance(developerNameOrId) one record or null. They read the
// records without SOQL, so they count against no query limit ("Custom Metadata Types and Apex": "do not use SOQL
// queries... and don't count against the SOQL limits"). The records are those the package ships (and any test
// override the org keeps), with every field of the type.
import { ApexMap } from '../values/collections.mjs';
import { compileSoql, executeSoql } from '../soql/index.mjs';
import { objectNamed } from '../soql/objects.mjs';

const SYSTEM_FIELDS = ['Id', 'DeveloperName', 'MasterLabel', 'Label', 'QualifiedApiName', 'NamespacePrefix'];

/** Every record of the type, as SOQL would return them with all their fields, outside the query limits. */
function allRecords(rt, typeName) {
    const object = objectNamed(rt.org.schema, typeName);
    const names = new Map(SYSTEM_FIELDS.map((name) => [name.toLowerCase(), name]));
    for (const field of object.fieldList) names.set(field.name.toLowerCase(), field.name);
    const plan = compileSoql(`SELECT ${[...names.values()].join(', ')} FROM ${object.name}`, { schema: rt.org.schema });
    return { object, records: executeSoql(plan, { org: rt.org, schema: rt.org.schema, userId: rt.userId }).items };
}

/** `Plan_Setting__mdt.getInstance('Default')`, `.getAll()`; undefined when `name` is not such a method. */
export function customMetadataStaticMethod(rt, typeName, name, args) {
    const method = String(name).toLowerCase();
    if (method === 'getall' && args.length === 0) {
        const { object, records } = allRecords(rt, typeName);
        const map = new ApexMap({ name: 'String' }, { name: object.name }, rt);
        for (const record of records) map.set(record.get('DeveloperName', rt), record);
        return map;
    }
    if (method === 'getinstance' && args.length === 1) {
        const key = args[0];
        if (key === null) rt.throw('System.NullPointerException', 'Argument cannot be null.');
        const { records } = allRecords(rt, typeName);
        const wanted = String(key);
        // An 18- or 15-character record Id, or a DeveloperName (case-sensitive, as record names are unique).
        const found = records.find(
            (record) =>
                record.get('DeveloperName', rt) === wanted ||
                String(record.get('Id', rt)).slice(0, 15) === wanted.slice(0, 15)
        );
        return found ?? null;
    }
    return undefined;
}
