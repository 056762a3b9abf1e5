// An Apex session over the fixture of test/fixtures/async-apex (batch and schedulable classes, a custom notification
// type) for the asynchronous Apex tests: `run(session, code, options)` runs anonymous Apex as one transaction and
// returns `Probe.result` and `Probe.log` read at its end, or { thrown, message } for an uncaught Apex exception.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApexSession, loadPackageProgram } from '../../session.mjs';
import { ApexThrow } from '../../interpreter/errors.mjs';

export const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'async-apex');

let program = null;

/** A fresh org of the fixture: Ada (System Administrator, current) and Sam (Standard User). */
export function asyncSession(orgOptions = {}) {
    program ??= loadPackageProgram(FIXTURE);
    const users = [
        { FirstName: 'Ada', LastName: 'Admin', Username: 'ada@async.example', Email: 'ada@async.example' },
        {
            FirstName: 'Sam',
            LastName: 'Standard',
            Username: 'sam@async.example',
            Email: 'sam@async.example',
            profile: 'Standard User'
        }
    ];
    const session = createApexSession(program, { root: FIXTURE, today: '2026-03-02', users, ...orgOptions });
    return { session, org: session.org, admin: users[0].Id, standard: users[1].Id };
}

/** The uncaught Apex exception of a transaction: { thrown, message }. */
export function thrownOf(error) {
    if (!(error instanceof ApexThrow)) throw error;
    return { thrown: error.typeName, message: error.apexMessage };
}

/**
 * Runs `code` as one transaction (a test method's when `isTest`) and returns { result, log } as Probe holds them at
 * its end (after what a test runs at its end), or { thrown, message }.
 */
export function run(session, code, { userId, isTest = false } = {}) {
    let probe = null;
    try {
        session.transaction(
            userId,
            (rt) => {
                rt.services.atEnd ??= [];
                rt.runAnonymous(code);
                // Read Probe after the work a test runs at its end.
                rt.services.atEnd.push(() => {
                    probe = {
                        result: rt.toString(rt.evaluate('Probe.result')),
                        log: rt.evaluate('Probe.log').items.map(String)
                    };
                });
            },
            { isTest }
        );
    } catch (error) {
        return thrownOf(error);
    }
    return probe;
}
