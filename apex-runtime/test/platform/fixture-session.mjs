// An Apex session over the small project of test/fixtures/apex-platform (custom settings, nothing of the package),
// for platform tests that run Apex: `apex(session, code, value)` runs anonymous Apex as one transaction and returns
// String.valueOf(value) read after it, or { thrown, message } for an uncaught Apex exception.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApexSession, loadPackageProgram } from '../../session.mjs';
import { ApexThrow } from '../../interpreter/errors.mjs';

export const FIXTURE = resolve(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    '..',
    'test',
    'fixtures',
    'apex-platform'
);

let program = null;

/** A fresh org of the fixture: Ada (System Administrator, current) and Sam (Standard User). */
export function fixtureSession() {
    program ??= loadPackageProgram(FIXTURE);
    const users = [
        { FirstName: 'Ada', LastName: 'Admin', Username: 'ada@fixture.example', Email: 'ada@fixture.example' },
        {
            FirstName: 'Sam',
            LastName: 'Standard',
            Username: 'sam@fixture.example',
            Email: 'sam@fixture.example',
            profile: 'Standard User'
        }
    ];
    const session = createApexSession(program, { root: FIXTURE, today: '2026-03-02', users });
    return { session, org: session.org, admin: users[0].Id, standard: users[1].Id };
}

/** The uncaught Apex exception's type and message. */
function thrownOf(rt, error) {
    const call = (method) => {
        try {
            return rt.call(error.exception, method, []);
        } catch {
            return undefined;
        }
    };
    return { thrown: error.typeName ?? call('getTypeName'), message: error.apexMessage ?? call('getMessage') };
}

/**
 * Runs `code` as one transaction of `userId` (default: the org's current user; `isTest` default true) and returns
 * String.valueOf(`value`) evaluated after it in the same transaction, or { thrown, message }.
 */
export function apex(session, code, value = 'null', { userId, isTest = true, limits = false } = {}) {
    return session.transaction(
        userId,
        (rt) => {
            try {
                rt.runAnonymous(`${code}\nProbe.result = ${value};`);
                const result = rt.toString(rt.evaluate('Probe.result'));
                return limits ? { result, limits: { ...rt.limits } } : result;
            } catch (error) {
                if (error instanceof ApexThrow) return thrownOf(rt, error);
                throw error;
            }
        },
        { isTest }
    );
}
