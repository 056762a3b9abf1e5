// The Apex language as the Apex Developer Guide describes it, one row per behaviour: each row is an expression or
// a block of anonymous Apex (with `return`) and the value the guide says it has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { programOf, plain } from './helpers.mjs';

const program = programOf({
    'Shapes.cls': `
        public abstract class Shapes {
            public static Integer created = 0;
            public abstract Decimal area();
            public virtual String describe() { return 'shape of area ' + area(); }
            public Shapes() { created++; }
        }`,
    'Square.cls': `
        public virtual class Square extends Shapes {
            protected Decimal side;
            public Square(Decimal side) { super(); this.side = side; }
            public Square() { this(1); }
            public override Decimal area() { return side * side; }
            public override String describe() { return 'square: ' + super.describe(); }
        }`,
    'Order.cls': `
        public class Order {
            public static List<String> log = new List<String>();
            static { log.add('static 1'); }
            public static String first = record('field');
            static { log.add('static 2'); }
            public String name = 'unnamed';
            { log.add('instance'); }
            public Order() { log.add('constructor'); }
            static String record(String what) { log.add(what); return what; }
            public Integer count { get; set; }
            public Integer doubled { get { return count == null ? null : count * 2; } }
            public String shout { get { return shout; } set { shout = value == null ? null : value.toUpperCase(); } }
            public class Line {
                public Integer qty;
                public Line(Integer qty) { this.qty = qty; }
                public String owner() { return first; }
            }
            public enum Status { DRAFT, ACTIVE, DONE }
        }`,
    'Over.cls': `
        public class Over {
            public static String pick(Integer i) { return 'Integer'; }
            public static String pick(Long l) { return 'Long'; }
            public static String pick(Decimal d) { return 'Decimal'; }
            public static String pick(String s) { return 'String'; }
            public static String pick(Object o) { return 'Object'; }
            public static String pick(Integer a, Integer b) { return 'two'; }
            public static String widen(Decimal d) { return 'Decimal ' + d; }
            public static String only(String s, Decimal d) { return s + ' ' + d; }
            public static String anId(Id i) { return 'Id ' + i; }
        }`,
    'Fail.cls': `
        public class Fail {
            public class BadException extends Exception {}
            public class WorseException extends Exception {}
            public static String trace = '';
            public static String run(Integer mode) {
                try {
                    trace += 'try;';
                    if (mode == 1) throw new BadException('bad');
                    if (mode == 2) throw new WorseException('worse', new BadException('inner'));
                    if (mode == 3) { Integer[] xs = new Integer[1]; return '' + xs[5]; }
                    if (mode == 4) { String s; return s.toUpperCase(); }
                    return 'ok';
                } catch (BadException e) {
                    trace += 'bad;';
                    return 'caught ' + e.getMessage() + ' ' + e.getTypeName();
                } catch (ListException e) {
                    return e.getMessage();
                } catch (Exception e) {
                    trace += 'any;';
                    return 'generic ' + e.getMessage() + (e.getCause() == null ? '' : ' cause ' + e.getCause().getMessage());
                } finally {
                    trace += 'finally;';
                }
            }
        }`,
    'Cmp.cls': `
        public class Cmp implements Comparable {
            public Integer rank;
            public Cmp(Integer rank) { this.rank = rank; }
            public Integer compareTo(Object other) { return rank - ((Cmp) other).rank; }
            public Boolean equals(Object other) { return other instanceof Cmp && ((Cmp) other).rank == rank; }
            public Integer hashCode() { return rank; }
        }`
});

