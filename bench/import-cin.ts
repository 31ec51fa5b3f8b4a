/**
 * CIN census import benchmark (issue 19, speed): five years of a large council's CIN census (about 30,000
 * children in need a year) made from one seeded population of children, so that episodes run across years as
 * in a real council's returns, each year written by Hearth's own census exporter (buildCinCensus, cinCensusXml).
 * They are imported together, with `importCinReturns`, into a PostgreSQL database of their own, then imported
 * again (a rerun, which must change nothing). Prints seconds; never pass/fail. The goal: under 60 s together
 * with the SSDA903 import.
 *
 *   node bench/import-cin.ts [--database postgres://postgres@127.0.0.1:5432/postgres] [--seed N] [--referrals N]
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { buildCinCensus } from '../src/domain/returns/cin/export.ts';
import type { CinChildFacts, CinEpisodeFacts } from '../src/domain/returns/cin/export-facts.ts';
import { cinCensusXml } from '../src/domain/returns/cin/export-xml.ts';
import { upnCheckLetter } from '../src/domain/returns/cin/rules/identifiers.ts';
import { importCinReturns } from '../src/modules/past-returns/cin-import.ts';
import { addMonths, dayOf, isoOf, Random, upnOf } from './returns/random.ts';

const { values: options } = parseArgs({
  options: {
    database: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    seed: { type: 'string', default: '19' },
    // About 19,000 referrals a year with episodes lasting 7 months on average: some 30,000 in need a year.
    referrals: { type: 'string', default: '110000' },
  },
});
const random = new Random(Number(options.seed));
const first = dayOf('2020-04-01');
const last = dayOf('2025-03-31');
const categories = ['NEG', 'PHY', 'EMO', 'SAB', 'MUL'];
const factors = ['1B', '2A', '3A', '4A', '6C', '8B', '19B', '22A'];

/** One episode of need from `referral`: an assessment, then closure, a CIN plan, or an enquiry and a plan. */
function episodeFrom(referral: number): CinEpisodeFacts {
  const authorised = referral + random.int(10, 60);
  const nfa = random.chance(0.2);
  const end = nfa ? authorised : referral + Math.round(-Math.log(1 - random.next()) * 220) + 60;
  const closed = end <= last ? isoOf(end) : null;
  const protection = !nfa && random.chance(0.15);
  const conference = referral + random.int(15, 30);
  const reviews = [];
  for (let day = addMonths(conference, 3); day < end && day <= last; day = addMonths(day, 6))
    reviews.push(isoOf(day));
  return {
    referralDate: isoOf(referral),
    referralSource: random.pick(['1A', '2A', '3A', '5A', '6', '8']),
    primaryNeed: `N${random.int(1, 9)}`,
    closedOn: closed,
    closureReason: closed === null ? null : nfa ? 'RC8' : 'RC7',
    noFurtherAction: nfa,
    assessments: [
      {
        start: isoOf(referral + 1),
        authorisedOn: authorised <= last ? isoOf(authorised) : null,
        factors: [random.pick(factors)],
      },
    ],
    cinPlans: !nfa && !protection && random.chance(0.5) ? [{ start: isoOf(authorised), end: closed }] : [],
    enquiries: protection
      ? [
          {
            start: isoOf(referral + 2),
            end: isoOf(conference),
            strategyDiscussionOn: isoOf(referral + 1),
            outcome: 'conference',
            conferenceOn: isoOf(conference),
          },
        ]
      : [],
    protectionPlans: protection
      ? [
          {
            start: isoOf(conference),
            end: closed,
            initialCategory: random.pick(categories),
            latestCategory: random.pick(categories),
            reviews,
          },
        ]
      : [],
  };
}

