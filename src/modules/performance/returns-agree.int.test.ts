import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/support/world.ts';
import { migrate } from '../../db/migrate.ts';
import { loadDemoCouncil } from '../../demo/generate.ts';
import { demoPostcodes } from '../../demo/postcodes.ts';
import { financialYear } from '../../domain/indicators/index.ts';
import { parseCsv } from '../../domain/returns/csv.ts';
import { readUkDate } from '../../domain/returns/dates.ts';
import { readCin } from '../../domain/returns/cin/read.ts';
import { exportCin } from '../returns/cin-export.ts';
import { exportSsda903 } from '../returns/ssda903-export.ts';
import { figuresFor } from './service.ts';

/**
 * Issue 20's acceptance: the indicators that can be computed from the exported returns equal a computation from
 * those files, made here from the returns' own fields as an analyst with only the files would make it, for the
 * demonstration council's year 2025–26 (1 April 2025 to 31 March 2026).
 */
const [start, end] = ['2025-04-01', '2026-03-31'];
const inYear = (date: string | null) => date !== null && date >= start && date <= end;
const shortBreak = (legalStatus: string | undefined) => legalStatus === 'V3' || legalStatus === 'V4';
/** The ONS Postcode Directory's district of each of the demo's postcodes, and Leicestershire's seven districts. */
const districtOf = new Map(demoPostcodes.map(([postcode, district]) => [postcode, district]));
const leicestershire = new Set([
  'E07000129',
  'E07000130',
  'E07000131',
  'E07000132',
  'E07000133',
  'E07000134',
  'E07000135',
]);

/** A CSV file Hearth wrote, as rows by column name. */
function rowsOf(files: readonly { name: string; text: string }[], name: string) {
  const [header, ...rows] = parseCsv(files.find((file) => file.name === name)!.text).map((row) => row.cells);
  return rows.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i] ?? ''])));
}

describe('the indicators agree with the returns made from the same record (issue 20)', () => {
  it(
    'counts referrals, enquiries, plans, children in need and in care as the returns’ own fields do',
    { timeout: 900_000 },
    async () => {
      const { db, close } = await freshDatabase();
      try {
        await migrate(db);
        const { councilId } = await loadDemoCouncil(db, {
          size: 'small',
          seed: 7,
          years: 5,
          asAt: end,
          password: 'a demo password for tests',
        });
        const [figures, cin, ssda903] = await Promise.all([
          figuresFor(db, councilId, financialYear(2025)),
          exportCin(db, councilId, { year: 2025 }),
          exportSsda903(db, councilId, { year: 2025 }),
        ]);
        const hearth = (id: string) => {
          const { figure } = figures.results.find((result) => result.definition.id === id)!;
          return { numerator: figure.numerator, denominator: figure.denominator };
        };

        // The CIN census: each child's episodes (CINdetails) with their referral, enquiries and plans.
        const census = readCin({ name: cin.file.name, content: cin.file.text }).return;
        const episodes = census.children.flatMap((child) =>
          child.CINdetails.map((details) => ({ child, details })),
        );
        const referrals = episodes.filter(({ details }) => inYear(details.CINreferralDate));
        const plans = episodes.flatMap(({ details }) => details.ChildProtectionPlans);
        const fromCensus = {
          referrals: { numerator: referrals.length, denominator: null },
          'referrals-nfa': {
            numerator: referrals.filter(({ details }) => details.ReferralNFA === 'true').length,
            denominator: referrals.length,
          },
          s47: {
            numerator: episodes
              .flatMap(({ details }) => details.Section47)
              .filter((enquiry) => inYear(enquiry.S47ActualStartDate)).length,
            denominator: null,
          },
          'cp-plans-started': {
            numerator: plans.filter((plan) => inYear(plan.CPPstartDate)).length,
            denominator: null,
          },
          // Open on 31 March: begun by then and not ended on or before it.
          'cp-plans-at-end': {
            numerator: plans.filter(
              (plan) => plan.CPPstartDate! <= end && (plan.CPPendDate === null || plan.CPPendDate > end),
            ).length,
            denominator: null,
          },
          'cin-at-end': {
            numerator: new Set(
              episodes
                .filter(
                  ({ details }) =>
                    details.CINreferralDate! <= end &&
                    (details.CINclosureDate === null || details.CINclosureDate > end),
                )
                .map(({ child }) => child.id),
            ).size,
            denominator: null,
          },
        };

        // The SSDA903 episodes (dates written DD/MM/YYYY): a period of care starts with a reason for new episode S
        // and ends with a reason for ceasing other than X1; short breaks (V3, V4) are left out, as the indicators
        // leave them out. Whether a placement is outside the council's area is PL_LOCATION, which the DfE works out
        // from PL_POST with the ONS Postcode Directory: the demo council plays Leicestershire (issue 18, part 6),
        // so a placement is in its area when its postcode lies in one of the county's seven districts.
        const careEpisodes = rowsOf(ssda903.files, 'episodes.csv').filter((row) => !shortBreak(row.LS));
        const openAtEnd = careEpisodes.filter((row) => row.DEC === '');
        const childrenAtEnd = new Set(openAtEnd.map((row) => row.CHILD));
        const outOfArea = openAtEnd.filter((row) => !leicestershire.has(districtOf.get(row.PL_POST!)!));
        const fromSsda903 = {
          'cla-at-end': { numerator: childrenAtEnd.size, denominator: null },
          'cla-out-of-area': {
            numerator: new Set(outOfArea.map((row) => row.CHILD)).size,
            denominator: childrenAtEnd.size,
          },
          'cla-started': {
            numerator: careEpisodes.filter((row) => row.RNE === 'S' && inYear(readUkDate(row.DECOM!))).length,
            denominator: null,
          },
          'cla-ceased': {
            numerator: careEpisodes.filter(
              (row) => row.REC !== '' && row.REC !== 'X1' && inYear(readUkDate(row.DEC!)),
            ).length,
            denominator: null,
          },
        };

        const expected = { ...fromCensus, ...fromSsda903 };
        expect(Object.fromEntries(Object.keys(expected).map((id) => [id, hearth(id)]))).toEqual(expected);
        // Not a comparison of nothing with nothing.
        expect(expected.referrals.numerator).toBeGreaterThan(100);
        expect(expected['cla-at-end'].numerator).toBeGreaterThan(20);
        expect(expected['cla-out-of-area'].numerator).toBeGreaterThan(5);
      } finally {
        await close();
      }
    },
  );
});
