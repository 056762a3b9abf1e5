import { createElement } from 'lwc';
import PlanCreator from 'c/planCreator';
import { normalizeWorkspace } from 'c/planWorkspaceModel';
import type { SaveErrors, Workspace } from 'c/planWorkspaceModel';
import type { CreatePlanRequest } from 'c/planCreationModel';

const FIXTURE = jest.requireActual<Workspace>('../../planWorkspaceModel/__tests__/data/noPlan.json');

type CreatorElement = HTMLElement & { workspace?: Workspace; busy: boolean; errors: SaveErrors | null };

function workspace(change: (w: Workspace) => void = () => undefined): Workspace {
    const copy = normalizeWorkspace(JSON.parse(JSON.stringify(FIXTURE)) as Workspace);
    change(copy);
    return copy;
}

function render(w = workspace()) {
    const element = createElement('c-plan-creator', { is: PlanCreator }) as CreatorElement;
    element.workspace = w;
    document.body.appendChild(element);
    const events: { type: string; detail: unknown }[] = [];
    for (const type of ['create', 'cancel']) {
        element.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
    }
    return { element, events };
}

const flush = () => Promise.resolve();
const $ = (element: HTMLElement, selector: string) => element.shadowRoot?.querySelector(selector) as HTMLElement | null;
const $$ = (element: HTMLElement, selector: string) => [...(element.shadowRoot?.querySelectorAll(selector) ?? [])];
const text = (element: HTMLElement, selector: string) => $(element, selector)?.textContent?.replace(/\s+/g, ' ').trim();

