import { reproject } from '../reproject';
import { scheduleBackward } from '../scheduleBackward';
import { worded } from '../wording';
import { EARLY_TODAY, MID_MARKET, PLAN, step, thrown } from './scheduleFixture';

describe('worded', () => {
    it('names dates by their ISO date and milestones by their key unless told otherwise', () => {
        const plain = worded(undefined);
        expect(plain.date('2026-03-27')).toBe('2026-03-27');
        expect(plain.name('a02000000000001AAA')).toBe('a02000000000001AAA');
        const titled = worded({ name: (key) => `Title of ${key}` });
        expect(titled.date('2026-03-27')).toBe('2026-03-27');
        expect(titled.name('legal')).toBe('Title of legal');
    });
});

describe('wording: dates and names as the user reads them', () => {
    const german = new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'UTC' });
    const wording = {
        date: (iso: string) => german.format(new Date(`${iso}T00:00:00Z`)),
        name: (key: string) => key.toUpperCase()
    };

    it('writes the warnings of a move with the given dates and names, never the ISO date or the key', () => {
        const [weekend] = reproject(PLAN, 'legal', '2026-03-28', { wording }).warnings;
        expect(weekend.message).toBe('The new due date of "LEGAL", 28. März 2026, is not a working day.');
        const [early] = reproject(PLAN, 'kickoff', '2026-03-26', { wording }).warnings;
        expect(early.message).toBe(
            '"KICKOFF" would start on 26. März 2026, but "SIGNATURE", which comes before it, is not due until ' +
                '26. März 2026. Move "SIGNATURE" earlier too, or choose a later date.'
        );
        expect(early.keys).toEqual(['kickoff', 'signature']);
    });

    it('writes the warnings of a schedule and a cycle with them too', () => {
        const [weekend] = scheduleBackward(MID_MARKET, '2026-03-28', { today: EARLY_TODAY, wording }).warnings;
        expect(weekend.message).toBe(
            'The target date 28. März 2026 is not a working day, so the last milestones are due on the working day ' +
                'before it, 27. März 2026.'
        );
        const error = thrown(() =>
            scheduleBackward([step('a', 1, 1, { predecessorKey: 'b' }), step('b', 2, 1)], '2026-03-27', { wording })
        );
        expect(error.message).toContain('A → B → A (by template order: "B" follows "A")');
        expect(error.keys).toEqual(['a', 'b']);
    });
});
