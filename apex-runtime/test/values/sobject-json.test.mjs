import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import '../../values/index.mjs';
import { nativeClass } from '../../interpreter/natives.mjs';
import { ApexSObject } from '../../values/sobject.mjs';
import { sobjectFromRow, rowFromSObject, toApexValue, toRowValue } from '../../values/sobject-rows.mjs';
import { deserializeTyped, toAuraValue, serialize, parseJson } from '../../values/json.mjs';
import { ApexList, ApexMap } from '../../values/collections.mjs';
import { ApexObject, ApexDate, ApexDatetime, ApexTypeValue } from '../../values/values.mjs';
import { decimalFromString } from '../../values/decimal.mjs';
import { toApexString } from '../../values/apex-string.mjs';
import { loadOrgSchema } from '../../../preview/org/schema.mjs';
import { T, type } from '../../values/types.mjs';
import { fakeRt, apexError } from './fake-rt.mjs';

const schema = loadOrgSchema(fileURLToPath(new URL('../../../', import.meta.url)));
const s = (v) => toApexString(v, rt);

// A user class model as the interpreter's rt.classInfo gives it.
const classes = {
    PlanInput: {
        name: 'PlanInput',
        fields: [
            { name: 'name', type: T.String, isStatic: false },
            { name: 'amount', type: T.Decimal, isStatic: false },
            { name: 'due', type: T.Date, isStatic: false },
            { name: 'tags', type: T.list(T.String), isStatic: false },
            { name: 'secret', type: T.String, isStatic: false, isTransient: true },
            { name: 'COUNT', type: T.Integer, isStatic: true }
        ]
    }
};
const rt = fakeRt({
    schema,
    classInfo: (name) => classes[name] ?? null,
    newInstance: (t) => new ApexObject({ name: t.name })
});

// Apex Reference, "SObject Class"; Apex Developer Guide, "SOQL and SOSL Queries".
test('a queried record refuses to read a field the query did not select', () => {
    const record = new ApexSObject('Account', { queried: ['name'] });
    record.values.set('name', { name: 'Name', value: 'Acme' });
    assert.equal(record.get('NAME', rt), 'Acme');
    assert.equal(record.get('Id', rt), null);
    assert.throws(
        () => record.get('Phone', rt),
        apexError(
            'System.SObjectException',
            'SObject row was retrieved via SOQL without querying the requested field: Account.Phone'
        )
    );
    record.put('Phone', '555', rt);
    assert.equal(record.get('phone', rt), '555');
});

test('a record made in Apex reads unset fields as null and keeps the order fields were set', () => {
    const record = new ApexSObject('Account');
    assert.equal(record.get('Name', rt), null);
    record.put('Name', 'x', rt);
    record.put('Phone', '1', rt);
    record.put('name', 'y', rt);
    assert.deepEqual(record.fieldNames(), ['Name', 'Phone']);
    record.readOnly = true;
    assert.throws(() => record.put('Name', 'z', rt), apexError('System.FinalException'));
});

test('a record with a schema rejects unknown fields and spells names canonically', () => {
    const record = new ApexSObject('Plan_Milestone__c', { schema: schema.object('Plan_Milestone__c') });
    record.put('due_date__c', null, rt);
    record.put('plan__r', null, rt);
    assert.deepEqual(record.fieldNames(), ['Due_Date__c', 'Plan__r']);
    assert.throws(
        () => record.put('Bogus__c', 1, rt),
        apexError('System.SObjectException', 'Invalid field Bogus__c for Plan_Milestone__c')
    );
});

test('rows convert by field type: numbers to Decimals with the field scale, dates, checkboxes', () => {
    const plan = schema.object('Mutual_Action_Plan__c');
    const row = { Name: 'P', Milestones__r: [{ Name: 'M', Due_Date__c: '2024-03-01' }] };
    const record = sobjectFromRow(plan, row, { schema });
    const child = record.get('Milestones__r', rt).items[0];
    assert.ok(child.get('Due_Date__c', rt) instanceof ApexDate);
    assert.deepEqual(rowFromSObject(schema.object('Plan_Milestone__c'), child), {
        Name: 'M',
        Due_Date__c: '2024-03-01'
    });
    assert.equal(s(toApexValue({ name: 'Amount', type: 'Currency', scale: 2 }, 12.5)), '12.50');
    assert.equal(toApexValue({ name: 'Done', type: 'Checkbox' }, null), false);
    assert.equal(toRowValue({ name: 'Amount', type: 'Currency' }, decimalFromString('12.50')), 12.5);
    assert.equal(toRowValue({ name: 'When', type: 'DateTime' }, new ApexDatetime(0)), '1970-01-01T00:00:00.000Z');
});

