import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import {
  workingDayCalendar,
  addWorkingDays as domainAddWorkingDays,
} from '../domain/calendar/working-days.ts';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import type { Actor } from '../platform/actor.ts';
import { passwordMatches } from '../platform/passwords.ts';
import { freshDatabase } from '../../test/support/world.ts';
import type { Rows } from './context.ts';
import { addWorkingDays, dayOf, isoOf } from './days.ts';
import { loadDemoCouncil } from './generate.ts';
import { onTimeShares } from './measure.ts';
import { childProblems } from './validate.ts';
import { absenceOn, absenceProblems } from '../domain/workforce/absences.ts';
import { tableOrder } from './write.ts';
import { expectObligationsToFollowTheRecord } from '../../test/support/obligations.ts';
import { verifyAuditTrail } from '../modules/audit/service.ts';
import { updateChild } from '../modules/children/service.ts';
import { londonDate } from '../platform/actor.ts';
import { isInCouncilArea } from '../domain/geography/councils.ts';
import { demoPostcodes } from './postcodes.ts';

const options = {
  size: 'small',
  seed: 7,
  years: 5,
  asAt: '2026-03-31',
  password: 'a demo password for tests',
} as const;

/**
 * Issue 18, part 6: the council plays Leicestershire for the returns. Its codes are Leicestershire's; its children
 * live in all seven of the county's districts; a placement is in its area exactly when its postcode lies in one of
 * them, and those out of area are in Leicester (near) and Birmingham (far). No child's allocated worker (nor
 * personal adviser, nor cover) is a social work student, who has no Social Work England number (SW01bSTG1).
 */
async function expectLeicestershire(db: Database, councilId: string) {
  const council = await db
    .selectFrom('councils')
    .select(['dfe_code', 'gss_code'])
    .where('id', '=', councilId)
    .executeTakeFirstOrThrow();
  expect(council).toEqual({ dfe_code: '855', gss_code: 'E10000018' });
  const districtOf = new Map(demoPostcodes.map(([postcode, district]) => [postcode, district]));
  const homes = await db
    .selectFrom('child_addresses')
    .select('postcode')
    .where('council_id', '=', councilId)
    .execute();
  expect(new Set(homes.map((home) => districtOf.get(home.postcode!)))).toEqual(
    new Set(['E07000129', 'E07000130', 'E07000131', 'E07000132', 'E07000133', 'E07000134', 'E07000135']),
  );
  const placements = await db
    .selectFrom('placements')
    .select(['postcode', 'in_area'])
    .where('council_id', '=', councilId)
    .execute();
  const districtOfPlacement = (postcode: string | null) => districtOf.get(postcode!) ?? 'none';
  expect(
    placements.filter(
      (placement) =>
        placement.in_area !== isInCouncilArea(districtOfPlacement(placement.postcode), 'E10000018'),
    ),
  ).toEqual([]);
  expect(
    new Set(placements.filter((placement) => !placement.in_area).map((p) => districtOfPlacement(p.postcode))),
  ).toEqual(new Set(['E06000016', 'E08000025']));
  const heldByStudents = await db
    .selectFrom('allocations as a')
    .innerJoin('workers as w', (join) =>
      join.onRef('w.council_id', '=', 'a.council_id').onRef('w.id', '=', 'a.worker_id'),
    )
    .select(['a.child_id', 'a.case_role'])
    .where('a.council_id', '=', councilId)
    .where('w.contract', '=', 'student')
    .execute();
  expect(heldByStudents).toEqual([]);
  // No two children share a UPN (CIN census 1520).
  const upns = await db
    .selectFrom('children')
    .select('upn')
    .where('council_id', '=', councilId)
    .where('upn', 'is not', null)
    .execute();
  expect(new Set(upns.map((child) => child.upn)).size).toBe(upns.length);
}

