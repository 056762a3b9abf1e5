// Classes: inheritance, interfaces, super, abstract, inner classes, constructors, static initialisation, casts.
import { table } from './harness.mjs';

const EXTEND = 'Apex Developer Guide, Extending a Class (Marker example)';
const IFACE = 'Apex Developer Guide, Interfaces (PurchaseOrder example)';
const SUPER = 'Apex Developer Guide, Using the super Keyword';
const STATIC = 'Apex Developer Guide, Static and Instance Methods, Variables, and Initialization Code';
const CAST = 'Apex Developer Guide, Classes and Casting';
const topics = ['oop'];

table('virtual methods dispatch on the runtime class', topics, [
    {
        code: 'Marker obj1 = new YellowMarker();',
        value: 'obj1.write()',
        expected: 'Writing some text using the yellow marker.',
        doc: `${EXTEND}: "obj1.write()" on a Marker variable holding a YellowMarker`
    },
    {
        code: 'Marker obj2 = new RedMarker();',
        value: 'obj2.write()',
        expected: 'Writing some text in red.',
        doc: EXTEND
    },
    {
        code: 'Marker obj2 = new RedMarker();',
        value: 'obj2.discount()',
        expected: '0.05',
        doc: `${EXTEND}: "Double d = obj2.discount();" (inherited, not overridden)`
    },
    {
        code: 'RedMarker obj = new RedMarker();',
        value: 'obj.computePrice()',
        expected: '1.5',
        doc: `${EXTEND}: a method only in the subclass`
    },
    { apex: 'new Marker().write()', expected: 'Writing some text.', doc: EXTEND }
]);

table('interface methods dispatch to the implementing class', topics, [
    {
        code: 'PurchaseOrder order = new CustomerPurchaseOrder();',
        value: 'order.discount()',
        expected: '0.05',
        doc: IFACE
    },
    {
        code: 'PurchaseOrder order = new EmployeePurchaseOrder();',
        value: 'order.discount()',
        expected: '0.1',
        doc: IFACE,
        note: 'a Double prints as Java prints a double'
    },
    {
        code: 'Object o = new EmployeePurchaseOrder();',
        value: 'o instanceof PurchaseOrder',
        expected: 'true',
        doc: `${IFACE} and ${CAST}: instanceof`
    }
]);

table('super calls, abstract methods, constructors', topics, [
    {
        apex: 'new Subclass().printName()',
        expected: 'My name is MadamClapentrap. But you can call me Brenda',
        doc: `${SUPER}: super.printName(), super.getFirstName(), super(...) constructor`
    },
    {
        apex: 'new SuperClass().printName()',
        expected: 'My name is Mr.Vonderburg',
        doc: `${SUPER}: the no-argument constructor`
    },
    {
        apex: 'new Square(3).describe()',
        expected: 'area 9',
        doc: 'Apex Developer Guide, Classes: abstract methods are implemented by the extending class'
    },
    {
        apex: 'new TestObject2().size',
        expected: '10',
        doc: 'Apex Developer Guide, Using Constructors: "this(DEFAULT_SIZE)"'
    },
    { apex: 'new TestObject2(3).size', expected: '3', doc: 'Apex Developer Guide, Using Constructors' }
]);

table('inner classes', topics, [
    {
        apex: 'new Outer.Inner().hello()',
        expected: 'inner sees outer static',
        doc: 'Apex Developer Guide, Classes: inner classes (Outer.Inner), static members of the outer class'
    },
    {
        apex: 'new Outer().make().hello()',
        expected: 'inner sees outer static',
        doc: 'Apex Developer Guide, Classes: inner classes'
    }
]);

table('static initialisation runs once per transaction, in order', topics, [
    {
        apex: "String.join(StaticInit.log, ',')",
        expected: 'field,block 1,block 2',
        doc: `${STATIC}: "All of these are run in the order in which they appear in the class"`
    },
    {
        apex: 'StaticInit.sizeAfterFirstBlock',
        expected: '2',
        doc: `${STATIC}: static members and blocks interleave in source order`
    },
    {
        code: "Integer a = StaticInit.runs; Integer b = StaticInit.runs; StaticInit.log.add('x');",
        value: 'StaticInit.runs',
        expected: '1',
        doc: `${STATIC}: static initialisation runs once`
    },
    {
        code: "StaticInit.log.add('from an earlier row');",
        value: 'StaticInit.log.size()',
        expected: '4',
        doc: `${STATIC}: "Static variables are static only within the scope of the Apex transaction"`,
        name: 'a fresh transaction starts from fresh statics (the row above added to the log in its own transaction)'
    }
]);

table('instanceof and casts', topics, [
    {
        code: 'Object o = new YellowMarker();',
        value: 'o instanceof Marker',
        expected: 'true',
        doc: `${CAST}: instanceof`
    },
    {
        code: 'Object o = new YellowMarker();',
        value: 'o instanceof RedMarker',
        expected: 'false',
        doc: `${CAST}: instanceof`
    },
    {
        code: 'Marker m;',
        value: 'm instanceof Marker',
        expected: 'false',
        doc: `${CAST}: instanceof`,
        note: 'null is an instance of nothing'
    },
    {
        code: 'Marker m = new YellowMarker(); YellowMarker y = (YellowMarker) m;',
        value: 'y.write()',
        expected: 'Writing some text using the yellow marker.',
        doc: `${CAST}: downcast "(CustomReport) R"`
    },
    {
        code: 'Marker m = new YellowMarker(); RedMarker r = (RedMarker) m;',
        throws: 'System.TypeException',
        message: 'Invalid conversion from runtime type YellowMarker to RedMarker',
        doc: `${CAST}: a cast to a class the object is not an instance of fails at run time`,
        note: "the message text is the platform's"
    },
    {
        code: "Object o = 'abc'; Integer i = (Integer) o;",
        throws: 'System.TypeException',
        message: 'Invalid conversion from runtime type String to Integer',
        doc: CAST,
        note: 'platform message'
    }
]);
