import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The installed command, which keeps Node's compile cache between runs: each process starts in half the time.
const main = new URL('../../../bin/hearth.js', import.meta.url).pathname;
// The command line always works on an embedded database of its own here: a separate process cannot share the
// tests' in-memory one, and these commands do not depend on the engine.
const databaseUrl = `pglite://${mkdtempSync(join(tmpdir(), 'hearth-cli-'))}`;

function hearth(args: string[], input?: string) {
  return spawnSync(process.execPath, [main, ...args], {
    env: {
      PATH: process.env.PATH,
      HEARTH_DATABASE_URL: databaseUrl,
      HEARTH_LOG_LEVEL: 'silent',
      HEARTH_DEMO_PASSWORD: 'a demo password for tests',
    },
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
}

describe('hearth user and hearth token', () => {
  // Each step starts a process that opens the embedded database, so this test is given a few minutes.
  it(
    'adds a user, lists users with role and team, and creates a token shown once',
    { timeout: 240_000 },
    async () => {
      expect(hearth(['migrate']).status).toBe(0);
      expect(
        hearth(
          [
            'user',
            'add',
            '--email',
            'x@y.example',
            '--given-name',
            'A',
            '--family-name',
            'B',
            '--role',
            'social-worker',
          ],
          'long enough password',
        ).stderr,
      ).toContain('has no council yet');
      // The starter council that `hearth serve` loads on a first start gives the commands a council to work in.
      const { ensureStarterCouncil } = await import('../../demo/starter.ts');
      const { openDatabase } = await import('../../db/database.ts');
      const db = await openDatabase(databaseUrl);
      await ensureStarterCouncil(db, 'a demo password for tests');
      await db.destroy();

      const weak = hearth(
        [
          'user',
          'add',
          '--email',
          'new.worker@hearthshire.example',
          '--given-name',
          'Nia',
          '--family-name',
          'Jones',
          '--role',
          'social-worker',
          '--team',
          'Assessment team',
        ],
        'password123',
      );
      expect(weak.status).toBe(1);
      expect(weak.stderr).toContain('password: Password must be 12 characters or more');

      const added = hearth(
        [
          'user',
          'add',
          '--email',
          'New.Worker@hearthshire.example',
          '--given-name',
          'Nia',
          '--family-name',
          'Jones',
          '--role',
          'social-worker',
          '--team',
          'Assessment team',
        ],
        'kettle on the hob again\n',
      );
      expect(added.status).toBe(0);

      const listed = hearth(['user', 'list', '--json']);
      expect(listed.status).toBe(0);
      const users = JSON.parse(listed.stdout) as Array<{ email: string; role: string; teams: string[] }>;
      expect(users).toContainEqual(
        expect.objectContaining({
          email: 'new.worker@hearthshire.example',
          role: 'social-worker',
          teams: ['Assessment team'],
        }),
      );
      expect(users.map((user) => user.role).sort()).toEqual(
        expect.arrayContaining(['administrator', 'auditor', 'director', 'team-manager']),
      );

      const token = hearth([
        'token',
        'create',
        '--user',
        'new.worker@hearthshire.example',
        '--name',
        'bridge',
      ]);
      expect(token.status).toBe(0);
      expect(token.stdout.trim()).toMatch(/^hearth_[A-Za-z0-9_-]{43}$/);
      expect(token.stderr).toContain('cannot be shown again');
      expect(
        hearth(['token', 'revoke', '--user', 'new.worker@hearthshire.example', '--name', 'bridge']).status,
      ).toBe(0);
      expect(hearth(['audit', 'verify']).stdout).toMatch(/intact: \d+ entries checked/);
    },
  );
});
