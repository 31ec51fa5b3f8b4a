import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { hearthOn } from '../../../test/support/cli.ts';
import { anOpenEpisode } from '../../../test/support/journey.ts';
import { allocate, newChild, newCouncil, newWorker } from '../../../test/support/world.ts';

const folder = mkdtempSync(join(tmpdir(), 'hearth-dfe-api-'));
const hearth = hearthOn(`pglite://${folder}/db`);

describe('hearth export dfe-api (issue 19, part 4)', () => {
  it(
    'writes a document per child of the cohort, then nothing when nothing changed',
    { timeout: 900_000 },
    async () => {
      const db = await openDatabase(`pglite://${folder}/db`);
      await migrate(db);
      const council = await newCouncil(db);
      const worker = await newWorker(db, council, 'social-worker');
      const ada = await newChild(db, council, { givenName: 'Ada' });
      await allocate(db, ada, worker);
      await anOpenEpisode(db, ada, worker, { referralDate: '2026-01-12' });
      await db.destroy();

      const first = hearth(['export', 'dfe-api', '--out', join(folder, 'first'), '--json']);
      expect(first.status, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({
        cohort: 1,
        full: 1,
        partial: 0,
        purge: 0,
        sent: false,
      });
      const [file] = readdirSync(join(folder, 'first'));
      expect(file).toMatch(new RegExp(`^${ada.localId}-.*\\.json$`));
      const document = JSON.parse(readFileSync(join(folder, 'first', file!), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(document).toMatchObject({ la_child_id: ada.localId, mis_child_id: ada.id, purge: false });

      const second = hearth(['export', 'dfe-api', '--out', join(folder, 'second'), '--json']);
      expect(second.status, second.stderr).toBe(0);
      expect(JSON.parse(second.stdout)).toMatchObject({ cohort: 1, full: 0, partial: 0, unchanged: 0 });

      const refused = hearth(['export', 'dfe-api', '--out', join(folder, 'third'), '--send']);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('HEARTH_DFE_API_');
    },
  );
});
