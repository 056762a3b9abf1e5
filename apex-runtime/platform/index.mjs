// The platform layer of the offline Apex runtime (../README.md, "platform"): DML, System.runAs, Schema tokens and
// the trigger runner, plus the native classes of this area (Database, AccessLevel, System, Assert, Test, Limits,
// UserInfo, FeatureManagement, Schema.*, Trigger, SObject methods, the platform enums, the Metadata namespace's
// deployment, email and custom notifications, platform events (EventBus), batch and scheduled Apex), which register
// themselves when their modules load.
import { toId18 } from '../values/ids.mjs';
import { ApexList } from '../values/collections.mjs';
import { usePlatform } from '../values/id-class.mjs';
import './enums.mjs';
import './access-level.mjs';
import './dml-results.mjs';
import './database.mjs';
import './system.mjs';
import './test-limits.mjs';
import './pages.mjs';
import './url.mjs';
import './user-info.mjs';
import './sobject-methods.mjs';
import './metadata.mjs';
import './email.mjs';
import './notifications.mjs';
import './events.mjs';
import './async/batch.mjs';
import './async/schedule.mjs';
import { sobjectFieldToken, sobjectTypeToken } from './schema.mjs';
import { customMetadataStaticMethod } from './custom-metadata.mjs';
import { customSettingStaticMethod } from './custom-settings.mjs';

export { dml } from './dml.mjs';
export { runAs } from './run-as.mjs';
export { createTriggerRunner } from './trigger.mjs';
export { addRecordError } from './sobject-methods.mjs';

/**
 * `Opportunity.SObjectType` (the Schema.SObjectType token) and `Plan_Milestone__c.Status__c` (the Schema.SObjectField
 * token) (Apex Developer Guide, "Understanding Apex Describe Information": "Accessing sObject and field tokens").
 * An unknown name is the compiler's "Variable does not exist" error.
 */
export function sobjectStaticProperty(rt, objectName, propName) {
    const type = sobjectTypeToken(rt, objectName);
    if (!type) rt.unsupported(`${objectName}.${propName}: no object ${objectName} in the org`);
    if (String(propName).toLowerCase() === 'sobjecttype') return type;
    const field = sobjectFieldToken(rt, type.name, propName);
    if (field) return field;
    const message = `Variable does not exist: ${propName}`;
    if (typeof rt.compileError === 'function') rt.compileError(message);
    return rt.unsupported(`${objectName}.${propName}`);
}

/** `Account.someMethod()`: sObject types have no static methods. */
export function sobjectStaticMethod(rt, objectName, name, args = []) {
    if (/__mdt$/i.test(objectName)) {
        const result = customMetadataStaticMethod(rt, objectName, name, args);
        if (result !== undefined) return result;
    }
    if (/__c$/i.test(objectName)) {
        const result = customSettingStaticMethod(rt, objectName, name, args);
        if (result !== undefined) return result;
    }
    return rt.unsupported(`${objectName}.${name}()`);
}

/** DmlException.getDmlFields(i): the SObjectField tokens of the failed record's fields. */
export function dmlFieldTokens(rt, objectName, fieldNames) {
    const tokens = objectName ? fieldNames.map((name) => sobjectFieldToken(rt, objectName, name)).filter(Boolean) : [];
    return new ApexList({ name: 'Schema.SObjectField' }, tokens);
}

/** Id.getSObjectType() (Apex Reference, "Id Class"): the token of the object whose key prefix the id has. */
export function sobjectTypeOfId(rt, id) {
    const id18 = toId18(id);
    if (!id18) rt.throw('System.StringException', `Invalid id: ${id}`);
    const object = rt.org.schema.objectOfPrefix(id18.slice(0, 3));
    if (!object) rt.unsupported(`Id.getSObjectType for key prefix ${id18.slice(0, 3)}, no object of the org`);
    return sobjectTypeToken(rt, object.name);
}

// Id.getSObjectType() (a value method) answers through this module's Schema tokens.
usePlatform({ sobjectTypeOfId });
