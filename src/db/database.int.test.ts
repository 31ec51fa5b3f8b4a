import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testDatabaseUrl, testEngine } from '../../test/support/world.ts';
import { openDatabase } from './database.ts';

describe('the embedded database on disk', () => {
  it('is opened by one process at a time, and free again once closed', async () => {
    const url = `pglite://${join(mkdtempSync(join(tmpdir(), 'hearth-lock-')), 'hearth')}`;
    const db = await openDatabase(url);
    const second = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import('${new URL('./database.ts', import.meta.url).pathname}').then((m) => m.openDatabase('${url}'))`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain(`is in use by process ${process.pid}`);
    await db.destroy();
    const again = await openDatabase(url);
    await again.destroy();
  });
});

describe('a PostgreSQL server', () => {
  it.runIf(testEngine === 'postgres')('is asked to plan without JIT compilation', async () => {
    const db = await openDatabase(testDatabaseUrl);
    const setting = await sql<{ jit: string }>`show jit`.execute(db);
    expect(setting.rows[0]!.jit).toBe('off');
    await db.destroy();
  });
});
