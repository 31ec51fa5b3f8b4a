import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { INDICATORS } from '../../domain/indicators/index.ts';
import { shownValue } from '../../modules/performance/views/figure-words.ts';
import { escapeHtml } from '../../platform/views.ts';
import { allocate, newChild, newCouncil, newWorker } from '../../../test/support/world.ts';
import { anOpenEpisode } from '../../../test/support/journey.ts';
import { hearthOn } from '../../../test/support/cli.ts';

const folder = mkdtempSync(join(tmpdir(), 'hearth-report-'));
const hearth = hearthOn(`pglite://${folder}/db`);

interface Printed {
  id: string;
  numerator: number;
  denominator: number | null;
  value: number | null;
}

/** The value and what it stands on, as the report's table of its theme prints them for a figure. */
function reportRow(html: string, title: string): { value: string; detail: string } {
  const row = new RegExp(
    `<th scope="row" class="govuk-table__header">${escapeHtml(title).replace(/[()]/g, '\\$&')}</th>\\s*<td[^>]*>([^<]*)</td>\\s*<td[^>]*>([^<]*)</td>`,
  ).exec(html);
  if (!row) throw new Error(`The report has no row for ${title}`);
  return { value: row[1]!, detail: row[2]! };
}

describe('hearth report (issue 20, part 5)', () => {
  it(
    'writes the report on a year and on a quarter with the numbers hearth indicators prints for them',
    { timeout: 900_000 },
    async () => {
      const db = await openDatabase(`pglite://${folder}/db`);
      await migrate(db);
      const council = await newCouncil(db);
      const worker = await newWorker(db, council, 'social-worker');
      // Two children referred in 2025–26, one twice within 12 months (a re-referral), one in Q1.
      const [ada, bea] = [await newChild(db, council), await newChild(db, council)];
      await allocate(db, ada, worker, { from: '2025-01-01' });
      await allocate(db, bea, worker, { from: '2025-01-01' });
      await anOpenEpisode(db, ada, worker, { referralDate: '2025-04-14', closedOn: '2025-05-30' });
      await anOpenEpisode(db, ada, worker, { referralDate: '2025-09-01' });
      await anOpenEpisode(db, bea, worker, { referralDate: '2025-06-02' });
      await db.destroy();

      for (const [command, period, indicatorArgs] of [
        ['annual', ['--year', '2025'], ['--year', '2025']],
        ['quarter', ['--quarter', '2025-Q1'], ['--quarter', '2025-Q1']],
      ] as const) {
        const printed = hearth(['indicators', ...indicatorArgs, '--json']);
        expect(printed.status).toBe(0);
        const figures = JSON.parse(printed.stdout) as Printed[];
        const out = join(folder, `${command}.html`);
        const written = hearth(['report', command, ...period, '--format', 'html', '--out', out]);
        expect(written.stderr).toBe('');
        expect(written.status).toBe(0);
        const html = readFileSync(out, 'utf8');
        for (const definition of INDICATORS) {
          const figure = figures.find((candidate) => candidate.id === definition.id)!;
          const row = reportRow(html, definition.title);
          expect(row.value, definition.id).toBe(shownValue(definition, figure.value));
          if (definition.kind === 'percentage' && figure.value === null)
            expect(row.detail, definition.id).toBe('Nothing to count');
          else if (definition.kind === 'percentage')
            expect(row.detail, definition.id).toBe(
              `${figure.numerator.toLocaleString('en-GB')} of ${(figure.denominator ?? 0).toLocaleString('en-GB')}`,
            );
        }
        // Ada's and Bea's: 3 referrals in the year, 1 of them a re-referral; 2 in Q1.
        expect(reportRow(html, 'Referrals').value).toBe(command === 'annual' ? '3' : '2');
      }

      const docx = join(folder, 'annual.docx');
      expect(hearth(['report', 'annual', '--year', '2025', '--format', 'docx', '--out', docx]).status).toBe(
        0,
      );
      const xml = spawnSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' }).stdout;
      expect(xml).toContain('How children’s social care is doing: the year 2025–26');
      expect(xml).toContain('Re-referrals within 12 months');
      expect(xml).toContain('Financial implications');
      const pdf = join(folder, 'annual.pdf');
      expect(hearth(['report', 'annual', '--year', '2025', '--format', 'pdf', '--out', pdf]).status).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

      // The self-evaluation for the year, from the same figures: 3 referrals, 1 of them a re-referral.
      const evaluation = join(folder, 'self-evaluation.html');
      const wrote = hearth([
        'report',
        'self-evaluation',
        '--year',
        '2025',
        '--format',
        'html',
        '--out',
        evaluation,
      ]);
      expect(wrote.stderr).toBe('');
      const drafted = readFileSync(evaluation, 'utf8');
      expect(drafted).toContain('3 referrals were made');
      expect(drafted).toContain(
        '33.3% of referrals were of a child referred in the 12 months before (1 of 3)',
      );
      expect(hearth(['report', 'self-evaluation', '--year', 'last', '--out', evaluation]).status).toBe(2);

      const refused = hearth(['report', 'quarter', '--quarter', '2025-Q5', '--out', join(folder, 'x.html')]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('Give the quarter with --quarter, such as 2026-Q2.');
    },
  );
});
