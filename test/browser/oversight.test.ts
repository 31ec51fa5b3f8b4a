import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anAssessment, anOpenEpisode } from '../support/journey.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('a manager reads an assessment and returns it to the worker (issue 17, part 6)', async () => {
  const { page, address, db } = await browserWorld();
  const { worker, manager, child } = await aTeamWithAnAllocatedChild(db, {
    givenName: 'Jordan',
    familyName: 'Okafor',
    dateOfBirth: '2017-04-12',
  });
  const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
  const assessmentId = await anAssessment(db, child, worker, episodeId, { outcome: 'child-in-need-plan' });
  await db
    .updateTable('assessments')
    .set({
      summary: 'Jordan was seen at home and at school.',
      analysis: 'Mother is struggling since the move; school reports Jordan is often hungry.',
      childs_voice: 'Jordan said: “I want my mum to be less sad.”',
    })
    .where('id', '=', assessmentId)
    .execute();
  await db
    .insertInto('assessment_factors')
    .values({ council_id: worker.council.id, assessment_id: assessmentId, code: '4A' })
    .execute();

  // Two sign-ins and seven pages checked by axe: longer than one page's test on a busy machine.
  it(
    'shows the assessment in words, refuses a return without reasons, returns it, and the worker sees it returned',
    { timeout: 180_000 },
    async () => {
      await signInThroughTheForm(page, address, manager);
      await page.goto(`${address}/children/${child.id}/journey`);
      await verifyOnPage(page, 'Contacts, referrals and assessments');
      await page.getByRole('link', { name: /Review\s+the assessment started 3 June 2025/ }).click();
      await verifyOnPage(page, 'Management oversight of the assessment');
      const main = await page.locator('main').innerText();
      expect(main).toContain('I want my mum to be less sad.');
      expect(main).toContain('often hungry');
      expect(main).toMatch(/Mental health of the parent|Mental health/i);
      // Not yet known is not an outcome a manager can authorise.
      await page.getByLabel('Authorise the assessment').check();
      expect(await page.getByLabel('Not yet known').count()).toBe(0);
      await page.setViewportSize({ width: 1280, height: 900 });
      await keepScreenshot(page, `${screenshotFolder}/oversight-1280.png`);
      await page.setViewportSize({ width: 320, height: 800 });
      await keepScreenshot(page, `${screenshotFolder}/oversight-320.png`);
      await page.setViewportSize({ width: 1280, height: 900 });

      await page
        .getByLabel('Oversight note')
        .fill('The analysis does not yet say what the hunger means for Jordan.');
      await page.getByLabel('Return it to the worker').check();
      await page.getByRole('button', { name: 'Save the decision' }).click();
      await verifyOnPage(page, 'Management oversight of the assessment');
      const summary = page.getByRole('alert');
      await expect
        .poll(() => summary.innerText())
        .toContain('Enter the reasons for returning the assessment to the worker');
      await keepScreenshot(page, `${screenshotFolder}/oversight-error.png`);
      // What was typed is kept.
      expect(await page.getByLabel('Oversight note').inputValue()).toContain('what the hunger means');

      await page
        .getByLabel('Reasons for returning it')
        .fill('Ask school about meals and add what Jordan says about food.');
      await page.getByRole('button', { name: 'Save the decision' }).click();
      await verifyOnPage(page, 'Contacts, referrals and assessments');
      expect(await page.locator('main').innerText()).toContain('returned to the worker on');

      const workerContext = await page
        .context()
        .browser()!
        .newContext({ timezoneId: 'Europe/London', locale: 'en-GB' });
      const workerPage = await workerContext.newPage();
      await signInThroughTheForm(workerPage, address, worker);
      const home = await workerPage.locator('main').innerText();
      expect(home).toContain('Assessments returned to you (1)');
      expect(home).toContain('Ask school about meals');
      await keepScreenshot(workerPage, `${screenshotFolder}/oversight-returned-home.png`);
      await workerPage.getByRole('link', { name: /Jordan Okafor: assessment started 3 June 2025/ }).click();
      await verifyOnPage(workerPage, 'Revise the assessment and send it back');
      await keepScreenshot(workerPage, `${screenshotFolder}/oversight-resend.png`);
      await workerContext.close();
    },
  );
});
