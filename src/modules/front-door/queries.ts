import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import type { Enquiry } from '../../domain/identity/possible-duplicates.ts';
import { allowedChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';

type Db = Kysely<Tables>;

/** How many children the duplicate check weighs at most: far more than a worker could read through. */
const CANDIDATE_LIMIT = 200;
/** The expected date of birth is an estimate (see the duplicate rule's window). */
const EXPECTED_WINDOW_DAYS = 42;

/** Names of the council's children spelt like `name` (pg_trgm similarity or Double Metaphone; migration 0041). */
function namesLike(councilId: string, name: string) {
  return sql`select s.name from child_search_names s where s.council_id = ${councilId}
    and (s.name % ${name} or s.metaphone = dmetaphone(${name}) or s.metaphone_alt = dmetaphone_alt(${name}))`;
}

/**
 * The children who share anything the duplicate check weighs with the enquiry: an NHS number, UPN, birthday (or
 * expected date), a name spelt alike, the current postcode, or a parent's family name. `visible` searches the
 * gatekeeper's set for the actor; `elsewhere` the rest of the council's children, whose records the service must
 * not show (it says only that a likely match exists, and says nothing of a restricted child: see service.ts).
 */
export async function candidateChildren(
  db: Db,
  actor: Actor,
  enquiry: Enquiry,
  reach: 'visible' | 'elsewhere' = 'visible',
) {
  const council = actor.councilId;
  const agrees: ReturnType<typeof sql<SqlBool>>[] = [];
  if (enquiry.nhsNumber) agrees.push(sql<SqlBool>`c.nhs_number = ${enquiry.nhsNumber}`);
  if (enquiry.upn) agrees.push(sql<SqlBool>`c.upn = ${enquiry.upn}`);
  if (enquiry.dateOfBirth) agrees.push(sql<SqlBool>`c.date_of_birth = ${enquiry.dateOfBirth}`);
  if (enquiry.expectedDateOfBirth) {
    const from = sql`${enquiry.expectedDateOfBirth}::date - ${EXPECTED_WINDOW_DAYS}::int`;
    const to = sql`${enquiry.expectedDateOfBirth}::date + ${EXPECTED_WINDOW_DAYS}::int`;
    agrees.push(sql<SqlBool>`(c.expected_date_of_birth between ${from} and ${to}
      or c.date_of_birth between ${from} and ${to})`);
  }
  // Both names spelt alike, either way round: one common name alone would be hundreds of children.
  const { givenName: given, familyName: family } = enquiry;
  if (given && family)
    agrees.push(sql<SqlBool>`((c.given_name in (${namesLike(council, given)})
        and c.family_name in (${namesLike(council, family)}))
      or (c.given_name in (${namesLike(council, family)}) and c.family_name in (${namesLike(council, given)})))`);
  if (enquiry.postcode)
    agrees.push(sql<SqlBool>`exists (select 1 from child_addresses a where a.council_id = c.council_id
      and a.child_id = c.id and a.to_date is null
      and upper(replace(a.postcode, ' ', '')) = ${enquiry.postcode.replaceAll(' ', '')})`);
  const parentFamilies = enquiry.parentNames.map((name) => name.split(' ').at(-1)!.toLowerCase());
  if (parentFamilies.length)
    agrees.push(sql<SqlBool>`exists (select 1 from child_relationships r join people p
      on p.council_id = r.council_id and p.id = r.person_id
      where r.council_id = c.council_id and r.child_id = c.id and lower(p.family_name) = any(${parentFamilies}::text[]))`);
  if (agrees.length === 0) return [];
  return (
    db
      .selectFrom('children as c')
      .select([
        // The identifiers first: they outweigh everything else the check compares.
        'c.id',
        'c.nhs_number',
        'c.upn',
        'c.local_id',
        'c.given_name',
        'c.family_name',
        'c.other_names',
        'c.date_of_birth',
        'c.expected_date_of_birth',
        'c.restricted',
        sql<string | null>`a.line1`.as('address_line1'),
        sql<string | null>`a.postcode`.as('postcode'),
      ])
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('child_addresses')
            .select(['line1', 'postcode'])
            .whereRef('child_addresses.council_id', '=', 'c.council_id')
            .whereRef('child_addresses.child_id', '=', 'c.id')
            .where('to_date', 'is', null)
            .orderBy('from_date', 'desc')
            .limit(1)
            .as('a'),
        (join) => join.onTrue(),
      )
      .where('c.council_id', '=', council)
      .where(
        reach === 'visible'
          ? sql<SqlBool>`c.id in (${allowedChildren(actor)})`
          : sql<SqlBool>`c.id not in (${allowedChildren(actor)})`,
      )
      .where(sql<SqlBool>`(${sql.join(agrees, sql` or `)})`)
      // The strongest likeness first, should there ever be more candidates than are weighed.
      .orderBy(sql`coalesce(${agrees[0]}, false)`, 'desc')
      .limit(CANDIDATE_LIMIT)
      .execute()
  );
}

/** The parents and carers of the candidate children, as named in their family and network. */
export function parentsOf(db: Db, councilId: string, childIds: readonly string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('child_relationships as r')
    .innerJoin('people as p', (join) =>
      join.onRef('p.council_id', '=', 'r.council_id').onRef('p.id', '=', 'r.person_id'),
    )
    .select(['r.child_id', 'r.relationship', 'p.given_name', 'p.family_name'])
    .where('r.council_id', '=', councilId)
    .where('r.child_id', 'in', childIds)
    .where('r.relationship', 'in', ['mother', 'father', 'parent', 'step-parent', 'carer'])
    .where('r.to_date', 'is', null)
    .execute();
}

