// ApexSObject: a record as Apex sees it (../README.md). Field names are case-insensitive (Apex Developer Guide,
// "SObject Types": field access by name ignores case); a record made by a query remembers which fields the query
// selected and refuses to read others (Apex Reference, "SObject Class": reading a field that was not queried
// throws System.SObjectException "SObject row was retrieved via SOQL without querying the requested field").
//
// Methods that may throw take the runtime as their last argument; without one they throw a plain Error carrying
// `apexType` (see fail() in types.mjs).
import { fail } from './types.mjs';

const lower = (name) => String(name).toLowerCase();

export class ApexSObject {
    /**
     * @param type canonical API name ('Account', 'Plan_Milestone__c', 'AggregateResult')
     * @param queried lowercase paths the query selected ('name', 'owner.name', 'milestones__r'), or null
     * @param schema optional org schema object of the type: canonical field names, relationship names, checks
     */
    constructor(type, { queried = null, schema = null } = {}) {
        this.type = type;
        this.queried = queried ? new Set(queried.map(lower)) : null;
        this.schema = schema;
        this.values = new Map(); // lowercase name -> { name, value }
        this.readOnly = false;
    }

    /** True when the query that made this record selected `name` (or a path through it). */
    isQueried(name) {
        if (!this.queried) return true;
        const key = lower(name);
        if (key === 'id' || this.queried.has(key)) return true;
        for (const path of this.queried) if (path.startsWith(`${key}.`)) return true;
        return false;
    }

    get(name, rt) {
        const entry = this.values.get(lower(name));
        if (entry) return entry.value;
        if (!this.isQueried(name)) {
            fail(
                rt,
                'System.SObjectException',
                `SObject row was retrieved via SOQL without querying the requested field: ${this.type}.${this.canonicalName(name)}`
            );
        }
        this.checkField(name, rt);
        return null;
    }

    put(name, value, rt) {
        if (this.readOnly) fail(rt, 'System.FinalException', 'Record is read-only');
        this.checkField(name, rt);
        const key = lower(name);
        const entry = this.values.get(key);
        if (entry) entry.value = value;
        else this.values.set(key, { name: this.canonicalName(name), value });
        return value;
    }

    /**
     * Whether Apex code may assign the field: formula, roll-up summary, auto-number and system fields may not (the
     * compiler's "Field is not writeable: Object.Field"; Apex Developer Guide, "SObject Types"), though queries and
     * the platform fill them. Id is assignable (new Account(Id = someId) names a record to update). Unknown to the
     * schema: allowed (checkField reports unknown names).
     */
    isWriteable(name) {
        const field = this.schema?.field?.(name);
        if (!field?.describe || lower(field.name) === 'id') return true;
        return field.describe.createable || field.describe.updateable;
    }

    /** Set (populated) on this record, even to null. */
    has(name) {
        return this.values.has(lower(name));
    }

    /** Forgets a populated field (used by clone and by the platform when it refreshes records). */
    remove(name) {
        this.values.delete(lower(name));
    }

    /** Populated field and relationship names, canonical case, in the order they were first set. */
    fieldNames() {
        return [...this.values.values()].map((entry) => entry.name);
    }

    /** [name, value] pairs in the order they were set. */
    entries() {
        return [...this.values.values()].map((entry) => [entry.name, entry.value]);
    }

    /** The schema's spelling of a field or relationship name, else the name as given. */
    canonicalName(name) {
        if (!this.schema) return name;
        const field = this.schema.field(name);
        if (field) return field.name;
        return relationshipNamed(this.schema, name) ?? name;
    }

    /** Apex Reference, "SObject Class": get/put of a name the type does not have throws SObjectException. */
    checkField(name, rt) {
        if (!this.schema || this.schema.field(name) || relationshipNamed(this.schema, name)) return;
        fail(rt, 'System.SObjectException', `Invalid field ${name} for ${this.type}`);
    }

    /** A shallow copy: same type, queried paths and schema, same field values (Apex clone() default). */
    copy({ keepId = true } = {}) {
        const copy = new ApexSObject(this.type, { schema: this.schema });
        copy.queried = this.queried ? new Set(this.queried) : null;
        for (const [key, entry] of this.values) {
            if (!keepId && key === 'id') continue;
            copy.values.set(key, { name: entry.name, value: entry.value });
        }
        return copy;
    }
}

/** The parent relationship name of a lookup field: Plan__c -> Plan__r, OwnerId -> Owner (its relationshipName). */
export function parentRelationshipName(field) {
    if (!field.referenceTo) return undefined;
    if (field.custom || /__c$/i.test(field.name)) return field.name.replace(/__c$/i, '__r');
    return field.relationshipName ?? field.name.replace(/Id$/, '');
}

/**
 * The SOQL spelling of a parent or child relationship of a schema object named `name` (case-insensitive), or
 * undefined. Custom relationships are spelled with __r (SOQL and SOSL Reference, "Relationship Names for Custom
 * Objects and Custom Fields"): the parent side from the field name (Plan__c -> Plan__r), the child side from the
 * lookup's relationshipName (Milestones -> Milestones__r).
 */
export function relationshipNamed(schemaObject, name) {
    const key = lower(name);
    for (const field of schemaObject.fieldList ?? []) {
        const spelled = parentRelationshipName(field);
        if (spelled && lower(spelled) === key) return spelled;
    }
    for (const child of schemaObject.childRelationships ?? []) {
        if (!child.relationshipName) continue;
        const custom = /__c$/i.test(child.field);
        const spelled = custom ? `${child.relationshipName}__r` : child.relationshipName;
        if (lower(spelled) === key) return spelled;
    }
    return undefined;
}
