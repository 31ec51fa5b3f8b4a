import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import { allocate, newChild, newWorker, signedInAs, testServer } from '../../../test/support/world.ts';

describe('search', async () => {
  const { app, db } = await testServer();
  const { council, team, worker } = await aTeamWithAnAllocatedChild(db);
  const names = [
    ['Muhammad', 'Khan'],
    ['Steven', 'Smith'],
    ['Catherine', 'Jones'],
    ['Aisha', 'Patel'],
    ['Oliver', 'Brown'],
  ] as const;
  const children: Awaited<ReturnType<typeof newChild>>[] = [];
  for (const [givenName, familyName] of names) {
    const child = await newChild(db, council, { givenName, familyName, dateOfBirth: '2016-09-14' });
    await allocate(db, child, worker);
    children.push(child);
  }
  const [, steven, catherine, aisha] = children;
  await db
    .updateTable('children')
    .set({ upn: 'A123456789012', nhs_number: '9434765919' })
    .where('id', '=', aisha!.id)
    .execute();
  await db
    .insertInto('child_addresses')
    .values({
      council_id: council.id,
      id: uuidv7(),
      child_id: steven!.id,
      line1: '1 High Street',
      postcode: 'LS1 4AP',
      from_date: '2020-01-01',
    })
    .execute();
  // A child restricted to someone else, and a child of another team: neither may appear.
  const other = await newWorker(db, council, 'social-worker');
  const hidden = await newChild(db, council, {
    givenName: 'Stephen',
    familyName: 'Smyth',
    restrictedTo: [other],
  });
  await allocate(db, hidden, worker);
  const elsewhere = await newChild(db, council, { givenName: 'Stefan', familyName: 'Smith' });
  await allocate(db, elsewhere, other);
  const browser = await signedInAs(app, worker);

  async function found(q: string): Promise<string[]> {
    const response = await browser.get(`/api/search?q=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    return response
      .json()
      .map((child: { givenName: string; familyName: string }) => `${child.givenName} ${child.familyName}`);
  }

  it.each([
    ['Mohammed', 'Muhammad Khan'],
    ['Mohamed Kahn', 'Muhammad Khan'],
    ['Stephen', 'Steven Smith'],
    ['Smyth', 'Steven Smith'],
    ['Katherine', 'Catherine Jones'],
    ['catherine jones', 'Catherine Jones'],
    ['Aysha', 'Aisha Patel'],
  ])('finds %s as %s', async (q, name) => {
    expect(await found(q)).toContain(name);
  });

  it('finds a child by a name given later, and needs every word typed to match', async () => {
    const child = await newChild(db, council, { givenName: 'Zebedee', familyName: 'Quartermaine' });
    await allocate(db, child, worker);
    await db.updateTable('children').set({ family_name: 'Quigley' }).where('id', '=', child.id).execute();
    expect(await found('Zebedee Quigly')).toEqual(['Zebedee Quigley']);
    expect(await found('Zebedee Brown')).toEqual([]);
    expect(await found('Zebedee Quartermaine')).toEqual([]);
  });

  it('finds by date of birth, child ID, UPN, NHS number and postcode', async () => {
    expect(await found('14/09/2016')).toHaveLength(5);
    expect(await found(catherine!.localId)).toEqual(['Catherine Jones']);
    expect(await found('a123 4567 89012')).toEqual(['Aisha Patel']);
    expect(await found('943 476 5919')).toEqual(['Aisha Patel']);
    expect(await found('ls14ap')).toEqual(['Steven Smith']);
  });

  it('searches only the gatekeeper’s set: restricted and unallocated children never appear', async () => {
    const results = await found('Stephen Smyth');
    expect(results).toEqual(['Steven Smith']);
    const page = await browser.get('/search?q=Smith');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Steven');
    expect(page.body).not.toContain('Stefan');
    expect(page.body).not.toContain('Smyth');
    // The team's manager sees the team's children, and still not the restricted one.
    const manager = await newWorker(db, council, 'team-manager', { team, manages: true });
    const theirs = await (await signedInAs(app, manager)).get('/api/search?q=Smith');
    expect(theirs.json().map((child: { givenName: string }) => child.givenName)).toEqual(['Steven']);
  });

  it('audits each search with the children it showed', async () => {
    await found('Oliver');
    const entry = await db
      .selectFrom('audit_log')
      .select('details')
      .where('council_id', '=', council.id)
      .where('action', '=', 'children.searched')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ kind: 'name', childIds: [children[4]!.id] });
  });

  it('puts the issue 5 API in the OpenAPI document, and no pages', async () => {
    const paths = Object.keys((await browser.get('/api/openapi.json')).json().paths);
    for (const path of [
      '/api/search',
      '/api/caseload',
      '/api/children/{childId}/identity',
      '/api/children/{childId}/addresses',
      '/api/children/{childId}/flags',
      '/api/children/{childId}/relationships',
      '/api/children/{childId}/contacts',
      '/api/children/{childId}/referrals',
      '/api/children/{childId}/episodes',
      '/api/children/{childId}/episodes/{episodeId}/assessments',
      '/api/children/{childId}/assessments/{assessmentId}/authorisation',
      '/api/children/{childId}/episodes/{episodeId}/closure',
      '/api/children/{childId}/notes',
      '/api/children/{childId}/chronology',
      '/api/children/{childId}/allocations',
    ])
      expect(paths).toContain(path);
    for (const page of [
      '/search',
      '/caseload',
      '/team-caseloads',
      '/children/{childId}/notes',
      '/children/{childId}/journey',
    ])
      expect(paths).not.toContain(page);
  });
});
