/**
 * What checking the record's facts against their audit entries costs `hearth audit verify` (issue 22 part 2,
 * ADR 17), at its worst: a council every one of whose facts was written through Hearth. The demo loader writes
 * facts without an actor, so none carry a hash; this benchmark first gives the first council of the database
 * one audit entry per table of the record carrying the hashes of all its versions, current and kept, dated
 * before any of them (as if each had been written through Hearth), then times `hearth audit verify` of it.
 * Run it on a copy of a demo council, never on a council's own database:
 *
 *   node bench/fact-hashes-verify.ts postgres://…/hearth_medium
 *
 * Prints figures; never pass/fail.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { TABLES_WITH_HISTORY } from '../src/db/record-tables.ts';
import { appendAudit } from '../src/platform/audit.ts';
import { verifyAuditTrail } from '../src/modules/audit/service.ts';

const url = process.argv[2];
if (!url) throw new Error('Give the database URL of a copy of a demo council.');
const db = await openDatabase(url);
await migrate(db);
const council = await db.selectFrom('councils').select('id').orderBy('created_at').executeTakeFirstOrThrow();
const longAgo = new Date('2000-01-01T00:00:00Z');

const hashed = await db
  .selectFrom('audit_log')
  .select('seq')
  .where('council_id', '=', council.id)
  .where('facts', 'is not', null)
  .executeTakeFirst();
if (!hashed) {
  const begun = performance.now();
  for (const table of TABLES_WITH_HISTORY) {
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('hearth.written', coalesce((select string_agg(
          ${table} || ' ' || record_version_key(v.version) || ' ' || record_version_hash(v.version), chr(10)) || chr(10)
        from (select to_jsonb(t) as version from ${sql.table(table)} t where t.council_id = ${council.id}
              union all select h.version_row from record_history h
              where h.council_id = ${council.id} and h.table_name = ${table}) v), ''), true)`.execute(trx);
      await appendAudit(
        trx,
        { councilId: council.id, route: 'bench/fact-hashes-verify.ts', now: longAgo },
        { action: 'demo.generated', details: { factsOf: table } },
      );
    });
  }
  console.log(
    `Every fact's hash put in an audit entry: ${((performance.now() - begun) / 1000).toFixed(1)} s`,
  );
}

const begun = performance.now();
const result = await verifyAuditTrail(db, { key: 'a benchmark key', councilId: council.id });
console.log(
  `hearth audit verify of the council: ${((performance.now() - begun) / 1000).toFixed(1)} s; ` +
    `${result.checked} entries, ${result.notes.checked + result.notes.unhashed} case notes, ` +
    `${result.facts.checked} versions of facts checked, ${result.facts.differing.length} differing, ` +
    `${result.breaks.length} breaks`,
);
await db.destroy();
