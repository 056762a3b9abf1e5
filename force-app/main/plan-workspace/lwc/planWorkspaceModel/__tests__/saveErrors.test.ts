import { hasErrors, keysInError, parseServerError } from '../saveErrors';
import { M } from './workspaceFixture';

describe('server errors', () => {
    const report = {
        message: 'We could not save your changes. Nothing was saved.',
        pageErrors: ['Insufficient access'],
        recordErrors: [
            { key: M(4), messages: [], fieldErrors: { slipReason: ['Choose a slip reason.'] } },
            { key: M(4), messages: ['Trigger says no'], fieldErrors: { slipReason: ['Again.'] } },
            { key: 'plan', messages: ['Before this plan can be active, fix milestone "X": ...'], fieldErrors: {} },
            { messages: ['keyless'], fieldErrors: null }
        ]
    };

    it('reads the workspace report, merging errors of one record', () => {
        const errors = parseServerError({ body: { message: JSON.stringify(report) } }, 'fallback');
        expect(errors.message).toBe('We could not save your changes. Nothing was saved.');
        expect(errors.pageErrors).toEqual(['Insufficient access']);
        expect(errors.records[M(4)]).toEqual({
            messages: ['Trigger says no'],
            fieldErrors: { slipReason: ['Choose a slip reason.', 'Again.'] }
        });
        expect(errors.records.plan.messages).toEqual([
            'Before this plan can be active, fix milestone "X": ...',
            'keyless'
        ]);
        expect(hasErrors(errors)).toBe(true);
        expect(errors.conflict).toBeUndefined();
    });

    it('says when the save was refused because someone else changed the plan since it was loaded', () => {
        const conflict = { ...report, recordErrors: [], conflict: true };
        expect(parseServerError({ body: { message: JSON.stringify(conflict) } }, 'fallback').conflict).toBe(true);
        const notConflict = { ...report, conflict: false };
        expect(parseServerError({ body: { message: JSON.stringify(notConflict) } }, 'x').conflict).toBeUndefined();
    });

    it.each<[string, unknown, string[]]>([
        ['a plain AuraHandledException', { body: { message: 'Script-thrown exception' } }, ['Script-thrown exception']],
        ['a list of errors', { body: [{ message: 'one' }, { message: 'two' }] }, ['one', 'two']],
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
        ['a string', 'Just text', ['Just text']],
        ['nothing useful', { body: null }, ['Something went wrong. Try again, or reload the page.']],
        ['undefined', undefined, ['Something went wrong. Try again, or reload the page.']]
    ])('reads %s', (_, error, pageErrors) => {
        const errors = parseServerError(error, 'Could not save.');
        expect(errors.pageErrors).toEqual(pageErrors);
        expect(errors.message).toBe('Could not save.');
        expect(errors.records).toEqual({});
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

    it('keeps rows with errors in edit mode, never the plan itself', () => {
        const errors = parseServerError({ body: { message: JSON.stringify(report) } }, 'x');
        expect(keysInError(errors)).toEqual([M(4)]);
        expect(keysInError(null)).toEqual([]);
    });
});