describe('the demonstration council (issue 7)', () => {
  it('counts working days as the domain calendar does, day by day', () => {
    const calendar = workingDayCalendar();
    for (let day = dayOf('2019-01-01'); day <= dayOf('2027-12-31'); day += 3) {
      for (const within of [1, 10, 15, 20, 45]) {
        const expected = domainAddWorkingDays(
          calendar,
          Temporal.PlainDate.from(isoOf(day)),
          within,
        ).date.toString();
        expect(isoOf(addWorkingDays(day, within))).toBe(expected);
      }
    }
  });

  it('has nothing the domain rules refuse, read back from the database', { timeout: 600_000 }, async () => {
    const { db, close } = await freshDatabase();
    try {
      await migrate(db);
      const { councilId } = await loadDemoCouncil(db, options);
      const byChild = new Map<string, Rows>();
      const factorsOf = new Map<string, string>();
      for (const table of tableOrder) {
        if (
          [
            'councils',
            'teams',
            'workers',
            'team_memberships',
            'posts',
            'post_holders',
            'induction_steps',
            'training_records',
            'supervisions',
            'worker_absences',
            'users',
            'child_access_lists',
            'case_notes',
            'case_note_children',
          ].includes(table)
        )
          continue;
        const rows = await db
          .selectFrom(table as 'children')
          .selectAll()
          .where('council_id', '=', councilId)
          .execute();
        for (const row of rows as unknown as Record<string, unknown>[]) {
          if (table === 'assessments') factorsOf.set(row.id as string, row.child_id as string);
          const childId =
            table === 'children'
              ? (row.id as string)
              : table === 'assessment_factors'
                ? factorsOf.get(row.assessment_id as string)!
                : (row.child_id as string);
          for (const [column, value] of Object.entries(row))
            if (value instanceof Date) row[column] = value.toISOString();
          const rowsOfChild = byChild.get(childId) ?? {};
          (rowsOfChild[table] ??= []).push(row);
          byChild.set(childId, rowsOfChild);
        }
      }
      const problems = [...byChild.values()].flatMap((rows) => childProblems(rows, options.asAt));
      // Leave and sickness: each absence passes the domain's rule against the worker's others, and some
      // workers are away on the day (the issue: "some on leave or off sick").
      const absences = await db
        .selectFrom('worker_absences')
        .select(['worker_id', 'kind', 'from_date as from', 'to_date as to'])
        .where('council_id', '=', councilId)
        .execute();
      for (const [index, absence] of absences.entries()) {
        const others = absences.filter((other, at) => at !== index && other.worker_id === absence.worker_id);
        for (const problem of absenceProblems(absence, others, options.asAt))
          problems.push(`worker ${absence.worker_id}: ${problem.message}`);
      }
      expect(absences.filter((absence) => absenceOn([absence], options.asAt)).length).toBeGreaterThan(1);
      expect(byChild.size).toBeGreaterThan(3000);
      expect(problems).toEqual([]);
      const open = await db
        .selectFrom('episodes')
        .select('child_id')
        .where('council_id', '=', councilId)
        .where('closed_on', 'is', null)
        .execute();
      expect(new Set(open.map((row) => row.child_id)).size).toBe(open.length);
      await expectObligationsToFollowTheRecord(db, councilId, options.asAt);
      // `hearth demo` counts its on-time shares from the obligations it stored: the same as from the record.
      expect(await onTimeShares(db, councilId, options.asAt, 'stored obligations')).toEqual(
        await onTimeShares(db, councilId, options.asAt),
      );
      // Case notes are about children (they have no child of their own column): every one is about at least one.
      const unlinked = await db
        .selectFrom('case_notes')
        .select('id')
        .where('council_id', '=', councilId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('case_note_children as c')
                .select('c.note_id')
                .whereRef('c.note_id', '=', 'case_notes.id'),
            ),
          ),
        )
        .execute();
      expect(unlinked).toEqual([]);
      await expectLeicestershire(db, councilId);
      // The sign-ins work with the demo password.
      const users = await db
        .selectFrom('users')
        .select('password_hash')
        .where('council_id', '=', councilId)
        .execute();
      expect(users).toHaveLength(9);
      expect(await passwordMatches(users[0]!.password_hash!, options.password)).toBe(true);
      await expectAuditTrailIntactAfterAChange(db, councilId);
    } finally {
      await close();
    }
  });
});

/**
 * Issue 22 part 2 (ADR 17): the demo's facts, written without an actor and dated in the children's lives, are not
 * taken for facts written behind Hearth's back; a change made through Hearth on a demo child is checked against
 * the hashes its audit entry carries; and `hearth audit verify` finds the council untampered.
 */
async function expectAuditTrailIntactAfterAChange(db: Database, councilId: string) {
  const worker = await db
    .selectFrom('users as u')
    .innerJoin('workers as w', 'w.id', 'u.worker_id')
    .innerJoin('allocations as a', (join) =>
      join.onRef('a.worker_id', '=', 'w.id').on('a.to_date', 'is', null),
    )
    .innerJoin('children as c', 'c.id', 'a.child_id')
    .select([
      'u.id as user_id',
      'w.id as worker_id',
      'u.email',
      'c.id as child_id',
      'c.version',
      'c.given_name',
    ])
    .select(['c.family_name', 'c.date_of_birth'])
    .where('u.council_id', '=', councilId)
    .where('w.role', '=', 'social-worker')
    .where('c.date_of_death', 'is', null)
    .executeTakeFirstOrThrow();
  const now = new Date();
  const actor: Actor = {
    councilId,
    userId: worker.user_id,
    workerId: worker.worker_id,
    role: 'social-worker',
    name: 'Demo worker',
    email: worker.email,
    sessionId: null,
    ip: null,
    route: 'demo test',
    now,
    today: londonDate(now),
  };
  await updateChild(db, actor, worker.child_id, {
    version: worker.version,
    givenName: `${worker.given_name}ie`,
    familyName: worker.family_name,
    dateOfBirth: worker.date_of_birth,
    reason: 'Known by this name',
  });
  const verified = await verifyAuditTrail(db, { key: 'a test audit key', councilId });
  expect(verified.breaks).toEqual([]);
  expect(verified.notes.differing).toEqual([]);
  expect(verified.facts.differing).toEqual([]);
  // The child's new version, checked against the change's entry (the demo's own versions carry no hash).
  expect(verified.facts.checked).toBeGreaterThanOrEqual(1);
}