async function typeInto(element: HTMLElement, field: string, value: string): Promise<void> {
    $(element, `[data-field="${field}"]`)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

async function fill(element: HTMLElement): Promise<void> {
    await typeInto(element, 'targetDate', '2026-03-31');
    await typeInto(element, 'anchorEvent', 'Board meeting on April 2');
}

const dueDates = (element: HTMLElement) =>
    $$(element, '[data-id="preview"] lightning-input').map((input) => (input as unknown as { value: string }).value);

describe('c-plan-creator', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('starts from the first template, the opportunity name and the first buyer contact as lead', () => {
        const { element } = render();
        const value = (field: string) => ($(element, `[data-field="${field}"]`) as unknown as { value: unknown }).value;
        expect(value('templateName')).toBe('Enterprise');
        expect(value('name')).toBe('Acme platform deal mutual action plan');
        expect(value('buyerLeadId')).toBe('003000000000001AAA');
        expect(value('targetDate')).toBeNull();
        expect(text(element, '[data-id="template-description"]')).toBe(
            'Larger deals with a security review, legal and procurement.'
        );
        expect(text(element, '[data-id="blocker"]')).toBe(
            "Enter the buyer's target date: every milestone is dated backward from it."
        );
    });

    it('previews every milestone dated backward from the target date, following predecessors', async () => {
        const { element } = render();
        await fill(element);
        expect(dueDates(element)).toEqual([
            '2026-02-27',
            '2026-03-13',
            '2026-03-27',
            '2026-03-30',
            '2026-03-30',
            '2026-03-31'
        ]);
        const rows = $$(element, '[data-id="preview"] li');
        expect(rows[1].textContent?.replace(/\s+/g, ' ')).toContain(
            'Joint · Validation · 10 working days · after “Buyer agrees the success criteria”'
        );
        expect(rows[0].className).toContain('preview-row_buyer');
        expect(rows[3].className).not.toContain('preview-row_buyer');
        expect(text(element, '[data-id="preview-close"]')).toBe(
            "6 milestones. Projected close: Mar 30, 2026. The plan closes 10 days after the opportunity's close date."
        );
        expect($(element, '[data-id="preview-close"] lightning-icon')).not.toBeNull();
        expect(text(element, '[data-id="warnings"]')).toContain('before today');
    });

    it('labels each date input with its milestone', async () => {
        const { element } = render();
        await fill(element);
        const labels = $$(element, '[data-id="preview"] lightning-input').map(
            (input) => (input as unknown as { label: string }).label
        );
        expect(labels[0]).toBe('Due date of Buyer agrees the success criteria');
    });

    it('reschedules when the template changes', async () => {
        const { element } = render();
        await fill(element);
        await typeInto(element, 'templateName', 'Mid_Market');
        expect(dueDates(element)).toEqual(['2026-03-30', '2026-03-30', '2026-03-31']);
    });

    it('lets the user adjust a date, pushes what follows, and resets', async () => {
        const { element } = render();
        await fill(element);
        $$(element, '[data-id="preview"] lightning-input')[1].dispatchEvent(
            new CustomEvent('change', { detail: { value: '2026-03-20' } })
        );
        await flush();
        expect(dueDates(element)).toEqual([
            '2026-02-27',
            '2026-03-20',
            '2026-04-03',
            '2026-04-06',
            '2026-04-06',
            '2026-04-07'
        ]);
        expect($$(element, '[data-id="adjusted"]')).toHaveLength(5);
        $(element, '[data-id="reset-dates"]')?.click();
        await flush();
        expect(dueDates(element)[1]).toBe('2026-03-13');
        expect($(element, '[data-id="reset-dates"]')).toBeNull();
    });

    it('ignores a date input cleared by the user', async () => {
        const { element } = render();
        await fill(element);
        $$(element, '[data-id="preview"] lightning-input')[1].dispatchEvent(new CustomEvent('change', { detail: {} }));
        await flush();
        expect(dueDates(element)[1]).toBe('2026-03-13');
    });

    it('asks for what is missing before creating, and clears each error as it is fixed', async () => {
        const { element, events } = render();
        await typeInto(element, 'name', '');
        $(element, '[data-id="create"]')?.click();
        await flush();
        expect(events).toEqual([]);
        expect(text(element, '[data-error="targetDate"]')).toBe("Enter the buyer's target date.");
        expect(text(element, '[data-error="anchorEvent"]')).toContain("Enter the buyer's reason for the date");
        expect(text(element, '[data-error="name"]')).toBe('Name the plan.');
        await typeInto(element, 'targetDate', '2026-03-31');
        expect($(element, '[data-error="targetDate"]')).toBeNull();
        expect($(element, '[data-error="name"]')).not.toBeNull();
    });

    it('focuses the first field to fix', async () => {
        const { element } = render();
        const spy = jest.spyOn(HTMLElement.prototype, 'focus');
        $(element, '[data-id="create"]')?.click();
        expect(spy.mock.contexts.at(-1)).toBe($(element, '[data-field="targetDate"]'));
        spy.mockRestore();
    });

    it('asks the workspace to create the plan with all its milestones', async () => {
        const { element, events } = render();
        await fill(element);
        await typeInto(element, 'sharedObjective', 'Close the books in 4 days');
        await typeInto(element, 'buyerLeadId', '003000000000002AAA');
        $(element, '[data-id="create"]')?.click();
        expect(events).toHaveLength(1);
        const { request } = events[0].detail as { request: CreatePlanRequest };
        expect(request.plan).toEqual({
            name: 'Acme platform deal mutual action plan',
            sharedObjective: 'Close the books in 4 days',
            targetDate: '2026-03-31',
            anchorEvent: 'Board meeting on April 2',
            buyerLeadId: '003000000000002AAA',
            templateName: 'Enterprise'
        });
        expect(request.milestones.map((m) => [m.key, m.dueDate, m.dependsOnKey])).toEqual([
            ['step-1', '2026-02-27', null],
            ['step-2', '2026-03-13', 'step-1'],
            ['step-3', '2026-03-27', 'step-2'],
            ['step-4', '2026-03-30', 'step-3'],
            ['step-5', '2026-03-30', 'step-4'],
            ['step-6', '2026-03-31', 'step-5']
        ]);
    });

    it('shows the errors of a failed create on the plan fields and the preview rows', async () => {
        const { element } = render();
        await fill(element);
        element.errors = {
            message: 'We could not create the plan. Nothing was saved.',
            pageErrors: [],
            records: {
                plan: {
                    messages: ['The opportunity is locked.'],
                    fieldErrors: {
                        name: ['Plan Name: data value too large'],
                        buyerLeadId: ['Contact not found'],
                        templateName: ['Unknown'],
                        sharedObjective: ['Too long'],
                        opportunityId: ['Not yours']
                    }
                },
                'step-2': {
                    messages: ['Trigger said no'],
                    fieldErrors: { phase: ['bad value for restricted picklist'] }
                }
            }
        };
        await flush();
        expect(text(element, '[data-error="name"]')).toBe('Plan Name: data value too large');
        expect(($(element, '[data-field="buyerLeadId"]') as unknown as { error: string }).error).toBe(
            'Contact not found'
        );
        expect(($(element, '[data-field="templateName"]') as unknown as { error: string }).error).toBe('Unknown');
        expect(text(element, '[data-error="sharedObjective"]')).toBe('Too long');
        expect(text(element, '[data-error="step-2"]')).toBe('Trigger said no bad value for restricted picklist');
        expect(text(element, '[data-error="plan"]')).toBe('The opportunity is locked. Not yours');
    });

    it('reports cancel, and disables creating while busy', async () => {
        const { element, events } = render();
        $(element, '[data-id="cancel"]')?.click();
        expect(events).toEqual([{ type: 'cancel', detail: null }]);
        element.busy = true;
        await flush();
        expect(($(element, '[data-id="create"]') as unknown as { disabled: boolean }).disabled).toBe(true);
    });

    it('says what to do when no template is active', () => {
        const { element } = render(workspace((w) => (w.templates = [])));
        expect(text(element, '[data-id="no-templates"]')).toContain('Ask your admin to activate one');
        expect($(element, '[data-id="create"]')).toBeNull();
    });

    it('keeps the form when the workspace is refreshed', async () => {
        const { element } = render();
        await fill(element);
        element.workspace = workspace();
        await flush();
        expect(dueDates(element)).toHaveLength(6);
    });

    it('does nothing before it has a workspace', () => {
        const element = createElement('c-plan-creator', { is: PlanCreator }) as CreatorElement;
        document.body.appendChild(element);
        const events: unknown[] = [];
        element.addEventListener('create', (event) => events.push(event));
        expect(element.shadowRoot?.querySelector('[data-id="no-templates"]')).not.toBeNull();
        (element.shadowRoot?.querySelector('[data-id="cancel"]') as HTMLElement).click();
        expect(events).toEqual([]);
    });

    describe("the admin's plan size limit", () => {
        const REASON =
            'A buyer follows a shorter plan more easily, and it is easier to keep current: consider merging or dropping steps.';
        /** The fixture's Enterprise template, the first offered, has 6 steps. */
        const limited = (limit: number | null) => workspace((w) => (w.planSizeLimit = limit));

        it('warns next to the preview when the template makes more milestones than the limit', async () => {
            const { element } = render(limited(5));
            const status = $(element, '[role="status"][data-id="size-status"]');
            expect(text(element, '[data-id="size-warning"]')).toBe(
                `This plan has 6 milestones, more than the 5 your admin set as the limit. ${REASON}`
            );
            expect(status?.querySelector('[data-id="size-warning"]')?.className).toContain('slds-theme_warning');
            await fill(element);
            expect(text(element, '[data-id="size-warning"]')).toMatch(/^This plan has 6 milestones/);
            expect(text(element, '[data-id="preview-close"]')).toMatch(/^6 milestones\./);
        });

        it('stops warning for a template within the limit', async () => {
            const { element } = render(limited(5));
            await typeInto(element, 'templateName', 'Mid_Market');
            expect($(element, '[data-id="size-warning"]')).toBeNull();
            expect($(element, '[data-id="size-status"]')).not.toBeNull();
        });

        it('shows nothing at the limit or without one', () => {
            expect($(render(limited(6)).element, '[data-id="size-warning"]')).toBeNull();
            expect($(render(limited(null)).element, '[data-id="size-warning"]')).toBeNull();
        });

        it('still creates the plan, every milestone included', async () => {
            const { element, events } = render(limited(5));
            await fill(element);
            $(element, '[data-id="create"]')?.click();
            expect(events).toHaveLength(1);
            expect((events[0].detail as { request: CreatePlanRequest }).request.milestones).toHaveLength(6);
        });

        it('is accessible while warning', async () => {
            const { element } = render(limited(5));
            await fill(element);
            await expect(element).toBeAccessible();
        });
    });

    it('is accessible, empty and with a preview and errors', async () => {
        const { element } = render();
        await expect(element).toBeAccessible();
        await fill(element);
        $(element, '[data-id="create"]')?.click();
        element.errors = {
            message: 'x',
            pageErrors: [],
            records: { plan: { messages: ['Locked'], fieldErrors: { name: ['Too long'] } } }
        };
        await flush();
        await expect(element).toBeAccessible();
    });
});
