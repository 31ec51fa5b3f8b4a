import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import {
  newChild,
  newWorker,
  signedInAs,
  testServer,
  type TestBrowser,
  type TestChild,
} from '../../../test/support/world.ts';

/** The header's text, tags stripped and spaces collapsed, as a screen reader would read it out. */
function headerOf(page: string): string {
  const section = /<section class="hearth-child-header"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
  return section
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
}

async function record(browser: TestBrowser, child: TestChild, path: string, json: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url: `/api/children/${child.id}/${path}`, json });
  expect(response.statusCode, `${path}: ${response.body}`).toBe(201);
  return response.json() as { id: string };
}

/** A period of care under a full care order, in a foster placement, from `startDate`. */
const fullCareOrderFrom = (startDate: string) => ({
  startDate,
  legalStatus: 'C2',
  place: 'U4',
  provider: 'PR1',
  postcode: 'DA1 1AA',
  inArea: true,
  unregistered: false,
});

const childPages = [
  '',
  '/record',
  '/notes',
  '/journey',
  '/protection',
  '/care',
  '/timescales',
  '/chronology',
];

describe('the header on every page of a child (issue 17, part 2)', async () => {
  // Wednesday 10 September 2025.
  const { app, db } = await testServer({ clock: () => new Date('2025-09-10T11:00:00Z') });

  it('shows a child in need: name, age, status, worker and team, the next thing due, on every page', async () => {
    const { worker, team, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    const browser = await signedInAs(app, worker);
    await record(browser, child, 'cin-plans', { startDate: '2025-08-11' });

    for (const page of childPages) {
      const header = headerOf((await browser.get(`/children/${child.id}${page}`)).body);
      expect(header, page).toContain('Alex Taylor');
      expect(header, page).toContain('Born 10 May 2016, aged 9');
      expect(header, page).toContain('Child in need plan since 11 August 2025');
      expect(header, page).toContain(`Priya social-worker (allocated worker, ${team.name})`);
      // 20 working days from Monday 11 August, the Summer bank holiday not counted: Tuesday 9 September, so
      // overdue (with the assessment, never authorised); the plan's review within 3 months.
      expect(header, page).toContain(
        'Overdue Assessment authorised, due 4 August 2025; Visit (child in need plan), due 9 September 2025',
      );
      expect(header, page).toContain('Next due Child in need plan review by 11 November 2025');
      expect(header, page).toContain('Record a visit');
      expect(header, page).not.toContain('Restricted record');
    }
  });

  it('puts what is overdue first and does not call a child with only overdue work "Nothing due"', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2016-05-10' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    const header = headerOf((await (await signedInAs(app, worker)).get(`/children/${child.id}`)).body);
    expect(header).toContain('Overdue Assessment authorised, due 4 August 2025 Next due Nothing else due');
  });

  it('shows a child protection plan with its category, and the current warnings', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2019-11-30' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-08-01' });
    const browser = await signedInAs(app, worker);
    await record(browser, child, 'strategy-discussions', {
      heldOn: '2025-08-04',
      attendees: 'Police, school',
      outcome: 'section-47',
    });
    await record(browser, child, 'initial-conferences', {
      heldOn: '2025-08-20',
      outcome: 'child-protection-plan',
      category: 'NEG',
    });
    await record(browser, child, 'flags', {
      kind: 'risk-to-staff',
      description: 'Father has threatened workers',
      from: '2025-08-04',
      reviewBy: '2026-02-04',
    });

    const header = headerOf((await browser.get(`/children/${child.id}/protection`)).body);
    expect(header).toContain('Born 30 November 2019, aged 5');
    expect(header).toContain('Child protection plan since 20 August 2025 (neglect)');
    expect(header).toContain('Warning Risk to staff: Father has threatened workers');
  });

  it('shows a looked after child with legal status and placement, and a restricted record as restricted', async () => {
    const { team, worker, child } = await aTeamWithAnAllocatedChild(db, {
      givenName: 'Sam',
      dateOfBirth: '2012-02-29',
    });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-07-01' });
    const browser = await signedInAs(app, worker);
    await record(browser, child, 'periods-of-care', fullCareOrderFrom('2025-07-14'));
    // Restricted: only the people on the child's access list see the record.
    await db.updateTable('children').set({ restricted: true }).where('id', '=', child.id).execute();
    await db
      .insertInto('child_access_lists')
      .values({ council_id: worker.council.id, child_id: child.id, worker_id: worker.workerId })
      .execute();

    const header = headerOf((await browser.get(`/children/${child.id}/care`)).body);
    // Born on 29 February 2012: 13 on 1 March 2025.
    expect(header).toContain('Sam Taylor Restricted record');
    expect(header).toContain('aged 13');
    expect(header).toMatch(/Looked after since 14 July 2025: full care order; .* since 14 July 2025/i);
    expect(header).toContain(`Priya social-worker (allocated worker, ${team.name})`);
    // The first statutory visit within a week of the placement: Monday 21 July, long past.
    expect(header).toContain('Statutory visit, due 21 July 2025');
  });

  it('shows a care leaver with their status and personal adviser', async () => {
    const { council, team, worker, child } = await aTeamWithAnAllocatedChild(db, {
      dateOfBirth: '2007-06-01',
    });
    const adviser = await newWorker(db, council, 'personal-adviser', { team, givenName: 'Tomasz' });
    await anOpenEpisode(db, child, worker, { referralDate: '2023-01-09' });
    const browser = await signedInAs(app, worker);
    await record(browser, child, 'periods-of-care', fullCareOrderFrom('2023-01-16'));
    await record(browser, child, 'care-endings', {
      endDate: '2025-06-01',
      reason: 'E17',
      leavingCareStatus: 'former-relevant',
      personalAdviserEmail: adviser.email,
    });

    const header = headerOf((await browser.get(`/children/${child.id}`)).body);
    expect(header).toContain('Born 1 June 2007, aged 18');
    expect(header).toContain('Care leaver: former relevant');
    expect(header).toContain(`Tomasz personal-adviser (personal adviser, ${team.name})`);
    expect(header).toContain('Record a visit');
  });

  it('is refused, with the page, to someone the restricted child is hidden from', async () => {
    const { council, worker } = await aTeamWithAnAllocatedChild(db);
    const hidden = await newChild(db, council, { restrictedTo: [] });
    const browser = await signedInAs(app, worker);
    expect((await browser.get(`/children/${hidden.id}/care`)).statusCode).toBe(404);
  });
});
