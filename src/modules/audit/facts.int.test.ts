import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { buildHearth } from '../../app.ts';
import { migrate } from '../../db/migrate.ts';
import { loadTestConfig } from '../../platform/config.ts';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import {
  freshDatabase,
  newCouncil,
  newWorker,
  signedInAs,
  type TestCouncil,
} from '../../../test/support/world.ts';
import { verifyAuditTrail } from './service.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';

const key = 'a test audit key of more than thirty-two characters';
const placement = { place: 'U6', provider: 'PR1', postcode: 'DA1 1AA', inArea: true, unregistered: false };

/**
 * Issue 22 part 2, ADR 17: each change's audit entry carries the hashes of the facts it wrote, so `hearth audit
 * verify` finds a fact of the record changed or deleted behind Hearth's back, or a kept version rewritten. On a
 * database of its own, whose history triggers the tests switch off as a database administrator could.
 */
describe('hearth audit verify holds the record’s facts to their audit entries', async () => {
  const { db, close } = await freshDatabase();
  await migrate(db);
  const app = await buildHearth({ config: loadTestConfig({ auditKey: key }), db });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await close();
  });
  const verify = (council: TestCouncil) => verifyAuditTrail(db, { key, councilId: council.id });

  /** A child taken into care and moved once, through Hearth: two placements, the first ended and kept. */
  async function aChildMovedOnce() {
    const { council, worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2012-05-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2024-09-02' });
    const browser = await signedInAs(app, worker);
    const api = `/api/children/${child.id}`;
    for (const [path, json] of [
      ['periods-of-care', { startDate: '2024-09-13', legalStatus: 'V2', ...placement }],
      ['placements', { startDate: '2025-01-06', changeReason: 'CREQO', ...placement, place: 'U4' }],
    ] as const) {
      const response = await browser.request({ method: 'POST', url: `${api}/${path}`, json });
      expect(response.statusCode, response.body).toBe(201);
    }
    const placements = await db
      .selectFrom('placements')
      .select(['id', 'start_date'])
      .where('council_id', '=', council.id)
      .orderBy('start_date')
      .execute();
    expect(placements).toHaveLength(2);
    return { council, first: placements[0]!.id, second: placements[1]!.id };
  }

  async function behindTheTriggers(tables: string[], statement: ReturnType<typeof sql>) {
    for (const table of tables) await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
    try {
      await statement.execute(db);
    } finally {
      for (const table of tables) await sql`alter table ${sql.table(table)} enable trigger user`.execute(db);
    }
  }

  it('nothing wrong when the record is as Hearth wrote it, every version written checked', async () => {
    const { council } = await aChildMovedOnce();
    const result = await verify(council);
    expect(result.facts.differing).toEqual([]);
    // The period of care, its legal status, both placements as written and the first's earlier version kept
    // when the move ended it: at least five versions, each matched to the change that wrote it.
    expect(result.facts.checked).toBeGreaterThanOrEqual(5);
  });

  it('a placement’s end date changed by SQL: the history trigger keeps the old version, but no entry wrote the new', async () => {
    const { council, second } = await aChildMovedOnce();
    await sql`update placements set end_date = '2025-03-01' where id = ${second}`.execute(db);
    expect((await verify(council)).facts.differing).toEqual([
      {
        councilId: council.id,
        table: 'placements',
        recordId: second,
        problem: 'it was changed without an audit entry',
      },
    ]);
  });

  it('a placement’s end date changed with the triggers off, keeping its time of recording', async () => {
    const { council, second } = await aChildMovedOnce();
    await behindTheTriggers(
      ['placements'],
      sql`update placements set end_date = '2025-03-01' where id = ${second}`,
    );
    const differing = (await verify(council)).facts.differing;
    expect(differing).toHaveLength(2);
    expect(differing).toContainEqual({
      councilId: council.id,
      table: 'placements',
      recordId: second,
      problem: expect.stringMatching(/^the version audit entry \d+ says was written is no longer there/),
    });
  });

  it('a placement deleted with the triggers off', async () => {
    const { council, second } = await aChildMovedOnce();
    await behindTheTriggers(['placements'], sql`delete from placements where id = ${second}`);
    expect((await verify(council)).facts.differing).toEqual([
      {
        councilId: council.id,
        table: 'placements',
        recordId: second,
        problem: expect.stringMatching(/^it is no longer there, though audit entry \d+ says it was written/),
      },
    ]);
  });

  it('a kept earlier version of a placement rewritten', async () => {
    const { council, first } = await aChildMovedOnce();
    await behindTheTriggers(
      ['record_history'],
      sql`update record_history set version_row = jsonb_set(version_row, '{place}', '"U1"')
        where table_name = 'placements' and record_id = ${first}`,
    );
    const differing = (await verify(council)).facts.differing;
    expect(differing).toContainEqual({
      councilId: council.id,
      table: 'placements',
      recordId: first,
      problem: 'a kept earlier version is not one Hearth wrote: it was rewritten',
    });
    expect(differing).toHaveLength(2);
  });

  it('a kept earlier version deleted', async () => {
    const { council, first } = await aChildMovedOnce();
    await behindTheTriggers(
      ['record_history'],
      sql`delete from record_history where table_name = 'placements' and record_id = ${first}`,
    );
    expect((await verify(council)).facts.differing).toEqual([
      {
        councilId: council.id,
        table: 'placements',
        recordId: first,
        problem: expect.stringMatching(/^the version audit entry \d+ says was written is no longer there/),
      },
    ]);
  });

  it('a change of many rows, as an import makes: every row it wrote is checked, and one changed later is named', async () => {
    const council = await newCouncil(db);
    const worker = await newWorker(db, council, 'administrator');
    const now = new Date();
    const actor = {
      councilId: council.id,
      userId: worker.userId,
      workerId: worker.workerId,
      now,
      route: 'an import',
    } as Actor;
    const people = Array.from({ length: 300 }, () => uuidv7());
    await withTransaction(db, actor, async (trx) => {
      await trx
        .insertInto('people')
        .values(people.map((id) => ({ council_id: council.id, id, given_name: 'Jo', family_name: 'Person' })))
        .execute();
      await appendAudit(trx, auditSource(actor), { action: 'child.updated', details: { people: 300 } });
    });
    expect(await verify(council)).toMatchObject({ facts: { checked: 300, differing: [] } });
    await sql`update people set family_name = 'Someone' where id = ${people[150]!}`.execute(db);
    expect((await verify(council)).facts.differing).toEqual([
      {
        councilId: council.id,
        table: 'people',
        recordId: people[150],
        problem: 'it was changed without an audit entry',
      },
    ]);
  });
});
