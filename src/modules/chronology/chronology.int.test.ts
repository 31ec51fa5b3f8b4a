import { describe, expect, it } from 'vitest';
import {
  aCaseNote,
  aTeamWithAnAllocatedChild,
  anAssessment,
  anOpenEpisode,
} from '../../../test/support/journey.ts';
import { signedInAs, testServer } from '../../../test/support/world.ts';

describe('the chronology', async () => {
  const { app, db } = await testServer();

  it('lists every dated event newest first, filters by kind and prints without the filters', async () => {
    const { worker, child } = await aTeamWithAnAllocatedChild(db);
    const browser = await signedInAs(app, worker);
    await browser.get(`/children/${child.id}/notes/new`);
    await browser.request({
      method: 'POST',
      url: `/api/children/${child.id}/contacts`,
      json: {
        receivedOn: '2025-05-30',
        receivedTime: '23:30',
        source: '6',
        reason: 'Police',
        decision: 'referral',
        decidedOn: '2025-06-02',
      },
    });
    const episodeId = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    await anAssessment(db, child, worker, episodeId, { startDate: '2025-06-03' });
    await aCaseNote(db, worker, [child], { title: 'First home visit' });

    const all = await browser.get(`/api/children/${child.id}/chronology`);
    expect(all.json().map((event: { on: string; kind: string }) => `${event.on} ${event.kind}`)).toEqual([
      '2025-06-03 assessment',
      '2025-06-03 note',
      '2025-06-02 referral',
      // 23:30 in London on 30 May is 22:30 UTC: the contact is dated by London's calendar.
      '2025-05-30 contact',
      '2020-01-01 allocation',
    ]);
    const notes = await browser.get(`/api/children/${child.id}/chronology?kind=note&kind=referral`);
    expect(notes.json().map((event: { kind: string }) => event.kind)).toEqual(['note', 'referral']);

    const page = await browser.get(`/children/${child.id}/chronology?kind=note`);
    expect(page.body).toContain('First home visit');
    expect(page.body).not.toContain('Assessment started');
    expect(page.body).toContain('print=yes');
    const printable = await browser.get(`/children/${child.id}/chronology?kind=note&print=yes`);
    expect(printable.body).not.toContain('Show only');
    expect(printable.body).toContain('First home visit');
  });
});
