import { reduceErrors } from '../reviewErrors';

describe('errors', () => {
    it.each([
        ['an Apex error', { body: { message: 'You do not have access.' } }, ['You do not have access.']],
        [
            "the controller's report (ScreenErrors)",
            {
                body: {
                    message: JSON.stringify({
                        message: 'We could not load the pipeline review.',
                        pageErrors: ['Unknown sortBy: Amount DESC; DELETE'],
                        recordErrors: [],
                        conflict: false
                    })
                }
            },
            ['Unknown sortBy: Amount DESC; DELETE']
        ],
        [
            'a list of page errors',
            { body: [{ message: 'First' }, { message: 'Second' }, { other: 1 }] },
            ['First', 'Second']
        ],
        ['a JavaScript error', new Error('Network down'), ['Network down']],
        ['a string', 'Plain text', ['Plain text']],
        ['several errors', [{ body: { message: 'A' } }, 'B', null], ['A', 'B']],
        ['something unreadable', { status: 500 }, ['Something went wrong while loading the pipeline review.']],
        ['nothing', undefined, ['Something went wrong while loading the pipeline review.']],
        ['a number', 42, ['Something went wrong while loading the pipeline review.']]
    ])('reads %s', (_label, error, expected) => {
        expect(reduceErrors(error)).toEqual(expected);
    });
});
