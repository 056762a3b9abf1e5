// Record ids: 15 case-sensitive characters, or 18 with a 3-character suffix that makes them unique
// case-insensitively (Apex Developer Guide, "Primitive Data Types": Id; Apex Reference, "Id Class": to15()).

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The case-safety suffix of a 15-character id: one character per 5, from which of them are upper case. */
export function idSuffix(id15) {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const char = id15[chunk * 5 + i];
            if (char >= 'A' && char <= 'Z') bits |= 1 << i;
        }
        suffix += SUFFIX[bits];
    }
    return suffix;
}

/** The 18-character form of a valid id, or null when the text is not an id. */
export function toId18(text) {
    if (typeof text !== 'string') return null;
    if (/^[0-9A-Za-z]{18}$/.test(text)) return text.slice(0, 15) + idSuffix(text.slice(0, 15));
    if (/^[0-9A-Za-z]{15}$/.test(text)) return text + idSuffix(text);
    return null;
}
