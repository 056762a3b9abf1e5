// The program model: test classes, coverage, sharing modes, triggers, entry points.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { programOf } from './helpers.mjs';
import { defineNative } from '../../interpreter/index.mjs';

// Reports rt.sharing where Apex reads Probe.sharing.
defineNative({ name: 'Probe', staticProperties: { sharing: (rt) => rt.sharing } });

const program = programOf({
    'Calc.cls': `public with sharing class Calc {
    public static Integer twice(Integer x) {
        if (x == null) {
            return 0;
        }
        return x * 2;
    }
    public static Boolean sharing() { return Open.sharing(); }
    @AuraEnabled(cacheable=true)
    public static Integer aura(Integer x) { return x + 1; }
}`,
    'Open.cls': `public without sharing class Open {
    public static Boolean sharing() { return Inherit.sharing(); }
}`,
    'Inherit.cls': `public inherited sharing class Inherit {
    public static Boolean sharing() { return Helper.sharing(); }
}`,
    'Helper.cls': `public class Helper {
    public static Boolean sharing() { return Probe.sharing; }
    public static Boolean probe() { return Probe.sharing; }
}`,
    'CalcTest.cls': `@IsTest
private class CalcTest {
    @TestSetup static void setup() {}
    @IsTest static void doubles() { Calc.twice(2); }
    static testMethod void legacy() {}
    static void helper() {}
}`
});

test('testClasses lists @IsTest classes, their @TestSetup and test methods', () => {
    assert.deepEqual(
        program.testClasses().map(({ name, setup, tests }) => ({ name, setup, tests: tests.map((t) => t.name) })),
        [{ name: 'CalcTest', setup: ['setup'], tests: ['doubles', 'legacy'] }]
    );
});

test('coverage counts executed statement lines over executable ones', () => {
    program.resetCoverage();
    program.transaction({}).callStatic('CalcTest', 'doubles', []);
    const [file, coverage] = Object.entries(program.coverage()).find(([name]) => name.endsWith('Calc.cls'));
    assert.ok(file);
    assert.deepEqual(
        [...coverage.executable].sort((a, b) => a - b),
        [3, 4, 6, 8, 10]
    );
    assert.deepEqual(
        [...coverage.covered].sort((a, b) => a - b),
        [3, 6]
    );
});

test('sharing: the defining class decides; inherited sharing and no keyword take the caller', () => {
    // Apex Developer Guide, "Use the with sharing, without sharing, and inherited sharing Keywords".
    const rt = program.transaction({});
    assert.equal(rt.callStatic('Calc', 'sharing', []), false); // with -> without -> inherited -> none
    assert.equal(rt.callStatic('Inherit', 'sharing', []), true); // entry point: with sharing
    assert.equal(rt.evaluate('Helper.probe()'), true); // anonymous Apex runs with the user's sharing
});

test('callAura converts params by name and marks cacheable methods', () => {
    const rt = program.transaction({});
    assert.equal(rt.callAura('Calc', 'aura', { x: 41 }), 42);
    assert.equal(rt.services.cacheable, undefined);
});

test('callAura returns only the @AuraEnabled fields of an object, inner classes included', () => {
    // Lightning Aura Components Developer Guide, "Returning Data from an Apex Server-Side Controller": "Only the
    // values of public instance properties and methods annotated with @AuraEnabled are serialized and returned."
    const aura = programOf({
        'Page.cls': `public with sharing class Page {
    @AuraEnabled public String title = 'Plans';
    public String internalNote = 'not for the browser';
    @AuraEnabled public Row row = new Row();
    @AuraEnabled public Date asOf { get; set; }
    public class Row {
        @AuraEnabled public Id id;
        public Integer score = 7;
    }
}`,
        'PageController.cls': `public with sharing class PageController {
    @AuraEnabled
    public static Page load(Page echo) {
        Page page = new Page();
        page.asOf = Date.newInstance(2024, 3, 1);
        page.row.id = echo.row.id;
        return page;
    }
}`
    });
    const rt = aura.transaction({});
    const page = rt.callAura('PageController', 'load', { echo: { row: { id: '001000000000001AAA' } } });
    assert.deepEqual(page, { title: 'Plans', row: { id: '001000000000001AAA' }, asOf: '2024-03-01' });
});

test('a syntax error fails loudly with file and line', () => {
    assert.throws(() => programOf({ 'Bad.cls': 'public class Bad {\n  Integer x = ;\n}' }), /Bad\.cls:2: syntax error/);
});
