import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { searchNameOf } from '../../domain/names/search-name.ts';
import { aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  signedInAs,
  testServer,
  type TestBrowser,
} from '../../../test/support/world.ts';

/** The names /api/search finds for what was typed, as "given family". */
async function namesFound(browser: TestBrowser, q: string): Promise<string[]> {
  const response = await browser.get(`/api/search?q=${encodeURIComponent(q)}`);
  expect(response.statusCode).toBe(200);
  return response
    .json()
    .map((child: { givenName: string; familyName: string }) => `${child.givenName} ${child.familyName}`);
}

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

  const found = (q: string) => namesFound(browser, q);

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

/** The names in a page's table of children, in order. */
function namesListed(html: string): string[] {
  return [...html.matchAll(/<a class="govuk-link" href="\/children\/[^"]+">([^<]+)<\/a>/g)].map((match) =>
    match[1]!.replace(/&#39;/g, "'"),
  );
}

describe('finding a child, forgiving of accents, apostrophes, misspelling and script (issue 17, part 8)', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const team = await newTeam(db, council);
  const worker = await newWorker(db, council, 'social-worker', { team });
  const other = await newWorker(db, council, 'social-worker');
  for (const [givenName, familyName] of [
    ['Zoë', 'Adams'],
    ['Siobhán', 'Murphy'],
    ['Aoife', "O'Brien"],
    ['Chloé', 'Smith-Jones'],
    ['小龍', '李'],
    ['Søren', 'Łukasiewicz'],
  ] as const)
    await allocate(db, await newChild(db, council, { givenName, familyName }), worker);
  // A child restricted to someone else, allocated to the same worker: never found, never counted.
  const hidden = await newChild(db, council, {
    givenName: 'Zoë',
    familyName: 'Adamson',
    restrictedTo: [other],
  });
  await allocate(db, hidden, worker);
  const browser = await signedInAs(app, worker);

  const found = (q: string) => namesFound(browser, q);

  it.each([
    ['Zoe', 'Zoë Adams'],
    ['zoe adams', 'Zoë Adams'],
    ['Zoë', 'Zoë Adams'],
    ['Siobhan', 'Siobhán Murphy'],
    ['Siobahn Murphy', 'Siobhán Murphy'],
    ['OBrien', "Aoife O'Brien"],
    ['O’Brien', "Aoife O'Brien"],
    ['o brien', "Aoife O'Brien"],
    ['Chloe Jones', 'Chloé Smith-Jones'],
    ['Smith Jones', 'Chloé Smith-Jones'],
    ['Soren Lukasiewicz', 'Søren Łukasiewicz'],
    ['李', '小龍 李'],
    ['小龍', '小龍 李'],
    ['李小龍', '小龍 李'],
    ['龍', '小龍 李'],
  ])('finds %s as %s', async (q, name) => {
    expect(await found(q)).toContain(name);
  });

  it('does not find a Chinese name by a character it does not hold', async () => {
    expect(await found('王')).toEqual([]);
  });

  it('never finds nor counts a restricted child for someone not on its list', async () => {
    expect(await found('Zoe')).toEqual(['Zoë Adams']);
    const search = await browser.get('/search?q=Zoe');
    expect(search.body).toContain('Showing 1 to 1 of 1 child');
    expect(search.body).not.toContain('Adamson');
    const children = await browser.get('/children');
    expect(children.body).toContain('Showing 1 to 6 of 6 children');
    expect(children.body).not.toContain('Adamson');
    // The worker on its list finds it.
    await allocate(db, hidden, other);
    const theirs = await (await signedInAs(app, other)).get('/api/search?q=Zoe');
    expect(theirs.json().map((child: { familyName: string }) => child.familyName)).toContain('Adamson');
  });

  it('folds stored names in the database exactly as it folds what is typed', async () => {
    const names = [
      'Zoë',
      'SIOBHÁN',
      "O'Brien",
      'O’Brien',
      'Smith-Jones',
      'Søren',
      'Łukasz',
      'Straße',
      'Ægir',
    ];
    const stored = await sql<{ folded: string }>`select search_name(name) as folded
      from unnest(${[...names, 'Nguyễn', 'Đorđe', 'İlkay', '李小龍', 'Мария', 'प्रिया']}::text[]) name`.execute(
      db,
    );
    expect(stored.rows.map((row) => row.folded)).toEqual(
      [...names, 'Nguyễn', 'Đorđe', 'İlkay', '李小龍', 'Мария', 'प्रिया'].map(searchNameOf),
    );
  });
});

