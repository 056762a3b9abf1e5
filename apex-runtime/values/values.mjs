// The JavaScript representation of Apex values (see ../README.md). The classes here hold data only; the
// behaviour of each Apex type (its methods) lives in the native class modules beside this file.

/** Double: a 64-bit binary floating point number (Apex Developer Guide, "Primitive Data Types"). */
export class ApexDouble {
    constructor(value) {
        this.value = value;
    }
}

/** Decimal: an arbitrary precision number that keeps its scale, value = unscaled * 10^-scale. */
export class ApexDecimal {
    constructor(unscaled, scale = 0) {
        this.unscaled = BigInt(unscaled);
        this.scale = scale;
    }
}

/** Date: a day, counted from 1970-01-01. */
export class ApexDate {
    constructor(days) {
        this.days = days;
    }
}

/** Datetime: an instant, epoch milliseconds in UTC. */
export class ApexDatetime {
    constructor(ms) {
        this.ms = ms;
    }
}

/** Time: milliseconds since midnight. */
export class ApexTime {
    constructor(ms) {
        this.ms = ms;
    }
}

/** Blob: bytes. */
export class ApexBlob {
    constructor(bytes) {
        this.bytes = bytes;
    }
}

/** An instance of an Apex class: its class (the interpreter's model) and its fields by lower-case name. */
export class ApexObject {
    constructor(cls) {
        this.cls = cls;
        this.fields = new Map();
    }
}

/** A value of an Apex enum. */
export class ApexEnumValue {
    constructor(enumType, name, ordinal) {
        this.enumType = enumType;
        this.name = name;
        this.ordinal = ordinal;
    }
}

/** A System.Type value. */
export class ApexTypeValue {
    constructor(type) {
        this.type = type;
    }
}
