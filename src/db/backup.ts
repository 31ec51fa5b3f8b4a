import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { readMigrations } from './migrate.ts';

/**
 * Backup and restore (issue 22, part 6). A backup is one gzip file of JSON lines: a header naming the schema
 * (the migrations applied, with their checksums), then each table's rows as PostgreSQL writes them with
 * `row_to_json`, then a trailer with every table's row count and a SHA-256 of all the lines before it, so that a
 * truncated or altered file is refused rather than half restored. The rows are read in one REPEATABLE READ
 * transaction, so the backup is the database as it stood at one instant while Hearth goes on writing (on
 * PostgreSQL; an embedded database is held by one process, so it is backed up by that process or while stopped).
 * The same SQL runs on both engines, and a backup made on one restores on the other.
 */

/** Not backed up: sessions are sign-ins, which a restore ends, and their tokens have no place in a file. */
const notBackedUp = new Set(['sessions', 'schema_migrations']);

/**
 * Filled by triggers as other tables are restored: restored last, in place of what the triggers made. A child's
 * search names also keep names the child no longer has (former names stay searchable); the workforce measures'
 * generation is the one the kept figures were worked out at (migration 0085).
 */
const madeByTriggers = ['child_search_names', 'workforce_measure_inputs'];

const FORMAT = 'hearth-backup';
const FORMAT_VERSION = 1;
const FETCH_ROWS = 2000;
const INSERT_BYTES = 1 << 20;

export interface BackupSummary {
  takenAt: string;
  tables: Record<string, number>;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

interface Header {
  format: typeof FORMAT;
  formatVersion: number;
  takenAt: string;
  migrations: { version: number; checksum: string }[];
}

interface Trailer {
  tables: Record<string, number>;
  sha256: string;
}

/** Writes a consistent backup of the whole database to `file`. */
export async function writeBackup(
  db: Database,
  file: string,
  options: { onTable?: (table: string, rows: number) => void } = {},
): Promise<BackupSummary> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const takenAt = (await sql<{ now: string }>`select now()::text as now`.execute(trx)).rows[0]!.now;
      const migrations = (
        await sql<{ version: number; checksum: string }>`
          select version, checksum from schema_migrations order by version`.execute(trx)
      ).rows;
      const tables = await tablesInLoadOrder(trx);
      const counts: Record<string, number> = {};
      const digest = createHash('sha256');
      async function* lines(): AsyncGenerator<string> {
        const line = (value: string) => {
          digest.update(value);
          return `${value}\n`;
        };
        const header: Header = { format: FORMAT, formatVersion: FORMAT_VERSION, takenAt, migrations };
        yield line(JSON.stringify(header));
        for (const table of tables) {
          yield line(JSON.stringify(['table', table]));
          counts[table] = 0;
          for await (const row of rowsOf(trx, table)) {
            counts[table] = (counts[table] ?? 0) + 1;
            yield line(row);
          }
          options.onTable?.(table, counts[table]);
        }
        const trailer: Trailer = { tables: counts, sha256: digest.digest('hex') };
        yield `${JSON.stringify(['end', trailer])}\n`;
      }
      await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file));
      return { takenAt, tables: counts };
    });
}

/** Each row of a table as JSON text, in primary key order (so a correction follows the note it corrects). */
async function* rowsOf(trx: Database, table: string): AsyncGenerator<string> {
  const order = await primaryKeyOf(trx, table);
  const cursor = `backup_${table}`;
  await sql`declare ${sql.id(cursor)} no scroll cursor for
    select row_to_json(t)::text as row from ${sql.table(table)} t
    order by ${order.length > 0 ? sql.join(order.map((column) => sql.ref(`t.${column}`))) : sql`row_to_json(t)::text`}`.execute(
    trx,
  );
  for (;;) {
    const batch = (
      await sql<{ row: string }>`fetch ${sql.lit(FETCH_ROWS)} from ${sql.id(cursor)}`.execute(trx)
    ).rows;
    for (const { row } of batch) yield row;
    if (batch.length < FETCH_ROWS) break;
  }
  await sql`close ${sql.id(cursor)}`.execute(trx);
}

/**
 * Restores a backup into an empty database, after bringing its schema to the backup's (which must be this
 * Hearth's: a backup from another version is restored with that version, then upgraded). One transaction: a
 * file that turns out to be incomplete or altered leaves the database as empty as it was.
 */
