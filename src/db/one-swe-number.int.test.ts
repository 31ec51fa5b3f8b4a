import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/support/world.ts';
import { migrate, migrationsFolder, readMigrations } from './migrate.ts';

/** The migrations before `version`, in a folder of their own. */
function migrationsBefore(version: number): string {
  const folder = mkdtempSync(join(tmpdir(), 'hearth-migrations-'));
  for (const migration of readMigrations().filter((each) => each.version < version))
    copyFileSync(join(migrationsFolder, migration.name), join(folder, migration.name));
  return folder;
}

describe('migration 0075: one Social Work England number per worker', async () => {
  const { db, close } = await freshDatabase();
  afterAll(close);

  it('moves a number held only in swe_number across, keeps the SSDA903 number, and drops swe_number', async () => {
    await migrate(db, { folder: migrationsBefore(75) });
    const council = uuidv7();
    await sql`insert into councils (id, name) values (${council}, 'Test council')`.execute(db);
    const worker = async (name: string, sweNumber: string | null, ssda903Number: string | null) => {
      const id = uuidv7();
      await sql`insert into workers (council_id, id, given_name, family_name, role, swe_number,
          social_work_england_number)
        values (${council}, ${id}, ${name}, 'Test', 'social-worker', ${sweNumber}, ${ssda903Number})`.execute(
        db,
      );
      return id;
    };
    const onlyWorkforce = await worker('Ann', 'SW100001', null);
    const both = await worker('Ben', 'SW100002', 'SW100003');
    const onlyReturn = await worker('Cal', null, 'SW100004');
    // Dee's swe_number is already Eve's SSDA903 number: the unique index would refuse it, so it is not moved.
    const clash = await worker('Dee', 'SW100005', null);
    await worker('Eve', null, 'SW100005');

    await migrate(db);
    const { rows } = await sql<{ id: string; social_work_england_number: string | null }>`
      select id, social_work_england_number from workers where council_id = ${council}`.execute(db);
    const numbers = Object.fromEntries(rows.map((row) => [row.id, row.social_work_england_number]));
    expect(numbers[onlyWorkforce]).toBe('SW100001');
    expect(numbers[both]).toBe('SW100003');
    expect(numbers[onlyReturn]).toBe('SW100004');
    expect(numbers[clash]).toBeNull();
    const { rows: columns } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_name = 'workers' and column_name = 'swe_number'`.execute(db);
    expect(columns).toEqual([]);
  });
});
