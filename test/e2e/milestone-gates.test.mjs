// End to end, in headless Chromium: a milestone gate (Plan_Stage_Requirement__mdt, MilestoneGates.cls) on the
// opportunity record page, as an account executive meets it: moving the deal into the gated stage is refused with a
// message that names the milestone still to do; completing it in the workspace clears the message, and the deal moves.
//   node --test test/e2e/milestone-gates.test.mjs
// Screenshots: artifacts/screenshots/milestone-gate-*.png.
import { describe } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, e2eFile } from './support.mjs';
import { demoRecords, recordPage } from './record-page.mjs';

let preview;
const scenario = e2eFile('milestone-gates', (ready) => ({ preview } = ready));
const { milestonesOf } = demoRecords(() => preview.org);

const GATE = 'Plan_Stage_Requirement__mdt.Security_Before_Next_Stage';

/** The org's open stages in sales-process order. */
function openStages() {
    return preview.org
        .query('OpportunityStage')
        .filter((s) => s.IsActive && !s.IsClosed)
        .sort((a, b) => a.SortOrder - b.SortOrder)
        .map((s) => s.ApiName);
}

/**
 * A demo deal of the previewing account executive (who may edit its plan) on an Active plan whose next open stage the
 * demo's plan gates let it into (so the milestone gate is the only one in the way), with that stage.
 */
function dealBeforeAnUngatedStage() {
    const [setting] = preview.org.customMetadata('Plan_Setting__mdt');
    // An Active plan meets the active-plan gate; a stage that needs a buyer-accepted plan would stand in the way.
    const gated = new Set((setting.Accepted_Plan_Stages__c ?? '').split(';').map((s) => s.trim()));
    const stages = openStages();
    for (const plan of preview.org.query('Mutual_Action_Plan__c').filter((p) => p.Status__c === 'Active')) {
        const deal = preview.org.get('Opportunity', plan.Opportunity__c);
        const next = stages[stages.indexOf(deal.StageName) + 1];
        const mine = deal.OwnerId === preview.org.currentUserId;
        if (mine && stages.includes(deal.StageName) && next && !gated.has(next)) return { deal, plan, next };
    }
    assert.fail('the demo has a deal on an active plan before a stage its plan gates let it into');
}

describe('milestone gates on the record page', () => {
    scenario(
        'refused into the stage naming the milestone; through once it is complete',
        async ({ page, problems, visit }) => {
            const { deal, plan, next: gated } = dealBeforeAnUngatedStage();
            const milestone = milestonesOf(plan.Id)
                .filter((m) => !['Complete', 'Skipped'].includes(m.Status__c) && !m.Marks_Close__c)
                .sort((a, b) => a.Sort_Order__c - b.Sort_Order__c)[0];
            assert.ok(milestone, 'the demo plan has an open milestone');
            const stageBefore = deal.StageName;
            // The demo drafted the plan from a template: the milestone records its step. An admin's gate on the
            // next stage names that step.
            assert.ok(plan.Template__c, 'the demo plan records its template');
            assert.ok(milestone.Template_Step__c, 'and each milestone its step');
            preview.org.setCustomMetadata(
                GATE,
                {
                    Stage__c: gated,
                    Template_Step__c: milestone.Template_Step__c,
                    Message__c: 'Security signs off before we go further.',
                    Is_Active__c: true
                },
                { create: { label: 'Security before the next stage' } }
            );
            try {
                await visit(`opportunity/${deal.Id}`);
                const record = recordPage(page);
                await record.summary.getByText('Status: Active').waitFor();

                await record.moveStage(gated);
                const expected =
                    `Complete “${milestone.Name}” on the mutual action plan before moving this opportunity to ` +
                    `${gated}. Security signs off before we go further.`;
                const stageError = page.getByRole('alert').filter({ hasText: `Complete “${milestone.Name}”` });
                await stageError.waitFor();
                assert.equal((await stageError.innerText()).trim(), expected);
                assert.equal(preview.org.get('Opportunity', deal.Id).StageName, stageBefore, 'the stage stayed');
                await screenshot(page, 'milestone-gate-refused');

                // The milestone is done: saved, the refused move is asked again and its message clears.
                const row = await record.edit(milestone.Name);
                await row.getByLabel('Status').selectOption('Complete');
                await record.save();
                await record.toast('Plan saved').waitFor();
                await stageError.waitFor({ state: 'detached' });

                await record.moveStage(gated);
                await record.toast('Stage updated').waitFor();
                assert.equal(preview.org.get('Opportunity', deal.Id).StageName, gated);
                await record.dismissToasts();
                await screenshot(page, 'milestone-gate-passed');
                assert.deepEqual(await problems(), []);
            } finally {
                preview.org.setCustomMetadata(GATE, null);
            }
        }
    );
});
