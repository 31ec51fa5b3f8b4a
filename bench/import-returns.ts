/**
 * Importing five years of a large council's SSDA903 returns (issue 19, speed): 3,000 children looked after a
 * year, generated here as returns (a stay of one to four years, a placement move most years, two reviews a year),
 * imported in one run into an empty council on PostgreSQL. Prints the seconds. Run:
 *   node_modules/.bin/node bench/import-returns.ts [postgres://postgres@127.0.0.1:5432/postgres]
 */
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { writeUkDate } from '../src/domain/returns/dates.ts';
import { ssda903Csv } from '../src/domain/returns/ssda903/export.ts';
import { importSsda903, type ReturnFolder } from '../src/modules/past-returns/ssda903-import.ts';

const server = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = 'hearth_bench_import_returns';
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`drop database if exists ${name}`);
await admin.query(`create database ${name}`);
const target = new URL(server);
target.pathname = `/${name}`;
const db = await openDatabase(target.toString());
await migrate(db);

/** Five years' returns: each child's stay, a year's rows as the return of that year shows them. */
function returns(): ReturnFolder[] {
  const years = [2020, 2021, 2022, 2023, 2024];
  const rows = years.map(() => ({
    Header: [] as Record<string, string>[],
    Episodes: [] as Record<string, string>[],
    Reviews: [] as Record<string, string>[],
  }));
  // 3,000 a year: about 1,000 new each year, each staying up to three years.
  for (let index = 0; index < 5000; index++) {
    const child = `C${100000 + index}`;
    const first = 2019 + (index % 6);
    const stay = 1 + (index % 3);
    const dob = `${2008 + (index % 10)}-0${1 + (index % 9)}-15`;
    const moves = Array.from(
      { length: stay },
      (_, year) => `${first + year}-0${4 + (index % 5)}-1${index % 9}`,
    );
    const ended = `${first + stay}-0${4 + (index % 5)}-01`;
    years.forEach((year, y) => {
      const [start, end] = [`${year}-04-01`, `${year + 1}-03-31`];
      const episodes = moves
        .map((decom, move) => ({ decom, dec: moves[move + 1] ?? ended, move }))
        .filter((each) => each.decom <= end && each.dec >= start);
      if (episodes.length === 0) return;
      rows[y]!.Header.push({
        CHILD: child,
        SEX: index % 2 ? 'M' : 'F',
        DOB: writeUkDate(dob),
        ETHNIC: 'WBRI',
        UPN: '',
        MOTHER: '',
        MC_DOB: '',
      });
      for (const each of episodes) {
        const known = each.dec <= end;
        rows[y]!.Episodes.push({
          CHILD: child,
          DECOM: writeUkDate(each.decom),
          RNE: each.move ? 'P' : 'S',
          LS: 'C2',
          CIN: 'N1',
          PLACE: each.move % 2 ? 'U4' : 'U1',
          PLACE_PROVIDER: 'PR1',
          DEC: known ? writeUkDate(each.dec) : '',
          REC: known ? (moves[each.move + 1] ? 'X1' : 'E4A') : '',
          REASON_PLACE_CHANGE: known && moves[each.move + 1] ? 'CARPL' : '',
          HOME_POST: 'LE1 1AA',
          PL_POST: 'LE2 2BB',
          URN: 'SC855001',
        });
        if (each.decom >= start)
          rows[y]!.Reviews.push({
            CHILD: child,
            DOB: writeUkDate(dob),
            REVIEW: writeUkDate(each.decom.replace(/-1(\d)$/, '-2$1')),
            REVIEW_CODE: 'PN1',
          });
      }
    });
  }
  return years.map((year, y) => ({
    name: String(year),
    files: (['Header', 'Episodes', 'Reviews'] as const).map((table) => ({
      name: `${table.toLowerCase()}.csv`,
      content: ssda903Csv(table, rows[y]![table]),
    })),
  }));
}

const councilId = uuidv7();
await db.insertInto('councils').values({ id: councilId, name: 'Benchshire' }).execute();
await db
  .insertInto('workers')
  .values({
    council_id: councilId,
    id: uuidv7(),
    given_name: 'Ada',
    family_name: 'Admin',
    role: 'administrator',
    fte: 1,
    started_on: '2020-01-01',
    left_on: null,
  })
  .execute();
const folders = returns();
const started = performance.now();
const report = await importSsda903(db, councilId, folders, { skipBadRows: true });
const seconds = (performance.now() - started) / 1000;
console.log(
  `Imported five years of SSDA903 returns (${folders.map((each) => `${each.name}: ${String(each.files[0]!.content).split('\r\n').length - 2} children`).join(', ')}) on PostgreSQL in ${seconds.toFixed(1)} s: ${JSON.stringify(report.counts)}; ${report.problems.length} problems, ${report.fixes.length} fixes.`,
);
await db.destroy();
await admin.query(`drop database ${name}`);
await admin.end();
