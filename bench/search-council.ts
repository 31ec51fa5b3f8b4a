import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../src/db/database.ts';

const givenNames =
  `Muhammad Mohammed Mohamed Oliver Noah George Leo Arthur Oscar Theo Harry Jack Charlie Jacob Alfie
  Freddie Archie Henry Thomas Joshua William Isaac Lucas Ethan James Alexander Stephen Steven Stefan Daniel Samuel
  Olivia Amelia Isla Ava Lily Freya Ivy Florence Willow Sophia Isabella Grace Mia Ella Poppy Evie Katherine Catherine
  Kathryn Aisha Ayesha Zara Maryam Fatima Emily Chloe Jessica Ruby Sienna Hannah Layla Nia Amara Kai Reuben Tyler Jayden`.split(
    /\s+/,
  );
const familyNames =
  `Smith Smyth Smythe Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans
  Walker White Roberts Green Hall Wood Jackson Clarke Clark Patel Khan Kahn Ahmed Ali Hussain Begum Lewis Harris
  Martin Cooper King Lee Baker Hill Morris Ward Turner Hughes Edwards Collins Stewart Murphy Kelly Campbell Anderson
  Mitchell Phillips Parker Bennett Cook Bailey Carter Richardson Cox Howard Nowak Kowalski Okafor Mensah Osei Nguyen`.split(
    /\s+/,
  );

/**
 * The search benchmark's own council: N children with repeated English names and their variant spellings,
 * addresses and identifiers; a service manager, and two social workers with 22 children each.
 */
export async function makeSearchCouncil(db: Database, size: number, url: string) {
  const councilId = uuidv7();
  await db.insertInto('councils').values({ id: councilId, name: 'Benchshire' }).execute();
  const teamId = uuidv7();
  await db
    .insertInto('teams')
    .values({ council_id: councilId, id: teamId, name: 'Assessment', kind: 'assessment' })
    .execute();
  const workerIds: string[] = [];
  for (const role of ['service-manager', 'social-worker', 'social-worker'] as const) {
    const id = uuidv7();
    workerIds.push(id);
    await db
      .insertInto('workers')
      .values({ council_id: councilId, id, given_name: 'Bench', family_name: role, role })
      .execute();
    await db
      .insertInto('team_memberships')
      .values({
        council_id: councilId,
        id: uuidv7(),
        team_id: teamId,
        worker_id: id,
        from_date: '2020-01-01',
      })
      .execute();
  }

  const started = performance.now();
  await sql`insert into children (council_id, id, local_id, given_name, family_name, date_of_birth, upn, nhs_number)
    select ${councilId}, gen_random_uuid(), 'B' || lpad(i::text, 7, '0'),
      (${givenNames}::text[])[1 + (i::bigint * 7919) % ${givenNames.length}],
      (${familyNames}::text[])[1 + (i::bigint * 104729 / 7) % ${familyNames.length}],
      date '2008-04-01' + (i * 37) % 6500,
      case when i % 3 = 0 then 'A' || lpad(i::text, 12, '0') end,
      case when i % 2 = 0 then lpad((i * 13)::text, 10, '0') end
    from generate_series(1, ${size}) i`.execute(db);
  await sql`insert into child_addresses (council_id, id, child_id, line1, postcode, from_date)
    select council_id, gen_random_uuid(), id, '1 Bench Street',
      'LS' || (1 + abs(hashtext(id::text)) % 28) || ' ' || (abs(hashtext(local_id)) % 10) || 'AB', '2020-01-01'
    from children where council_id = ${councilId}`.execute(db);
  // Two social workers with 22 children each: the team's 44 are what they see.
  await sql`insert into allocations (council_id, id, child_id, worker_id, case_role, from_date)
    select council_id, gen_random_uuid(), id, case when row_number() over () % 2 = 0 then ${workerIds[1]}::uuid else ${workerIds[2]}::uuid end,
      'allocated-worker', '2024-01-01'
    from (select council_id, id from children where council_id = ${councilId} order by local_id limit 44) c`.execute(
    db,
  );
  await sql`analyze`.execute(db);
  console.log(
    `${size} children, addresses and allocations made in ${((performance.now() - started) / 1000).toFixed(1)} s (${url.split('@').pop()})`,
  );

  const sample = await db
    .selectFrom('children')
    .select(['local_id', 'date_of_birth', 'upn', 'nhs_number'])
    .where('council_id', '=', councilId)
    .where('upn', 'is not', null)
    .where('nhs_number', 'is not', null)
    .limit(1)
    .executeTakeFirstOrThrow();
  return {
    councilId,
    manager: workerIds[0]!,
    socialWorker: workerIds[1]!,
    queries: [
      'Mohammed Khan',
      'Steven Smyth',
      'Katherine',
      'Catherine Smith',
      'Aysha Patell',
      'Smyth',
      'Okafor',
      sample.local_id,
      '15/01/2015',
      sample.upn!,
      sample.nhs_number!,
      'LS12 3AB',
    ],
  };
}
