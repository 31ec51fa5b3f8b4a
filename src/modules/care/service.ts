import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import { codeListOn } from '../../domain/codes/code-lists.ts';
import { legalStatusProblems } from '../../domain/journey/guards.ts';
import { periodsOverlap } from '../../domain/journey/order.ts';
import { leavingCareEvent } from '../../domain/journey/transitions.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource } from '../../platform/transactions.ts';
import {
  carePeriodDates,
  currentStatusAndPlacement,
  endCarePeriod,
  endLegalStatus,
  endPlacement,
  insertCarePeriod,
  insertCareReview,
  insertLegalStatus,
  insertPlacement,
} from './queries.ts';
import {
  onChild,
  readChildSection,
  requireMove,
  requireOrder,
  type OpenJourney,
} from '../journey/service.ts';
import { oldestFirst, workerNames, type ChildRecord } from '../record/service.ts';
import { placementGeography, postcodeProblemsOf } from '../postcodes/service.ts';
import { closeEpisodeOnLeavingCare, requireSixteen, startCareLeaving } from './leaving-care-service.ts';

/**
 * Looked after children (Care Planning, Placement and Case Review (England) Regulations 2010; the SSDA903 guide):
 * periods of care whose legal statuses and placements are effective-dated, so each change starts a new SSDA903
 * episode on its date and ends the one before on the same date. Nothing earlier is rewritten.
 */
const text = (values: RecordValues, name: string) => values[name] as string;
const optional = (values: RecordValues, name: string) => (values[name] as string | null) ?? null;
const flag = (values: RecordValues, name: string) => values[name] === true;

function requireCode(field: string, path: string, code: string, on: string) {
  if (!codeListOn('SSDA903', field, on).has(code)) {
    throw new ValidationError([{ path, message: `Select a ${field} code from the list` }]);
  }
}

function requireOpenPeriod(journey: OpenJourney, path: string) {
  if (!journey.carePeriod) throw new ValidationError([{ path, message: 'The child is not looked after.' }]);
  return journey.carePeriod;
}

/**
 * The placement columns common to a first placement and a change of placement. The distance from home, and whether
 * the placement is in the council's area, are worked out from the postcodes when the directory holds them; an
 * answer given on the form about the area stands.
 */
async function placementRow(trx: Kysely<Tables>, councilId: string, values: RecordValues, start: string) {
  const postcode = optional(values, 'postcode')?.toUpperCase() ?? null;
  const homePostcode = optional(values, 'homePostcode')?.toUpperCase() ?? null;
  const problems = await postcodeProblemsOf(trx, [
    { path: 'postcode', label: 'the placement', postcode },
    { path: 'homePostcode', label: 'the child’s home', postcode: homePostcode },
  ]);
  if (problems.length) throw new ValidationError(problems);
  const geography = await placementGeography(trx, councilId, postcode, homePostcode);
  return {
    start_date: start,
    place: text(values, 'place'),
    provider: text(values, 'provider'),
    postcode,
    home_postcode: homePostcode,
    in_area:
      values.inArea === null || values.inArea === undefined ? geography.inArea : flag(values, 'inArea'),
    distance_miles: geography.distanceMiles,
    unregistered: flag(values, 'unregistered'),
    long_term_agreed: flag(values, 'longTermAgreed'),
  };
}

/** The child becomes looked after: a period of care opens with its first legal status and placement. */
export async function startPeriodOfCare(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    requireMove(journey, 'became-looked-after', 'startDate');
    const startDate = text(values, 'startDate');
    requireCode('LS', 'legalStatus', text(values, 'legalStatus'), startDate);
    requireCode('PLACE', 'place', text(values, 'place'), startDate);
    requireCode('PLACE_PROVIDER', 'provider', text(values, 'provider'), startDate);
    requireOrder([
      {
        path: 'startDate',
        date: startDate,
        notBefore: journey.child.date_of_birth,
        message: 'The child cannot be looked after before they were born',
      },
    ]);
    const earlier = await carePeriodDates(trx, actor.councilId, childId);
    if (
      earlier.some((period) =>
        periodsOverlap({ start: startDate, end: null }, { start: period.start_date, end: period.end_date }),
      )
    ) {
      throw new ValidationError([
        { path: 'startDate', message: 'This period of care would overlap an earlier one' },
      ]);
    }
    const episodeId = journey.episode?.id;
    if (!episodeId) throw new ValidationError([{ path: 'startDate', message: 'Record the referral first.' }]);
    const periodId = uuidv7();
    await insertCarePeriod(trx, {
      council_id: actor.councilId,
      id: periodId,
      child_id: childId,
      episode_id: episodeId,
      start_date: startDate,
    });
    await insertLegalStatus(trx, {
      council_id: actor.councilId,
      id: uuidv7(),
      care_period_id: periodId,
      child_id: childId,
      code: text(values, 'legalStatus'),
      from_date: startDate,
      recorded_by: actor.workerId,
    });
    await insertPlacement(trx, {
      council_id: actor.councilId,
      id: uuidv7(),
      care_period_id: periodId,
      child_id: childId,
      ...(await placementRow(trx, actor.councilId, values, startDate)),
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'care-period.started',
      childId,
      details: { periodId, legalStatus: values.legalStatus, place: values.place },
    });
    return periodId;
  });
}

