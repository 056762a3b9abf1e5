// The pipeline review's query plan, as PipelineQuery.cls writes it: the request checked against the same
// whitelists (with the same messages), the same ordered segments, the same ORDER BY and keyset conditions, and
// the same cursor text. The Apex turns these into SOQL; the twin evaluates them over the embedded org's records,
// so each rule below names the SOQL it stands for. Nothing here reads the org: pipelineReview.mjs does.
import { toId18 } from '../../org/org.mjs';

export const DEFAULT_PAGE_SIZE = 50;
export const MIN_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 200;

export const SCOPE_MINE = 'mine';
export const SCOPE_TEAM = 'team';
export const SCOPE_ALL = 'all';

export const NO_ACTIVE_PLAN = 'No Active Plan';
export const DEFAULT_SORT = 'closeDate';

/** Health of an Active plan, best first: ascending health lists On Track first, descending Off Track first. */
export const ACTIVE_HEALTHS = ['On Track', 'At Risk', 'Off Track'];

const CLOSE_PERIODS = ['any', 'overdue', 'thisMonth', 'nextMonth', 'thisQuarter', 'nextQuarter', 'thisYear'];

/** Sortable columns: key -> object read (plan or opportunity), field and kind, as PipelineQuery.COLUMNS. */
export const COLUMNS = {
    name: { onPlan: false, field: 'Name', kind: 'text' },
    owner: { onPlan: false, field: 'Owner.Name', kind: 'text' },
    stage: { onPlan: false, field: 'StageName', kind: 'stage' },
    amount: { onPlan: false, field: 'Amount', kind: 'number' },
    closeDate: { onPlan: false, field: 'CloseDate', kind: 'date' },
    planStatus: { onPlan: false, field: 'Active_Plan_Count__c', kind: 'number' },
    acceptance: { onPlan: false, field: 'Accepted_Plan_Count__c', kind: 'number' },
    health: { onPlan: true, field: null, kind: 'health' },
    completion: { onPlan: true, field: 'Completion_Percent__c', kind: 'number' },
    buyerCompletion: { onPlan: true, field: 'Buyer_Completion_Percent__c', kind: 'number' },
    overdue: { onPlan: true, field: 'Days_Overdue__c', kind: 'number' },
    slipDays: { onPlan: true, field: 'Total_Slip_Days__c', kind: 'number' },
    projectedClose: { onPlan: true, field: 'Close_Date_Variance_Days__c', kind: 'number' }
};

/** PipelineQuery.InvalidRequestException: a request value outside its whitelist. */
export class InvalidRequestError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InvalidRequestError';
    }
}

const CURSOR_MISFIT = 'The page cursor does not fit this sort; reload the first page.';

/** Apex String.isBlank: null, empty or whitespace only. */
export const isBlank = (value) => value === null || value === undefined || String(value).trim() === '';

/** Apex String.abbreviate(40). */
const abbreviate = (text) => (text.length > 40 ? `${text.slice(0, 37)}...` : text);

function oneOf(name, value, allowed, fallback) {
    if (isBlank(value)) return fallback;
    const text = String(value);
    if (!allowed.includes(text)) throw new InvalidRequestError(`Unknown ${name}: ${abbreviate(text)}`);
    return text;
}

const ID = /^[0-9A-Za-z]{15}(?:[0-9A-Za-z]{3})?$/;

/** The key prefix of a text Id.valueOf accepts (15 or 18 alphanumerics), or null. */
const prefixOf = (value) => (typeof value === 'string' && ID.test(value) ? value.slice(0, 3) : null);

/**
 * Text comparison as SOQL does it for ORDER BY, =, < and > on text: by the user's locale, ignoring case. One
 * collator serves the order and the keyset, so a page boundary never falls between rows SOQL would call equal.
 */
const collator = new Intl.Collator('en-US', { sensitivity: 'accent' });
export const compareText = (a, b) => collator.compare(a, b);

/** Apex == and SOQL IN on strings ignore case. */
export const sameText = (a, b) => a !== null && b !== null && String(a).toLowerCase() === String(b).toLowerCase();

/**
 * Validates a request as the PipelineQuery constructor does and plans its segments. `context` is
 * { keyPrefixes: { opportunity, plan } }; the stage order joins it later (only a stage sort's keyset reads it).
 * Throws InvalidRequestError with the Apex message.
 */
