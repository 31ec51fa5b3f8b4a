import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../src/db/database.ts';
import { refreshObligations } from '../../src/modules/timescales/service.ts';
import { londonDate } from '../../src/platform/actor.ts';
import { nameTheActor } from '../../src/platform/history-queries.ts';
import {
  allocate,
  newChild,
  newCouncil,
  newTeam,
  newWorker,
  type TestChild,
  type TestCouncil,
  type TestWorker,
} from './world.ts';

/**
 * Builders for the child's journey (issue 5), in the domain's words with fixed dates (STYLE.md rule 10):
 * a team with a social worker and a manager, a child allocated to the worker, episodes, assessments and notes.
 */
export interface CaseworkTeam {
  council: TestCouncil;
  team: { id: string; name: string };
  worker: TestWorker;
  manager: TestWorker;
  child: TestChild;
}

export async function aTeamWithAnAllocatedChild(
  db: Database,
  child: { givenName?: string; familyName?: string; dateOfBirth?: string } = {},
): Promise<CaseworkTeam> {
  const council = await newCouncil(db);
  const team = await newTeam(db, council, { caseloadTarget: 25 });
  const worker = await newWorker(db, council, 'social-worker', { team, givenName: 'Priya' });
  const manager = await newWorker(db, council, 'team-manager', { team, manages: true, givenName: 'Morgan' });
  const theChild = await newChild(db, council, child);
  await allocate(db, theChild, worker);
  return { council, team, worker, manager, child: theChild };
}

/** An open episode of need, referred on the date given (default Monday 2 June 2025). */
export async function anOpenEpisode(
  db: Database,
  child: TestChild,
  worker: TestWorker,
  options: { referralDate?: string; closedOn?: string } = {},
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('episodes')
    .values({
      council_id: worker.council.id,
      id,
      child_id: child.id,
      referral_date: options.referralDate ?? '2025-06-02',
      referral_source: '2A',
      primary_need: 'N1',
      re_referral: false,
      closed_on: options.closedOn ?? null,
      closure_reason: options.closedOn ? 'RC7' : null,
      recorded_by: worker.workerId,
    })
    .execute();
  await obligationsWorkedOut(db, worker, child);
  return id;
}

/** As every write to a child's record does, works their obligations out again (as at the real today). */
export async function obligationsWorkedOut(db: Database, worker: TestWorker, child: TestChild) {
  const now = new Date();
  await refreshObligations(db, worker.council.id, { childIds: [child.id] }, { now, today: londonDate(now) });
}

/** An assessment in an episode, started on the date given (default Tuesday 3 June 2025), awaiting authorisation. */
export async function anAssessment(
  db: Database,
  child: TestChild,
  worker: TestWorker,
  episodeId: string,
  options: { startDate?: string; outcome?: string | null } = {},
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('assessments')
    .values({
      council_id: worker.council.id,
      id,
      episode_id: episodeId,
      child_id: child.id,
      start_date: options.startDate ?? '2025-06-03',
      outcome: options.outcome === undefined ? 'child-in-need-plan' : options.outcome,
      recorded_by: worker.workerId,
    })
    .execute();
  return id;
}

/** A case note about the children given, written by the worker on Tuesday 3 June 2025. */
export async function aCaseNote(
  db: Database,
  worker: TestWorker,
  children: TestChild[],
  options: { title?: string; body?: string } = {},
): Promise<string> {
  const id = uuidv7();
  await db
    .insertInto('case_notes')
    .values({
      council_id: worker.council.id,
      id,
      kind: 'visit',
      occurred_on: '2025-06-03',
      title: options.title ?? 'Home visit',
      body: options.body ?? 'Saw the child alone.',
      written_by: worker.workerId,
      written_at: new Date('2025-06-03T15:00:00Z'),
    })
    .execute();
  await db
    .insertInto('case_note_children')
    .values(children.map((child) => ({ council_id: worker.council.id, note_id: id, child_id: child.id })))
    .execute();
  return id;
}

/** How many rows a child has in each table the journey writes to: to show that a refusal wrote nothing. */
export async function journeyRowCounts(db: Database, child: TestChild) {
  const count = async (table: 'contacts' | 'episodes' | 'assessments') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('child_id', '=', child.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const factors = await db
    .selectFrom('assessment_factors as f')
    .innerJoin('assessments as a', (join) =>
      join.onRef('a.council_id', '=', 'f.council_id').onRef('a.id', '=', 'f.assessment_id'),
    )
    .select((eb) => eb.fn.countAll().as('n'))
    .where('a.child_id', '=', child.id)
    .executeTakeFirstOrThrow();
  const versions = await db
    .selectFrom('record_history')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(
      'council_id',
      '=',
      (
        await db
          .selectFrom('children')
          .select('council_id')
          .where('id', '=', child.id)
          .executeTakeFirstOrThrow()
      ).council_id,
    )
    .executeTakeFirstOrThrow();
  return {
    contacts: await count('contacts'),
    episodes: await count('episodes'),
    assessments: await count('assessments'),
    factors: Number(factors.n),
    versions: Number(versions.n),
  };
}

/**
 * A correction of an episode's referral date by `by` at `at`, made as every versioned change is
 * (platform/versioning.ts): the transaction names its actor, time and reason, and the database keeps the version
 * it replaces in record_history (migration 0050).
 */
export async function aCorrectedReferralDate(
  db: Database,
  episodeId: string,
  by: TestWorker,
  correction: { at: Date; referralDate: string; reason: string },
) {
  await db.transaction().execute(async (trx) => {
    await nameTheActor(trx, { now: correction.at, userId: by.userId });
    await sql`select set_config('hearth.reason', ${correction.reason}, true)`.execute(trx);
    await trx
      .updateTable('episodes')
      .set({ referral_date: correction.referralDate })
      .where('id', '=', episodeId)
      .execute();
  });
}