/** A change of legal status from a date: the current status ends that day and the new one begins. */
export async function changeLegalStatus(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const period = requireOpenPeriod(journey, 'fromDate');
    const fromDate = text(values, 'fromDate');
    requireCode('LS', 'legalStatus', text(values, 'legalStatus'), fromDate);
    const { status } = await currentStatusAndPlacement(trx, actor.councilId, period.id);
    requireOrder([
      {
        path: 'fromDate',
        date: fromDate,
        notBefore: period.start_date,
        message: 'The legal status cannot start before the period of care',
      },
      {
        path: 'fromDate',
        date: fromDate,
        notBefore: status?.from_date,
        message: 'The new legal status cannot start before the current one',
      },
    ]);
    if (status?.code === values.legalStatus)
      throw new ValidationError([
        { path: 'legalStatus', message: 'This is already the child’s legal status' },
      ]);
    const reason = optional(values, 'reason')?.trim() ?? '';
    const backwards = legalStatusProblems({
      from: status?.code ?? null,
      to: text(values, 'legalStatus'),
      reason,
    });
    if (backwards.length) throw new ValidationError(backwards);
    if (status) await endLegalStatus(trx, actor.councilId, status.id, fromDate);
    const id = uuidv7();
    await insertLegalStatus(trx, {
      council_id: actor.councilId,
      id,
      care_period_id: period.id,
      child_id: childId,
      code: text(values, 'legalStatus'),
      from_date: fromDate,
      change_reason: reason || null,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'legal-status.changed',
      childId,
      details: { id, code: values.legalStatus, from: status?.code ?? null },
    });
    return id;
  });
}

/** A change of placement: the current placement ends that day with its reason, and the new one starts. */
export async function changePlacement(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const period = requireOpenPeriod(journey, 'startDate');
    const startDate = text(values, 'startDate');
    requireCode('PLACE', 'place', text(values, 'place'), startDate);
    requireCode('PLACE_PROVIDER', 'provider', text(values, 'provider'), startDate);
    requireCode('REASON_PLACE_CHANGE', 'changeReason', text(values, 'changeReason'), startDate);
    const { placement } = await currentStatusAndPlacement(trx, actor.councilId, period.id);
    requireOrder([
      {
        path: 'startDate',
        date: startDate,
        notBefore: period.start_date,
        message: 'The placement cannot start before the period of care',
      },
    ]);
    if (placement && startDate <= placement.start_date) {
      throw new ValidationError([
        {
          path: 'startDate',
          message: 'The new placement must start after the current one started: placements cannot overlap',
        },
      ]);
    }
    if (placement) {
      await endPlacement(trx, actor.councilId, placement.id, {
        end_date: startDate,
        change_reason: text(values, 'changeReason'),
      });
    }
    const id = uuidv7();
    await insertPlacement(trx, {
      council_id: actor.councilId,
      id,
      care_period_id: period.id,
      child_id: childId,
      ...(await placementRow(trx, actor.councilId, values, startDate)),
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'placement.changed',
      childId,
      details: { id, place: values.place, reason: values.changeReason },
    });
    return id;
  });
}

/** A statutory review chaired by the IRO (reg. 33), with the child's participation code. */
export async function recordCareReview(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const period = requireOpenPeriod(journey, 'heldOn');
    const heldOn = text(values, 'heldOn');
    requireCode('REVIEW_CODE', 'participation', text(values, 'participation'), heldOn);
    requireOrder([
      {
        path: 'heldOn',
        date: heldOn,
        notBefore: period.start_date,
        message: 'The review cannot be before the period of care started',
      },
    ]);
    const id = uuidv7();
    await insertCareReview(trx, {
      council_id: actor.councilId,
      id,
      care_period_id: period.id,
      child_id: childId,
      held_on: heldOn,
      iro_worker_id: actor.role === 'independent-reviewing-officer' ? actor.workerId : null,
      participation: text(values, 'participation'),
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), { action: 'care-review.recorded', childId, details: { id } });
    return id;
  });
}

