/** The owner and stage choices of the filters, from the options the server sends with the first page. */
import type { Option } from './filters';
import type { ReviewOptions } from './reviewRequest';

/** The owner choices: every owner in scope, after "All owners"; a saved owner no longer listed is kept visible. */
export function ownerOptions(options: ReviewOptions | null | undefined, selected: string): Option[] {
    const owners = options?.owners ?? [];
    const list: Option[] = [{ value: '', label: 'All owners' }, ...owners];
    if (selected && !owners.some((owner) => owner.value === selected)) {
        list.push({ value: selected, label: 'Selected owner' });
    }
    return list;
}

export function stageOptions(options: ReviewOptions | null | undefined, selected: string): Option[] {
    const stages = options?.stages ?? [];
    const list: Option[] = [{ value: '', label: 'All open stages' }, ...stages];
    if (selected && !stages.some((stage) => stage.value === selected)) {
        list.push({ value: selected, label: selected });
    }
    return list;
}
