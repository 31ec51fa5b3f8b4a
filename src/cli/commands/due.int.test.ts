import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { allocate, newChild, newCouncil, newWorker } from '../../../test/support/world.ts';
import { anOpenEpisode } from '../../../test/support/journey.ts';

// The installed command, which keeps Node's compile cache between runs: each process starts in half the time.
const main = new URL('../../../bin/hearth.js', import.meta.url).pathname;
const databaseUrl = `pglite://${mkdtempSync(join(tmpdir(), 'hearth-due-'))}`;

function hearth(args: string[]) {
  return spawnSync(process.execPath, [main, ...args], {
    env: { PATH: process.env.PATH, HEARTH_DATABASE_URL: databaseUrl, HEARTH_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('hearth due and hearth compliance', () => {
  it(
    'lists a worker’s obligations as at a date, and the on-time rates of a year',
    { timeout: 120_000 },
    async () => {
      const db = await openDatabase(databaseUrl);
      await migrate(db);
      const council = await newCouncil(db);
      const worker = await newWorker(db, council, 'social-worker');
      const child = await newChild(db, council, { givenName: 'Nia', familyName: 'Evans' });
      await allocate(db, child, worker, { from: '2025-01-01' });
      // Referred Monday 14 April 2025; no assessment authorised yet.
      await anOpenEpisode(db, child, worker, { referralDate: '2025-04-14' });
      await db.destroy();

      const due = hearth(['due', '--worker', worker.email, '--date', '2025-06-30', '--json']);
      expect(due.status).toBe(0);
      // 45 working days from 14 April 2025 (skipping 18 and 21 April, 5 and 26 May) → Fri 20 June: overdue on 30 June.
      expect(JSON.parse(due.stdout)).toContainEqual(
        expect.objectContaining({
          localId: child.localId,
          kind: 'assessment',
          dueBy: '2025-06-20',
          status: 'overdue',
        }),
      );
      const before = hearth(['due', '--worker', worker.email, '--date', '2025-06-20', '--json']);
      expect(JSON.parse(before.stdout)).toContainEqual(
        expect.objectContaining({ kind: 'assessment', status: 'due' }),
      );

      const year = hearth(['compliance', '--year', '2025', '--json']);
      expect(year.status).toBe(0);
      expect(JSON.parse(year.stdout)).toContainEqual({
        kind: 'assessment',
        due: 1,
        onTime: 0,
        late: 0,
        missed: 1,
        onTimeRate: 0,
      });

      const badDate = hearth(['due', '--worker', worker.email, '--date', '2025-02-30']);
      expect(badDate.status).toBe(2);
      expect(badDate.stderr.trim()).toBe('hearth: "2025-02-30" is not a date: use YYYY-MM-DD.');
    },
  );
});
