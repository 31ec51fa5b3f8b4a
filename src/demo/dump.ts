import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { tableOrder } from './write.ts';

/**
 * A canonical dump of what the demo wrote: every table ordered by its primary key, as JSON, hashed with SHA-256.
 * The audit log's `id`, time and hash chain are left out: `appendAudit` gives each entry a fresh random id, the
 * "council loaded" entry carries the real time of loading, and the chain hashes both. Everything else must be
 * the same for the same seed, size, years and date.
 */
export async function canonicalDumpHash(db: Database): Promise<{ sha256: string; rows: number }> {
  const digest = createHash('sha256');
  let rows = 0;
  for (const table of [...tableOrder, 'audit_log']) {
    const keys = await sql<{ column: string }>`
      select a.attname as column from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${table}::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`.execute(
      db,
    );
    const order = sql.join(keys.rows.map((key) => sql.id(key.column)));
    const result = await sql<{
      row: unknown;
    }>`select to_jsonb(t) as row from ${sql.id(table)} t order by ${order}`.execute(db);
    digest.update(`${table}\n`);
    for (const { row } of result.rows) {
      const value = row as Record<string, unknown>;
      if (table === 'audit_log')
        for (const column of ['id', 'at', 'hash', 'previous_hash']) delete value[column];
      digest.update(
        JSON.stringify(
          Object.keys(value)
            .sort()
            .map((column) => [column, value[column]]),
        ),
      );
      digest.update('\n');
      rows++;
    }
  }
  return { sha256: digest.digest('hex'), rows };
}
