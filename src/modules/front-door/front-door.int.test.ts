import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { anOpenEpisode, aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import {
  allocate,
  dateBoxes,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
  type TestCouncil,
} from '../../../test/support/world.ts';
import { policeContact, ruby } from '../../../test/support/front-door.ts';

/** Monday 7 December 2026, 10:00 in London. */
const now = new Date('2026-12-07T10:00:00Z');

/** How many rows of each table a council has: to show that a refusal wrote nothing. */
async function councilRows(db: Database, council: TestCouncil) {
  const counts: Record<string, number> = {};
  for (const table of ['children', 'contacts', 'child_addresses', 'child_relationships', 'allocations'])
    counts[table] = Number(
      (
        await sql<{
          n: string;
        }>`select count(*) as n from ${sql.table(table)} where council_id = ${council.id}`.execute(db)
      ).rows[0]!.n,
    );
  return counts;
}

describe('a new child at the front door', async () => {
  const { app, db } = await testServer({ clock: () => now });

  /** The one child of a council that began with none: the child the front door created. */
  const theOnlyChildOf = (council: TestCouncil) =>
    db.selectFrom('children').selectAll().where('council_id', '=', council.id).executeTakeFirstOrThrow();

  async function aFrontDoorWorker() {
    const council = await newCouncil(db);
    const team = await newTeam(db, council, { kind: 'mash' });
    const worker = await newWorker(db, council, 'social-worker', { team });
    return { council, team, worker, browser: await signedInAs(app, worker) };
  }

  it('creates the child, their address, parent and first contact together, then goes on to the referral', async () => {
    const { council, worker, browser } = await aFrontDoorWorker();
    expect((await browser.get('/front-door')).statusCode).toBe(200);
    const check = await browser.post('/front-door', ruby);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('No child known to you matches');
    const form = await browser.post('/front-door/new-child', { ...ruby, stage: 'details' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Record the contact');
    const saved = await browser.post('/front-door/new-child', { ...ruby, ...policeContact, stage: 'save' });
    expect(saved.statusCode).toBe(303);

    const child = await theOnlyChildOf(council);
    expect(child).toMatchObject({
      given_name: 'Ruby',
      family_name: 'Hall',
      date_of_birth: '2019-04-11',
      nhs_number: '9434765919',
      expected_date_of_birth: null,
    });
    expect(saved.headers.location).toMatch(new RegExp(`^/children/${child.id}/referrals/new\\?contact=`));
    const contact = await db
      .selectFrom('contacts')
      .selectAll()
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ source: '6', decision: 'referral', episode_id: null });
    const address = await db
      .selectFrom('child_addresses')
      .selectAll()
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(address).toMatchObject({ line1: '3 Quarry Street', postcode: 'LS6 2BX', to_date: null });
    const mother = await db
      .selectFrom('child_relationships as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select(['r.relationship', 'p.given_name', 'p.family_name'])
      .where('r.child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(mother).toEqual({ relationship: 'mother', given_name: 'Chloe', family_name: 'Hall' });
    // The worker who took the contact holds the child until it is allocated, so the referral form opens.
    const allocation = await db
      .selectFrom('allocations')
      .selectAll()
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(allocation).toMatchObject({ worker_id: worker.workerId, from_date: '2026-12-07', to_date: null });
    expect((await browser.get(String(saved.headers.location))).statusCode).toBe(200);
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', child.id)
      .execute();
    expect(audited.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['child.created', 'contact.recorded']),
    );
  });

  it('shows a child with the same NHS number as a duplicate, and will not make a second record with it', async () => {
    const { council, worker, browser } = await aFrontDoorWorker();
    const known = await newChild(db, council, { givenName: 'Rubi', familyName: 'Hale' });
    await db.updateTable('children').set({ nhs_number: '9434765919' }).where('id', '=', known.id).execute();
    await allocate(db, known, worker);

    const check = await browser.post('/front-door', { ...ruby, givenName: 'Amelia' });
    expect(check.body).toContain('Is this one of these children?');
    expect(check.body).toContain('Rubi Hale');
    expect(check.body).toContain('Same NHS number');
    expect(check.body).toContain(`href="/children/${known.id}/contacts/new"`);
    expect(check.body).not.toContain('No, this is a new child');

    const before = await councilRows(db, council);
    const forced = await browser.post('/front-door/new-child', { ...ruby, ...policeContact, stage: 'save' });
    expect(forced.statusCode).toBe(400);
    expect(forced.body).toContain('Who is the contact about?');
    expect(forced.body).toMatch(/href="#nhsNumber">Rubi Hale \([^)]+\) already has this NHS number/);
    expect(await councilRows(db, council)).toEqual(before);
  });

  it('offers a close spelling with the same birthday, and a brother at the same address as family only', async () => {
    const { council, worker, browser } = await aFrontDoorWorker();
    const sameChild = await newChild(db, council, {
      givenName: 'Rubie',
      familyName: 'Hall',
      dateOfBirth: '2019-04-11',
    });
    const brother = await newChild(db, council, {
      givenName: 'Leo',
      familyName: 'Hall',
      dateOfBirth: '2016-08-02',
    });
    for (const child of [sameChild, brother]) await allocate(db, child, worker);
    await db
      .insertInto('child_addresses')
      .values({
        council_id: council.id,
        id: crypto.randomUUID(),
        child_id: brother.id,
        line1: '3 Quarry Street',
        postcode: 'LS6 2BX',
        from_date: '2020-01-01',
      })
      .execute();
    const check = await browser.post('/front-door', { ...ruby, nhsNumber: '' });
    const [offered, family] = check.body.split('Children who may be family');
    expect(offered).toContain('Rubie Hall');
    expect(offered).toContain(`href="/children/${sameChild.id}/contacts/new"`);
    expect(family).toContain('Leo Hall');
    expect(family).toContain('may be a brother or sister');
    expect(family).not.toContain(`href="/children/${brother.id}/contacts/new"`);
    expect(check.body).toContain('No, this is a new child');
  });

  it('records an unborn child by the expected date and the mother, and finds them the second time', async () => {
    const { council, browser } = await aFrontDoorWorker();
    const unborn = {
      born: 'no',
      familyName: 'Okafor',
      ...dateBoxes('expectedDateOfBirth', '2027-03-01'),
      parentName: 'Grace Okafor',
      parentRelationship: 'mother',
    };
    const saved = await browser.post('/front-door/new-child', {
      ...unborn,
      ...policeContact,
      reason: 'Midwife concerned about domestic abuse in pregnancy',
      source: '3A',
      decision: 'early-help',
      stage: 'save',
    });
    expect(saved.statusCode).toBe(303);
    const child = await theOnlyChildOf(council);
    expect(child).toMatchObject({
      given_name: 'Unborn',
      family_name: 'Okafor',
      date_of_birth: null,
      expected_date_of_birth: '2027-03-01',
    });
    expect(saved.headers.location).toBe(`/children/${child.id}/journey`);
    // A second contact from another agency, with the date a little different, finds the same unborn child.
    const again = await browser.post('/front-door', {
      ...unborn,
      ...dateBoxes('expectedDateOfBirth', '2027-02-20'),
    });
    expect(again.body).toContain('Unborn Okafor');
    expect(again.body).toContain('Expected around the same date');
    expect(again.body).toContain('Same mother Grace Okafor');
  });

  it('never offers a restricted child to someone not on its list, even with the same NHS number', async () => {
    const { council, worker, browser } = await aFrontDoorWorker();
    const colleague = await newWorker(db, council, 'social-worker');
    const hidden = await newChild(db, council, {
      givenName: 'Ruby',
      familyName: 'Hall',
      dateOfBirth: '2019-04-11',
      restrictedTo: [colleague],
    });
    await db.updateTable('children').set({ nhs_number: '9434765919' }).where('id', '=', hidden.id).execute();
    await allocate(db, hidden, worker);
    const check = await browser.post('/front-door', ruby);
    expect(check.statusCode).toBe(200);
    expect(check.body).not.toContain(hidden.id);
    expect(check.body).not.toContain(hidden.localId);
    expect(check.body).toContain('No child known to you matches');
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'front-door.checked')
      .where('worker_id', '=', worker.workerId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).not.toContain(hidden.id);
  });

  it('tells a worker outside the child’s team that the council probably knows the child, without saying who, and sends them to a service manager', async () => {
    const { council, worker, browser } = await aFrontDoorWorker();
    // Ruby is known to another team, with the same name and birthday: the worker cannot see her.
    const elsewhere = await newChild(db, council, {
      givenName: 'Ruby',
      familyName: 'Hall',
      dateOfBirth: '2019-04-11',
    });
    await allocate(
      db,
      elsewhere,
      await newWorker(db, council, 'social-worker', { team: await newTeam(db, council) }),
    );

    const check = await browser.post('/front-door', ruby);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('A child known to the council probably matches');
    expect(check.body).toContain('A child whose record you cannot see is probably this child');
    expect(check.body).toContain('same name; same date of birth');
    expect(check.body).toContain('A service manager has been asked to check, with the details you typed');
    expect(check.body).not.toContain(elsewhere.id);
    expect(check.body).not.toContain(elsewhere.localId);
    expect(check.body).not.toContain('No, this is a new child');
    expect(check.body).not.toContain('Continue with a new child');

    const before = await councilRows(db, council);
    const forced = await browser.post('/front-door/new-child', { ...ruby, ...policeContact, stage: 'save' });
    expect(forced.statusCode).toBe(400);
    expect(forced.body).toContain(
      'href="#givenName">A child whose record you cannot see is probably this child',
    );
    expect(forced.body).not.toContain(elsewhere.localId);
    expect(await councilRows(db, council)).toEqual(before);
    // The check is on that child's audit trail, where the child's managers see who looked for a child like her.
    const trail = await db
      .selectFrom('audit_log')
      .select(['action', 'worker_id'])
      .where('child_id', '=', elsewhere.id)
      .execute();
    expect(trail).toContainEqual({ action: 'front-door.hidden-match', worker_id: worker.workerId });

    // A service manager sees every child, so is offered her by name and decides.
    const manager = await signedInAs(app, await newWorker(db, council, 'service-manager'));
    const managerCheck = await manager.post('/front-door', ruby);
    expect(managerCheck.body).toContain('Is this one of these children?');
    expect(managerCheck.body).toContain(`href="/children/${elsewhere.id}/contacts/new"`);
    expect(managerCheck.body).not.toContain('whose record you cannot see');
  });

  it('lets a worker go on past a child they cannot see who only possibly matches, after saying so', async () => {
    const { council, browser } = await aFrontDoorWorker();
    // The same name elsewhere in the council, but nothing else agrees: possibly, not probably.
    const elsewhere = await newChild(db, council, {
      givenName: 'Ruby',
      familyName: 'Hall',
      dateOfBirth: '2015-01-20',
    });
    await allocate(
      db,
      elsewhere,
      await newWorker(db, council, 'social-worker', { team: await newTeam(db, council) }),
    );
    const check = await browser.post('/front-door', ruby);
    expect(check.body).toContain('A child known to the council may match');
    expect(check.body).toContain('A child whose record you cannot see may be this child');
    expect(check.body).toContain('What agrees with what you were told: same name.');
    expect(check.body).not.toContain('20 January 2015');
    expect(check.body).toContain('Continue with a new child');
    expect(
      (await browser.post('/front-door/new-child', { ...ruby, ...policeContact, stage: 'save' })).statusCode,
    ).toBe(303);
  });

  it('says nothing of a restricted child the worker cannot see, even one probably the same, and lets the record be made', async () => {
    const { council, worker, browser } = await aFrontDoorWorker();
    const listed = await newWorker(db, council, 'social-worker');
    const restricted = await newChild(db, council, {
      givenName: 'Ruby',
      familyName: 'Hall',
      dateOfBirth: '2019-04-11',
      restrictedTo: [listed],
    });
    // The same page as for a council with no such child: no oracle of a restricted child's existence.
    const check = await browser.post('/front-door', ruby);
    expect(check.body).toContain('No child known to you matches');
    expect(check.body).not.toContain('whose record you cannot see');
    const made = await browser.post('/front-door/new-child', { ...ruby, ...policeContact, stage: 'save' });
    expect(made.statusCode).toBe(303);
    // Only those on the restricted child's list can read the entry that says a child like her was checked.
    const entry = await db
      .selectFrom('audit_log')
      .select(['worker_id'])
      .where('child_id', '=', restricted.id)
      .where('action', '=', 'front-door.hidden-match')
      .executeTakeFirst();
    expect(entry?.worker_id).toBe(worker.workerId);
    const auditor = await signedInAs(app, await newWorker(db, council, 'service-manager'));
    expect((await auditor.get(`/audit?action=front-door.hidden-match`)).body).not.toContain(
      restricted.localId,
    );
  });

  it('re-shows each page with a GOV.UK error summary naming each problem, what was typed kept, nothing written', async () => {
    const { council, browser } = await aFrontDoorWorker();
    const before = await councilRows(db, council);
    const who = await browser.post('/front-door', {
      born: 'yes',
      givenName: '',
      familyName: 'Hall',
      ...dateBoxes('dateOfBirth', '2031-01-01'),
      postcode: 'not a postcode',
      nhsNumber: '943 476 5918',
      upn: 'A12',
      parentName: 'Chloe',
    });
    expect(who.statusCode).toBe(400);
    expect(who.body).toContain('<title>Error: Who is the contact about?');
    for (const [field, words] of [
      ['givenName', 'Enter the child’s given name'],
      ['dateOfBirth', 'The date of birth must be today or in the past'],
      ['postcode', 'Enter a real postcode, like LS1 4AP'],
      ['addressLine1', 'Enter the first line of the address'],
      ['nhsNumber', 'The NHS number’s check digit is wrong'],
      ['upn', 'The UPN must be 13 characters'],
      ['parentName', 'Enter the parent’s or carer’s given and family names'],
    ])
      expect(who.body).toMatch(new RegExp(`href="#${field}">${words}`));
    expect(who.body).toMatch(/name="familyName"[^>]*value="Hall"/);
    expect(who.body).toMatch(/name="postcode"[^>]*value="not a postcode"/);

    const unborn = await browser.post('/front-door', { born: 'no', familyName: 'Okafor' });
    expect(unborn.body).toContain('href="#expectedDateOfBirth">Enter the date the baby is expected');
    expect(unborn.body).toContain(
      'href="#parentName">Enter the name of the mother or parent expecting the baby',
    );
    const neither = await browser.post('/front-door', { familyName: 'Okafor' });
    expect(neither.body).toContain('href="#born">Select whether the child has been born');

    const contact = await browser.post('/front-door/new-child', {
      ...ruby,
      ...dateBoxes('receivedOn', '2026-12-07'),
      receivedTime: '25:00',
      reason: 'Typed before the error',
      ...dateBoxes('decidedOn', '2026-12-01'),
      stage: 'save',
    });
    expect(contact.statusCode).toBe(400);
    expect(contact.body).toContain('<title>Error: Record the contact');
    for (const field of ['receivedTime', 'source', 'decision', 'decidedOn'])
      expect(contact.body).toContain(`href="#${field}"`);
    expect(contact.body).toContain('Typed before the error');
    expect(contact.body).toContain('name="nhsNumber" value="943 476 5919"');
    expect(await councilRows(db, council)).toEqual(before);
  });

  it('is refused to those who do not work the front door, and answers a malformed post with 400', async () => {
    const { council, browser } = await aFrontDoorWorker();
    const adviser = await signedInAs(app, await newWorker(db, council, 'personal-adviser'));
    expect((await adviser.get('/front-door')).statusCode).toBe(403);
    const odd = await browser.post('/front-door/new-child', { ...ruby, stage: 'sideways' });
    expect(odd.statusCode).toBe(400);
  });
});