describe('long lists of children: pages, sorting and filters', async () => {
  const { app, db } = await testServer();
  const council = await newCouncil(db);
  const east = await newTeam(db, council, { name: 'East assessment team' });
  const west = await newTeam(db, council, { name: 'West assessment team' });
  const eastWorker = await newWorker(db, council, 'social-worker', { team: east, givenName: 'Eve' });
  const westWorker = await newWorker(db, council, 'social-worker', { team: west, givenName: 'Wes' });
  const manager = await newWorker(db, council, 'service-manager');
  // 120 children: 100 with the east team's worker, 20 with the west's, born a day apart.
  for (let n = 1; n <= 120; n++) {
    const child = await newChild(db, council, {
      givenName: 'Pat',
      familyName: `Paging${String(n).padStart(3, '0')}`,
      dateOfBirth: `2015-${String(1 + Math.floor((n - 1) / 28)).padStart(2, '0')}-${String(1 + ((n - 1) % 28)).padStart(2, '0')}`,
    });
    await allocate(db, child, n <= 100 ? eastWorker : westWorker);
  }
  const browser = await signedInAs(app, manager);

  it('shows 50 a page with "Showing 1 to 50 of 120" and the GOV.UK page links, and nothing cut', async () => {
    const first = await browser.get('/children');
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('Showing 1 to 50 of 120 children');
    expect(namesListed(first.body)).toHaveLength(50);
    expect(namesListed(first.body)[0]).toBe('Pat Paging001');
    expect(first.body).toContain('govuk-pagination');
    expect(first.body).toContain('href="/children?page=2"');
    const last = await browser.get('/children?page=3');
    expect(last.body).toContain('Showing 101 to 120 of 120 children');
    expect(namesListed(last.body)).toEqual(
      Array.from({ length: 20 }, (_, index) => `Pat Paging${String(101 + index)}`),
    );
    expect(last.body).toMatch(/aria-current="page"[^>]*>\s*3/);
    // A page past the end shows the last page.
    expect((await browser.get('/children?page=9')).body).toContain('Showing 101 to 120 of 120 children');
  });

  it('sorts by a column, says so with aria-sort, and keeps the sort across pages', async () => {
    const page = await browser.get('/children?sort=date-of-birth&order=descending');
    expect(namesListed(page.body)[0]).toBe('Pat Paging120');
    expect(page.body).toMatch(/<th[^>]*aria-sort="descending"[^>]*>\s*<a[^>]*>Date of birth/);
    expect(page.body).toMatch(/<th[^>]*aria-sort="none"[^>]*>\s*<a[^>]*>Name/);
    expect(page.body).toContain('href="/children?sort=date-of-birth&amp;order=descending&amp;page=2"');
    const byId = await browser.get('/api/children?sort=name&order=descending&page=3');
    expect(byId.headers['x-total-count']).toBe('120');
    expect(byId.json().at(-1).familyName).toBe('Paging001');
  });

  it('filters by team and by worker, counting only what the filter keeps', async () => {
    const westTeam = (await browser.get(`/children?team=${west.id}`)).body;
    expect(westTeam).toContain('Showing 1 to 20 of 20 children');
    expect(namesListed(westTeam)[0]).toBe('Pat Paging101');
    const eve = (await browser.get(`/children?worker=${eastWorker.workerId}&page=2`)).body;
    expect(eve).toContain('Showing 51 to 100 of 100 children');
    const both = await browser.get(`/search?q=Pat&worker=${westWorker.workerId}`);
    expect(both.body).toContain('Showing 1 to 20 of 20 children');
    expect(both.body).toMatch(/<option value="[^"]+" selected>Wes social-worker<\/option>/);
  });

  it('refuses a sort or team it does not know with 400, not a 500', async () => {
    expect((await browser.get('/children?sort=password')).statusCode).toBe(400);
    expect((await browser.get('/children?team=not-a-team')).statusCode).toBe(400);
    expect((await browser.get('/children?page=0')).statusCode).toBe(400);
  });
});