export function planQuery(request, context) {
    const r = request && typeof request === 'object' ? request : {};
    const scope = oneOf('scope', r.scope, [SCOPE_MINE, SCOPE_TEAM, SCOPE_ALL], SCOPE_TEAM);
    const ownerId = userIdOrNull(r.ownerId);
    const stageName = isBlank(r.stageName) ? null : String(r.stageName);
    const closePeriod = oneOf('closePeriod', r.closePeriod, CLOSE_PERIODS, 'any');
    const health = isBlank(r.health) ? null : oneOf('health', r.health, [...ACTIVE_HEALTHS, NO_ACTIVE_PLAN], null);
    const gatedWithoutPlan = r.gatedWithoutPlan === true;
    const sortBy = oneOf('sortBy', r.sortBy, Object.keys(COLUMNS), DEFAULT_SORT);
    const descending = oneOf('sortDirection', r.sortDirection, ['asc', 'desc'], 'asc') === 'desc';
    const pageSize = pageSizeOf(r.pageSize);
    const query = {
        scope,
        ownerId,
        stageName,
        closePeriod,
        health,
        gatedWithoutPlan,
        sortBy,
        descending,
        pageSize,
        sortsByPlan: COLUMNS[sortBy].onPlan,
        sortsByStage: COLUMNS[sortBy].kind === 'stage',
        /** The filters select only deals without an Active plan, so no Active plan can match. */
        excludesActivePlans: gatedWithoutPlan || health === NO_ACTIVE_PLAN,
        segments: planSegments(COLUMNS[sortBy], descending)
    };
    query.cursor = validCursor(r.cursor, query.segments, context.keyPrefixes);
    return query;
}

/** Rows per page, 10 to 200; 50 when blank. An Integer parameter takes whole numbers only. */
function pageSizeOf(value) {
    if (value === null || value === undefined) return DEFAULT_PAGE_SIZE;
    const size = Number(value);
    if (typeof value === 'boolean' || !Number.isInteger(size)) {
        throw new InvalidRequestError(`Value provided is invalid for action parameter 'pageSize' of type 'Integer'`);
    }
    return Math.min(MAX_PAGE_SIZE, Math.max(MIN_PAGE_SIZE, size));
}

function userIdOrNull(value) {
    if (isBlank(value)) return null;
    if (prefixOf(value) !== '005') throw new InvalidRequestError('The owner filter needs a user.');
    return toId18(value);
}

/**
 * The segments, as PipelineQuery.planSegments: an Opportunity column is one segment; a plan column reads the
 * Active plans in its order (health: one segment per health value, then a guard for any other value), then the
 * deals without an Active plan by close date.
 */
function planSegments(column, descending) {
    if (!column.onPlan) return [{ onPlan: false, field: column.field, kind: column.kind, descending }];
    const planned = [];
    if (column.kind === 'health') {
        const order = descending ? [...ACTIVE_HEALTHS].reverse() : ACTIVE_HEALTHS;
        for (const value of order) {
            planned.push({ onPlan: true, field: null, kind: 'id', descending: false, health: value });
        }
        // Health__c NOT IN :knownHealths: guards against a health value outside the three an Active plan can have.
        planned.push({ onPlan: true, field: null, kind: 'id', descending: false, otherHealth: true });
    } else {
        planned.push({ onPlan: true, field: column.field, kind: column.kind, descending });
    }
    planned.push({ onPlan: false, field: 'CloseDate', kind: 'date', descending: false, noActivePlan: true });
    return planned;
}

