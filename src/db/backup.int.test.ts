import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild } from '../../test/support/journey.ts';
import { freshDatabase, signedInAs } from '../../test/support/world.ts';
import { buildHearth } from '../app.ts';
import { loadTestConfig } from '../platform/config.ts';
import { verifyAuditChain } from '../platform/audit.ts';
import { BackupError, restoreBackup, writeBackup } from './backup.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

const folder = mkdtempSync(join(tmpdir(), 'hearth-backup-'));

/** Every row of every table but the sessions, as text, in a fixed order: two databases compare equal or not. */
async function everyRow(db: Database): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema()
      and tablename not in ('sessions', 'schema_migrations') order by 1`.execute(db);
  const rows: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const result = await sql<{ row: string }>`
      select row_to_json(t)::text as row from ${sql.table(name)} t order by 1`.execute(db);
    rows[name] = result.rows.map(({ row }) => row);
  }
  return rows;
}

async function emptyMigrated() {
  const fresh = await freshDatabase();
  afterAll(() => fresh.close());
  await migrate(fresh.db);
  return fresh.db;
}

describe('hearth backup and restore', { timeout: 120_000 }, async () => {
  const source = await emptyMigrated();
  const app = await buildHearth({ config: loadTestConfig(), db: source });
  await app.ready();
  afterAll(() => app.close());

  // A council with audited reads and writes, a corrected case note (a row that refers to a row of its own
  // table), and text a careless dump would break: a new line, an apostrophe, accents, a quotation mark.
  const { worker, child } = await aTeamWithAnAllocatedChild(source, {
    givenName: 'Zoë',
    familyName: "O'Brien",
  });
  const browser = await signedInAs(app, worker);
  const note = {
    kind: 'visit',
    'occurredOn-day': '3',
    'occurredOn-month': '6',
    'occurredOn-year': '2025',
    title: 'Home visit',
    body: 'Saw Zoë alone.\nShe said "it\'s better now" and showed me her drawings.',
  };
  await browser.post(`/children/${child.id}/notes/new`, note);
  const original = await source.selectFrom('case_notes').select('id').executeTakeFirstOrThrow();
  await browser.post(`/children/${child.id}/notes/new`, {
    ...note,
    correctsNoteId: original.id,
    correctionReason: 'The date was wrong',
    'occurredOn-day': '4',
  });
  await browser.get(`/children/${child.id}`);

  const file = join(folder, 'council.hearth-backup');
  const summary = await writeBackup(source, file);

  it('restores every row of every table into an empty database, with the audit trail intact', async () => {
    expect(summary.tables.case_notes).toBe(2);
    expect(summary.tables.audit_log).toBeGreaterThan(3);
    const target = await emptyMigrated();
    const restored = await restoreBackup(target, file);
    expect(restored.tables).toEqual(summary.tables);
    expect(await everyRow(target)).toEqual(await everyRow(source));
    const audit = await verifyAuditChain(target);
    expect(audit.breaks).toEqual([]);
    expect(audit.checked).toBe(summary.tables.audit_log);
    // The child is found by name in the restored database as before.
    const found = await sql`select name from child_search_names where search_name = 'zoe'`.execute(target);
    expect(found.rows).toHaveLength(1);
  });

  it('refuses a database that is not empty, and writes nothing to it', async () => {
    const before = await everyRow(source);
    await expect(restoreBackup(source, file)).rejects.toThrow(/not empty/);
    expect(await everyRow(source)).toEqual(before);
  });

  it('refuses a file cut off or altered, leaving the database empty', async () => {
    const whole = readFileSync(file);
    const cut = join(folder, 'cut.hearth-backup');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const altered = join(folder, 'altered.hearth-backup');
    writeFileSync(altered, gzipSync(gunzipSync(whole).toString('utf8').replace('Home visit', 'Home visiT')));
    const withoutEnd = join(folder, 'without-end.hearth-backup');
    const lines = gunzipSync(whole).toString('utf8').trimEnd().split('\n');
    writeFileSync(withoutEnd, gzipSync(`${lines.slice(0, -1).join('\n')}\n`));

    const target = await emptyMigrated();
    for (const [damaged, problem] of [
      [cut, /damaged or cut off/],
      [altered, /altered/],
      [withoutEnd, /incomplete/],
      [join(folder, 'council.hearth-backup.missing'), /ENOENT/],
    ] as const) {
      const refusal = await restoreBackup(target, damaged).catch((error: unknown) => error);
      expect(refusal, String(damaged)).toBeInstanceOf(Error);
      expect(String(refusal)).toMatch(problem);
      if (problem.source !== 'ENOENT') expect(refusal).toBeInstanceOf(BackupError);
      const councils = await target.selectFrom('councils').select('id').execute();
      expect(councils).toEqual([]);
    }
  });
});