export async function restoreBackup(
  db: Database,
  file: string,
  options: { onTable?: (table: string, rows: number) => void } = {},
): Promise<BackupSummary> {
  const expected = readMigrations().map(({ version, checksum }) => ({ version, checksum }));
  return db.transaction().execute(async (trx) => {
    const councils = await sql<{ n: number }>`select count(*)::int as n from councils`.execute(trx);
    if (councils.rows[0]!.n > 0)
      throw new BackupError('The database is not empty: restore into a new database.');
    const digest = createHash('sha256');
    const unzipped = createGunzip();
    // A file that cannot be read fails the restore like a damaged one (pipe would leave the error unheard).
    const compressed = createReadStream(file).on('error', (error) => unzipped.destroy(error));
    const input = createInterface({ input: compressed.pipe(unzipped), crlfDelay: Infinity });
    let header: Header | undefined;
    let trailer: Trailer | undefined;
    let table: string | undefined;
    let batch: string[] = [];
    let batchBytes = 0;
    const counts: Record<string, number> = {};
    const flush = async () => {
      if (!table || batch.length === 0) return;
      await sql`insert into ${sql.table(table)}
        select * from json_populate_recordset(null::${sql.table(table)}, ${`[${batch.join(',')}]`}::json)`.execute(
        trx,
      );
      batch = [];
      batchBytes = 0;
    };
    try {
      for await (const line of input) {
        if (trailer) throw new BackupError('The backup has lines after its end.');
        if (!header) {
          header = parseHeader(line, expected);
          digest.update(line);
          continue;
        }
        // Rows are JSON objects; the lines that mark a table and the end are arrays.
        if (line.startsWith('["table",')) {
          await flush();
          if (table) options.onTable?.(table, counts[table]!);
          table = (JSON.parse(line) as [string, string])[1];
          counts[table] = 0;
          // What a trigger made from rows already restored gives way to the backup's own rows.
          if (madeByTriggers.includes(table)) await sql`delete from ${sql.table(table)}`.execute(trx);
        } else if (line.startsWith('["end",')) {
          await flush();
          if (table) options.onTable?.(table, counts[table]!);
          trailer = (JSON.parse(line) as [string, Trailer])[1];
          continue;
        } else {
          if (!table || !line.startsWith('{'))
            throw new BackupError('The backup has a line Hearth cannot read.');
          batch.push(line);
          batchBytes += line.length;
          counts[table] = (counts[table] ?? 0) + 1;
          if (batchBytes >= INSERT_BYTES) await flush();
        }
        digest.update(line);
      }
    } catch (error) {
      if (error instanceof BackupError) throw error;
      // zlib's errors (Z_BUF_ERROR for a cut-off file, Z_DATA_ERROR for a damaged one) mean the file, not Hearth.
      if (String((error as { code?: unknown }).code ?? '').startsWith('Z_'))
        throw new BackupError(`The backup file is damaged or cut off (${(error as Error).message}).`);
      throw error;
    }
    if (!header) throw new BackupError('The file is empty: it is not a Hearth backup.');
    if (!trailer) throw new BackupError('The backup is incomplete: it ends before its last table.');
    if (trailer.sha256 !== digest.digest('hex'))
      throw new BackupError('The backup has been altered: its checksum does not match its contents.');
    for (const [name, rows] of Object.entries(trailer.tables)) {
      if (counts[name] !== rows)
        throw new BackupError(
          `The backup's ${name} table should have ${rows} rows and has ${counts[name] ?? 0}.`,
        );
    }
    return { takenAt: header.takenAt, tables: counts };
  });
}

function parseHeader(line: string, expected: { version: number; checksum: string }[]): Header {
  let header: Partial<Header>;
  try {
    header = JSON.parse(line) as Partial<Header>;
  } catch {
    throw new BackupError('The file is not a Hearth backup.');
  }
  if (header.format !== FORMAT) throw new BackupError('The file is not a Hearth backup.');
  if (header.formatVersion !== FORMAT_VERSION)
    throw new BackupError(
      `The backup's format (version ${header.formatVersion}) is not one this Hearth reads.`,
    );
  const theirs = JSON.stringify(header.migrations ?? []);
  if (theirs !== JSON.stringify(expected)) {
    const last = header.migrations?.at(-1)?.version ?? 0;
    throw new BackupError(
      `The backup was made by a Hearth whose database is at migration ${last}, and this Hearth's is at ` +
        `${expected.at(-1)?.version ?? 0}: restore it with the version that made it, then upgrade.`,
    );
  }
  return header as Header;
}

/** The tables to back up, parents before the tables that refer to them, and those made by triggers last. */
async function tablesInLoadOrder(trx: Database): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
      select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(
      trx,
    )
  ).rows
    .map(({ name }) => name)
    .filter((name) => !notBackedUp.has(name));
  const references = (
    await sql<{ child: string; parent: string }>`
      select conrelid::regclass::text as child, confrelid::regclass::text as parent
      from pg_constraint where contype = 'f' and conrelid <> confrelid`.execute(trx)
  ).rows;
  const parentsOf = new Map(tables.map((name) => [name, new Set<string>()]));
  for (const { child, parent } of references) parentsOf.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (name: string) => {
    if (placed.has(name)) return;
    placed.add(name);
    for (const parent of parentsOf.get(name) ?? []) if (parentsOf.has(parent)) place(parent);
    ordered.push(name);
  };
  for (const name of tables) if (!madeByTriggers.includes(name)) place(name);
  return [...ordered, ...madeByTriggers.filter((name) => parentsOf.has(name))];
}

async function primaryKeyOf(trx: Database, table: string): Promise<string[]> {
  const columns = await sql<{ column: string }>`
    select a.attname as column
    from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
    where i.indrelid = ${table}::regclass and i.indisprimary
    order by array_position(i.indkey::int2[], a.attnum)`.execute(trx);
  return columns.rows.map(({ column }) => column);
}