/**
 * The period of care ends with its SSDA903 reason. If the young person is 16 or over and leaves care eligible for
 * leaving-care support, their care leaver status starts the same day (Children (Leaving Care) Act 2000); at 18 or
 * over their episode of need closes that day too, as the CIN census expects (see `closureOnLeavingCareAtEighteen`).
 */
export async function endPeriodOfCare(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const period = requireOpenPeriod(journey, 'endDate');
    const endDate = text(values, 'endDate');
    requireCode('REC', 'reason', text(values, 'reason'), endDate);
    const leavingCare = optional(values, 'leavingCareStatus');
    const move = requireMove(
      journey,
      leavingCareEvent(journey.child.date_of_birth, endDate, leavingCare !== null),
      'leavingCareStatus',
    );
    requireOrder([
      {
        path: 'endDate',
        date: endDate,
        notBefore: period.start_date,
        message: 'The period of care cannot end before it started',
      },
    ]);
    const { status, placement } = await currentStatusAndPlacement(trx, actor.councilId, period.id);
    requireOrder([
      {
        path: 'endDate',
        date: endDate,
        notBefore: placement?.start_date,
        message: 'The period of care cannot end before the current placement started',
      },
      {
        path: 'endDate',
        date: endDate,
        notBefore: status?.from_date,
        message: 'The period of care cannot end before the current legal status started',
      },
    ]);
    if (leavingCare) requireSixteen(journey.child.date_of_birth, endDate);
    await endCarePeriod(trx, actor.councilId, period.id, {
      end_date: endDate,
      reason_ceased: text(values, 'reason'),
      version: period.version + 1,
      updated_at: actor.now,
    });
    if (status) await endLegalStatus(trx, actor.councilId, status.id, endDate);
    if (placement) await endPlacement(trx, actor.councilId, placement.id, { end_date: endDate });
    if (leavingCare) {
      await startCareLeaving(trx, actor, childId, {
        status: leavingCare,
        fromDate: endDate,
        personalAdviserEmail: optional(values, 'personalAdviserEmail'),
        dateOfBirth: journey.child.date_of_birth,
        path: 'leavingCareStatus',
      });
    }
    if (move.closesEpisode)
      await closeEpisodeOnLeavingCare(trx, actor, childId, journey.episode, {
        closedOn: endDate,
        reason: move.closesEpisode,
      });
    await appendAudit(trx, auditSource(actor), {
      action: 'care-period.ended',
      childId,
      details: { periodId: period.id, reason: values.reason, leavingCare },
    });
    return period.id;
  });
}

/**
 * The care page: periods of care, legal statuses, placements and the statutory work, and leaving care, from the
 * child's record as at today through the one reader, oldest first; each care leaver status with its personal
 * adviser's name.
 */
export async function viewCare(db: Database, actor: Actor, childId: string) {
  return readChildSection(db, actor, childId, 'care.viewed', async (record: ChildRecord, trx) => {
    const advisers = await workerNames(
      trx,
      actor.councilId,
      record.care_leaver_statuses.flatMap((status) => status.personal_adviser_id ?? []),
    );
    return {
      periods: oldestFirst(record.care_periods, 'start_date'),
      legalStatuses: oldestFirst(record.legal_statuses, 'from_date'),
      placements: oldestFirst(record.placements, 'start_date'),
      reviews: oldestFirst(record.cla_reviews, 'held_on'),
      visits: oldestFirst(record.child_visits, 'visited_on'),
      health: oldestFirst(record.health_assessments, 'completed_on'),
      educationPlans: oldestFirst(record.personal_education_plans, 'completed_on'),
      missing: oldestFirst(record.missing_episodes, 'started_on'),
      careLeaver: oldestFirst(record.care_leaver_statuses, 'from_date').map((status) => ({
        ...status,
        adviser_name: status.personal_adviser_id ? (advisers.get(status.personal_adviser_id) ?? null) : null,
      })),
      pathwayPlans: oldestFirst(record.pathway_plans, 'started_on'),
      pathwayReviews: oldestFirst(record.pathway_plan_reviews, 'held_on'),
      contacts: oldestFirst(record.care_leaver_contacts, 'contacted_on'),
    };
  });
}
