import {
    errorMessages,
    fieldError,
    hasErrors,
    MAIN_RECORD_KEY,
    parseServerError,
    UNREADABLE_ERROR
} from '../serverErrors';
import type { ErrorReport } from '../serverErrors';

/** What ScreenErrors.auraException puts in the AuraHandledException's message, as the component gets it. */
function rejection(report: Record<string, unknown>) {
    return { body: { message: JSON.stringify(report) } };
}

describe('the server report (ScreenErrors)', () => {
    const report = {
        message: 'The Tandem settings were not saved.',
        pageErrors: ['Insufficient access'],
        recordErrors: [
            { key: 'Negotiation', messages: [], fieldErrors: { requiresAcceptedPlan: ['Needs an active plan too.'] } },
            { key: 'Negotiation', messages: ['Trigger says no'], fieldErrors: { requiresAcceptedPlan: ['Again.'] } },
            { key: 'thresholds', messages: [], fieldErrors: { stalePlanDays: ['Use 1 to 365 days.'] } },
            { messages: ['keyless'], fieldErrors: null }
        ],
        conflict: false
    };

    it('keeps the summary, the page errors and each field error on its record, merging a record reported twice', () => {
        const errors = parseServerError(rejection(report), 'fallback');
        expect(errors).toEqual({
            message: 'The Tandem settings were not saved.',
            pageErrors: ['Insufficient access'],
            records: {
                Negotiation: {
                    messages: ['Trigger says no'],
                    fieldErrors: { requiresAcceptedPlan: ['Needs an active plan too.', 'Again.'] }
                },
                thresholds: { messages: [], fieldErrors: { stalePlanDays: ['Use 1 to 365 days.'] } },
                [MAIN_RECORD_KEY]: { messages: ['keyless'], fieldErrors: {} }
            }
        });
        expect(fieldError(errors, 'thresholds', 'stalePlanDays')).toBe('Use 1 to 365 days.');
        expect(fieldError(errors, 'thresholds', 'atRiskSlipDays')).toBe('');
        expect(fieldError(null, 'thresholds', 'stalePlanDays')).toBe('');
    });

    it('uses the given summary when the report has none, and says when someone else changed the record', () => {
        const errors = parseServerError(rejection({ pageErrors: ['Changed'], conflict: true }), 'Not saved.');
        expect(errors.message).toBe('Not saved.');
        expect(errors.pageErrors).toEqual(['Changed']);
        expect(errors.conflict).toBe(true);
    });

    it('lists every message once, leaving out the field errors the screen places next to its controls', () => {
        const errors = parseServerError(rejection(report), 'fallback');
        expect(errorMessages(errors)).toEqual([
            'Insufficient access',
            'Trigger says no',
            'Needs an active plan too.',
            'Again.',
            'Use 1 to 365 days.',
            'keyless'
        ]);
        expect(errorMessages(errors, (key) => key === 'thresholds')).toEqual([
            'Insufficient access',
            'Trigger says no',
            'Needs an active plan too.',
            'Again.',
            'keyless'
        ]);
        const twice: ErrorReport = { message: null, pageErrors: ['Same', 'Same'], records: {} };
        expect(errorMessages(twice)).toEqual(['Same']);
        expect(errorMessages(null)).toEqual([]);
    });
});

describe('other rejections', () => {
    it.each<[string, unknown, string[]]>([
        ['a plain AuraHandledException', { body: { message: 'You do not have access.' } }, ['You do not have access.']],
        [
            'a list of error bodies',
            { body: [{ message: 'First' }, { message: 'Second' }, { other: 1 }] },
            ['First', 'Second']
        ],
        [
            'UI API output',
            {
                body: {
                    output: { errors: [{ message: 'Page level' }], fieldErrors: { Name: [{ message: 'Too long' }] } }
                }
            },
            ['Page level', 'Too long']
        ],
        ['a JSON message of another shape', { body: { message: '{"foo":1}' } }, ['{"foo":1}']],
        ['a broken JSON message', { body: { message: '{nope' } }, ['{nope']],
        ['a JavaScript error', new Error('Network down'), ['Network down']],
        ['a string', 'Plain text', ['Plain text']],
        ['several rejections', [{ body: { message: 'A' } }, 'B', null], ['A', 'B']],
        ['an empty message', { body: { message: '' } }, [UNREADABLE_ERROR]],
        ['something unreadable', { status: 500 }, [UNREADABLE_ERROR]],
        ['a body of null', { body: null }, [UNREADABLE_ERROR]],
        ['nothing', undefined, [UNREADABLE_ERROR]],
        ['a number', 42, [UNREADABLE_ERROR]]
    ])('reads %s as page errors', (_label, error, pageErrors) => {
        const errors = parseServerError(error, 'Could not load.');
        expect(errors).toEqual({ message: 'Could not load.', pageErrors, records: {} });
    });

    it('says what the screen chooses when nothing readable came back', () => {
        expect(parseServerError({ status: 500 }, 'Could not load.', 'The review could not load.').pageErrors).toEqual([
            'The review could not load.'
        ]);
    });

    it.each([
        [null, false],
        [undefined, false],
        [{ message: null, pageErrors: [], records: {} }, false],
        [{ message: null, pageErrors: ['x'], records: {} }, true],
        [{ message: null, pageErrors: [], records: { a: { messages: [], fieldErrors: {} } } }, true]
    ])('hasErrors(%p) is %p', (errors, expected) => {
        expect(hasErrors(errors)).toBe(expected);
    });
});
