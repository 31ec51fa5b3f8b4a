/**
 * Search benchmark (issue 5: "under 100 ms on the large demo council"). The demo council generator does not exist
 * yet, so this makes its own council of N children (default 200,000) with realistic, repeated English names and
 * their variant spellings, addresses and identifiers, then times searches as a service manager (who sees every
 * child) and as a social worker (who sees their allocations and team). Prints figures; never pass/fail.
 *
 *   node bench/search.ts [children=200000] [database-url=memory://]
 */
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { findChildren } from '../src/modules/search/service.ts';
import type { Actor } from '../src/platform/actor.ts';
import type { Role } from '../src/platform/permissions.ts';
import { makeSearchCouncil } from './search-council.ts';

const onDemo = process.argv[2] === 'demo';
const url = process.argv[3] ?? 'memory://';
function actor(councilId: string, workerId: string, role: Role): Actor {
  return {
    councilId,
    userId: uuidv7(),
    workerId,
    role,
    name: 'Bench',
    email: 'bench@council.example',
    sessionId: null,
    ip: null,
    route: 'bench',
    now: new Date(),
    today: '2026-01-15',
  };
}

/**
 * The demo council already in the database: a service manager, the social worker with the most children, and
 * searches made from its own commonest names (as typed and misspelt) and identifiers.
 */
async function demoCouncil() {
  const council = await db
    .selectFrom('councils')
    .select('id')
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const manager = await db
    .selectFrom('workers')
    .select('id')
    .where('council_id', '=', council.id)
    .where('role', '=', 'service-manager')
    .executeTakeFirstOrThrow();
  const socialWorker = await sql<{ worker_id: string }>`select a.worker_id from allocations a
    join workers w on w.council_id = a.council_id and w.id = a.worker_id and w.role = 'social-worker'
    where a.council_id = ${council.id} and a.to_date is null
    group by a.worker_id order by count(*) desc, a.worker_id limit 1`.execute(db);
  const common = await sql<{ given_name: string; family_name: string }>`select given_name, family_name
    from children where council_id = ${council.id}
    group by given_name, family_name order by count(*) desc, given_name, family_name limit 4`.execute(db);
  const sample = await sql<{
    local_id: string;
    date_of_birth: string;
    upn: string;
    nhs_number: string;
    postcode: string;
  }>`
    select c.local_id, to_char(c.date_of_birth, 'DD/MM/YYYY') as date_of_birth, c.upn, c.nhs_number, a.postcode
    from children c join child_addresses a on a.council_id = c.council_id and a.child_id = c.id and a.to_date is null
    where c.council_id = ${council.id} and c.upn is not null and c.nhs_number is not null and c.date_of_birth is not null
    order by c.local_id limit 1`.execute(db);
  const row = sample.rows[0]!;
  // A misspelling: the second letter dropped ("Oliva", "Smth").
  const misspelt = (name: string) => name.slice(0, 1) + name.slice(2);
  const names = common.rows.flatMap(({ given_name, family_name }) => [
    `${given_name} ${family_name}`,
    `${misspelt(given_name)} ${family_name}`,
  ]);
  return {
    councilId: council.id,
    manager: manager.id,
    socialWorker: socialWorker.rows[0]!.worker_id,
    queries: [
      ...names,
      common.rows[0]!.given_name,
      misspelt(common.rows[1]!.family_name),
      row.local_id,
      row.date_of_birth,
      row.upn,
      row.nhs_number,
      row.postcode,
    ],
  };
}

const db = await openDatabase(url);
await migrate(db);
const { councilId, manager, socialWorker, queries } = onDemo
  ? await demoCouncil()
  : await makeSearchCouncil(db, Number(process.argv[2] ?? 200_000), url);
if (onDemo) {
  const children = await db
    .selectFrom('children')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('council_id', '=', councilId)
    .executeTakeFirstOrThrow();
  console.log(`The demo council: ${children.count} children (${url.split('@').pop()})`);
}

async function time(who: Actor, label: string) {
  console.log(`\n${label}`);
  for (const q of queries) {
    const timings: number[] = [];
    let found = 0;
    for (let run = 0; run < 11; run++) {
      const started = performance.now();
      found = (await findChildren(db, who, { q })).children.length;
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    console.log(
      `  ${q.padEnd(18)} median ${timings[5]!.toFixed(1).padStart(7)} ms  max ${timings[10]!.toFixed(1).padStart(7)} ms  ${found} shown`,
    );
  }
}
await time(actor(councilId, manager, 'service-manager'), 'As a service manager (every child):');
await time(actor(councilId, socialWorker, 'social-worker'), 'As a social worker (own and team children):');
await db.destroy();
