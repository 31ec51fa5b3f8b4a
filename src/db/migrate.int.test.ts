import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/world.ts';
import type { Database } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!();
});

async function emptyDatabase(): Promise<Database> {
  const { db, close } = await freshDatabase();
  opened.push(close);
  return db;
}

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'hearth-migrations-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

async function tableNames(db: Database): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
    db,
  );
  return result.rows.map((row) => row.table_name);
}

describe('migrate', () => {
  it('applies every migration once, recording each with its checksum', async () => {
    const db = await emptyDatabase();
    const first = await migrate(db);
    expect(first.map((migration) => migration.name)).toEqual(
      readMigrations().map((migration) => migration.name),
    );
    expect(await migrate(db)).toEqual([]);
    const recorded = await db.selectFrom('schema_migrations').select(['name', 'checksum']).execute();
    expect(recorded).toEqual(first.map(({ name, checksum }) => ({ name, checksum })));
  });

  it('loads the extensions that name search needs', async () => {
    const db = await emptyDatabase();
    await migrate(db);
    const result = await sql<{ similar: number; smith: string; smyth: string }>`
      select similarity('Mohammed', 'Muhammad') as similar, dmetaphone('Smith') as smith, dmetaphone('Smyth') as smyth`.execute(
      db,
    );
    expect(result.rows[0]!.similar).toBeGreaterThan(0);
    expect(result.rows[0]!.smith).toBe(result.rows[0]!.smyth);
  });

  it('gives every table a council_id but the councils, the migrations and shared reference data', async () => {
    const db = await emptyDatabase();
    await migrate(db);
    const withCouncil = await sql<{ table_name: string }>`
      select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'council_id'`.execute(db);
    const councilTables = new Set(withCouncil.rows.map((row) => row.table_name));
    const without = (await tableNames(db)).filter(
      (table) => !councilTables.has(table) && !['councils', 'schema_migrations', 'postcodes'].includes(table),
    );
    expect(without).toEqual([]);
  });

  it('refuses a migration that was applied and has since been edited', async () => {
    const db = await emptyDatabase();
    const folder = folderWith({ '0001_first.sql': 'create table first_table (id int);' });
    await migrate(db, { folder });
    writeFileSync(join(folder, '0001_first.sql'), 'create table first_table (id bigint);');
    await expect(migrate(db, { folder })).rejects.toThrow(
      /0001_first\.sql was applied .* has since been edited/,
    );
  });

  it('leaves the database exactly as it was when a migration fails part way', async () => {
    const db = await emptyDatabase();
    const folder = folderWith({
      '0001_good.sql': 'create table good_table (id int);',
      '0002_bad.sql':
        'create table half_made (id int);\ninsert into half_made values (1);\nselect * from no_such_table;',
    });
    await expect(migrate(db, { folder })).rejects.toThrow(/0002_bad\.sql failed/);
    expect(await tableNames(db)).toEqual(['good_table', 'schema_migrations']);
    const versions = await db.selectFrom('schema_migrations').select('version').execute();
    expect(versions).toEqual([{ version: 1 }]);
  });
});
