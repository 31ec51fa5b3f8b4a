import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { embeddedSnapshot, engineOf } from '../../src/db/database.ts';
import { migrate } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding a migrated embedded database, for each test file to load (issue 22, part 9). */
    migratedSnapshot: string | undefined;
  }
}

/**
 * Vitest's global set-up for the tests that use the test database: on PGlite, one migrated database is made and
 * dumped once per run, and each test file loads it (about a second) instead of creating and migrating its own
 * (about four). On PostgreSQL the files share the one database they are given, migrated once, so nothing is needed.
 */
export default async function setup(project: TestProject) {
  if (engineOf(process.env.HEARTH_TEST_DATABASE_URL || 'memory://') !== 'pglite') {
    project.provide('migratedSnapshot', undefined);
    return;
  }
  const file = join(tmpdir(), `hearth-migrated-${process.pid}-${project.name}.tar`);
  const snapshot = await embeddedSnapshot(async (db) => {
    await migrate(db);
  });
  writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('migratedSnapshot', file);
  return () => rmSync(file, { force: true });
}
