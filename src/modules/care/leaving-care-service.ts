import type { Kysely, Transaction } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import { codeListOn } from '../../domain/codes/code-lists.ts';
import { careLeaverStatusProblems } from '../../domain/journey/care-leavers.ts';
import { IN_TOUCH_DIED } from '../../domain/journey/guards.ts';
import { careLeaverStatuses, type CareLeaverStatus } from '../../domain/journey/status.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource } from '../../platform/transactions.ts';
import { recordDeathOn } from '../journey/death.ts';
import { onChild, requireOrder, type OpenJourney } from '../journey/service.ts';
import { updateVersioned } from '../../platform/versioning.ts';
import {
  carePeriodDates,
  currentCareLeaverStatus,
  endCareLeaverStatus,
  insertAllocation,
  insertCareLeaverContact,
  insertCareLeaverStatus,
  insertPathwayPlan,
  insertPathwayPlanReview,
  openPathwayPlan,
  personalAdviserByEmail,
} from './queries.ts';

/**
 * Care leavers (Children (Leaving Care) Act 2000; Care Leavers (England) Regulations 2010): a status with a personal
 * adviser, a pathway plan reviewed at least every 6 months, and keep-in-touch contacts recording accommodation
 * and activity with the SSDA903 codes.
 */

async function personalAdviser(
  trx: Kysely<Tables>,
  actor: Actor,
  email: string | null,
): Promise<string | null> {
  if (!email) return null;
  const adviser = await personalAdviserByEmail(trx, actor.councilId, email.trim().toLowerCase());
  if (!adviser) {
    throw new ValidationError([
      {
        path: 'personalAdviserEmail',
        message: 'Enter the email address of a personal adviser in this council',
      },
    ]);
  }
  return adviser.id;
}

/**
 * Starts (or changes) the young person's care leaver status from a date, ending the one before; the personal
 * adviser, when given, is allocated to them from that date too.
 */
export async function startCareLeaving(
  trx: Kysely<Tables>,
  actor: Actor,
  childId: string,
  change: {
    status: string;
    fromDate: string;
    personalAdviserEmail: string | null;
    dateOfBirth: string | null;
    /** The field the status was chosen in. */
    path: string;
  },
): Promise<string> {
  if (!(careLeaverStatuses as readonly string[]).includes(change.status)) {
    throw new ValidationError([
      { path: change.path, message: 'Select the care leaver status from the list' },
    ]);
  }
  // Care Leavers (England) Regulations 2010, reg. 3: 13 weeks looked after since the 14th birthday, some after the 16th.
  const periods = await carePeriodDates(trx, actor.councilId, childId);
  const problems = careLeaverStatusProblems(
    {
      status: change.status,
      from: change.fromDate,
      dateOfBirth: change.dateOfBirth,
      periodsOfCare: periods.map((period) => ({ start: period.start_date, end: period.end_date })),
    },
    change.path,
  );
  if (problems.length) throw new ValidationError(problems);
  const adviserId = await personalAdviser(trx, actor, change.personalAdviserEmail);
  const current = await currentCareLeaverStatus(trx, actor.councilId, childId);
  if (current) {
    requireOrder([
      {
        path: 'fromDate',
        date: change.fromDate,
        notBefore: current.from_date,
        message: 'The new status cannot start before the current one',
      },
    ]);
    await endCareLeaverStatus(trx, actor.councilId, current.id, change.fromDate);
  }
  const id = uuidv7();
  await insertCareLeaverStatus(trx, {
    council_id: actor.councilId,
    id,
    child_id: childId,
    status: change.status as CareLeaverStatus,
    from_date: change.fromDate,
    personal_adviser_id: adviserId ?? current?.personal_adviser_id ?? null,
    recorded_by: actor.workerId,
  });
  if (adviserId && adviserId !== current?.personal_adviser_id) {
    await insertAllocation(trx, {
      council_id: actor.councilId,
      id: uuidv7(),
      child_id: childId,
      worker_id: adviserId,
      case_role: 'personal-adviser',
      from_date: change.fromDate,
      reason: 'Personal adviser for a care leaver',
    });
  }
  return id;
}

/** Leaving-care support starts at 16 or over (Children (Leaving Care) Act 2000). */
export function requireSixteen(dateOfBirth: string | null, endDate: string): void {
  const sixteenth = dateOfBirth && Temporal.PlainDate.from(dateOfBirth).add({ years: 16 }).toString();
  if (!sixteenth || endDate < sixteenth) {
    throw new ValidationError([
      { path: 'leavingCareStatus', message: 'Leaving-care support starts at 16 or over' },
    ]);
  }
}

