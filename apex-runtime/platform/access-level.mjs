// System.AccessLevel (Apex Reference, "AccessLevel Class"): USER_MODE and SYSTEM_MODE, the mode Database methods run
// in. In user mode the running user's object permissions, field-level security and sharing are enforced; in system
// mode they are not, and sharing follows the class's sharing keywords.
import { defineNative } from '../interpreter/natives.mjs';

export class AccessLevelValue {
    constructor(mode) {
        this.mode = mode;
        Object.freeze(this);
    }
}

export const USER_MODE = new AccessLevelValue('USER_MODE');
export const SYSTEM_MODE = new AccessLevelValue('SYSTEM_MODE');

/**
 * True when `level` asks for user mode: an AccessLevel value, or the interpreter's 'user' / 'system' of
 * `insert as user` (Apex Developer Guide, "Enforce User Mode for Database Operations"). Null/undefined: system mode.
 */
export function isUserMode(level) {
    if (level === null || level === undefined) return false;
    if (level instanceof AccessLevelValue) return level === USER_MODE;
    const text = String(level).toLowerCase();
    if (text === 'user' || text === 'user_mode') return true;
    if (text === 'system' || text === 'system_mode') return false;
    throw new Error(`not an access level: ${level}`);
}

defineNative({
    name: 'AccessLevel',
    isInstance: (value) => value instanceof AccessLevelValue,
    staticProperties: {
        user_mode: () => USER_MODE,
        system_mode: () => SYSTEM_MODE
    },
    instanceMethods: {
        // Apex Reference, AccessLevel: withPermissionSetId (user mode with a permission set) is not modelled.
        withpermissionsetid: (rt) => rt.unsupported('AccessLevel.withPermissionSetId'),
        tostring: (rt, self) => self.mode
    }
});