describe('the front door through the API', async () => {
  const { app, db } = await testServer({ clock: () => now });

  it('checks for duplicates, creates a child with a contact, and answers bad input with 400 naming the field', async () => {
    const council = await newCouncil(db);
    const worker = await newWorker(db, council, 'team-manager', { team: await newTeam(db, council) });
    const api = await signedInAs(app, worker);
    const child = {
      givenName: 'Ruby',
      familyName: 'Hall',
      dateOfBirth: '2019-04-11',
      nhsNumber: '9434765919',
    };
    const contact = {
      receivedOn: '2026-12-07',
      source: '6',
      reason: 'Police notification',
      decision: 'early-help',
      decidedOn: '2026-12-07',
    };
    const created = await api.request({
      method: 'POST',
      url: '/api/front-door/contacts',
      json: { child, contact },
    });
    expect(created.statusCode).toBe(201);
    const { childId } = created.json() as { childId: string };

    const check = await api.request({
      method: 'POST',
      url: '/api/front-door/possible-duplicates',
      json: { child: { givenName: 'Amelia', familyName: 'Hall', nhsNumber: '943 476 5919' } },
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      matches: [{ childId, likeness: 'same-child', sameIdentifier: true, reasons: ['Same NHS number'] }],
    });

    const before = await councilRows(db, council);
    const cases: [unknown, string][] = [
      [{ child, contact }, 'nhsNumber'],
      [{ child: { ...child, nhsNumber: '9434765918' }, contact }, 'nhsNumber'],
      [{ child: { givenName: 'Ruby' }, contact }, 'familyName'],
      [{ child: { ...child, nhsNumber: null, dateOfBirth: '2019-02-30' }, contact }, 'dateOfBirth'],
      [
        { child: { familyName: 'Okafor' }, contact: { ...contact, decidedOn: '2026-12-01' } },
        'givenName decidedOn',
      ],
      [{ child: { familyName: 'Okafor', expectedDateOfBirth: '2027-03-01' }, contact }, 'parentName'],
      [
        { child: { ...child, nhsNumber: '94347' }, contact: { ...contact, source: 'XX' } },
        'nhsNumber source',
      ],
      [{ child, contact: { ...contact, decision: 'maybe' } }, 'decision'],
    ];
    for (const [json, field] of cases) {
      const refused = await api.request({ method: 'POST', url: '/api/front-door/contacts', json });
      expect(refused.statusCode, JSON.stringify(json)).toBe(400);
      for (const name of field.split(' ')) expect(JSON.stringify(refused.json()), name).toContain(name);
    }
    expect(await councilRows(db, council)).toEqual(before);
  });
});

describe('a contact about a child with an open episode', async () => {
  const { app, db } = await testServer({ clock: () => now });

  it('is added to the open episode, and the journey says so with the date in words', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2026-09-07' });
    const browser = await signedInAs(app, worker);
    const form = await browser.get(`/children/${child.id}/contacts/new`);
    expect(form.body).toContain('open episode of need, which began with the referral on 7 September 2026');
    const saved = await browser.post(`/children/${child.id}/contacts/new`, policeContact);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toMatch(new RegExp(`^/children/${child.id}/journey\\?added=`));
    const journey = await browser.get(String(saved.headers.location));
    expect(journey.body).toContain(
      'This contact is added to the open episode that began with the referral on 7 September 2026',
    );
    expect(journey.body).not.toContain('2026-09-07');
    const contact = await db
      .selectFrom('contacts')
      .select('episode_id')
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(contact.episode_id).toBe(episodeId);
  });
});