// Apex Reference, "JSON Class".
test('JSON.serialize: Decimals keep digits, dates ISO, SObjects with attributes, transient fields left out', () => {
    const obj = new ApexObject({ name: 'PlanInput' });
    obj.fields.set('name', 'Q1');
    obj.fields.set('amount', decimalFromString('10.50'));
    obj.fields.set('due', new ApexDate(19783));
    obj.fields.set('tags', new ApexList(T.String, ['a']));
    obj.fields.set('secret', 'x');
    assert.equal(serialize(obj, rt), '{"name":"Q1","amount":10.50,"due":"2024-03-01","tags":["a"]}');
    const account = new ApexSObject('Account');
    account.put('Id', '001000000000001AAA', rt);
    account.put('Name', 'Acme', rt);
    assert.equal(
        serialize(account, rt),
        '{"attributes":{"type":"Account","url":"/services/data/v60.0/sobjects/Account/001000000000001AAA"},"Id":"001000000000001AAA","Name":"Acme"}'
    );
    const map = new ApexMap(T.String, T.Object);
    map.set('a', 1);
    map.set('b', new ApexList(T.Integer, [1, 2]));
    assert.equal(serialize(map, rt, { pretty: true }), '{\n  "a" : 1,\n  "b" : [ 1, 2 ]\n}');
    assert.equal(serialize(new ApexDatetime(Date.UTC(2024, 0, 2, 3, 4, 5)), rt), '"2024-01-02T03:04:05.000Z"');
});

test('JSON.deserialize into a typed class, ignoring unknown fields; deserializeStrict rejects them', () => {
    const json = '{"name":"Q1","amount":10.50,"due":"2024-03-01","tags":["a","b"],"extra":1}';
    const value = nativeClass('JSON').staticMethods.deserialize(rt, [json, new ApexTypeValue(type('PlanInput'))]);
    assert.equal(value.fields.get('name'), 'Q1');
    assert.equal(s(value.fields.get('amount')), '10.50');
    assert.equal(s(value.fields.get('due')), '2024-03-01');
    assert.equal(s(value.fields.get('tags')), '(a, b)');
    assert.throws(
        () => nativeClass('JSON').staticMethods.deserializestrict(rt, [json, new ApexTypeValue(type('PlanInput'))]),
        apexError('System.JSONException')
    );
});

test('JSON round trips of collections and SObjects', () => {
    const json = '{"b":[1,2.5,"x",true,null],"a":{"n":3000000000}}';
    const untyped = nativeClass('JSON').staticMethods.deserializeuntyped(rt, [json]);
    assert.ok(untyped instanceof ApexMap);
    assert.equal(s(untyped), '{b=(1, 2.5, x, true, null), a={n=3000000000}}');
    assert.equal(serialize(untyped, rt), json);
    const typed = deserializeTyped(parseJson('{"k":["2024-01-01"]}', rt), T.map(T.String, T.list(T.Date)), rt);
    assert.equal(s(typed), '{k=(2024-01-01)}');
    const record = deserializeTyped(
        parseJson('{"attributes":{"type":"Plan_Milestone__c"},"Name":"M","Due_Date__c":"2024-03-01"}', rt),
        type('Plan_Milestone__c'),
        rt
    );
    assert.equal(record.type, 'Plan_Milestone__c');
    assert.ok(record.get('Due_Date__c', rt) instanceof ApexDate);
    assert.throws(() => parseJson('{"a":', rt), apexError('System.JSONException'));
});

test('toAuraValue gives plain JS: numbers, ISO dates, SObject fields, user object fields', () => {
    const account = new ApexSObject('Account');
    account.put('Name', 'Acme', rt);
    account.put('AnnualRevenue', decimalFromString('1.50'), rt);
    const obj = new ApexObject({ name: 'PlanInput' });
    obj.fields.set('name', 'Q1');
    obj.fields.set('due', new ApexDate(19783));
    assert.deepEqual(toAuraValue(new ApexList(T.Object, [account, obj, 5n]), rt), [
        { Name: 'Acme', AnnualRevenue: 1.5 },
        { name: 'Q1', amount: null, due: '2024-03-01', tags: null, secret: null },
        5
    ]);
});

test('SObject native methods: clone, getPopulatedFieldsAsMap, put returns the previous value', () => {
    const account = new ApexSObject('Account');
    account.put('Id', '001000000000001AAA', rt);
    account.put('Name', 'Acme', rt);
    const methods = nativeClass('SObject').instanceMethods;
    const copy = methods.clone(rt, account, []);
    assert.equal(copy.has('Id'), false);
    assert.equal(copy.get('Name', rt), 'Acme');
    assert.equal(methods.put(rt, account, ['Name', 'New']), 'Acme');
    assert.equal(s(methods.getpopulatedfieldsasmap(rt, account, [])), '{Id=001000000000001AAA, Name=New}');
});
