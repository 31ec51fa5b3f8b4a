import { describe, expect, it } from 'vitest';
import { aDfeEndpoint } from '../../../test/support/dfe-endpoint.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { allocate, newChild, signedInAs, testServer, type TestBrowser } from '../../../test/support/world.ts';
import { londonDate } from '../../platform/actor.ts';
import { dfeApiClient } from './client.ts';
import { submissionsOf } from './queries.ts';
import { runDfeApi } from './service.ts';

async function post(browser: TestBrowser, url: string, json: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url, json });
  expect(response.statusCode, response.body).toBe(201);
}

const shortTermFoster = {
  place: 'U6',
  provider: 'PR1',
  postcode: 'DA1 1AA',
  inArea: true,
  unregistered: false,
};

type Document = Record<string, unknown>;
const episodesOf = (document: Document) => document.social_care_episodes as Document[];

describe('the DfE children’s social care API: full documents, then the day’s partial documents and purges', async () => {
  const { app, db } = await testServer();
  const run = (councilId: string, sender?: ReturnType<typeof dfeApiClient>) => {
    const now = new Date();
    return runDfeApi(db, councilId, { now, today: londonDate(now), ...(sender ? { sender } : {}) });
  };

  it('sends every child first, then one partial document after a placement change, then a purge', async () => {
    const {
      council,
      worker,
      child: ruby,
    } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-06-01' });
    await db.updateTable('councils').set({ dfe_code: '886' }).where('id', '=', council.id).execute();
    const sam = await newChild(db, council, { givenName: 'Sam', dateOfBirth: '2012-02-10' });
    await allocate(db, sam, worker);
    // Out of the cohort from the start: no involvement since his episode closed in 2020.
    const old = await newChild(db, council, { givenName: 'Lee', dateOfBirth: '2010-01-01' });
    await anOpenEpisode(db, old, worker, { referralDate: '2019-05-01', closedOn: '2020-01-31' });
    await anOpenEpisode(db, ruby, worker, { referralDate: '2025-12-01' });
    await anOpenEpisode(db, sam, worker, { referralDate: '2026-02-01' });
    const api = `/api/children/${ruby.id}`;
    await post(await signedInAs(app, worker), `${api}/periods-of-care`, {
      startDate: '2026-01-05',
      legalStatus: 'C2',
      ...shortTermFoster,
      categoryOfNeed: 'N1',
    });

    const endpoint = await aDfeEndpoint(council.id);
    // The endpoint is busy, then fails, then takes the batch: the client waits and tries again.
    endpoint.queue = [429, 500];
    const sender = dfeApiClient(endpoint.config, '886', { firstWaitMs: 10 });
    const first = await run(council.id, sender);
    expect(first.cohort).toBe(2);
    expect(first.documents.map((d) => [d.laChildId, d.kind]).sort()).toEqual(
      [
        [ruby.localId, 'full'],
        [sam.localId, 'full'],
      ].sort(),
    );
    expect(endpoint.answered).toEqual([429, 500, 200]);
    expect(endpoint.batches).toHaveLength(1);
    expect(endpoint.batches[0]!.la).toBe('886');
    const rubys = endpoint.batches[0]!.documents.find((d) => d.la_child_id === ruby.localId)!;
    expect(episodesOf(rubys)[0]!.child_looked_after_placements).toEqual([
      expect.objectContaining({
        start_date: '2026-01-05',
        placement_type: 'U6',
        start_reason: 'S',
        purge: false,
      }),
    ]);
    const [submission] = await submissionsOf(db, first.runId);
    expect(submission).toMatchObject({ attempts: 3, status: 200, accepted: true });
    expect(JSON.parse(submission!.response)).toHaveLength(2);

    // Nothing recorded: nothing sent.
    expect((await run(council.id, sender)).documents).toEqual([]);

    await post(await signedInAs(app, worker), `${api}/placements`, {
      startDate: '2026-03-01',
      changeReason: 'CARPL',
      ...shortTermFoster,
      place: 'U4',
      longTermAgreed: true,
    });
    const second = await run(council.id, sender);
    expect(second.documents).toHaveLength(1);
    expect(second.documents[0]).toMatchObject({ childId: ruby.id, kind: 'partial' });
    const partial = endpoint.batches.at(-1)!.documents;
    expect(partial).toHaveLength(1);
    const [placements] = episodesOf(partial[0]!).map((episode) => episode.child_looked_after_placements);
    expect(placements).toEqual([
      expect.objectContaining({ end_date: '2026-03-01', end_reason: 'X1', purge: false }),
      expect.objectContaining({ start_date: '2026-03-01', placement_type: 'U4', start_reason: 'P' }),
    ]);
    expect(episodesOf(partial[0]!)[0]).not.toHaveProperty('referral_date');

    // Sam's date of birth is corrected: 26 before the window began, he leaves the cohort.
    const browser = await signedInAs(app, worker);
    const patched = await browser.request({
      method: 'PATCH',
      url: `/api/children/${sam.id}`,
      json: {
        version: 1,
        givenName: 'Sam',
        familyName: 'Taylor',
        dateOfBirth: '1996-02-10',
        reason: 'Corrected',
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const third = await run(council.id, sender);
    expect(third.documents.map((d) => d.kind)).toEqual(['purge']);
    expect(endpoint.batches.at(-1)!.documents).toEqual([
      { la_child_id: sam.localId, mis_child_id: sam.id, purge: true },
    ]);
    expect((await run(council.id, sender)).documents).toEqual([]);
  });

  it('makes again the documents the endpoint did not take, and sends them on the next run', async () => {
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db);
    await anOpenEpisode(db, child, worker, { referralDate: '2026-01-10' });
    const endpoint = await aDfeEndpoint(council.id);
    endpoint.queue = [400];
    const sender = dfeApiClient(endpoint.config, '886', { firstWaitMs: 10 });
    const refused = await run(council.id, sender);
    expect(refused.undelivered).toEqual([child.id]);
    expect(await submissionsOf(db, refused.runId)).toMatchObject([
      { accepted: false, status: 400, attempts: 1 },
    ]);
    const again = await run(council.id, sender);
    expect(again.documents).toMatchObject([{ childId: child.id, kind: 'full' }]);
    expect(again.undelivered).toEqual([]);
  });

  it('asks for a fresh token once when the endpoint refuses the one it has', async () => {
    const { council } = await aTeamWithAnAllocatedChild(db);
    const endpoint = await aDfeEndpoint(council.id);
    const sender = dfeApiClient(endpoint.config, '886', { firstWaitMs: 10 });
    expect(await sender.submit([{ la_child_id: 'A', mis_child_id: 'B', purge: true }])).toMatchObject({
      accepted: true,
    });
    endpoint.revokeTokens();
    expect(await sender.submit([{ la_child_id: 'A', mis_child_id: 'B', purge: true }])).toMatchObject({
      accepted: true,
      attempts: 2,
    });
    expect(endpoint.tokensIssued).toBe(2);
  });
});