const cases = [
    // Expressions and Operators
    ['integer arithmetic truncates toward zero', '-7 / 2', -3],
    ['integers wrap on overflow', '2147483647 + 1', -2147483648],
    ['string concatenation with null', "'a' + null", 'anull'],
    ['== on strings ignores case', "'ABC' == 'abc'", true],
    ['=== on strings compares exactly', "'ABC' === 'abc'", false],
    ['ternary', '1 > 2 ? 1 : 2', 2],
    ['null coalescing takes the right side for null', "(String) null ?? 'x'", 'x'],
    ['null coalescing keeps a non-null left side', "'y' ?? 'x'", 'y'],
    ['&& short-circuits', 'false && ((String) null).length() > 0', false],
    ['|| short-circuits', 'true || ((String) null).length() > 0', true],
    ['shift operators', '(-16 >> 2) + (1 << 4)', 12],
    ['unsigned shift', '-1 >>> 28', 15],
    ['Long literal', '2147483648L * 2', 4294967296],
    ['Decimal literal keeps its scale', 'String.valueOf(1.50 + 1)', '2.50'],
    ['instanceof with null is false', 'null instanceof Object', false],
    ['case-insensitive identifiers and keywords', "INTEGER.valueOf('4') + 1", 5],
    // Variables, loops, collections
    ['classic for loop', 'Integer s = 0; for (Integer i = 0; i < 5; i++) { s += i; } return s;', 10],
    [
        'for-each over a list with continue and break',
        'Integer s = 0; for (Integer i : new List<Integer>{1, 2, 3, 4, 5}) { if (i == 2) continue; if (i == 5) break; s += i; } return s;',
        8
    ],
    ['while and do-while', 'Integer i = 0; while (i < 3) i++; do { i += 10; } while (i < 5); return i;', 13],
    ['several declarators', 'Integer a = 1, b = a + 1, c; return c == null ? a + b : 0;', 3],
    ['array index write and read', "String[] xs = new String[2]; xs[1] = 'b'; return xs[1] + xs.size();", 'b2'],
    ['compound assignment on strings', "String s = 'a'; s += 'b'; s += 1; return s;", 'ab1'],
    ['pre and post increment', 'Integer i = 1; Integer a = i++; Integer b = ++i; return a * 10 + b;', 13],
    [
        'map initializer',
        "Map<String, Integer> m = new Map<String, Integer>{ 'a' => 1, 'b' => 2 }; return m.get('b');",
        2
    ],
    ['set initializer removes duplicates', 'return new Set<Integer>{ 1, 1, 2 }.size();', 2],
    [
        'list copy constructor',
        'List<Integer> a = new List<Integer>{1}; List<Integer> b = new List<Integer>(a); b.add(2); return a.size();',
        1
    ],
    // Switch Statements
    [
        'switch on Integer with comma list',
        "switch on 3 { when 1, 2 { return 'low'; } when 3, 4 { return 'mid'; } when else { return 'high'; } }",
        'mid'
    ],
    [
        'switch on String is case-sensitive',
        "switch on 'A' { when 'a' { return 'lower'; } when else { return 'else'; } }",
        'else'
    ],
    ['switch on null', "String s; switch on s { when null { return 'null'; } when else { return 'else'; } }", 'null'],
    [
        'switch on a negative literal',
        "switch on -2 { when -2 { return 'minus two'; } when else { return 'else'; } }",
        'minus two'
    ],
    [
        'switch on an enum',
        'switch on Order.Status.ACTIVE { when DRAFT { return 1; } when ACTIVE, DONE { return 2; } } return 0;',
        2
    ],
    // Classes, inheritance, interfaces
    ['abstract method dispatch and super call', 'return new Square(3).describe();', 'square: shape of area 9'],
    ['this(...) chains constructors', 'return new Square().area();', 1],
    ['static state counts constructions in this transaction', 'new Square(); new Square(2); return Shapes.created;', 2],
    ['interface type check', 'Object o = new Cmp(1); return o instanceof Comparable;', true],
    ['subclass instanceof superclass', 'Object o = new Square(); return o instanceof Shapes;', true],
    ['user equals drives ==', 'return new Cmp(2) == new Cmp(2);', true],
    [
        'user equals and hashCode drive set membership',
        'Set<Cmp> s = new Set<Cmp>{ new Cmp(1) }; return s.contains(new Cmp(1));',
        true
    ],
    [
        'Comparable drives List.sort',
        'List<Cmp> l = new List<Cmp>{ new Cmp(3), new Cmp(1), new Cmp(2) }; l.sort(); return l[0].rank * 100 + l[1].rank * 10 + l[2].rank;',
        123
    ],
    // Initialization order ("Static and Instance Methods, Variables, and Initialization Code")
    [
        'static initialisers run in order on first use, instance ones before the constructor',
        "new Order(); return String.join(Order.log, ',');",
        'static 1,field,static 2,instance,constructor'
    ],
    ['inner classes see outer statics', 'return new Order.Line(2).owner();', 'field'],
    // Properties
    ['automatic property', 'Order o = new Order(); o.count = 4; return o.count;', 4],
    ['get accessor computes', 'Order o = new Order(); o.count = 4; return o.doubled;', 8],
    [
        'set accessor receives value and writes its own storage',
        "Order o = new Order(); o.shout = 'hi'; return o.shout;",
        'HI'
    ],
    // Enums
    [
        'enum values, name, ordinal, valueOf',
        "return Order.Status.values().size() + ':' + Order.Status.DONE.name() + ':' + Order.Status.valueOf('ACTIVE').ordinal();",
        '3:DONE:1'
    ],
    // Overloads
    ['overload by exact type: Integer', 'return Over.pick(1);', 'Integer'],
    ['overload by exact type: Long', 'return Over.pick(1L);', 'Long'],
    ['overload by exact type: String', "return Over.pick('s');", 'String'],
    ['overload falls back to Object', 'return Over.pick(true);', 'Object'],
    ['overload by argument count', 'return Over.pick(1, 2);', 'two'],
    ['Integer widens to a Decimal parameter', 'return Over.widen(2);', 'Decimal 2'],
    ['the one method of that name: its arguments still fit', "return Over.only('x', 2);", 'x 2'],
    ['null fits any parameter', 'return Over.only(null, null);', 'null null'],
    ['a Double widens to a Decimal parameter', "return Over.only('d', 1.5d);", 'd 1.5'],
    [
        'an Id is assignable to a String parameter, a String to an Id one ("Rules of Conversion")',
        "Id i = '001000000000001AAA'; return Over.only(i, 1) + ' / ' + Over.anId('001000000000001AAA');",
        '001000000000001AAA 1 / Id 001000000000001AAA'
    ],
    // Exceptions
    ['custom exception caught by type', 'return Fail.run(1);', 'caught bad Fail.BadException'],
    ['Exception catches the rest, with a cause', 'return Fail.run(2);', 'generic worse cause inner'],
    ['list index out of bounds', 'return Fail.run(3);', 'List index out of bounds: 5'],
    [
        'null dereference is a NullPointerException',
        'return Fail.run(4);',
        'generic Attempt to de-reference a null object'
    ],
    ['finally runs after return', 'Fail.run(0); return Fail.trace;', 'try;finally;'],
    ['catch order: first matching clause', 'Fail.run(1); return Fail.trace;', 'try;bad;finally;'],
    [
        'exception line number',
        "try { throw new Fail.BadException('x'); } catch (Exception e) { return e.getLineNumber(); }",
        1
    ],
    // Casts ("Classes and Casting")
    [
        'cast to the wrong class throws TypeException',
        "try { Object o = 'text'; Integer i = (Integer) o; return 'no'; } catch (TypeException e) { return e.getMessage(); }",
        'Invalid conversion from runtime type String to Integer'
    ],
    ['downcast to the right class', 'Shapes s = new Square(2); return ((Square) s).area();', 4],
    // Safe navigation ("Safe Navigation Operator")
    ['safe navigation on null short-circuits the chain', 'Order o; return o?.name.length();', null],
    ['safe navigation on a value', 'Order o = new Order(); return o?.name;', 'unnamed']
];

