import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { londonDate } from '../../src/platform/actor.ts';
import { allocate, newChild, newCouncil, newTeam, newWorker } from '../support/world.ts';
import { signInThroughTheForm } from './pages.ts';
import { browserWorld, onAPhone, verifyOnPage } from './support.ts';

/** Fills a GOV.UK date input whose legend is `legend` with a YYYY-MM-DD date. */
async function fillDate(page: Page, legend: string | RegExp, date: string) {
  const [year, month, day] = date.split('-') as [string, string, string];
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(String(Number(day)));
  await group.getByLabel('Month').fill(String(Number(month)));
  await group.getByLabel('Year').fill(year);
}

describe('a new child at the front door, from contact to authorised assessment', async () => {
  const { page, address, db } = await browserWorld();
  const today = londonDate(new Date());
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { kind: 'assessment' });
  const worker = await newWorker(db, council, 'social-worker', { team, givenName: 'Priya' });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Morgan' });
  // Already known: Maisie Brennan, born on 14 February 2018. The new contact is about her cousin, with a name
  // spelt alike and the same birthday: a possible duplicate the worker checks and refuses.
  const known = await newChild(db, council, {
    givenName: 'Maisy',
    familyName: 'Brennan',
    dateOfBirth: '2018-02-14',
  });
  await allocate(db, known, worker);

  it('checks who the contact is about and finds a possible duplicate: a name spelt alike, the same birthday', async () => {
    await signInThroughTheForm(page, address, worker);
    await page.getByRole('button', { name: 'New contact' }).click();
    await verifyOnPage(page, 'Who is the contact about?');

    // Nothing typed: the error summary names each problem, and nothing is written.
    await page.getByRole('button', { name: 'Check whether the child is known' }).click();
    await verifyOnPage(page, 'Who is the contact about?');
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.innerText()).toContain('Select whether the child has been born');
    expect(await summary.innerText()).toContain('Enter the child’s family name');
    await onAPhone(page, 'front-door-who-error');

    await page.getByLabel('Yes', { exact: true }).check();
    await fillDate(page, 'Date of birth (if known)', '2018-02-14');
    await page.getByLabel('Given name').fill('Maisie');
    await page.getByLabel('Family name').fill('Brennan');
    await page.getByLabel('Address line 1').fill('27 Canal Walk');
    await page.getByLabel('Postcode').fill('LS11 5QN');
    await page.getByLabel('Full name').fill('Siobhan Brennan');
    await page.getByLabel('Mother').check();
    await page.getByRole('button', { name: 'Check whether the child is known' }).click();
    await verifyOnPage(page, 'Is this one of these children?');
    const match = page.locator('[data-qa="possible-match"]');
    await expect.poll(() => match.count()).toBe(1);
    expect(await match.innerText()).toContain('Maisy Brennan');
    expect(await match.innerText()).toContain('Same date of birth');
    await onAPhone(page, 'front-door-matches');
  }, 180_000);

  let journeyUrl = '';
  it('records the contact on the new child, keeping what was typed through a refusal, then refers and assesses', async () => {
    // Not her: a cousin with the same birthday. The worker refuses the match and goes on with a new child.
    await page.getByRole('button', { name: 'No, this is a new child' }).click();
    await verifyOnPage(page, 'Record the contact');
    await fillDate(page, 'When was the contact received?', today);
    await page.getByLabel('Time received (optional)').fill('08:40');
    await page.getByLabel('Source of the contact').selectOption('2A');
    await page.getByLabel('Reason for the contact').fill('School: Maisie arrived with bruising to her arm.');
    await page.getByLabel('Referral to children’s social care').check();
    // The decision date is left out, to see the form keep what was typed.
    await page.getByRole('button', { name: 'Save the new child and the contact' }).click();
    await verifyOnPage(page, 'Record the contact');
    expect(await page.getByRole('alert').innerText()).toContain('Enter the date of the decision');
    expect(await page.getByLabel('Reason for the contact').inputValue()).toContain('bruising to her arm');
    expect(
      await db.selectFrom('children').select('id').where('council_id', '=', council.id).execute(),
    ).toHaveLength(1);
    await onAPhone(page, 'front-door-contact-error');
    await fillDate(page, 'When was the decision made?', today);
    await page.getByRole('button', { name: 'Save the new child and the contact' }).click();

    await verifyOnPage(page, 'Record a referral');
    expect(await page.locator('main').innerText()).toContain('Maisie Brennan');
    await page.getByLabel(/Primary need/).selectOption('N1');
    await page.getByRole('button', { name: 'Save the referral' }).click();
    await verifyOnPage(page, 'Contacts, referrals and assessments');
    await page.getByRole('link', { name: /Record an assessment/ }).click();
    await verifyOnPage(page, 'Record an assessment');
    await fillDate(page, 'Date the assessment started', today);
    await page.getByLabel('Outcome').selectOption('child-in-need-plan');
    await page.getByRole('button', { name: 'Save the assessment' }).click();
    await verifyOnPage(page, 'Contacts, referrals and assessments');
    journeyUrl = page.url();
  }, 180_000);

  it('has the team manager authorise the new child’s assessment', async () => {
    // The team manager authorises the assessment of the new child.
    await page.context().clearCookies();
    await signInThroughTheForm(page, address, manager);
    await page.goto(journeyUrl);
    await verifyOnPage(page, 'Contacts, referrals and assessments');
    await page.getByRole('link', { name: /Review\s+the assessment/ }).click();
    await verifyOnPage(page, 'Management oversight of the assessment');
    await page
      .getByLabel('Oversight note')
      .fill('A clear analysis; Maisie is heard. Agreed: a child in need plan.');
    await page.getByLabel('Authorise the assessment').check();
    await page.getByLabel('Child in need plan').check();
    await fillDate(page, 'Date of authorisation', today);
    await page.getByRole('button', { name: 'Save the decision' }).click();
    // Authorising leads on to the step the outcome starts; the journey then shows who authorised it.
    await page.goto(journeyUrl);
    await verifyOnPage(page, 'Contacts, referrals and assessments');
    const journey = await page.locator('main').innerText();
    expect(journey).toMatch(/authorised \d+ \w+ \d{4} by Morgan/);
    await onAPhone(page, 'front-door-authorised');

    const children = await db
      .selectFrom('children')
      .select(['given_name', 'family_name'])
      .where('council_id', '=', council.id)
      .orderBy('given_name')
      .execute();
    expect(children).toEqual([
      { given_name: 'Maisie', family_name: 'Brennan' },
      { given_name: 'Maisy', family_name: 'Brennan' },
    ]);
  }, 180_000);
});
