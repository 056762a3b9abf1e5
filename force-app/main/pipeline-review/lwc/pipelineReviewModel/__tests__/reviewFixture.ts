/**
 * The fixtures the model's tests share: the first page of __tests__/data/firstPage.json (five deals, its summary and
 * options), a summary too large to sum amounts, a rep's user Id, and a review state built from the defaults.
 */
import { DEFAULT_FILTERS } from '../filters';
import type { Filters } from '../filters';
import type { ReviewPage, ReviewSummary } from '../reviewRequest';
import { DEFAULT_STATE } from '../reviewState';
import type { ReviewState } from '../reviewState';

export const PAGE = jest.requireActual<ReviewPage>('./data/firstPage.json');
export const LARGE_SUMMARY = jest.requireActual<ReviewSummary>('./data/largeSummary.json');
export const [ACME, GLOBEX, INITECH, UMBRELLA, HOOLI] = PAGE.rows;
export const OWNER = '005Hs00000DanaAAAA';
export const NBSP = '\u00a0';

export function state(overrides: Partial<ReviewState> = {}, filters: Partial<Filters> = {}): ReviewState {
    return { ...DEFAULT_STATE, ...overrides, filters: { ...DEFAULT_FILTERS, ...filters } };
}
