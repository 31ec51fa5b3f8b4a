import { mkdtempSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildHearth } from '../../app.ts';
import type { Database } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAuditNow, auditHash } from '../../platform/audit.ts';
import {
  checkpointsFromFile,
  scheduleAuditCheckpoints,
  writeAuditCheckpoints,
} from '../../platform/audit-checkpoints.ts';
import { loadTestConfig } from '../../platform/config.ts';
import {
  allocate,
  freshDatabase,
  newChild,
  newCouncil,
  newWorker,
  type TestCouncil,
} from '../../../test/support/world.ts';
import { recordNote } from '../casenotes/service.ts';
import { verifyAuditTrail } from './service.ts';

const key = 'a test audit key of more than thirty-two characters';
const now = new Date('2026-03-02T09:30:00.000Z');

/**
 * Issue 22 part 2: `hearth audit verify` finds each way a database administrator could quietly rewrite the audit
 * trail, on a database of its own whose append-only triggers the tests switch off as such a person could.
 */
describe('hearth audit verify finds', async () => {
  const { db, close } = await freshDatabase();
  afterAll(close);
  await migrate(db);
  const checkpointFile = join(mkdtempSync(join(tmpdir(), 'hearth-checkpoints-')), 'checkpoints.jsonl');
  const verify = (council: TestCouncil, file: string | null = checkpointFile) =>
    verifyAuditTrail(db, { key, councilId: council.id, checkpointFile: file ?? undefined });

  /** A council with `count` audit entries whose chain's head is signed and exported to the file. */
  async function signedCouncil(count: number): Promise<TestCouncil> {
    const council = await newCouncil(db);
    for (let index = 0; index < count; index += 1) {
      await appendAuditNow(
        db,
        { councilId: council.id, now },
        { action: 'child.viewed', details: { index } },
      );
    }
    const signed = await writeAuditCheckpoints(db, { key, file: checkpointFile, now });
    expect(signed.written.filter((checkpoint) => checkpoint.councilId === council.id)).toHaveLength(1);
    expect(await verify(council)).toMatchObject({ checked: count, breaks: [] });
    return council;
  }

  async function behindTheTriggers(db: Database, statements: ReturnType<typeof sql>[]) {
    const tables = ['audit_log', 'audit_checkpoints', 'case_notes'];
    for (const table of tables) await sql`alter table ${sql.table(table)} disable trigger user`.execute(db);
    try {
      for (const statement of statements) await statement.execute(db);
    } finally {
      for (const table of tables) await sql`alter table ${sql.table(table)} enable trigger user`.execute(db);
    }
  }

  it('(its checkpoints are signed by the server every HEARTH_AUDIT_CHECKPOINT_SECONDS, and as it stops)', async () => {
    const council = await newCouncil(db);
    const file = join(dirname(checkpointFile), 'served.jsonl');
    const config = loadTestConfig({ auditKey: key, auditCheckpointFile: file, auditCheckpointSeconds: 1 });
    const app = await buildHearth({ config, db });
    const stop = scheduleAuditCheckpoints(app);
    const source = { councilId: council.id, now };
    await appendAuditNow(db, source, { action: 'child.viewed' });
    const signedOf = async () =>
      (await checkpointsFromFile(file)).filter((checkpoint) => checkpoint.councilId === council.id);
    await vi.waitFor(async () => expect(await signedOf()).toHaveLength(1), { timeout: 5000, interval: 200 });
    await appendAuditNow(db, source, { action: 'child.viewed' });
    await stop();
    await app.close();
    expect((await signedOf()).map((checkpoint) => checkpoint.seq)).toEqual([1, 2]);
  });

  it('a middle entry changed', async () => {
    const council = await signedCouncil(5);
    await behindTheTriggers(db, [
      sql`update audit_log set action = 'nothing.to.see' where council_id = ${council.id} and seq = 3`,
    ]);
    expect((await verify(council)).breaks).toEqual([
      {
        councilId: council.id,
        seq: 3,
        id: expect.any(String),
        problem: 'its content does not match its hash',
      },
    ]);
  });

  it('the newest entries deleted', async () => {
    const council = await signedCouncil(5);
    await behindTheTriggers(db, [sql`delete from audit_log where council_id = ${council.id} and seq >= 4`]);
    expect((await verify(council)).breaks).toEqual([
      {
        councilId: council.id,
        seq: 4,
        id: null,
        problem: expect.stringMatching(/^entries 4 to 5 are missing: the newest entries were deleted after/),
      },
    ]);
  });

  it('a council’s whole log deleted, with its checkpoints in the database: the exported file still has them', async () => {
    const council = await signedCouncil(3);
    await behindTheTriggers(db, [
      sql`delete from audit_log where council_id = ${council.id}`,
      sql`delete from audit_checkpoints where council_id = ${council.id}`,
    ]);
    expect((await verify(council)).breaks).toEqual([
      {
        councilId: council.id,
        seq: 1,
        id: null,
        problem: expect.stringMatching(
          /^all 3 of the council’s entries are missing: its whole log was deleted/,
        ),
      },
    ]);
    // Without the exported copy, nothing in the database is left to say the log was there.
    expect((await verify(council, null)).breaks).toEqual([]);
  });

  it('an entry rewritten and the chain recomputed after it, which the checkpoint job then refuses to sign', async () => {
    const council = await signedCouncil(5);
    const entries = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('council_id', '=', council.id)
      .orderBy('seq')
      .execute();
    let previousHash = entries[1]!.previous_hash;
    const rewrites = entries.slice(1).map((entry) => {
      const action = entry.seq === 2 ? 'nothing.to.see' : entry.action;
      const hash = auditHash({ ...entry, seq: Number(entry.seq), action, previous_hash: previousHash });
      const statement = sql`update audit_log set action = ${action}, previous_hash = ${previousHash},
        hash = ${hash} where council_id = ${council.id} and seq = ${entry.seq}`;
      previousHash = hash;
      return statement;
    });
    await behindTheTriggers(db, rewrites);

    expect((await verify(council)).breaks).toEqual([
      {
        councilId: council.id,
        seq: 5,
        id: entries[4]!.id,
        problem: expect.stringMatching(
          /^it differs from the checkpoint signed at .*: an entry after entry 0 was rewritten/,
        ),
      },
    ]);
    const signed = await writeAuditCheckpoints(db, { key, file: checkpointFile, now });
    expect(signed.refused.filter((broken) => broken.councilId === council.id)).toHaveLength(1);
  });

  it('a checkpoint not signed with HEARTH_AUDIT_KEY, such as one forged to match a shortened chain', async () => {
    const council = await signedCouncil(2);
    const head = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('council_id', '=', council.id)
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const forged = {
      councilId: council.id,
      seq: 2,
      hash: head.hash,
      at: now.toISOString(),
      signature: 'ab'.repeat(32),
    };
    await appendFile(checkpointFile, `${JSON.stringify(forged)}\n`);
    expect((await verify(council)).breaks).toEqual([
      {
        councilId: council.id,
        seq: 2,
        id: null,
        problem: `the checkpoint of entry 2 at ${forged.at} is not signed with this HEARTH_AUDIT_KEY`,
      },
    ]);
  });

  it('a case note’s body rewritten', async () => {
    const council = await newCouncil(db);
    const worker = await newWorker(db, council, 'social-worker');
    const child = await newChild(db, council);
    await allocate(db, child, worker);
    const actor: Actor = {
      councilId: council.id,
      userId: worker.userId,
      workerId: worker.workerId,
      role: 'social-worker',
      name: 'Sam Worker',
      email: worker.email,
      sessionId: null,
      ip: null,
      route: 'test',
      now,
      today: '2026-03-02',
    };
    const note = {
      kind: 'visit',
      occurredOn: { date: '2026-03-01' },
      title: 'Home visit',
      body: 'Saw Alex at home; Alex was happy.',
      alsoAbout: [],
    };
    const kept = await recordNote(db, actor, child.id, note);
    const rewritten = await recordNote(db, actor, child.id, { ...note, title: 'Second visit' });
    expect((await verify(council)).notes).toEqual({ checked: 2, unhashed: 0, differing: [] });

    await behindTheTriggers(db, [
      sql`update case_notes set body = 'Saw Alex; nothing to note.' where council_id = ${council.id} and id = ${rewritten}`,
    ]);
    const result = await verify(council);
    expect(result.breaks).toEqual([]);
    expect(result.notes).toEqual({
      checked: 1,
      unhashed: 0,
      differing: [{ councilId: council.id, noteId: rewritten, writtenAt: now.toISOString() }],
    });
    expect(kept).not.toBe(rewritten);
  });
});
