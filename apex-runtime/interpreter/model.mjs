// The class model: Apex classes, interfaces, enums (top-level and inner), their fields, properties, methods,
// constructors and initialisers, built from the declarations of ast-declarations.mjs. Class models are shared by
// every transaction; static state lives in the transaction (runtime.mjs).
import { ApexEnumValue } from '../values/values.mjs';
import { ApexCompileError } from './errors.mjs';

const SHARING = { 'with sharing': 'with', 'without sharing': 'without', 'inherited sharing': 'inherited' };

export class MethodModel {
    constructor(decl, cls) {
        this.decl = decl;
        this.cls = cls;
        this.name = decl.name;
        this.lname = decl.name.toLowerCase();
        this.params = decl.params;
        this.returnType = decl.returnType ?? null;
        this.body = decl.body;
        this.line = decl.line;
        this.modifiers = decl.modifiers;
        this.annotations = decl.annotations;
        this.isStatic = decl.modifiers.has('static');
        this.isAbstract = decl.modifiers.has('abstract') || (decl.kind === 'method' && !decl.body);
        this.isConstructor = decl.kind === 'ctor';
    }

    hasAnnotation(name) {
        return this.annotations.has(name.toLowerCase());
    }
}

export class ClassModel {
    /**
     * decl: a type declaration (ast-declarations.mjs) or a synthetic one for built-in classes; outer: the enclosing
     * class model or null; typeName: what getTypeName / error messages call it.
     */
    constructor(decl, outer = null, { typeName, builtin = false } = {}) {
        this.decl = decl;
        this.outer = outer;
        this.simpleName = decl.name;
        this.name = outer ? `${outer.name}.${decl.name}` : decl.name;
        this.lname = this.name.toLowerCase();
        this.typeName = typeName ?? this.name;
        this.builtin = builtin;
        this.kind = decl.kind; // 'class' | 'interface' | 'enum' | 'trigger' | 'anonymous'
        this.file = decl.file ?? null;
        this.line = decl.line ?? 0;
        this.modifiers = decl.modifiers ?? new Set();
        this.annotations = decl.annotations ?? new Map();
        this.isInterface = this.kind === 'interface';
        this.isEnum = this.kind === 'enum';
        this.isAbstract = this.modifiers.has('abstract');
        this.isVirtual = this.modifiers.has('virtual') || this.isAbstract;
        this.sharing = null;
        for (const modifier of this.modifiers) if (SHARING[modifier]) this.sharing = SHARING[modifier];
        this.superType = decl.extends ?? null;
        this.interfaceTypes = decl.implements ?? [];
        this.superclass = null; // linked later
        this.interfaces = []; // ClassModels of user interfaces, linked later
        this.nativeInterfaces = new Set(); // lower-case names of interfaces not defined in Apex source (Comparable...)
        this.fields = new Map();
        this.staticInits = [];
        this.instanceInits = [];
        this.methods = new Map();
        this.ctors = [];
        this.inner = new Map();
        this.uncatchable = false;
        this.enumValues = [];
        this.enumByName = new Map();
        if (this.isEnum) {
            decl.enumValues.forEach((name, ordinal) => {
                const value = new ApexEnumValue(this, name, ordinal);
                this.enumValues.push(value);
                this.enumByName.set(name.toLowerCase(), value);
            });
        }
        for (const member of decl.members ?? []) this.addMember(member);
    }

    addMember(member) {
        switch (member.kind) {
            case 'class':
            case 'interface':
            case 'enum': {
                const inner = new ClassModel(member, this);
                this.inner.set(inner.simpleName.toLowerCase(), inner);
                break;
            }
            case 'field':
                for (const d of member.decls) {
                    const field = {
                        name: d.name,
                        lname: d.lname,
                        type: member.type,
                        init: d.init,
                        line: d.line,
                        cov: member.cov,
                        isStatic: member.modifiers.has('static'),
                        isFinal: member.modifiers.has('final'),
                        isTransient: member.modifiers.has('transient'),
                        annotations: member.annotations,
                        modifiers: member.modifiers,
                        owner: this,
                        prop: null
                    };
                    this.declareField(field);
                    (field.isStatic ? this.staticInits : this.instanceInits).push({ field });
                }
                break;
            case 'property': {
                // Apex Developer Guide, "Using Properties": `get;`/`set;` are automatic accessors over a hidden
                // variable; an omitted accessor makes the property read-only or write-only.
                const field = {
                    name: member.name,
                    lname: member.lname,
                    type: member.type,
                    init: null,
                    line: member.line,
                    isStatic: member.modifiers.has('static'),
                    isFinal: false,
                    isTransient: member.modifiers.has('transient'),
                    annotations: member.annotations,
                    modifiers: member.modifiers,
                    owner: this,
                    prop: { getter: member.getter, setter: member.setter }
                };
                this.declareField(field);
                (field.isStatic ? this.staticInits : this.instanceInits).push({ field });
                break;
            }
            case 'method': {
                const method = new MethodModel(member, this);
                if (!this.methods.has(method.lname)) this.methods.set(method.lname, []);
                this.methods.get(method.lname).push(method);
                break;
            }
            case 'ctor':
                this.ctors.push(new MethodModel(member, this));
                break;
            case 'init':
                (member.isStatic ? this.staticInits : this.instanceInits).push({ block: member.body });
                break;
            default:
                throw new Error(`class model: unknown member ${member.kind}`);
        }
    }

    /**
     * A member variable or property. Names are case-insensitive ("Expressions and Operators": identifiers ignore
     * case), so `blocked` and `BLOCKED` in one class are one name declared twice, which the compiler refuses.
     */
    declareField(field) {
        if (this.fields.has(field.lname)) {
            throw new ApexCompileError(`Duplicate field: ${field.name}`, this.file, field.line);
        }
        this.fields.set(field.lname, field);
    }

    hasAnnotation(name) {
        return this.annotations.has(name.toLowerCase());
    }

    /** This class and its superclasses, nearest first. */
    *chain() {
        for (let cls = this; cls; cls = cls.superclass) yield cls;
    }

    /** Is this class `other` or a subclass / implementer of it (user interfaces and native interface names). */
    isSubclassOf(other) {
        for (const cls of this.chain()) {
            if (cls === other) return true;
            if (cls.interfaces.some((i) => i === other || i.isSubclassOf(other))) return true;
        }
        return false;
    }

    implementsNative(lname) {
        for (const cls of this.chain()) {
            if (cls.nativeInterfaces.has(lname)) return true;
            if (cls.interfaces.some((i) => i.implementsNative(lname))) return true;
        }
        return false;
    }

    /** A field or property declared here or inherited. */
    findField(lname) {
        for (const cls of this.chain()) {
            const field = cls.fields.get(lname);
            if (field) return field;
        }
        return undefined;
    }

    /** Every inner type, recursively. */
    *allInner() {
        for (const inner of this.inner.values()) {
            yield inner;
            yield* inner.allInner();
        }
    }

    get isException() {
        for (const cls of this.chain()) if (cls.lname === 'exception' && cls.builtin) return true;
        return false;
    }
}
