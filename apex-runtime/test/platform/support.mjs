// A small stand-in for the interpreter's runtime (../../README.md, "Native classes": the `rt` members natives
// use), over a real embedded org, so the platform natives can be tested without the interpreter.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createOrg } from '../../../preview/org/org.mjs';
import { equals } from '../../values/equality.mjs';
import { toApexString } from '../../values/apex-string.mjs';
import { ApexDate, ApexDatetime } from '../../values/values.mjs';
import { UnsupportedError } from '../../interpreter/errors.mjs';
import { nativeClass } from '../../interpreter/natives.mjs';
import '../../platform/index.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const TODAY = '2026-03-02';

const LIMITS = { queries: 100, queryRows: 50000, dmlStatements: 150, dmlRows: 10000 };
const LIMIT_TEXT = {
    queries: 'SOQL queries',
    queryRows: 'query rows',
    dmlStatements: 'DML statements',
    dmlRows: 'DML rows'
};

/** The JS error rt.throw raises here: the Apex type, message and props, as the interpreter's ApexThrow carries. */
export class FakeApexThrow extends Error {
    constructor(type, message, props) {
        super(`${type}: ${message}`);
        this.apexType = type.includes('.') ? type : `System.${type}`;
        this.apexMessage = message;
        this.props = props ?? null;
    }
}

/** Users: an admin (current), a standard user without package permission sets, and one with Tandem_User. */
export function newOrg(options = {}) {
    const users = [
        { FirstName: 'Ada', LastName: 'Admin', Username: 'ada@test.example' },
        { FirstName: 'Sam', LastName: 'Standard', Username: 'sam@test.example', profile: 'Standard User' },
        {
            FirstName: 'Uma',
            LastName: 'User',
            Username: 'uma@test.example',
            profile: 'Standard User',
            permissionSets: ['Tandem_User']
        }
    ];
    const org = createOrg({ root: ROOT, today: TODAY, users, ...options });
    return { org, admin: users[0].Id, standard: users[1].Id, tandemUser: users[2].Id };
}

/** An account and an opportunity on it, saved by the current user: a record for the package's plans to hang on. */
export function deal(org) {
    const [accountId] = org.insert('Account', { Name: 'Acme Buyer' });
    const [opportunityId] = org.insert('Opportunity', {
        Name: 'Acme platform deal',
        AccountId: accountId,
        StageName: 'Prospecting',
        CloseDate: '2026-05-01'
    });
    return { accountId, opportunityId };
}

export function newRt(org, { userId = org.currentUserId, isTest = true, sharing = false } = {}) {
    const rt = {
        org,
        userId,
        isTest,
        sharing,
        services: {},
        limits: { queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0 },
        checkLimit(name, add) {
            rt.limits[name] += add;
            if (rt.limits[name] > LIMITS[name])
                rt.throw('System.LimitException', `Too many ${LIMIT_TEXT[name]}: ${rt.limits[name]}`);
        },
        resetLimits() {
            rt.limits = { queries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0 };
        },
        throw(type, message, props) {
            throw new FakeApexThrow(type, message, props);
        },
        unsupported(what) {
            throw new UnsupportedError(what);
        },
        equals: (a, b) => equals(a, b, rt),
        toString: (value) => toApexString(value, rt),
        today: () => new ApexDate(Math.round(Date.parse(`${org.today}T00:00:00Z`) / 86400000)),
        now: () => new ApexDatetime(Date.parse(org.now()))
    };
    return rt;
}

/** Calls a native static method: call(rt, 'Database.insert', [list, false]). */
export function callStatic(rt, name, args = []) {
    const dot = name.lastIndexOf('.');
    const native = nativeClass(name.slice(0, dot));
    const method = native?.staticMethods[name.slice(dot + 1).toLowerCase()];
    if (!method) throw new Error(`no native static method ${name}`);
    return method(rt, args);
}

/** Calls a native instance method on a value of the native class `className`. */
export function callMethod(rt, className, self, method, args = []) {
    const fn = nativeClass(className)?.instanceMethods[method.toLowerCase()];
    if (!fn) throw new Error(`no native method ${className}.${method}`);
    return fn(rt, self, args);
}

export function staticProperty(rt, className, name) {
    const native = nativeClass(className);
    const fixed = native.staticProperties?.[name.toLowerCase()];
    return fixed ? fixed(rt) : native.staticProperty(rt, name);
}

/** Runs fn; returns the FakeApexThrow it raises (fails when it raises nothing or something else). */
export function apexError(fn) {
    try {
        fn();
    } catch (error) {
        if (error instanceof FakeApexThrow) return error;
        throw error;
    }
    throw new Error('expected an Apex exception');
}
