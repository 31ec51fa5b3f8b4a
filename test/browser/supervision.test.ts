import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { londonDate } from '../../src/platform/actor.ts';
import { allocate, newChild, newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

/** Group case supervision with a school colleague and two children (issue 21, part 4). */
describe('recording group case supervision', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'Child in need east', caseloadTarget: 22 });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Morgan' });
  const ann = await newWorker(db, council, 'social-worker', { team, givenName: 'Ann' });
  const ben = await newWorker(db, council, 'social-worker', { team, givenName: 'Ben' });
  const maya = await newChild(db, council, { givenName: 'Maya', familyName: 'Hughes' });
  const theo = await newChild(db, council, { givenName: 'Theo', familyName: 'Hughes' });
  await allocate(db, maya, ann);
  await allocate(db, theo, ben);

  it('records who attended, a partner from school, two children with a reflection and an action each', async () => {
    const today = Temporal.PlainDate.from(londonDate(new Date()));
    const due = today.add({ days: 14 });
    await signInThroughTheForm(page, address, manager);
    await page.getByRole('link', { name: 'Supervision and actions' }).click();
    await verifyOnPage(page, 'Supervision');
    await page.getByRole('button', { name: 'Record group case supervision' }).click();
    await verifyOnPage(page, 'Group case supervision');

    const held = page.getByRole('group', { name: 'Date of the supervision' });
    await held.getByLabel('Day').fill(String(today.day));
    await held.getByLabel('Month').fill(String(today.month));
    await held.getByLabel('Year').fill(String(today.year));
    await page.getByLabel('How long it lasted, in minutes (optional)').fill('75');
    await page.getByRole('checkbox', { name: 'Ann social-worker' }).check();
    await page.getByRole('checkbox', { name: 'Ben social-worker' }).check();
    await page.getByLabel('Name', { exact: true }).fill('Jo Reed');
    await page.getByLabel('Organisation (optional)').fill('Hillside Primary');
    await page.getByLabel('Where they work (optional)').selectOption({ label: 'School' });

    for (const [index, child] of [maya, theo].entries()) {
      const part = page.locator('[data-qa="child-discussed"]').nth(index);
      await part.getByLabel('Child', { exact: true }).selectOption({ value: child.id });
      await part.getByLabel('Discussion').fill(`School says ${child.givenName} is often late and hungry.`);
      await part.getByText('Reflection: social GRACES and a reflective model').click();
      await part.getByRole('checkbox', { name: 'Class' }).check();
      await part.getByLabel('Reflective model (optional)').selectOption({ label: 'Kolb’s learning cycle' });
      await part.getByLabel('Decisions (optional)').fill('Hold a network meeting with school');
      const action = part.getByRole('group', { name: 'Action 1 (optional)' });
      await action.getByLabel('What is to be done').fill(`Book a network meeting for ${child.givenName}`);
      await action
        .getByLabel('Who will do it')
        .selectOption({ label: index === 0 ? 'Ann social-worker' : 'Ben social-worker' });
      const by = action.getByRole('group', { name: 'Due by' });
      await by.getByLabel('Day').fill(String(due.day));
      await by.getByLabel('Month').fill(String(due.month));
      await by.getByLabel('Year').fill(String(due.year));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await keepScreenshot(page, `${screenshotFolder}/group-supervision-form-1280.png`);
    await page.setViewportSize({ width: 360, height: 800 });
    await keepScreenshot(page, `${screenshotFolder}/group-supervision-form-360.png`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Record the supervision' }).click();

    await verifyOnPage(page, 'Group case supervision');
    const body = await page.locator('main').innerText();
    expect(body).toContain('Jo Reed, Hillside Primary (school)');
    expect(body).toContain('School says Maya is often late and hungry.');
    expect(body).toContain('Book a network meeting for Theo');
    expect(body).not.toContain('Wellbeing');
    await keepScreenshot(page, `${screenshotFolder}/group-supervision-1280.png`);
    await page.setViewportSize({ width: 360, height: 800 });
    await keepScreenshot(page, `${screenshotFolder}/group-supervision-360.png`);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('heading', { name: 'Maya Hughes' }).getByRole('link').click();
    await verifyOnPage(page, 'Supervision');
    expect(await page.locator('[data-qa="last-discussed"]').innerText()).toContain(
      `Last discussed in supervision: ${today.day} `,
    );
    await page.goto(`${address}/children/${maya.id}/chronology`);
    await verifyOnPage(page, 'Chronology');
    expect(await page.locator('main').innerText()).toContain('Discussed in supervision');
    // A long form on a busy machine: four minutes rather than the usual one.
  }, 240_000);
});