/**
 * The next of the council's own child ids: the highest number in use plus one, with its letters (HS100231 after
 * HS100230). The council's lock makes two workers creating children at once wait for each other, not collide.
 */
export async function nextLocalId(db: Db, councilId: string): Promise<string> {
  await sql`select pg_advisory_xact_lock(hashtext(${`local-id:${councilId}`}))`.execute(db);
  const highest = await sql<{ local_id: string }>`select local_id from children
    where council_id = ${councilId} and local_id ~ '^[A-Z]*[0-9]+$'
    order by substring(local_id from '[0-9]+$')::numeric desc limit 1`.execute(db);
  const found = /^([A-Z]*)(\d+)$/.exec(highest.rows[0]?.local_id ?? '');
  if (!found) return 'HC100001';
  return `${found[1]}${(BigInt(found[2]!) + 1n).toString().padStart(found[2]!.length, '0')}`;
}

export function insertChild(db: Db, child: Insertable<Tables['children']>) {
  return db.insertInto('children').values(child).execute();
}

export function insertAddress(db: Db, address: Insertable<Tables['child_addresses']>) {
  return db.insertInto('child_addresses').values(address).execute();
}

export async function insertParent(
  db: Db,
  person: Insertable<Tables['people']>,
  relationship: Insertable<Tables['child_relationships']>,
) {
  await db.insertInto('people').values(person).execute();
  await db.insertInto('child_relationships').values(relationship).execute();
}

export function insertAllocation(db: Db, allocation: Insertable<Tables['allocations']>) {
  return db.insertInto('allocations').values(allocation).execute();
}

/**
 * Puts a possible duplicate to the service managers, once: asking again about the same child with the same facts
 * leaves the question already waiting as it was.
 */
export async function insertDuplicateReview(db: Db, review: Insertable<Tables['duplicate_reviews']>) {
  await sql`insert into duplicate_reviews
      (council_id, id, child_id, raised_by, raised_at, enquiry, fingerprint, reasons)
    values (${review.council_id}, ${review.id}, ${review.child_id}, ${review.raised_by}, ${review.raised_at},
      ${review.enquiry}::jsonb, ${review.fingerprint}, ${review.reasons}::jsonb)
    on conflict (council_id, raised_by, child_id, fingerprint) where decision is null do nothing`.execute(db);
}

/** The children a service manager decided are not the one this worker asked about with these facts. */
export async function childrenClearedFor(db: Db, actor: Actor, fingerprint: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('duplicate_reviews')
    .select('child_id')
    .where('council_id', '=', actor.councilId)
    .where('raised_by', '=', actor.workerId)
    .where('fingerprint', '=', fingerprint)
    .where('decision', '=', 'different-child')
    .execute();
  return new Set(rows.map((row) => row.child_id));
}

/** Reviews with the names of the worker who asked and of the child known, restricted children left out. */
function reviewsNamed(db: Db, councilId: string) {
  return db
    .selectFrom('duplicate_reviews as r')
    .innerJoin('children as c', (join) =>
      join.onRef('c.council_id', '=', 'r.council_id').onRef('c.id', '=', 'r.child_id'),
    )
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'r.council_id').onRef('w.id', '=', 'r.raised_by'),
    )
    .leftJoin('workers as d', (join) =>
      join.onRef('d.council_id', '=', 'r.council_id').onRef('d.id', '=', 'r.decided_by'),
    )
    .select([
      'r.id',
      'r.child_id',
      'r.raised_at',
      'r.enquiry',
      'r.reasons',
      'r.decision',
      'r.decided_at',
      'c.local_id',
      'c.given_name',
      'c.family_name',
      'c.date_of_birth',
      sql<string>`w.given_name || ' ' || w.family_name`.as('raised_by_name'),
      sql<string | null>`d.given_name || ' ' || d.family_name`.as('decided_by_name'),
    ])
    .where('r.council_id', '=', councilId)
    .where('c.restricted', '=', false);
}

/** The possible duplicates still waiting for a service manager, oldest first. */
export function awaitingDuplicateReviews(db: Db, councilId: string) {
  return reviewsNamed(db, councilId).where('r.decision', 'is', null).orderBy('r.raised_at').execute();
}

/** One review, unless its child is restricted (then it is not found, as the child is not). */
export function duplicateReview(db: Db, councilId: string, reviewId: string) {
  return reviewsNamed(db, councilId).where('r.id', '=', reviewId).executeTakeFirst();
}

/** Records a service manager's decision on a review still waiting; returns nothing if it was already decided. */
export function decideReview(
  db: Db,
  councilId: string,
  reviewId: string,
  decision: { decision: 'same-child' | 'different-child'; decidedBy: string; decidedAt: Date },
) {
  return db
    .updateTable('duplicate_reviews')
    .set({ decision: decision.decision, decided_by: decision.decidedBy, decided_at: decision.decidedAt })
    .where('council_id', '=', councilId)
    .where('id', '=', reviewId)
    .where('decision', 'is', null)
    .returning(['id', 'child_id', 'raised_by'])
    .executeTakeFirst();
}

/** What a worker asked service managers since `since`, and the answers: never the child known, only the facts typed. */
export function duplicateQuestionsOf(db: Db, actor: Actor, since: Date) {
  return db
    .selectFrom('duplicate_reviews')
    .select(['id', 'raised_at', 'enquiry', 'decision', 'decided_at'])
    .where('council_id', '=', actor.councilId)
    .where('raised_by', '=', actor.workerId)
    .where((eb) => eb.or([eb('decision', 'is', null), eb('decided_at', '>=', since)]))
    .orderBy('raised_at', 'desc')
    .execute();
}
