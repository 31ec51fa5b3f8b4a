import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { signedInAs, testServer, type TestBrowser } from '../../../test/support/world.ts';
import { readRecords } from './service.ts';

async function post(browser: TestBrowser, url: string, json: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url, json });
  return { status: response.statusCode, body: response.json() };
}

const foster = { place: 'U6', provider: 'PR1', postcode: 'DA1 1AA', inArea: true, unregistered: false };

describe('the record as it stood on a date, as Hearth knew it at a time (issue 16)', async () => {
  let now = new Date('2026-01-05T10:00:00Z');
  const { app, db } = await testServer({ clock: () => now });

  it('keeps the placement known on 9 May for 31 March after a change recorded on 10 May with effect from 1 March', async () => {
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-06-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-12-01' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    const started = await post(browser, `${api}/periods-of-care`, {
      startDate: '2026-01-05',
      legalStatus: 'C2',
      ...foster,
    });
    expect(started.status).toBe(201);

    now = new Date('2026-05-10T09:30:00Z');
    const again = await signedInAs(app, worker);
    const changed = await post(again, `${api}/placements`, {
      startDate: '2026-03-01',
      changeReason: 'CHILD',
      ...foster,
      place: 'K2',
      provider: 'PR3',
    });
    expect(changed.status).toBe(201);

    const placementsAt = async (knownAt?: Date) => {
      const records = await readRecords(
        db,
        council.id,
        { childIds: [child.id] },
        {
          asAt: '2026-03-31',
          ...(knownAt ? { knownAt } : {}),
        },
      );
      return records.get(child.id)!.placements.map((placement) => ({
        place: placement.place,
        from: placement.start_date,
        to: placement.end_date,
      }));
    };
    expect(await placementsAt(new Date('2026-05-09T23:00:00Z'))).toEqual([
      { place: 'U6', from: '2026-01-05', to: null },
    ]);
    expect(await placementsAt()).toEqual([
      { place: 'U6', from: '2026-01-05', to: '2026-03-01' },
      { place: 'K2', from: '2026-03-01', to: null },
    ]);
    // Known before anything was recorded, the child had no placement at all.
    expect(await placementsAt(new Date('2026-01-04T12:00:00Z'))).toEqual([]);

    // The chronology, read through the same reader, shows both placements, the later marked as a correction.
    const chronology = (await again.get(`${api}/chronology?kind=care&order=oldest`)).json() as Array<{
      on: string;
      title: string;
      author: string | null;
      correction: string | null;
    }>;
    const began = chronology.filter((event) => event.title.startsWith('Placement began'));
    expect(began.map((event) => [event.on, event.title, event.correction])).toEqual([
      ['2026-01-05', expect.stringContaining('(U6)'), null],
      [
        '2026-03-01',
        expect.stringContaining('(K2)'),
        'A correction, recorded on 10 May 2026 by Priya social-worker with effect from 1 March 2026.',
      ],
    ]);
  });

  it('refuses a placement dated in the future, writing nothing', async () => {
    now = new Date('2026-05-10T09:30:00Z');
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-06-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-12-01' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    await post(browser, `${api}/periods-of-care`, { startDate: '2026-01-05', legalStatus: 'C2', ...foster });
    const future = await post(browser, `${api}/placements`, {
      startDate: '2026-06-01',
      changeReason: 'CHILD',
      ...foster,
    });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((error: { path: string }) => error.path)).toContain('startDate');
    const records = await readRecords(
      db,
      worker.council.id,
      { childIds: [child.id] },
      { asAt: '2026-12-31' },
    );
    expect(records.get(child.id)!.placements).toHaveLength(1);
  });
});
