// One activation of Apex code: a method, constructor, initialiser, trigger body or anonymous block. Locals live in
// one Map per frame: Apex forbids redeclaring a name that is already in scope in the same method (Apex Developer
// Guide, "Variables"), so blocks only need to forget what they declared when they end, and every lookup is O(1).

export class Frame {
    /**
     * cls: the class whose code runs (lexical: name lookup, super); self: the instance or null; method: its name
     * for stack traces; sharing: whether this code enforces sharing.
     */
    constructor(rt, cls, self, method, sharing, file) {
        this.rt = rt;
        this.cls = cls;
        this.self = self;
        this.method = method;
        this.sharing = sharing;
        this.file = file;
        this.line = 0;
        this.vars = new Map();
        this.accessor = null; // the property whose get/set accessor runs here (it reads its own storage)
        this.ret = null;
        this.returnType = null;
    }

    lookup(lname) {
        return this.vars.get(lname);
    }

    declare(lname, type, value) {
        const slot = { type, value };
        this.vars.set(lname, slot);
        return slot;
    }
}

/** Completion signals of statements (normal completion is undefined). */
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