function validCursor(requested, segments, keyPrefixes) {
    if (!requested || typeof requested !== 'object') return null;
    const segment = requested.segment ?? null;
    const lastId = requested.lastId ?? null;
    const lastValue = requested.lastValue ?? null;
    if (segment === null && lastId === null) return null;
    const index = segment === null ? 0 : segment;
    if (!Number.isInteger(index) || index < 0 || index >= segments.length) throw new InvalidRequestError(CURSOR_MISFIT);
    if (lastId !== null) {
        const expected = segments[index].onPlan ? keyPrefixes.plan : keyPrefixes.opportunity;
        if (prefixOf(lastId) !== expected) throw new InvalidRequestError(CURSOR_MISFIT);
        if (lastValue !== null && segments[index].field !== null) typedValue(segments[index].kind, lastValue);
    }
    return { segment: index, lastValue, lastId };
}

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: \d{1,2}:\d{2}:\d{2})?$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cursor value as the bind variable the keyset compares with: Decimal.valueOf, Date.valueOf or the text. */
export function typedValue(kind, value) {
    const text = String(value);
    if (kind === 'number') {
        if (!DECIMAL.test(text.trim())) throw new InvalidRequestError(CURSOR_MISFIT);
        return Number(text);
    }
    if (kind === 'date') {
        const match = DATE.exec(text.trim());
        const iso = match && `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
        const parsed = iso && new Date(`${iso}T00:00:00Z`);
        if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
            throw new InvalidRequestError(CURSOR_MISFIT);
        }
        return iso;
    }
    return text;
}

/**
 * Text a cursor carries (PipelineQuery.textOf): Decimal.toPlainString (a queried Decimal keeps its field's
 * scale, so an Amount reads 120000.00), ISO dates, or null.
 */
export function textOf(value, scale) {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') {
        if (Number.isInteger(scale)) return value.toFixed(scale);
        return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
    }
    return String(value);
}

/**
 * Where a stage sorts: its place in the stage order (SOQL orders a picklist by its values' order); a blank stage
 * first when ascending, as SOQL's default; a value outside the order after every known one.
 */
function stageRanks(stageOrder) {
    const ranks = new Map(stageOrder.map((name, index) => [name.toLowerCase(), index]));
    return (value) => (value === null ? -1 : (ranks.get(String(value).toLowerCase()) ?? stageOrder.length));
}

function valueComparator(kind, stageOrder) {
    if (kind === 'text') return compareText;
    if (kind === 'stage') {
        const rank = stageRanks(stageOrder);
        return (a, b) => rank(a) - rank(b);
    }
    return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

const compareIds = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The segment's ORDER BY over key rows { id, value }: `Id ASC` alone, or `field ASC|DESC NULLS LAST, Id ASC`
 * (a stage sort keeps SOQL's default null placement, as the Apex writes no NULLS clause for it).
 */
export function segmentComparator(segment, stageOrder) {
    if (segment.field === null) return (a, b) => compareIds(a.id, b.id);
    const direction = segment.descending ? -1 : 1;
    const compareValues = valueComparator(segment.kind, stageOrder);
    return (a, b) => {
        if (segment.kind !== 'stage' && (a.value === null) !== (b.value === null)) return a.value === null ? 1 : -1;
        const byValue = a.value === null && b.value === null ? 0 : compareValues(a.value, b.value);
        return byValue * direction || compareIds(a.id, b.id);
    };
}

/**
 * The keyset condition after the cursor (PipelineQuery.keyset), as a predicate over key rows { id, value }:
 *   Id > :cursorId                                                     (no sort field)
 *   (StageName = :cursorValue AND Id > :cursorId) OR StageName IN :laterStages
 *   (f = null AND Id > :cursorId)                                      (the last row's value was blank)
 *   (f > :cursorValue OR (f = :cursorValue AND Id > :cursorId) OR f = null)   (< when descending)
 */
export function keysetPredicate(segment, cursor, stageOrder) {
    const cursorId = toId18(cursor.lastId);
    const after = (id) => id > cursorId;
    if (segment.field === null) return (row) => after(row.id);
    if (segment.kind === 'stage') {
        const later = new Set(
            stagesAfter(stageOrder, cursor.lastValue, segment.descending).map((n) => n.toLowerCase())
        );
        // StageName = :cursorValue matches blank stages when the bound value is null, as = null does in SOQL.
        const same = (value) => (value === null ? cursor.lastValue === null : sameText(value, cursor.lastValue));
        return (row) =>
            (same(row.value) && after(row.id)) || (row.value !== null && later.has(String(row.value).toLowerCase()));
    }
    if (cursor.lastValue === null) return (row) => row.value === null && after(row.id);
    const bound = typedValue(segment.kind, cursor.lastValue);
    const compareValues = valueComparator(segment.kind, stageOrder);
    return (row) => {
        if (row.value === null) return true;
        const compared = compareValues(row.value, bound);
        return (segment.descending ? compared < 0 : compared > 0) || (compared === 0 && after(row.id));
    };
}

function stagesAfter(stageOrder, stage, descending) {
    const order = descending ? [...stageOrder].reverse() : stageOrder;
    const index = order.findIndex((name) => sameText(name, stage));
    return index < 0 ? [] : order.slice(index + 1);
}

// ---------------------------------------------------------------------------------------------------------------
// Close periods: SOQL date literals on CloseDate, against the org's today. Fiscal quarters and years follow the
// org's fiscal year settings; the embedded org has none, so it has the platform's default (starts in January).

const FISCAL_YEAR_START_MONTH = 1;

/** The first day of the month `offset` months after year/month (month 1 to 12), as an ISO date. */
function monthStart(year, month, offset = 0) {
    const index = year * 12 + (month - 1) + offset;
    return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * A predicate over a CloseDate (ISO text) for a close period, or null for any:
 *   overdue: CloseDate < TODAY; thisMonth / nextMonth: THIS_MONTH / NEXT_MONTH;
 *   thisQuarter / nextQuarter / thisYear: THIS_FISCAL_QUARTER / NEXT_FISCAL_QUARTER / THIS_FISCAL_YEAR.
 */
export function closePeriodPredicate(period, today) {
    if (period === 'any') return null;
    if (period === 'overdue') return (date) => date !== null && date < today;
    const year = Number(today.slice(0, 4));
    const month = Number(today.slice(5, 7));
    const monthsIntoYear = (month - FISCAL_YEAR_START_MONTH + 12) % 12;
    const ranges = {
        thisMonth: [0, 1],
        nextMonth: [1, 2],
        thisQuarter: [-(monthsIntoYear % 3), 3 - (monthsIntoYear % 3)],
        nextQuarter: [3 - (monthsIntoYear % 3), 6 - (monthsIntoYear % 3)],
        thisYear: [-monthsIntoYear, 12 - monthsIntoYear]
    };
    const [from, to] = ranges[period].map((offset) => monthStart(year, month, offset));
    return (date) => date !== null && date >= from && date < to;
}
