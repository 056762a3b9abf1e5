// List, Set and Map methods (Apex Reference: List Class, Set Class, Map Class; Apex Developer Guide: Lists, Sets,
// Maps, Sets of Objects).
import { table } from './harness.mjs';

const LIST = 'Apex Reference, List Class';
const SET = 'Apex Reference, Set Class';
const MAP = 'Apex Reference, Map Class';
const COLORS = "List<String> colors = new String[3]; colors[0] = 'Red'; colors[1] = 'Blue'; colors[2] = 'Green';";

table(
    'List methods',
    [],
    [
        {
            code: 'List<Integer> myList = new Integer[6]; myList.add(0, 47); myList.add(1, 52);',
            value: 'myList.get(1)',
            expected: '52',
            doc: `${LIST}: add(index, listElement) example`
        },
        {
            code: 'List<Integer> myList = new Integer[6]; myList.add(0, 47); myList.add(1, 52);',
            value: 'myList.size()',
            expected: '8',
            doc: `${LIST}: add(index, listElement) inserts (new Integer[6] has 6 null elements)`
        },
        {
            code: "List<String> a = new List<String>{'a'}; a.addAll(new List<String>{'b', 'c'});",
            value: "String.join(a, ',')",
            expected: 'a,b,c',
            doc: `${LIST}: addAll(fromList) "Adds all of the elements in the specified list"`
        },
        {
            code: "List<String> myList = new List<String>{'a', 'b', 'a'};",
            value: "myList.indexOf('a')",
            expected: '0',
            doc: `${LIST}: indexOf(listElement) example`
        },
        {
            code: "List<String> myList = new List<String>{'a', 'b', 'a'};",
            value: "myList.indexOf('z')",
            expected: '-1',
            doc: `${LIST}: indexOf "If this list does not contain the element, returns -1"`
        },
        {
            code: `${COLORS} String s1 = colors.remove(2);`,
            value: 's1',
            expected: 'Green',
            doc: `${LIST}: remove(index) example`
        },
        {
            code: `${COLORS} String s1 = colors.remove(2);`,
            value: 'colors.size()',
            expected: '2',
            doc: `${LIST}: remove(index)`
        },
        {
            code: "List<String> myStrings = new List<String>{'a', 'b'};",
            value: "myStrings.contains('z')",
            expected: 'false',
            doc: `${LIST}: contains(listElement) example`
        },
        {
            code: "List<String> colors = new List<String>{'Yellow', 'Red', 'Green'}; colors.sort();",
            value: "String.join(colors, ',')",
            expected: 'Green,Red,Yellow',
            doc: `${LIST}: sort() example (ascending)`
        },
        {
            code: 'List<Integer> li = new List<Integer>{3, 1, 2}; li.sort();',
            value: "String.join(li, ',')",
            expected: '1,2,3',
            doc: 'Apex Developer Guide, List Sorting: primitive types sort in ascending order'
        },
        {
            code: 'List<Integer> li = new List<Integer>(); li.add(15); Integer i2 = li[1];',
            throws: 'System.ListException',
            message: 'List index out of bounds: 1',
            doc: 'Apex Developer Guide, Built-In Exceptions and Common Methods: ListException example "List index out of bounds: 1"'
        },
        {
            code: 'List<Integer> li = new List<Integer>();',
            value: 'li.isEmpty()',
            expected: 'true',
            doc: `${LIST}: isEmpty()`
        }
    ]
);

table(
    'List.clone is shallow, deepClone copies the sObjects',
    [],
    [
        {
            code: 'List<Probe.Box> l1 = new List<Probe.Box>{ new Probe.Box(1) }; List<Probe.Box> l2 = l1.clone(); l1[0].v = 2;',
            value: 'l2[0].v',
            expected: '2',
            doc: `${LIST}: clone() "the duplicate will have references to each object"`
        },
        {
            code: 'List<Integer> l1 = new List<Integer>{1}; List<Integer> l2 = l1.clone(); l1.add(2);',
            value: 'l2.size()',
            expected: '1',
            doc: `${LIST}: clone() "Makes a duplicate copy of a list"`
        },
        {
            code: "Account a = new Account(Name='Acme', BillingCity='New York'); Account b = new Account(); Account[] l1 = new Account[]{a, b}; Account[] l2 = l1.clone(); l1[0].BillingCity = 'San Francisco';",
            value: 'l2[0].BillingCity',
            expected: 'San Francisco',
            doc: `${LIST}: clone() example`,
            note: 'needs the Account sObject type with org: null'
        },
        {
            code: "Account a = new Account(Name='Acme', BillingCity='New York'); Account b = new Account(); Account[] q1 = new Account[]{a, b}; Account[] q2 = q1.deepClone(); q1[0].BillingCity = 'San Francisco';",
            value: 'q2[0].BillingCity',
            expected: 'New York',
            doc: `${LIST}: deepClone() example`,
            note: 'needs the Account sObject type with org: null'
        }
    ]
);