for (const [name, code, expected] of cases) {
    test(name, () => {
        const rt = program.transaction({});
        const source = /;|\}\s*$/.test(code) ? code : `return ${code};`;
        assert.deepEqual(plain(rt.runAnonymous(source)), expected);
    });
}

test('static state is per transaction', () => {
    const first = program.transaction({});
    first.runAnonymous('new Square();');
    assert.equal(first.evaluate('Shapes.created'), 1);
    assert.equal(program.transaction({}).evaluate('Shapes.created'), 0);
});

test('an uncaught exception carries the Apex stack', () => {
    const rt = program.transaction({});
    assert.throws(
        () => rt.callStatic('Over', 'pick', []),
        (error) => /No static method/.test(error.message)
    );
    try {
        rt.runAnonymous('Integer[] xs = new Integer[0];\nInteger i = xs[1];');
        assert.fail('expected a ListException');
    } catch (error) {
        assert.equal(error.typeName, 'System.ListException');
        assert.equal(error.apexMessage, 'List index out of bounds: 1');
        assert.equal(error.apexStack[0].line, 2);
    }
});

test('an argument that fits no parameter is a compile error, even for the only method of that name', () => {
    // A call compiles only when each argument is assignable to its parameter's type ("Method does not exist or
    // incorrect signature"); a Boolean is not a String, nor a String a Decimal: "Apex requires you to explicitly
    // convert one data type to another" (Apex Developer Guide, "Rules of Conversion").
    for (const call of ['Over.only(true, 2)', "Over.only('x', 'y')", 'Over.widen(true)']) {
        const rt = program.transaction({});
        assert.throws(
            () => rt.runAnonymous(`return ${call};`),
            (error) => /Method does not exist or incorrect signature/.test(error.message),
            call
        );
    }
});

test('LimitException and AssertException cannot be caught', () => {
    const rt = program.transaction({});
    for (const type of ['LimitException', 'AssertException']) {
        assert.throws(
            () => rt.runAnonymous(`try { throw new ${type}('stop'); } catch (Exception e) { return 'caught'; }`),
            (error) => error.typeName === `System.${type}`
        );
    }
});

test('rt.checkLimit throws LimitException at the 101st query', () => {
    const rt = program.transaction({});
    for (let i = 0; i < 100; i++) rt.checkLimit('queries', 1);
    assert.throws(
        () => rt.checkLimit('queries', 1),
        (error) => error.apexMessage === 'Too many SOQL queries: 101'
    );
    rt.resetLimits();
    rt.checkLimit('queries', 1);
});

test('two member variables whose names differ only in case are one name declared twice: a compile error', () => {
    // Identifiers ignore case (Apex Developer Guide, "Expressions and Operators"), so the compiler refuses the second
    // declaration ("Duplicate field"); a constant BLOCKED beside a list `blocked` must not silently replace it.
    const load = () =>
        programOf({
            'Twice.cls': `
                public class Twice {
                    private static final String BLOCKED = 'Blocked';
                    public List<String> blocked = new List<String>();
                }`
        })
            .transaction({})
            .runAnonymous('return new Twice().blocked;');
    assert.throws(load, (error) => error.name === 'ApexCompileError' && /Duplicate field: blocked/.test(error.message));
});