/**
 * Closes the open episode of need on the day a young person leaves care at 18 to leaving-care support, with the
 * reason the journey gives (CIN census reason for closure), keeping the episode's earlier version.
 */
export async function closeEpisodeOnLeavingCare(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  episode: OpenJourney['episode'],
  closure: { closedOn: string; reason: string },
): Promise<void> {
  if (!episode) return;
  const { closedOn, reason } = closure;
  await updateVersioned(
    trx,
    actor,
    {
      table: 'episodes',
      id: episode.id,
      expectedVersion: episode.version,
      reason: 'Left care at 18 to leaving-care support',
    },
    { closed_on: closedOn, closure_reason: reason },
  );
  await appendAudit(trx, auditSource(actor), {
    action: 'episode.closed',
    childId,
    details: { episodeId: episode.id, reason },
  });
}

function requireCareLeaver(journey: { careLeaver?: unknown }, path: string) {
  if (!journey.careLeaver)
    throw new ValidationError([{ path, message: 'The young person is not a care leaver.' }]);
}

export async function changeCareLeaverStatus(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    requireCareLeaver(journey, 'status');
    const id = await startCareLeaving(trx, actor, childId, {
      status: values.status as string,
      fromDate: values.fromDate as string,
      personalAdviserEmail: (values.personalAdviserEmail as string | null) ?? null,
      dateOfBirth: journey.child.date_of_birth,
      path: 'status',
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'care-leaver-status.changed',
      childId,
      details: { id, status: values.status },
    });
    return id;
  });
}

export async function startPathwayPlan(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    requireCareLeaver(journey, 'startedOn');
    const open = await openPathwayPlan(trx, actor.councilId, childId);
    if (open)
      throw new ValidationError([
        { path: 'startedOn', message: 'The young person already has a pathway plan: record a review of it' },
      ]);
    const id = uuidv7();
    await insertPathwayPlan(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      started_on: values.startedOn as string,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), { action: 'pathway-plan.started', childId, details: { id } });
    return id;
  });
}

export async function recordPathwayPlanReview(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx) => {
    const plan = await openPathwayPlan(trx, actor.councilId, childId);
    if (!plan)
      throw new ValidationError([
        { path: 'heldOn', message: 'The young person has no pathway plan to review' },
      ]);
    const heldOn = values.heldOn as string;
    requireOrder([
      {
        path: 'heldOn',
        date: heldOn,
        notBefore: plan.started_on,
        message: 'The review cannot be before the plan started',
      },
    ]);
    const id = uuidv7();
    await insertPathwayPlanReview(trx, {
      council_id: actor.councilId,
      id,
      pathway_plan_id: plan.id,
      child_id: childId,
      held_on: heldOn,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'pathway-plan-review.recorded',
      childId,
      details: { id },
    });
    return id;
  });
}

/** A keep-in-touch contact: whether in touch, and the accommodation and activity (SSDA903 IN_TOUCH, ACCOM, ACTIV). */
export async function recordCareLeaverContact(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    requireCareLeaver(journey, 'contactedOn');
    const on = values.contactedOn as string;
    const problems = (['inTouch:IN_TOUCH', 'accommodation:ACCOM', 'activity:ACTIV'] as const).flatMap(
      (pair) => {
        const [path, field] = pair.split(':') as [string, string];
        const code = values[path] as string | null;
        return code && !codeListOn('SSDA903', field, on).has(code)
          ? [{ path, message: `Select a ${field} code from the list` }]
          : [];
      },
    );
    if (problems.length) throw new ValidationError(problems);
    const id = uuidv7();
    await insertCareLeaverContact(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      contacted_on: on,
      in_touch: values.inTouch as string,
      accommodation: (values.accommodation as string | null) ?? null,
      activity: (values.activity as string | null) ?? null,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'care-leaver-contact.recorded',
      childId,
      details: { id },
    });
    // SSDA903 IN_TOUCH "DIED": the young person's death is recorded, once, and ends their journey.
    if (values.inTouch === IN_TOUCH_DIED)
      await recordDeathOn(trx, actor, childId, journey, {
        diedOn: on,
        path: 'inTouch',
        how: 'Recorded as died at a keeping-in-touch contact',
      });
    return id;
  });
}
