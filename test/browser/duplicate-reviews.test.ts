import { describe, expect, it } from 'vitest';
import { allocate, newChild, newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, onAPhone, verifyOnPage } from './support.ts';

describe('a possible duplicate at the front door, reviewed by a service manager (issue 17)', async () => {
  const { page, address, db } = await browserWorld();
  const council = await newCouncil(db);
  const worker = await newWorker(db, council, 'social-worker', {
    team: await newTeam(db, council, { kind: 'mash' }),
    givenName: 'Priya',
  });
  const serviceManager = await newWorker(db, council, 'service-manager', { givenName: 'Ade' });
  // Ruby Hall is known to another team: the front-door worker cannot see her.
  const holder = await newWorker(db, council, 'social-worker', { team: await newTeam(db, council) });
  const known = await newChild(db, council, {
    givenName: 'Ruby',
    familyName: 'Hall',
    dateOfBirth: '2019-04-11',
  });
  await allocate(db, known, holder);

  it('stops the worker, asks a service manager, who decides it is another child; the worker is told', async () => {
    await signInThroughTheForm(page, address, worker);
    await page.getByRole('button', { name: 'New contact' }).click();
    await verifyOnPage(page, 'Who is the contact about?');
    await page.getByLabel('Yes', { exact: true }).check();
    const birth = page.getByRole('group', { name: 'Date of birth (if known)' });
    await birth.getByLabel('Day').fill('11');
    await birth.getByLabel('Month').fill('4');
    await birth.getByLabel('Year').fill('2019');
    await page.getByLabel('Given name').fill('Ruby');
    await page.getByLabel('Family name').fill('Hall');
    await page.getByRole('button', { name: 'Check whether the child is known' }).click();
    await verifyOnPage(page, 'A child known to the council probably matches');
    expect(await page.locator('[data-qa="asked-a-manager"]').innerText()).toContain(
      'A service manager has been asked to check',
    );
    expect(await page.locator('main').innerText()).not.toContain(known.localId);
    await page.getByRole('link', { name: 'Home' }).click();
    await verifyOnPage(page, /^Welcome, /);
    expect(await page.locator('[data-qa="duplicate-questions"]').innerText()).toContain(
      'waiting for a service manager',
    );
    await page.context().clearCookies();

    await signInThroughTheForm(page, address, serviceManager);
    await page.goto(`${address}/duplicate-reviews`);
    await verifyOnPage(page, 'Possible duplicates to review');
    const review = page.locator('[data-qa="duplicate-review"]');
    expect(await review.innerText()).toContain('Same name; same date of birth');
    expect(await review.innerText()).toContain(`Ruby Hall, child ID ${known.localId}, born 11 April 2019`);
    await onAPhone(page, 'duplicate-reviews');
    await review.getByRole('link', { name: /^Decide/ }).click();
    await verifyOnPage(page, 'Is this Ruby Hall?');
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await verifyOnPage(page, 'Is this Ruby Hall?');
    await expect
      .poll(() => page.getByRole('alert').innerText())
      .toContain('Select whether this is the same child as the one already known');
    await onAPhone(page, 'duplicate-review-error');
    await page.getByLabel('Not the same child: let the worker continue').check();
    await page.getByRole('button', { name: 'Save the decision' }).click();
    await verifyOnPage(page, 'Possible duplicates to review');
    expect(await page.locator('main').innerText()).toContain('Nothing is waiting to be reviewed.');
    await page.context().clearCookies();

    await signInThroughTheForm(page, address, worker);
    const answer = await page.locator('[data-qa="duplicate-questions"]').innerText();
    expect(answer).toContain('not the same child');
    expect(answer).not.toContain(known.localId);
    await onAPhone(page, 'duplicate-answer-home');
  }, 180_000);
});
