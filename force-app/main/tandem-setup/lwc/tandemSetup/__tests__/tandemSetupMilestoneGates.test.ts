import {
    $,
    $$,
    VIEW,
    click,
    lastRequest,
    mockSaveSetup,
    render as renderSetup,
    reported,
    resetSetupTests,
    settle,
    text
} from './setupHarness';
import type { Control } from './setupHarness';
import type { SetupView } from 'c/tandemSetupModel';

const NEGOTIATION = 'Negotiation/Review';
const SECURITY = 'Enterprise_05_Security_Review';
const SECURITY_TITLE = 'Buyer security team completes the security review';
const SECURITY_MESSAGE = 'Security signs off before we negotiate terms.';

const render = (view: SetupView = VIEW) => renderSetup(view, '[data-new-gate], [data-plan-size]');

function field(element: HTMLElement, name: string): Control {
    return $(element, `[data-new-gate="${name}"]`) as Control;
}

async function choose(element: HTMLElement, name: string, value: string): Promise<void> {
    field(element, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

function button(element: HTMLElement, id: string): HTMLElement & { disabled: boolean } {
    return $(element, `lightning-button[data-id="${id}"]`) as HTMLElement & { disabled: boolean };
}

/** The gates listed, as a reader meets each: stage, template and step, message. */
function listed(element: HTMLElement): string[] {
    return $$(element, '[data-milestone-gate]').map((item) =>
        ['gate-stage', 'gate-step', 'gate-message']
            .map((id) => text(item.querySelector(`[data-id="${id}"]`)))
            .filter(Boolean)
            .join(' | ')
    );
}

function removeButton(element: HTMLElement, name: string): HTMLElement | undefined {
    return $$(element, 'lightning-button-icon').find(
        (candidate) => (candidate as HTMLElement & { alternativeText: string }).alternativeText === name
    );
}

describe('c-tandem-setup: milestone gates and the plan size limit', () => {
    afterEach(resetSetupTests);

    it('lists the gates in force: stage, template and step, message', async () => {
        const element = await render();

        expect(listed(element)).toEqual([`${NEGOTIATION} | Enterprise · ${SECURITY_TITLE} | ${SECURITY_MESSAGE}`]);
        expect(
            removeButton(element, `Remove the milestone gate "${SECURITY_TITLE}" before ${NEGOTIATION}`)
        ).toBeTruthy();
        expect($(element, '[data-id="no-gates"]')).toBeNull();
    });

    it('says when no gate is set', async () => {
        const element = await render({ ...VIEW, milestoneGates: [] });

        expect(listed(element)).toEqual([]);
        expect(text($(element, '[data-id="no-gates"]'))).toBe('No milestone gate is set.');
    });

    it('offers the stages that can be gated, and the steps of the template chosen only', async () => {
        const element = await render();

        expect(field(element, 'stage').options.map((option) => option.value)).not.toContain('Closed Lost');
        expect(field(element, 'stepName').disabled).toBe(true);
        expect(field(element, 'stepName').options).toEqual([]);

        await choose(element, 'templateName', 'Mid_Market');

        expect(field(element, 'stepName').disabled).toBe(false);
        expect(field(element, 'stepName').options.map((option) => option.label)).toEqual([
            'Buyer and seller agree the success criteria',
            'Buyer signatory signs the order form'
        ]);
    });

    it('adds a gate to the list, says so, and saves it with the rest', async () => {
        const element = await render();
        mockSaveSetup.mockResolvedValue({ ...VIEW, lastChange: { ...VIEW.lastChange!, status: 'Queued' } });

        await choose(element, 'stage', 'Closed Won');
        await choose(element, 'templateName', 'Enterprise');
        await choose(element, 'stepName', 'Enterprise_10_Signature');
        await choose(element, 'message', 'Signed before it is won.');
        await click(button(element, 'add-gate-button'));

        expect(listed(element)).toEqual([
            `${NEGOTIATION} | Enterprise · ${SECURITY_TITLE} | ${SECURITY_MESSAGE}`,
            'Closed Won | Enterprise · Buyer signatory signs the order form | Signed before it is won.'
        ]);
        expect(text($(element, '[data-id="gate-status"]'))).toBe(
            'Added the milestone gate "Enterprise · Buyer signatory signs the order form" before Closed Won. Save to put it in force.'
        );
        expect(field(element, 'stage').value).toBe('');
        expect(button(element, 'discard').disabled).toBe(false);

        await click(button(element, 'save'));

        expect(lastRequest().milestoneGates).toEqual([
            { stage: NEGOTIATION, stepName: SECURITY, message: SECURITY_MESSAGE },
            { stage: 'Closed Won', stepName: 'Enterprise_10_Signature', message: 'Signed before it is won.' }
        ]);
    });

    it('marks what the row still needs next to each field, and clears a mark once it is filled in', async () => {
        const element = await render();

        await choose(element, 'stage', 'Closed Won');
        await click(button(element, 'add-gate-button'));

        expect(reported.get(field(element, 'templateName'))).toBe('Choose the template the milestone comes from.');
        expect(reported.get(field(element, 'stage'))).toBeUndefined();
        expect(listed(element)).toHaveLength(1);
        expect($(element, '[data-id="errors"]')).toBeNull();

        await choose(element, 'templateName', 'Enterprise');

        expect(reported.get(field(element, 'templateName'))).toBe('');
        expect(reported.get(field(element, 'stepName'))).toBe(
            'Choose the template step whose milestone must be Complete first.'
        );
    });

    it('refuses the same stage and step twice, next to the step', async () => {
        const element = await render();

        await choose(element, 'stage', NEGOTIATION);
        await choose(element, 'templateName', 'Enterprise');
        await choose(element, 'stepName', SECURITY);
        await click(button(element, 'add-gate-button'));

        expect(reported.get(field(element, 'stepName'))).toBe('This milestone already gates this stage.');
        expect(listed(element)).toHaveLength(1);
    });

    it('removes a gate, says so and puts the focus on the section heading; Discard brings it back', async () => {
        const element = await render();

        await click(
            removeButton(element, `Remove the milestone gate "${SECURITY_TITLE}" before ${NEGOTIATION}`) ?? null
        );

        expect(listed(element)).toEqual([]);
        expect(text($(element, '[data-id="gate-status"]'))).toBe(
            `Removed the milestone gate "Enterprise · ${SECURITY_TITLE}" before ${NEGOTIATION}.`
        );
        expect(element.shadowRoot?.activeElement).toBe($(element, '[data-id="milestone-gates-heading"]'));

        await click(button(element, 'discard'));
        expect(listed(element)).toHaveLength(1);
    });

    it("puts the server's error about a gate under it", async () => {
        const element = await render();
        mockSaveSetup.mockRejectedValue({
            body: {
                message: JSON.stringify({
                    message: 'The Tandem settings were not saved.',
                    pageErrors: [],
                    recordErrors: [
                        {
                            key: `milestoneGate|${NEGOTIATION}|${SECURITY}`,
                            messages: [],
                            fieldErrors: { stage: [`"${NEGOTIATION}" is not an active opportunity stage of this org.`] }
                        }
                    ]
                })
            }
        });

        await click(button(element, 'save'));

        const item = $(element, '[data-milestone-gate]') as HTMLElement;
        expect(text(item.querySelector('[data-id="gate-error"]'))).toBe(
            `"${NEGOTIATION}" is not an active opportunity stage of this org.`
        );
        expect(text($(element, '[data-id="errors"]'))).toBe('The Tandem settings were not saved.');
    });

    it('warns about a gate in force on a stage no active stage has', async () => {
        const gate = VIEW.milestoneGates![0];
        const element = await render({
            ...VIEW,
            unknownGatedStages: [],
            milestoneGates: [gate, { ...gate, stage: 'Contract Signed', stageLabel: null }]
        });

        expect(text($(element, '[data-id="warnings"]'))).toBe(
            `The milestone gate "${SECURITY_TITLE}" before Contract Signed names no active stage; saving removes it.`
        );
        expect(listed(element)).toHaveLength(1);
    });

    describe('the plan size limit', () => {
        function planSize(element: HTMLElement): Control {
            return $(element, 'lightning-input[data-plan-size]') as Control;
        }

        it('shows the limit in force with the thresholds, with help', async () => {
            const element = await render();

            expect(planSize(element).label).toBe('Plan size limit');
            expect(planSize(element).value).toBe('20');
            expect(planSize(element).fieldLevelHelp).toMatch(/Leave blank for no warning/);
        });

        it('marks a bad value as it is typed, saves nothing, and sends a good one', async () => {
            const element = await render();
            mockSaveSetup.mockResolvedValue({ ...VIEW, lastChange: { ...VIEW.lastChange!, status: 'Queued' } });

            planSize(element).dispatchEvent(new CustomEvent('change', { detail: { value: '0' } }));
            await settle();
            expect(reported.get(planSize(element))).toBe(
                'Enter a whole number of milestones from 1 to 999, or leave it blank to turn the warning off.'
            );
            await click(button(element, 'save'));
            expect(mockSaveSetup).not.toHaveBeenCalled();

            planSize(element).dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
            await settle();
            expect(reported.get(planSize(element))).toBe('');
            await click(button(element, 'save'));
            expect(lastRequest().planSize).toEqual({ planSizeLimit: null });
        });
    });

    it('is read-only without the Tandem Admin permission set: no add row, no remove buttons', async () => {
        const element = await render({ ...VIEW, canConfigure: false });

        expect(listed(element)).toHaveLength(1);
        expect($(element, '[data-id="add-gate"]')).toBeNull();
        expect($$(element, 'lightning-button-icon')).toEqual([]);
        expect(($(element, 'lightning-input[data-plan-size]') as Control).disabled).toBe(true);
    });

    it('is accessible with gates listed and the add row marked', async () => {
        const element = await render();
        await choose(element, 'stage', 'Closed Won');
        await click(button(element, 'add-gate-button'));

        await expect(element).toBeAccessible();
    });
});
