import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import {
  freshDatabase,
  newCouncil,
  testDatabase,
  testDatabaseUrl,
  testEngine,
} from '../../test/support/world.ts';
import {
  appendAudit,
  appendAuditNow,
  appendReadAudit,
  sealPendingAuditEntries,
  verifyAuditChain,
} from './audit.ts';

const now = new Date('2026-03-02T09:30:00.000Z');

async function writeEntries(db: Database, councilId: string, count: number) {
  for (let index = 0; index < count; index += 1) {
    await appendAuditNow(
      db,
      { councilId, now },
      { action: 'child.viewed', details: { index, note: 'ä “quoted”' } },
    );
  }
}

describe('the audit log', async () => {
  const db = await testDatabase();
  const council = await newCouncil(db);
  await writeEntries(db, council.id, 3);

  it.each([
    ['UPDATE', sql`update audit_log set action = 'nothing.happened' where council_id = ${council.id}`],
    ['DELETE', sql`delete from audit_log where council_id = ${council.id}`],
    ['TRUNCATE', sql`truncate audit_log`],
  ])('refuses raw SQL %s', async (_statement, statement) => {
    await expect(statement.execute(db)).rejects.toThrow(/append-only/);
    const count = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('council_id', '=', council.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(3);
  });

  it('chains each council’s entries, and the chain verifies', async () => {
    const result = await verifyAuditChain(db, { councilId: council.id });
    expect(result).toEqual({ checked: 3, breaks: [] });
    const entries = await db
      .selectFrom('audit_log')
      .select(['seq', 'hash', 'previous_hash'])
      .where('council_id', '=', council.id)
      .orderBy('seq')
      .execute();
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(entries[1]!.previous_hash).toBe(entries[0]!.hash);
    expect(entries[2]!.previous_hash).toBe(entries[1]!.hash);
  });

  it('keeps the chain whole and in order when many requests append at once, alone and inside changes', async () => {
    const busy = await newCouncil(db, 'Busyshire');
    const source = { councilId: busy.id, now };
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        index % 3 === 0
          ? db.transaction().execute(async (trx) => {
              await appendAudit(trx, source, [
                { action: 'child.updated', details: { index } },
                { action: 'casenote.recorded', details: { index } },
              ]);
            })
          : appendAudit(db, source, { action: 'child.viewed', details: { index } }),
      ),
    );
    expect(await verifyAuditChain(db, { councilId: busy.id })).toEqual({ checked: 32, breaks: [] });
    const actions = await db
      .selectFrom('audit_log')
      .select(['seq', 'action'])
      .where('council_id', '=', busy.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((entry) => entry.seq)).toEqual(Array.from({ length: 32 }, (_, index) => index + 1));
    // A change's two entries are appended together, one after the other.
    const updated = actions.filter((entry) => entry.action === 'child.updated').map((entry) => entry.seq);
    for (const seq of updated) expect(actions[seq]!.action).toBe('casenote.recorded');
  });

  it('chains a read’s entries at once when the council’s lock is free', async () => {
    const quiet = await newCouncil(db, 'Quietshire');
    await appendReadAudit(db, { councilId: quiet.id, now }, [
      { action: 'child.viewed' },
      { action: 'casenote.viewed' },
    ]);
    expect(await verifyAuditChain(db, { councilId: quiet.id })).toEqual({ checked: 2, breaks: [] });
  });

  // PGlite runs one statement at a time, so only PostgreSQL can hold the lock while a read appends.
  it.skipIf(testEngine === 'pglite')(
    'does not make a read wait while a change holds the council’s lock: its entry is sealed into the chain after',
    async () => {
      const busy = await newCouncil(db, 'Queueshire');
      const source = { councilId: busy.id, now };
      await appendAuditNow(db, source, { action: 'child.viewed', details: { order: 1 } });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let lockTaken!: () => void;
      const taken = new Promise<void>((resolve) => (lockTaken = resolve));
      const change = db.transaction().execute(async (trx) => {
        await appendAudit(trx, source, { action: 'child.updated', details: { order: 2 } });
        lockTaken();
        await held;
      });
      await taken;
      const read = appendReadAudit(
        db,
        { ...source, now: new Date(now.getTime() + 1) },
        {
          action: 'child.viewed',
          details: { order: 3 },
        },
      );
      const outcome = await Promise.race([
        read.then(() => 'written'),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 2000)),
      ]);
      release();
      await change;
      expect(outcome).toBe('written');
      const pending = await db
        .selectFrom('audit_pending')
        .select('id')
        .where('council_id', '=', busy.id)
        .execute();
      expect(pending).toHaveLength(1);

      expect(await sealPendingAuditEntries(db)).toBeGreaterThanOrEqual(1);
      expect(await verifyAuditChain(db, { councilId: busy.id })).toEqual({ checked: 3, breaks: [] });
      const chained = await db
        .selectFrom('audit_log')
        .select(['seq', 'details'])
        .where('council_id', '=', busy.id)
        .orderBy('seq')
        .execute();
      expect(chained.map((entry) => entry.details.order)).toEqual([1, 2, 3]);
    },
  );
});