table(
    'Set methods',
    [],
    [
        {
            code: 'Set<Integer> mySet = new Set<Integer>(); mySet.add(1); mySet.add(3); mySet.remove(1);',
            value: 'mySet.contains(1)',
            expected: 'false',
            doc: 'Apex Developer Guide, Sets: example (add, contains, remove)'
        },
        {
            code: 'Set<Integer> mySet = new Set<Integer>{1}; Set<Integer> mySet2 = new Set<Integer>(mySet);',
            value: 'mySet2.size()',
            expected: '1',
            doc: 'Apex Developer Guide, Sets: "create a set from elements of another set"'
        },
        {
            code: "Set<String> s = new Set<String>{'a'};",
            value: "s.add('a')",
            expected: 'false',
            doc: `${SET}: add(setElement) "Returns true if the original set changed"`
        },
        {
            code: "Set<String> s = new Set<String>{'a'}; s.addAll(new List<String>{'a', 'b'});",
            value: 's.size()',
            expected: '2',
            doc: `${SET}: addAll(fromList)`
        },
        {
            code: "Account a1 = new Account(Name='MyAccount'); Account a2 = new Account(Name='MyAccount'); Set<Account> accountSet = new Set<Account>{a1, a2};",
            value: 'accountSet.size()',
            expected: '1',
            doc: 'Apex Developer Guide, Sets of Objects: "Uniqueness of sObjects is determined by comparing the objects\' fields"',
            note: 'needs the Account sObject type with org: null'
        },
        {
            code: "Account a1 = new Account(Name='MyAccount'); Account a2 = new Account(Name='MyAccount', Description='My test account'); Set<Account> accountSet = new Set<Account>{a1, a2};",
            value: 'accountSet.size()',
            expected: '2',
            doc: 'Apex Developer Guide, Sets of Objects: "If you add a description to one of the accounts, it is considered unique"',
            note: 'needs the Account sObject type with org: null'
        }
    ]
);

table(
    'Map methods',
    [],
    [
        {
            code: "Map<Integer, String> m = new Map<Integer, String>(); m.put(1, 'First entry'); m.put(2, 'Second entry');",
            value: 'm.get(2)',
            expected: 'Second entry',
            doc: 'Apex Developer Guide, Maps: example (put, containsKey, get, keySet)'
        },
        {
            code: "Map<Integer, String> m = new Map<Integer, String>(); m.put(1, 'First entry');",
            value: 'm.containsKey(1)',
            expected: 'true',
            doc: 'Apex Developer Guide, Maps: example'
        },
        {
            code: "Map<Integer, String> m = new Map<Integer, String>{1 => 'First entry'};",
            value: "m.put(1, 'Replaced')",
            expected: 'First entry',
            doc: `${MAP}: put(key, value) "returns the value previously associated with the key"`
        },
        {
            code: "Map<Integer, String> m = new Map<Integer, String>{1 => 'First entry'}; m.put(1, 'Replaced');",
            value: 'm.get(1)',
            expected: 'Replaced',
            doc: 'Apex Developer Guide, Maps: "the existing entry with that key is overwritten"'
        },
        {
            code: "Map<Integer, String> m = new Map<Integer, String>{1 => 'x'};",
            value: 'm.get(9)',
            expected: 'null',
            doc: `${MAP}: get(key) "If the key is not found, returns null"`
        },
        {
            code: "Map<Integer, String> m = new Map<Integer, String>{1 => 'x'}; String removed = m.remove(1);",
            value: "removed + ' ' + m.size()",
            expected: 'x 0',
            doc: `${MAP}: remove(key) "Removes the mapping for the specified key ... and returns the value"`
        },
        {
            code: "Map<String, Integer> m = new Map<String, Integer>{'c' => 1, 'a' => 2, 'b' => 3};",
            value: "String.join(new List<String>(m.keySet()), ',')",
            expected: 'c,a,b',
            doc: 'Apex Developer Guide, Maps: "The iteration order of map elements is deterministic"',
            note: "the docs promise a deterministic order; the platform's order is insertion order"
        },
        {
            code: "Map<String, Integer> m = new Map<String, Integer>{'c' => 1, 'a' => 2, 'b' => 3};",
            value: "String.join(m.values(), ',')",
            expected: '1,2,3',
            doc: `${MAP}: values()`,
            note: 'same order as keySet() (insertion order on the platform)'
        }
    ]
);

table(
    'collections print as String.valueOf shows them',
    [],
    [
        {
            apex: 'String.valueOf(new List<Integer>{1, 2, 3})',
            expected: '(1, 2, 3)',
            doc: 'Apex Reference, String Class: valueOf(toConvert)',
            note: "the format is the platform's (debug logs show the same), not spelled out in the docs"
        },
        {
            apex: "String.valueOf(new Set<String>{'a', 'b'})",
            expected: '{a, b}',
            doc: 'Apex Reference, String Class: valueOf(toConvert)',
            note: 'platform format'
        },
        {
            apex: "String.valueOf(new Map<String, Integer>{'a' => 1, 'b' => 2})",
            expected: '{a=1, b=2}',
            doc: 'Apex Reference, String Class: valueOf(toConvert)',
            note: 'platform format'
        },
        {
            apex: "String.join(new List<Integer>{10, 20, 30}, '/')",
            expected: '10/20/30',
            doc: 'Apex Reference, String Class: join(iterableObj, separator) example'
        }
    ]
);
