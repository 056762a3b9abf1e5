// What crosses into PlanWorkspaceController before its code runs: the Aura framework converts each action
// parameter to its Apex type (an Id that is not one never reaches the method), and the controller reads the JSON
// requests with JSON.deserialize into the PlanWorkspace inner classes. Both are reproduced here, so a twin sees
// the values the Apex sees: 18-character Ids, dates as yyyy-mm-dd, whole numbers, unknown properties ignored,
// and the class's initial values (empty lists) where the JSON is silent.
import { toId18 } from '../../org/org.mjs';

const MILESTONE_INPUT = {
    key: 'String',
    id: 'Id',
    changedFields: ['String'],
    name: 'String',
    description: 'String',
    phase: 'String',
    side: 'String',
    buyerOwnerId: 'Id',
    sellerOwnerId: 'Id',
    dueDate: 'Date',
    status: 'String',
    buyerConfirmed: 'Boolean',
    sortOrder: 'Integer',
    durationDays: 'Integer',
    dependsOnId: 'Id',
    dependsOnKey: 'String',
    marksClose: 'Boolean',
    slipReason: 'String',
    slipNote: 'String'
};

const PLAN_INPUT = {
    name: 'String',
    sharedObjective: 'String',
    targetDate: 'Date',
    anchorEvent: 'String',
    buyerLeadId: 'Id'
};

/** PlanWorkspace.CreatePlanRequest: `milestones` starts as an empty list. */
export const CREATE_PLAN_REQUEST = {
    shape: { plan: PLAN_INPUT, milestones: [MILESTONE_INPUT] },
    initial: ['milestones']
};

/** PlanWorkspace.SaveMilestonesRequest: both lists start empty. */
export const SAVE_MILESTONES_REQUEST = {
    shape: { milestones: [MILESTONE_INPUT], deletedIds: ['Id'] },
    initial: ['milestones', 'deletedIds']
};

/** A System.JSONException (its message approximates the platform's; the component shows it as a page error). */
class JsonError extends Error {
    constructor(message) {
        super(message);
        this.name = 'System.JSONException';
    }
}

/** JSON.deserialize(json, type): the typed request, or a JSONException the controller turns into a page error. */
export function deserializeRequest(json, type) {
    if (json === null || json === undefined) throw new Error('Argument cannot be null.');
    let parsed;
    try {
        parsed = JSON.parse(String(json));
    } catch (error) {
        throw new JsonError(`Malformed JSON: ${error.message}`);
    }
    return typed(parsed, { shape: type.shape, initial: type.initial }, '');
}

function typed(value, type, path) {
    if (value === null || value === undefined) return null;
    if (Array.isArray(type)) {
        if (!Array.isArray(value)) throw new JsonError(`Expected a list at ${path || 'the top'}`);
        return value.map((item, i) => typed(item, type[0], `${path}[${i}]`));
    }
    if (typeof type === 'object') {
        const shape = type.shape ?? type;
        if (typeof value !== 'object' || Array.isArray(value)) {
            throw new JsonError(`Expected an object at ${path || 'the top'}`);
        }
        const out = {};
        for (const [name, fieldType] of Object.entries(shape)) {
            // A property the JSON leaves out keeps the class's initial value; one it gives as null is null.
            if (!(name in value)) {
                out[name] = type.initial?.includes(name) ? [] : null;
                continue;
            }
            out[name] = typed(value[name], fieldType, path ? `${path}.${name}` : name);
        }
        return out;
    }
    return scalar(value, type, path);
}

function scalar(value, type, path) {
    if (typeof value === 'object') throw new JsonError(`Expected ${type} at ${path}, found an object or a list`);
    switch (type) {
        case 'String':
            return String(value);
        case 'Boolean':
            if (typeof value === 'boolean') return value;
            if (value === 'true' || value === 'false') return value === 'true';
            throw new JsonError(`Illegal value for primitive at ${path}: ${value}`);
        case 'Integer': {
            const number = typeof value === 'number' ? value : Number(value);
            if (!Number.isFinite(number) || value === '') {
                throw new JsonError(`Illegal value for primitive at ${path}: ${value}`);
            }
            return Math.trunc(number);
        }
        case 'Date': {
            const text = String(value);
            const valid =
                /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
            if (!valid) {
                throw new JsonError(
                    `Cannot deserialize instance of date from VALUE_STRING value ${text} or request may be missing a required field`
                );
            }
            return text;
        }
        case 'Id': {
            if (value === '') return null;
            const id = toId18(String(value));
            if (!id) throw new JsonError(`Invalid id: ${value}`);
            return id;
        }
        default:
            throw new Error(`unknown request type ${type}`);
    }
}

/**
 * An action parameter as the Aura framework hands it to an @AuraEnabled method: an Id parameter that is not an
 * Id fails before the method runs, with the framework's message rather than the workspace's JSON.
 */
export function idParameter(name, value) {
    if (value === null || value === undefined || value === '') return null;
    const id = toId18(String(value));
    if (!id) {
        throw Object.assign(new Error(`Value provided is invalid for action parameter '${name}' of type 'Id'`), {
            status: 400,
            body: { message: `Value provided is invalid for action parameter '${name}' of type 'Id'` }
        });
    }
    return id;
}

/** A String or Boolean action parameter, converted as the framework converts JSON values. */
export function stringParameter(value) {
    return value === null || value === undefined ? null : String(value);
}

export function booleanParameter(value) {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return value.toLowerCase() === 'true';
    return Boolean(value);
}
