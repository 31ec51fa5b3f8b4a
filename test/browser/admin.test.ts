import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { allocate, newChild, newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, keepScreenshot, screenshotFolder, verifyOnPage } from './support.ts';

/**
 * Issue 17 part 10: an administrator restricts a child in the pages, after which a colleague in the same team gets
 * the same "Page not found" as for an unknown child and search does not find them.
 */
describe('an administrator restricting a child', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { name: 'Child in need team East' });
  const admin = await newWorker(db, council, 'administrator', { givenName: 'Lin' });
  const allocated = await newWorker(db, council, 'social-worker', { team, givenName: 'Amara' });
  const colleague = await newWorker(db, council, 'social-worker', { team, givenName: 'Tom' });
  const child = await newChild(db, council, { givenName: 'Rowan', familyName: 'Ashby' });
  await allocate(db, child, allocated);

  async function signOut() {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await verifyOnPage(page, 'Hearth');
  }

  it('the colleague sees the child before the restriction', async () => {
    await signInThroughTheForm(page, address, colleague);
    await page.goto(`${address}/children/${child.id}`);
    await verifyOnPage(page, 'Rowan Ashby');
    await signOut();
  });

  it('restricts the child with a reason, the allocated worker staying on the list', async () => {
    await signInThroughTheForm(page, address, admin);
    await page.getByRole('link', { name: 'Restricted children', exact: true }).first().click();
    await verifyOnPage(page, 'Restricted children');
    await page.getByRole('button', { name: 'Restrict a child' }).click();
    await verifyOnPage(page, 'Restrict a child');
    await page.getByLabel('Child ID').fill(child.localId);
    await page.getByRole('button', { name: 'Restrict the child' }).click();
    await verifyOnPage(page, 'Restrict a child');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Enter why you are restricting this child');
    await keepScreenshot(page, `${screenshotFolder}/admin-restrict-error.png`);
    await page.getByLabel('Why is this child restricted?').fill('Child of a member of staff in this team');
    await page.getByRole('button', { name: 'Restrict the child' }).click();
    await verifyOnPage(page, 'Who may see Rowan Ashby');
    const list = await page.getByRole('table', { name: 'People who may see this child' }).innerText();
    expect(list).toContain('Amara social-worker');
    expect(list).not.toContain('Tom');
    expect(await page.getByRole('main').innerText()).toContain('Child of a member of staff in this team');
    await keepScreenshot(page, `${screenshotFolder}/admin-restricted-child.png`);
    await page.setViewportSize({ width: 320, height: 800 });
    await keepScreenshot(page, `${screenshotFolder}/admin-restricted-child-narrow.png`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('link', { name: 'Users', exact: true }).first().click();
    await verifyOnPage(page, 'Users');
    await keepScreenshot(page, `${screenshotFolder}/admin-users.png`);
    await signOut();
  }, 180_000);

  it('the colleague in the same team now gets the same “Page not found” as for an unknown child, and search does not find them', async () => {
    await signInThroughTheForm(page, address, colleague);
    const unknown = await page.goto(`${address}/children/${uuidv7()}`);
    expect(unknown?.status()).toBe(404);
    await verifyOnPage(page, 'Page not found');
    const unknownPage = await page.getByRole('main').innerText();
    const hidden = await page.goto(`${address}/children/${child.id}`);
    expect(hidden?.status()).toBe(404);
    await verifyOnPage(page, 'Page not found');
    expect(await page.getByRole('main').innerText()).toBe(unknownPage);
    await keepScreenshot(page, `${screenshotFolder}/admin-restricted-not-found.png`);

    for (const words of [child.localId, 'Rowan Ashby']) {
      await page.goto(`${address}/search`);
      await verifyOnPage(page, 'Find a child');
      await page.getByLabel('Name, date of birth, child ID, UPN, NHS number or postcode').fill(words);
      await page.getByRole('button', { name: 'Search' }).click();
      await verifyOnPage(page, 'Find a child');
      const main = await page.getByRole('main').innerText();
      expect(main).toContain('No children found that you can see');
      expect(main).not.toContain('Rowan');
    }
    await keepScreenshot(page, `${screenshotFolder}/admin-restricted-search.png`);
    await signOut();
  }, 180_000);

  it('the allocated worker on the list still opens the record', async () => {
    await signInThroughTheForm(page, address, allocated);
    await page.goto(`${address}/children/${child.id}`);
    await verifyOnPage(page, 'Rowan Ashby');
    await signOut();
  });
});
