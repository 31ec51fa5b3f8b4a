import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { aCaseNote, aTeamWithAnAllocatedChild } from '../../../test/support/journey.ts';
import { signedInAs, testServer } from '../../../test/support/world.ts';

/** Tables a page view may write to: the audit entry it must leave, and the session's last use. */
const writtenByAView = new Set(['audit_log', 'sessions']);

/**
 * A fingerprint of every other table's rows of this council (or the whole table, for one without a council), so
 * that an insert, an update or a delete shows. On PostgreSQL other test files write their own councils meanwhile.
 */
async function fingerprints(db: Database, councilId: string): Promise<Map<string, string>> {
  const tables = await sql<{ name: string; scoped: boolean }>`
    select t.table_name as name, exists (select 1 from information_schema.columns c
      where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'council_id') as scoped
    from information_schema.tables t
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE' order by t.table_name`.execute(db);
  const prints = new Map<string, string>();
  for (const { name, scoped } of tables.rows) {
    if (writtenByAView.has(name)) continue;
    const ours =
      name === 'councils'
        ? sql`where t.id = ${councilId}`
        : scoped
          ? sql`where t.council_id = ${councilId}`
          : sql``;
    const print = await sql<{ print: string | null; rows: number }>`
      select md5(string_agg(t::text, '|' order by t::text)) as print, count(*) as rows
      from ${sql.table(name)} t ${ours}`.execute(db);
    prints.set(name, `${print.rows[0]!.rows}:${print.rows[0]!.print}`);
  }
  return prints;
}

async function auditEntries(db: Database, councilId: string) {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Issue 23's acceptance: viewing a page reads, it does not recompute. My caseload, a child's page and the team
 * views change no record, obligation or status: the audit entry of each view is all they write.
 */
describe('viewing pages writes nothing but their audit entries', async () => {
  const { app, db } = await testServer();

  it('My caseload, a child’s page, team caseloads and the team’s timescales', async () => {
    const { council, team, worker, manager, child } = await aTeamWithAnAllocatedChild(db);
    await aCaseNote(db, worker, [child]);
    const social = await signedInAs(app, worker);
    const managing = await signedInAs(app, manager);
    const views: [typeof social, string][] = [
      [social, '/caseload'],
      [social, `/children/${child.id}`],
      [managing, '/team-caseloads'],
      [managing, `/timescales/teams/${team.id}`],
    ];
    // Each view once first, so that anything a first view would set up is not mistaken for a view's writing.
    for (const [browser, url] of views) expect((await browser.get(url)).statusCode).toBe(200);
    const before = await fingerprints(db, council.id);
    const entriesBefore = await auditEntries(db, council.id);
    for (const [browser, url] of views) expect((await browser.get(url)).statusCode).toBe(200);
    const after = await fingerprints(db, council.id);
    expect(
      [...after].filter(([table, print]) => before.get(table) !== print).map(([table]) => table),
    ).toEqual([]);
    // The pages about children are audited (a team's figures name no child and are not).
    expect(await auditEntries(db, council.id)).toBeGreaterThanOrEqual(entriesBefore + 3);
  });
});
