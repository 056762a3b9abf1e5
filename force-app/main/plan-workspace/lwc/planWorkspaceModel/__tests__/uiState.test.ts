import { EMPTY_UI, toggleEditing } from '../uiState';

describe('ui state', () => {
    it('opens and closes edit mode per row', () => {
        const open = toggleEditing(EMPTY_UI, 'a', true);
        expect(open.editing).toEqual(['a']);
        expect(toggleEditing(open, 'a', true).editing).toEqual(['a']);
        expect(toggleEditing(open, 'a', false).editing).toEqual([]);
    });
});
