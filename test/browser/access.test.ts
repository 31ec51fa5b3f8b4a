import { describe, expect, it } from 'vitest';
import { allocate, newChild, newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

describe('signing in and seeing only what one may', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db);
  const team = await newTeam(db, council);
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Priya' });
  const worker = await newWorker(db, council, 'social-worker', { team, givenName: 'Amara' });
  const child = await newChild(db, council, { givenName: 'Leo', familyName: 'Marsh' });
  await allocate(db, child, worker);

  it('refuses a wrong password with the GOV.UK error summary', async () => {
    await page.goto(`${address}/sign-in`);
    await page.getByLabel('Email address').fill(worker.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await verifyOnPage(page, 'Sign in to Hearth');
    expect(await page.title()).toMatch(/^Error: /);
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Enter a correct email address and password');
    await keepScreenshot(page, `${screenshotFolder}/sign-in-error.png`);
  });

  it('takes a manager from sign-in to a child of their team, and to who has seen the record', async () => {
    await signInThroughTheForm(page, address, manager);
    await page.getByRole('link', { name: 'Children', exact: true }).first().click();
    await verifyOnPage(page, 'Children');
    await page.getByRole('link', { name: 'Leo Marsh' }).click();
    await verifyOnPage(page, 'Leo Marsh');
    await keepScreenshot(page, `${screenshotFolder}/child.png`);
    await page.getByRole('link', { name: 'Who has seen this record' }).click();
    await verifyOnPage(page, 'Who has seen this record');
    // Words, not codes: the code is in a detail beneath, for the auditor who needs it.
    const log = page.getByRole('table');
    expect(await log.innerText()).toContain('Opened the record');
    expect(await log.innerText()).not.toContain('child.viewed');
    await log.getByText('Code').first().click();
    expect(await log.innerText()).toContain('child.viewed');
    await keepScreenshot(page, `${screenshotFolder}/access-log.png`);
    await page.getByRole('link', { name: 'Access to review' }).click();
    await verifyOnPage(page, 'Access to review');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await verifyOnPage(page, 'Hearth');
  });

  it('lets a worker outside the team break glass with a reason', async () => {
    const outsider = await newWorker(db, council, 'social-worker', {
      team: await newTeam(db, council),
      givenName: 'Tom',
    });
    await signInThroughTheForm(page, address, outsider);
    await page.goto(`${address}/children`);
    await verifyOnPage(page, 'Children');
    await page.getByRole('link', { name: 'Open a record outside your access' }).click();
    await verifyOnPage(page, 'Open a record outside your access');
    await page.getByLabel('Child ID').fill(child.localId);
    await page.getByRole('button', { name: 'Open the record' }).click();
    await verifyOnPage(page, 'Open a record outside your access');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Explain why you need to open this record');
    await page
      .getByLabel('Why do you need to open this record?')
      .fill('Police called the out-of-hours line about Leo');
    await page.getByRole('button', { name: 'Open the record' }).click();
    await verifyOnPage(page, 'Leo Marsh');
    await keepScreenshot(page, `${screenshotFolder}/break-glass-opened.png`);
  });
});
