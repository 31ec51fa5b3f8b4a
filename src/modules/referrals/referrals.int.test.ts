import { describe, expect, it } from 'vitest';
import {
  aTeamWithAnAllocatedChild,
  anAssessment,
  anOpenEpisode,
  journeyRowCounts,
} from '../../../test/support/journey.ts';
import { signedInAs, testServer } from '../../../test/support/world.ts';

const dateBoxes = (name: string, date: string) => {
  const [year, month, day] = date.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
};

describe('the front door to assessment, through the pages', async () => {
  const { app, db } = await testServer();

  it('takes a child from contact to referral, assessment, authorisation and closure', async () => {
    const { worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    const base = `/children/${child.id}`;

    expect((await browser.get(`${base}/contacts/new`)).statusCode).toBe(200);
    const contact = await browser.post(`${base}/contacts/new`, {
      ...dateBoxes('receivedOn', '2025-05-30'),
      receivedTime: '16:45',
      source: '6',
      reason: 'Police attended a domestic incident at the home',
      mashPartners: 'Police\nHealth',
      decision: 'referral',
      ...dateBoxes('decidedOn', '2025-06-02'),
    });
    // A contact decided as a referral goes on to the referral, with its source and decision date filled in.
    expect(contact.statusCode).toBe(303);
    const next = String(contact.headers.location);
    expect(next).toMatch(new RegExp(`^${base}/referrals/new\\?contact=`));
    const form = await browser.get(next);
    expect(form.body).toMatch(/<option value="6" selected>/);
    expect(form.body).toMatch(/name="referralDate-day"[^>]*value="2"/);
    const contactId = /name="contactId" value="([^"]+)"/.exec(form.body)![1]!;
    const referral = await browser.post(`${base}/referrals/new`, {
      ...dateBoxes('referralDate', '2025-06-02'),
      source: '6',
      primaryNeed: 'N1',
      contactId,
    });
    expect(referral.statusCode).toBe(303);
    const episode = await db
      .selectFrom('episodes')
      .selectAll()
      .where('child_id', '=', child.id)
      .executeTakeFirstOrThrow();
    expect(episode).toMatchObject({
      referral_date: '2025-06-02',
      re_referral: false,
      closed_on: null,
      contact_id: contactId,
    });

    await browser.get(`${base}/episodes/${episode.id}/assessments/new`);
    const assessment = await browser.request({
      method: 'POST',
      url: `${base}/episodes/${episode.id}/assessments/new`,
      form: {
        ...dateBoxes('startDate', '2025-06-02'),
        outcome: 'child-in-need-plan',
        factors: '3A',
        summary: 'Seen alone.',
      },
    });
    expect(assessment.statusCode).toBe(303);
    const recorded = await db
      .selectFrom('assessments')
      .selectAll()
      .where('episode_id', '=', episode.id)
      .executeTakeFirstOrThrow();

    // A social worker cannot authorise; their manager can.
    expect((await browser.get(`${base}/assessments/${recorded.id}/authorise`)).statusCode).toBe(403);
    const managerBrowser = await signedInAs(app, manager);
    const journey = await managerBrowser.get(`${base}/journey`);
    expect(journey.body).toContain('awaiting authorisation');
    // The factors identified are shown in words, with their codes.
    expect(journey.body).toContain(
      'factors: Domestic abuse/violence: concern that the child is a victim (3A)',
    );
    await managerBrowser.get(`${base}/assessments/${recorded.id}/authorise`);
    const authorised = await managerBrowser.post(`${base}/assessments/${recorded.id}/authorise`, {
      version: '1',
      decision: 'authorise',
      oversightNote: 'A clear analysis; the plan follows from it.',
      outcome: 'child-in-need-plan',
      ...dateBoxes('decidedOn', '2025-07-10'),
    });
    // The outcome starts what it implies: the manager is asked for the child in need plan at once.
    expect(authorised.statusCode).toBe(303);
    expect(authorised.headers.location).toBe(`${base}/cin-plans/new`);

    await browser.get(`${base}/episodes/${episode.id}/close`);
    const closed = await browser.post(`${base}/episodes/${episode.id}/close`, {
      version: '1',
      reason: 'RC7',
      ...dateBoxes('closedOn', '2025-09-01'),
    });
    expect(closed.statusCode).toBe(303);

    const page = await browser.get(`${base}/journey`);
    expect(page.body).toContain(
      '1 September 2025: Services ended for any other reason, including child no longer in need (RC7)',
    );
    expect(page.body).toContain('authorised 10 July 2025 by Morgan');
    const actions = await db
      .selectFrom('audit_log')
      .select('action')
      .where('child_id', '=', child.id)
      .where('outcome', '=', 'allowed')
      .orderBy('seq')
      .execute();
    expect(actions.map((row) => row.action)).toEqual(
      expect.arrayContaining([
        'contact.recorded',
        'referral.recorded',
        'assessment.recorded',
        'assessment.authorised',
        'episode.closed',
      ]),
    );
  });

  it('shows the error summary, keeps what was typed and writes nothing when a referral is before birth', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2015-03-27' });
    const browser = await signedInAs(app, worker);
    const before = await journeyRowCounts(db, child);
    await browser.get(`/children/${child.id}/referrals/new`);
    const response = await browser.post(`/children/${child.id}/referrals/new`, {
      ...dateBoxes('referralDate', '2014-01-09'),
      source: '6',
      primaryNeed: 'N1',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Error: Record a referral');
    expect(response.body).toContain('href="#referralDate"');
    expect(response.body).toContain('The date of the referral must be on or after the child’s date of birth');
    expect(response.body).toMatch(/name="referralDate-year"[^>]*value="2014"/);
    expect(await journeyRowCounts(db, child)).toEqual(before);
  });

  it('marks a referral within 12 months of the previous one as a re-referral, and one ending in NFA as closed', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    await anOpenEpisode(db, child, worker, { referralDate: '2024-09-01', closedOn: '2024-10-01' });
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/referrals/new`);
    await browser.post(`/children/${child.id}/referrals/new`, {
      ...dateBoxes('referralDate', '2025-08-15'),
      source: '2A',
      primaryNeed: 'N0',
      noFurtherAction: 'yes',
    });
    const latest = await db
      .selectFrom('episodes')
      .selectAll()
      .where('child_id', '=', child.id)
      .where('referral_date', '=', '2025-08-15')
      .executeTakeFirstOrThrow();
    expect(latest).toMatchObject({
      re_referral: true,
      no_further_action: true,
      closed_on: '2025-08-15',
      closure_reason: 'RC8',
    });
  });
});

describe('the front door API: bad input is refused with field paths and nothing is written', async () => {
  const { app, db } = await testServer();

  async function world() {
    const team = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2015-03-27' });
    const browser = await signedInAs(app, team.worker);
    return { ...team, browser };
  }

  const goodReferral = { referralDate: '2025-06-02', source: '2A', primaryNeed: 'N1' };

  it.each([
    ['a referral in the future', { ...goodReferral, referralDate: '2099-01-01' }, 'referralDate'],
    [
      'a referral before the child’s date of birth',
      { ...goodReferral, referralDate: '2015-03-26' },
      'referralDate',
    ],
    ['an unknown referral source', { ...goodReferral, source: '2Z' }, 'source'],
    ['an unknown primary need', { ...goodReferral, primaryNeed: 'N11' }, 'primaryNeed'],
    ['a date that is not a date', { ...goodReferral, referralDate: '2025-02-30' }, 'referralDate'],
  ])('refuses %s', async (_name, body, path) => {
    const { browser, child } = await world();
    const before = await journeyRowCounts(db, child);
    const response = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/referrals`,
      json: body,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { path: string }) => error.path)).toContain(path);
    expect(await journeyRowCounts(db, child)).toEqual(before);
  });

  it('refuses a second open episode', async () => {
    const { browser, child, worker } = await world();
    await anOpenEpisode(db, child, worker);
    const before = await journeyRowCounts(db, child);
    const response = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/referrals`,
      json: { ...goodReferral, referralDate: '2025-07-01' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([
      expect.objectContaining({
        path: 'referralDate',
        message: expect.stringContaining('already has an open episode'),
      }),
    ]);
    expect(await journeyRowCounts(db, child)).toEqual(before);
  });

  it('is backed by the database: a second open episode breaks the partial unique index', async () => {
    const { child, worker } = await world();
    await anOpenEpisode(db, child, worker);
    await expect(anOpenEpisode(db, child, worker, { referralDate: '2025-07-01' })).rejects.toThrow(
      /episodes_one_open_per_child/,
    );
  });

  it('refuses an assessment authorised before it started, and an unknown factor', async () => {
    const { child, worker, manager, browser } = await world();
    const episodeId = await anOpenEpisode(db, child, worker);
    const factor = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/episodes/${episodeId}/assessments`,
      json: { startDate: '2025-06-03', factors: ['3A', '99Z'] },
    });
    expect(factor.statusCode).toBe(400);
    expect(factor.json().errors[0].path).toBe('factors');

    const assessmentId = await anAssessment(db, child, worker, episodeId, { startDate: '2025-06-03' });
    const before = await journeyRowCounts(db, child);
    const managerBrowser = await signedInAs(app, manager);
    const early = await managerBrowser.request({
      method: 'POST',
      url: `/api/children/${child.id}/assessments/${assessmentId}/authorisation`,
      json: { authorisedOn: '2025-06-02', version: 1 },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toEqual([
      {
        path: 'authorisedOn',
        message: 'The date of authorisation must be on or after the assessment started',
      },
    ]);
    expect(await journeyRowCounts(db, child)).toEqual(before);
    const row = await db
      .selectFrom('assessments')
      .select('authorised_on')
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    expect(row.authorised_on).toBeNull();
  });

  it('refuses an unknown reason for closure, and a stale closure with 409 and what changed', async () => {
    const { child, worker, browser } = await world();
    const episodeId = await anOpenEpisode(db, child, worker);
    const url = `/api/children/${child.id}/episodes/${episodeId}/closure`;
    const unknown = await browser.request({
      method: 'POST',
      url,
      json: { closedOn: '2025-07-01', reason: 'RC10', version: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('reason');

    const first = await browser.request({
      method: 'POST',
      url,
      json: { closedOn: '2025-07-01', reason: 'RC7', version: 1 },
    });
    expect(first.json()).toEqual({ version: 2 });
    const before = await journeyRowCounts(db, child);
    const stale = await browser.request({
      method: 'POST',
      url,
      json: { closedOn: '2025-07-02', reason: 'RC8', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(await journeyRowCounts(db, child)).toEqual(before);
    const row = await db
      .selectFrom('episodes')
      .select(['closed_on', 'closure_reason'])
      .where('id', '=', episodeId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ closed_on: '2025-07-01', closure_reason: 'RC7' });
  });

  it('records a contact with its MASH partners through the API', async () => {
    const { child, browser } = await world();
    const response = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/contacts`,
      json: {
        receivedOn: '2025-06-13',
        receivedTime: '09:15',
        source: '6',
        reason: 'Police notification',
        mashPartners: ['Police', 'Health'],
        decision: 'early-help',
        decidedOn: '2025-06-16',
      },
    });
    expect(response.statusCode).toBe(201);
    const row = await db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(row.mash_partners).toEqual(['Police', 'Health']);
    expect(row.received_at.toISOString()).toBe('2025-06-13T08:15:00.000Z');
  });
});