/** A database of its own, whose triggers a test may disable, with the URL a child process can open. */
async function tamperableDatabase(): Promise<{ db: Database; url: string; close: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const url = `pglite://${mkdtempSync(join(tmpdir(), 'hearth-audit-'))}`;
    const db = await openDatabase(url);
    return { db, url, close: () => db.destroy() };
  }
  const fresh = await freshDatabase();
  const url = new URL(testDatabaseUrl);
  const name = (await sql<{ name: string }>`select current_database() as name`.execute(fresh.db)).rows[0]!
    .name;
  url.pathname = `/${name}`;
  return { db: fresh.db, url: url.toString(), close: fresh.close };
}

describe('tamper evidence', async () => {
  const { db, url, close } = await tamperableDatabase();
  afterAll(close);
  await migrate(db);
  const council = await newCouncil(db);
  const otherCouncil = await newCouncil(db, 'Otherton');
  await writeEntries(db, council.id, 5);
  await writeEntries(db, otherCouncil.id, 2);

  function verifyCommand(...args: string[]) {
    return spawnSync(
      process.execPath,
      [new URL('../../bin/hearth.js', import.meta.url).pathname, 'audit', 'verify', ...args],
      {
        env: { PATH: process.env.PATH, HEARTH_DATABASE_URL: url, HEARTH_LOG_LEVEL: 'silent' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
  }

  it('finds the entry changed behind the triggers’ back, and `hearth audit verify` names it and exits 1', async () => {
    await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(db);
    await sql`update audit_log set action = 'nothing.to.see' where council_id = ${council.id} and seq = 4`.execute(
      db,
    );
    await sql`alter table audit_log enable trigger audit_log_no_update_or_delete`.execute(db);

    const result = await verifyAuditChain(db);
    expect(result.breaks).toEqual([
      {
        councilId: council.id,
        seq: 4,
        id: expect.any(String),
        problem: 'its content does not match its hash',
      },
    ]);
    const brokenId = result.breaks[0]!.id;

    await db.destroy().catch(() => undefined);
    const run = verifyCommand();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`council ${council.id}, entry 4 (id ${brokenId})`);
    const otherOnly = verifyCommand('--council', otherCouncil.id);
    expect(otherOnly.status).toBe(0);
    expect(otherOnly.stdout).toContain('intact: 2 entries checked');
  });
});

describe('tamper evidence: removed entries', async () => {
  const { db, close } = await freshDatabase();
  afterAll(close);
  await migrate(db);
  const council = await newCouncil(db);
  await writeEntries(db, council.id, 4);

  it('finds a gap where an entry was deleted', async () => {
    await sql`alter table audit_log disable trigger audit_log_no_update_or_delete`.execute(db);
    await sql`delete from audit_log where council_id = ${council.id} and seq = 2`.execute(db);
    await sql`alter table audit_log enable trigger audit_log_no_update_or_delete`.execute(db);
    const result = await verifyAuditChain(db, { councilId: council.id });
    expect(result.breaks).toEqual([
      { councilId: council.id, seq: 3, id: expect.any(String), problem: 'entries 2 to 2 are missing' },
    ]);
  });
});
