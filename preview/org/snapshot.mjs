// Snapshots of an org's store, for test isolation: a test class's @TestSetup data is saved once and every test
// method starts from its own copy ("Using the @TestSetup Annotation": each method sees the setup records as they
// were, whatever the previous method did). A snapshot freezes its records, so orgs restored from it share them:
// the org never changes a stored record in place (a write replaces it), so sharing them is safe and fast.

const frozenCopy = (record) => Object.freeze({ ...record });

/** An immutable copy of the store (see org.snapshot()). */
export function takeSnapshot({
    root,
    tables,
    index,
    counters,
    today,
    currentUserId,
    metadataOverrides,
    grants,
    sharingModels
}) {
    const frozenTables = new Map();
    for (const [name, table] of tables) {
        const copy = new Map();
        for (const [id, record] of table) copy.set(id, Object.isFrozen(record) ? record : frozenCopy(record));
        frozenTables.set(name, copy);
    }
    const frozenIndex = new Map();
    for (const [key, byParent] of index) {
        frozenIndex.set(key, new Map([...byParent].map(([parent, ids]) => [parent, [...ids]])));
    }
    return Object.freeze({
        root,
        tables: frozenTables,
        index: frozenIndex,
        counters: new Map(counters),
        today,
        currentUserId,
        metadataOverrides: structuredClone(metadataOverrides),
        grants: structuredClone(grants),
        sharingModels: { ...sharingModels }
    });
}

/** Fresh mutable tables, indexes and counters from a snapshot; the records themselves stay shared (frozen). */
export function restoreTables(snapshot) {
    const tables = new Map();
    for (const [name, table] of snapshot.tables) tables.set(name, new Map(table));
    const index = new Map();
    for (const [key, byParent] of snapshot.index) {
        index.set(key, new Map([...byParent].map(([parent, ids]) => [parent, new Set(ids)])));
    }
    return {
        tables,
        index,
        counters: new Map(snapshot.counters),
        today: snapshot.today,
        currentUserId: snapshot.currentUserId,
        metadataOverrides: structuredClone(snapshot.metadataOverrides),
        grants: structuredClone(snapshot.grants),
        sharingModels: { ...snapshot.sharingModels }
    };
}
