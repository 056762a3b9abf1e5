// JSON.serialize / deserialize into typed classes and deserializeUntyped (Apex Reference, JSON Class).
import { table } from './harness.mjs';

const JSON_DOC = 'Apex Reference, JSON Class';
const topics = ['json'];

// The deserializeUntyped example of the JSON Class page, on one line.
const APPLIANCE =
    '{"description" :"An appliance", "accessories" : [ "powerCord", { "right":"door handle1", "left":"door handle2" } ], ' +
    '"dimensions" : { "height" : 5.5 , "width" : 3.0 , "depth" : 2.2 }, "type" : null, "inventory" : 2000, ' +
    '"price" : 1023.45, "isShipped" : true, "modelNumber" : "123"}';
const untyped = `Map<String, Object> m = (Map<String, Object>) JSON.deserializeUntyped('${APPLIANCE}');`;
const UNTYPED = `${JSON_DOC}: deserializeUntyped(jsonString) example`;

const ITEM = "JsonProbe.Item i = new JsonProbe.Item(); i.name = 'pen'; i.qty = 2;";

table('JSON.serialize', topics, [
    {
        code: ITEM,
        value: 'JSON.serialize(i)',
        expected: '{"name":"pen","qty":2,"price":null,"tags":null}',
        doc: `${JSON_DOC}: serialize(objectToSerialize) (null members are written unless suppressed)`,
        note: 'members appear in declaration order on the platform'
    },
    {
        code: ITEM,
        value: 'JSON.serialize(i, true)',
        expected: '{"name":"pen","qty":2}',
        doc: `${JSON_DOC}: serialize(objectToSerialize, suppressApexObjectNulls) "Suppresses null values when serializing Apex objects"`
    },
    {
        apex: 'JSON.serialize(Datetime.newInstanceGmt(2011, 3, 22, 8, 15, 18))',
        expected: '"2011-03-22T08:15:18.000Z"',
        doc: `${JSON_DOC}: serialize example "System.assertEquals('"2011-03-22T08:15:18.000Z"', str)" (the same instant, built in GMT)`
    },
    {
        apex: "JSON.serialize(new List<Object>{1, 'a', true, null})",
        expected: '[1,"a",true,null]',
        doc: `${JSON_DOC}: serialize(objectToSerialize)`
    },
    {
        apex: "JSON.serialize(new Map<String, Object>{'a' => 1})",
        expected: '{"a":1}',
        doc: `${JSON_DOC}: serialize(objectToSerialize)`
    }
]);

table('JSON.deserialize into a typed class', topics, [
    {
        code: `JsonProbe.Item i = (JsonProbe.Item) JSON.deserialize('{"name":"pen","qty":2,"price":1.5,"tags":["a","b"]}', JsonProbe.Item.class);`,
        value: "i.name + ' ' + i.qty + ' ' + i.price + ' ' + i.tags.size()",
        expected: 'pen 2 1.5 2',
        doc: `${JSON_DOC}: deserialize(jsonString, apexType)`
    },
    {
        code: `JsonProbe.Item i = (JsonProbe.Item) JSON.deserialize('{"name":"pen","unknown":1}', JsonProbe.Item.class);`,
        value: 'i.name',
        expected: 'pen',
        doc: `${JSON_DOC}: deserialize "this method ignores extraneous attributes and parses the rest of the JSON content" (API 35.0 and later)`
    },
    {
        code: `JsonProbe.Item i = (JsonProbe.Item) JSON.deserialize('{"name":"pen"}', JsonProbe.Item.class);`,
        value: 'i.qty',
        expected: 'null',
        doc: `${JSON_DOC}: deserialize (absent attributes leave members unset)`
    },
    {
        code: `Object o = JSON.deserializeStrict('{"name":"pen","unknown":1}', JsonProbe.Item.class);`,
        throws: 'System.JSONException',
        doc: `${JSON_DOC}: deserializeStrict "All attributes in the JSON string must be present in the specified type"`
    }
]);

table('JSON.deserializeUntyped gives maps, lists and primitives', topics, [
    { code: untyped, value: "m.get('description')", expected: 'An appliance', doc: UNTYPED },
    {
        code: `${untyped} List<Object> a = (List<Object>) m.get('accessories');`,
        value: 'a[0]',
        expected: 'powerCord',
        doc: UNTYPED
    },
    {
        code: `${untyped} List<Object> a = (List<Object>) m.get('accessories'); Map<String, Object> a2 = (Map<String, Object>) a[1];`,
        value: "a2.get('right')",
        expected: 'door handle1',
        doc: UNTYPED
    },
    {
        code: `${untyped} Map<String, Object> dim = (Map<String, Object>) m.get('dimensions');`,
        value: "dim.get('width')",
        expected: '3.0',
        doc: `${UNTYPED}: "System.assertEquals(3.0, dim.get('width'))" (a Decimal keeps its scale)`
    },
    {
        code: untyped,
        value: "m.get('type')",
        expected: 'null',
        doc: `${UNTYPED}: "System.assertEquals(null, m.get('type'))"`
    },
    {
        code: untyped,
        value: "m.get('inventory') instanceof Integer",
        expected: 'true',
        doc: `${UNTYPED}: "System.assertEquals(2000, m.get('inventory'))"`,
        note: 'a number without a fraction comes back as an Integer'
    },
    {
        code: untyped,
        value: "m.get('price') instanceof Decimal",
        expected: 'true',
        doc: `${UNTYPED}: "System.assertEquals(1023.45, m.get('price'))"`,
        note: 'a number with a fraction comes back as a Decimal'
    },
    { code: untyped, value: "m.get('isShipped')", expected: 'true', doc: UNTYPED },
    {
        code: untyped,
        value: "m.get('modelNumber') instanceof String",
        expected: 'true',
        doc: `${UNTYPED}: "System.assertEquals('123', m.get('modelNumber'))"`
    }
]);

// TODO(schema): Schema describe semantics (Schema.getGlobalDescribe, SObjectType.getDescribe, field describes,
// picklist entries) need the org's metadata; add rows here once they can run against the embedded org.
