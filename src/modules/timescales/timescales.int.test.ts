import { describe, expect, it } from 'vitest';
import { newWorker, signedInAs, testServer } from '../../../test/support/world.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';

describe('timescales on the record and in the team and service views', async () => {
  // Tuesday 20 May 2025, 10:00 in London.
  const { app, db } = await testServer({ clock: () => new Date('2025-05-20T09:00:00Z') });

  it('shows what is due for a child, why each date is what it is, and counts it for the team', async () => {
    const { worker, manager, child, team, council } = await aTeamWithAnAllocatedChild(db, {
      dateOfBirth: '2016-05-10',
    });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-04-14' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    await browser.request({
      method: 'POST',
      url: `${api}/strategy-discussions`,
      json: { heldOn: '2025-04-17', attendees: 'Police', outcome: 'section-47' },
    });
    // The child in need plan is recorded before the protection plan starts: none may start beside one (issue 17).
    await browser.request({ method: 'POST', url: `${api}/cin-plans`, json: { startDate: '2025-04-22' } });
    await browser.request({
      method: 'POST',
      url: `${api}/initial-conferences`,
      json: { heldOn: '2025-05-06', outcome: 'child-protection-plan', category: 'NEG' },
    });

    const obligations = (await browser.get(`${api}/obligations`)).json() as Array<{
      kind: string;
      dueBy: string;
      status: string;
      skipped: Array<{ date: string }>;
    }>;
    const byKind = (kind: string) => obligations.find((obligation) => obligation.kind === kind)!;
    // 15 working days from Thu 17 April 2025, skipping Good Friday, Easter Monday and 5 May → Tue 13 May; met 6 May.
    expect(byKind('initial-child-protection-conference')).toMatchObject({
      dueBy: '2025-05-13',
      status: 'met',
    });
    expect(byKind('initial-child-protection-conference').skipped.map((skipped) => skipped.date)).toEqual([
      '2025-04-18',
      '2025-04-21',
      '2025-05-05',
    ]);
    // 10 working days from Tue 6 May → Tue 20 May: due today, not yet overdue.
    expect(byKind('first-core-group')).toMatchObject({ dueBy: '2025-05-20', status: 'due' });
    // Child in need visit, 20 working days from Tue 22 April (skipping 5 May) → Wed 21 May.
    expect(byKind('child-in-need-visit')).toMatchObject({ dueBy: '2025-05-21', status: 'due' });

    const page = await browser.get(`/children/${child.id}/timescales`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Early May bank holiday');
    expect(page.body).toContain('Working Together to Safeguard Children 2023');

    const managerBrowser = await signedInAs(app, manager);
    const service = await managerBrowser.get('/timescales');
    expect(service.body).toContain(team.name);
    const teamView = await managerBrowser.get(`/timescales/teams/${team.id}`);
    expect(teamView.statusCode).toBe(200);
    expect(teamView.body).toContain('Priya');
    const due = await managerBrowser.get(`/timescales/children?measure=due-this-week&teamId=${team.id}`);
    expect(due.body).toContain(child.givenName);
    expect(due.body).toContain('First core group');

    const analyst = await signedInAs(app, await newWorker(db, council, 'performance-analyst'));
    const figures = await analyst.get('/timescales');
    expect(figures.statusCode).toBe(200);
    expect(figures.body).not.toContain('/timescales/children?');
    expect(
      (await analyst.get(`/timescales/children?measure=due-this-week&teamId=${team.id}`)).statusCode,
    ).toBe(403);

    const tracker = await managerBrowser.get('/cin-tracker');
    expect(tracker.body).toContain(`${child.givenName} ${child.familyName}`);
    expect(tracker.body).toContain('22 April 2025');
  });

  it('keeps the stored obligations in step with each recording, so the views count at once', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    const referral = await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/referrals`,
      json: { referralDate: '2025-05-12', source: '6', primaryNeed: 'N1' },
    });
    expect(referral.statusCode).toBe(201);
    const stored = await db
      .selectFrom('child_obligations')
      .select(['kind', 'due_by'])
      .where('child_id', '=', child.id)
      .execute();
    // 45 working days from Mon 12 May 2025, skipping Mon 26 May: 13–16 May (4), 19–23 (9), 27–30 (13), six full
    // weeks from 2 June to 11 July (43), 14 July (44), 15 July (45) → Tue 15 July.
    expect(stored).toContainEqual({ kind: 'assessment', due_by: '2025-07-15' });
  });
});