/** The council's children: each referred once, or again after the first episode closed. */
function population(referrals: number): CinChildFacts[] {
  const children: CinChildFacts[] = [];
  for (let made = 0; made < referrals;) {
    const episodes: CinEpisodeFacts[] = [];
    let referral = random.int(first - 300, last);
    while (referral <= last && made < referrals) {
      const episode = episodeFrom(referral);
      episodes.push(episode);
      made++;
      if (episode.closedOn === null || !random.chance(0.2)) break;
      referral = dayOf(episode.closedOn) + random.int(30, 400);
    }
    const born = random.int(first - 17 * 365, last - 200);
    children.push({
      localId: `C${String(children.length + 1).padStart(7, '0')}`,
      upn: random.chance(0.8) ? upnOf(children.length + 1, upnCheckLetter) : null,
      dateOfBirth: isoOf(born),
      expectedDateOfBirth: null,
      sex: random.pick(['F', 'M']),
      dateOfDeath: null,
      ethnicity: random.pick(['WBRI', 'WOTH', 'MWBC', 'BAFR', 'APKN', 'OOTH']),
      disabilities: random.chance(0.1) ? ['LD'] : [],
      uasc: false,
      episodes,
    });
  }
  return children;
}

const children = population(Number(options.referrals));
const files = [2020, 2021, 2022, 2023, 2024].map((year) => {
  const census = buildCinCensus(children, year);
  const text = cinCensusXml(
    { year, la: '201', software: 'bench', release: '1', madeAt: new Date(0) },
    census,
  );
  return { name: `cin-${year}.xml`, content: new TextEncoder().encode(text), children: census.length };
});
console.log(
  `Five censuses: ${files.map((file) => `${file.name} ${file.children.toLocaleString('en-GB')} children, ${(file.content.length / 1e6).toFixed(0)} MB`).join('; ')}.`,
);

const server = new URL(options.database);
const name = `hearth_bench_cin_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: server.toString() });
await admin.connect();
await admin.query(`create database ${name}`);
server.pathname = `/${name}`;
const db = await openDatabase(server.toString());
try {
  await migrate(db);
  const councilId = uuidv7();
  const workerId = uuidv7();
  await db.insertInto('councils').values({ id: councilId, name: 'Benchshire', dfe_code: '201' }).execute();
  await db
    .insertInto('workers')
    .values({
      council_id: councilId,
      id: workerId,
      given_name: 'Ada',
      family_name: 'Admin',
      role: 'administrator',
    })
    .execute();
  await db
    .insertInto('users')
    .values({
      council_id: councilId,
      id: uuidv7(),
      worker_id: workerId,
      email: 'admin@bench.example',
      password_hash: null,
    })
    .execute();
  for (const run of ['import', 'rerun']) {
    const started = performance.now();
    let stage = '';
    let stageStarted = performance.now();
    const report = await importCinReturns(db, councilId, files, {
      onProgress: (now, done) => {
        const label = `${now} ${now === 'writing' ? done : ''}`;
        if (label === stage) return;
        if (process.env.HEARTH_BENCH_STAGES && stage)
          console.log(`  ${stage}: ${((performance.now() - stageStarted) / 1000).toFixed(1)} s`);
        stage = label;
        stageStarted = performance.now();
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const counts = Object.entries(report.counts)
      .filter(([, count]) => count > 0)
      .map(([what, count]) => `${count.toLocaleString('en-GB')} ${what}`)
      .join(', ');
    for (const problem of report.problems.slice(0, 3)) console.log(problem);
    const reasons = new Map<string, number>();
    for (const fix of report.fixes) reasons.set(fix.reason, (reasons.get(fix.reason) ?? 0) + 1);
    console.log(
      `  fixes by reason: ${[...reasons].map(([reason, count]) => `${count} ${reason}`).join('; ')}`,
    );
    console.log(
      `${run}: ${seconds.toFixed(1)} s on PostgreSQL; ${report.problems.length} problems, ${report.fixes.length} fixes; ${counts || 'nothing written'}.`,
    );
  }
} finally {
  await db.destroy();
  await admin.query(`drop database ${name}`);
  await admin.end();
}
