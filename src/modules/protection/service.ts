import { childInNeedPlanProblems } from '../../domain/journey/guards.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource } from '../../platform/transactions.ts';
import { oldestFirst, type ChildRecord } from '../record/service.ts';
import {
  markChildInNeedPlanEnded,
  markChildProtectionPlanEnded,
  endSection47Enquiry,
  insertChildInNeedPlan,
  insertChildInNeedPlanReview,
  insertChildProtectionPlan,
  insertCoreGroup,
  insertInitialConference,
  insertReviewConference,
  insertSection47Enquiry,
  insertStrategyDiscussion,
} from './queries.ts';
import {
  onChild,
  readChildSection,
  requireMove,
  requireOrder,
  type OpenJourney,
} from '../journey/service.ts';

/**
 * Child protection and child in need plans (Working Together to Safeguard Children 2023, chapter 2): each use case
 * checks the gatekeeper, locks the child, checks the move against the journey's transition table and the order
 * of dates, writes, and audits, in one transaction.
 */
const text = (values: RecordValues, name: string) => values[name] as string;

export async function recordStrategyDiscussion(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const heldOn = text(values, 'heldOn');
    const startsEnquiry = values.outcome === 'section-47';
    if (startsEnquiry) requireMove(journey, 'strategy-discussion-section-47', 'outcome');
    if (!journey.episode) {
      throw new ValidationError([
        {
          path: 'heldOn',
          message: 'A strategy discussion needs an open episode of need: record the referral first.',
        },
      ]);
    }
    requireOrder([
      {
        path: 'heldOn',
        date: heldOn,
        notBefore: journey.episode.referral_date,
        message: 'The strategy discussion cannot be before the referral',
      },
    ]);
    const id = uuidv7();
    await insertStrategyDiscussion(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      episode_id: journey.episode.id,
      held_on: heldOn,
      attendees: text(values, 'attendees'),
      outcome: startsEnquiry ? 'section-47' : 'no-section-47',
      notes: (values.notes as string | null) ?? null,
      recorded_by: actor.workerId,
    });
    if (startsEnquiry) {
      await insertSection47Enquiry(trx, {
        council_id: actor.councilId,
        id: uuidv7(),
        child_id: childId,
        episode_id: journey.episode.id,
        strategy_discussion_id: id,
        started_on: heldOn,
        recorded_by: actor.workerId,
      });
    }
    await appendAudit(trx, auditSource(actor), {
      action: 'strategy-discussion.recorded',
      childId,
      details: { id, startsEnquiry },
    });
    return id;
  });
}

/** Ends the open section 47 enquiry without a conference: no further action, or continue as child in need. */
export async function endSection47(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const outcome = text(values, 'outcome') as 'no-further-action' | 'child-in-need';
    requireMove(
      journey,
      outcome === 'child-in-need' ? 'section-47-child-in-need' : 'section-47-no-further-action',
      'outcome',
    );
    const endedOn = text(values, 'endedOn');
    requireOrder([
      {
        path: 'endedOn',
        date: endedOn,
        notBefore: journey.section47!.started_on,
        message: 'The enquiry cannot end before it started',
      },
    ]);
    await endSection47Enquiry(trx, actor.councilId, journey.section47!.id, { ended_on: endedOn, outcome });
    await appendAudit(trx, auditSource(actor), { action: 'section-47.ended', childId, details: { outcome } });
    return journey.section47!.id;
  });
}

/**
 * The initial child protection conference ends the enquiry; if it decides on a plan, the plan starts that day with
 * the category of abuse it names. It may not be dated before the strategy discussion that started the enquiry.
 */
export async function recordInitialConference(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const plan = values.outcome === 'child-protection-plan';
    requireMove(journey, plan ? 'conference-child-protection-plan' : 'conference-no-plan', 'outcome');
    const heldOn = text(values, 'heldOn');
    const section47 = journey.section47!;
    requireOrder([
      {
        path: 'heldOn',
        date: heldOn,
        notBefore: section47.strategy_discussion_on,
        message: 'The conference cannot be before the strategy discussion that started the enquiry',
      },
    ]);
    if (plan && !values.category) {
      throw new ValidationError([{ path: 'category', message: 'Select the category of abuse for the plan' }]);
    }
    const id = uuidv7();
    await insertInitialConference(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      section47_id: section47.id,
      held_on: heldOn,
      outcome: plan ? 'child-protection-plan' : 'no-plan',
      category: plan ? text(values, 'category') : null,
      recorded_by: actor.workerId,
    });
    await endSection47Enquiry(trx, actor.councilId, section47.id, {
      ended_on: heldOn,
      outcome: 'conference',
    });
    if (plan) {
      await insertChildProtectionPlan(trx, {
        council_id: actor.councilId,
        id: uuidv7(),
        child_id: childId,
        episode_id: journey.episode!.id,
        conference_id: id,
        start_date: heldOn,
        initial_category: text(values, 'category'),
        latest_category: text(values, 'category'),
      });
    }
    await appendAudit(trx, auditSource(actor), {
      action: 'initial-conference.recorded',
      childId,
      details: { id, plan },
    });
    return id;
  });
}

function requireOpenPlan(journey: OpenJourney, path: string) {
  if (!journey.cpPlan)
    throw new ValidationError([{ path, message: 'The child is not on a child protection plan.' }]);
  return journey.cpPlan;
}

/** A core group meeting or a review conference of the open plan: not before the plan started. */
export function recordPlanMeeting(kind: 'core-group' | 'review-conference') {
  return (db: Database, actor: Actor, childId: string, values: RecordValues) =>
    onChild(db, actor, childId, values, async (trx, journey) => {
      const plan = requireOpenPlan(journey, 'heldOn');
      const heldOn = text(values, 'heldOn');
      requireOrder([
        {
          path: 'heldOn',
          date: heldOn,
          notBefore: plan.start_date,
          message: 'The meeting cannot be before the plan started',
        },
      ]);
      const row = {
        council_id: actor.councilId,
        id: uuidv7(),
        cp_plan_id: plan.id,
        child_id: childId,
        held_on: heldOn,
        recorded_by: actor.workerId,
      };
      if (kind === 'core-group') await insertCoreGroup(trx, row);
      else await insertReviewConference(trx, row);
      await appendAudit(trx, auditSource(actor), {
        action: `cp-${kind}.recorded`,
        childId,
        details: { id: row.id },
      });
      return row.id;
    });
}

/** Refuses a plan's end before its start, naming the field the end date came from. */
function requireEndAfterStart(plan: { start_date: string }, ending: { endDate: string; path?: string }) {
  requireOrder([
    {
      path: ending.path ?? 'endDate',
      date: ending.endDate,
      notBefore: plan.start_date,
      message: 'The plan cannot end before it started',
    },
  ]);
}

export async function endChildProtectionPlan(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const plan = requireOpenPlan(journey, 'endDate');
    requireMove(journey, 'child-protection-plan-ended', 'endDate');
    return endChildProtectionPlanOn(trx, actor, childId, plan, {
      endDate: text(values, 'endDate'),
      reason: text(values, 'reason'),
    });
  });
}

/**
 * Ends the open child protection plan, inside the caller's transaction: not before it started, at its next
 * version, audited. The form's use case and a child's death (journey/death.ts) both end a plan this way.
 */
export async function endChildProtectionPlanOn(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  plan: NonNullable<OpenJourney['cpPlan']>,
  ending: { endDate: string; reason: string; path?: string },
) {
  requireEndAfterStart(plan, ending);
  await markChildProtectionPlanEnded(trx, actor.councilId, plan.id, {
    end_date: ending.endDate,
    end_reason: ending.reason,
    version: plan.version + 1,
    updated_at: actor.now,
  });
  await appendAudit(trx, auditSource(actor), {
    action: 'cp-plan.ended',
    childId,
    details: { id: plan.id, reason: ending.reason },
  });
  return plan.id;
}

export async function startChildInNeedPlan(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    if (!journey.episode) {
      throw new ValidationError([
        { path: 'startDate', message: 'A child in need plan needs an open episode of need.' },
      ]);
    }
    if (journey.cinPlan)
      throw new ValidationError([
        { path: 'startDate', message: 'The child already has an open child in need plan.' },
      ]);
    const besideProtection = childInNeedPlanProblems(journey.cpPlan?.start_date ?? null);
    if (besideProtection.length) throw new ValidationError(besideProtection);
    const startDate = text(values, 'startDate');
    requireOrder([
      {
        path: 'startDate',
        date: startDate,
        notBefore: journey.episode.referral_date,
        message: 'The plan cannot start before the referral',
      },
    ]);
    const id = uuidv7();
    await insertChildInNeedPlan(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      episode_id: journey.episode.id,
      start_date: startDate,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), { action: 'cin-plan.started', childId, details: { id } });
    return id;
  });
}

export async function recordChildInNeedPlanReview(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    if (!journey.cinPlan)
      throw new ValidationError([{ path: 'heldOn', message: 'The child has no open child in need plan.' }]);
    const heldOn = text(values, 'heldOn');
    requireOrder([
      {
        path: 'heldOn',
        date: heldOn,
        notBefore: journey.cinPlan.start_date,
        message: 'The review cannot be before the plan started',
      },
    ]);
    const id = uuidv7();
    await insertChildInNeedPlanReview(trx, {
      council_id: actor.councilId,
      id,
      cin_plan_id: journey.cinPlan.id,
      child_id: childId,
      held_on: heldOn,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'cin-plan-review.recorded',
      childId,
      details: { id },
    });
    return id;
  });
}

export async function endChildInNeedPlan(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    if (!journey.cinPlan)
      throw new ValidationError([{ path: 'endDate', message: 'The child has no open child in need plan.' }]);
    return endChildInNeedPlanOn(trx, actor, childId, journey.cinPlan, { endDate: text(values, 'endDate') });
  });
}

/**
 * Ends the open child in need plan, inside the caller's transaction: not before it started, audited. The form's
 * use case and a child's death (journey/death.ts) both end a plan this way.
 */
export async function endChildInNeedPlanOn(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  plan: NonNullable<OpenJourney['cinPlan']>,
  ending: { endDate: string; path?: string },
) {
  requireEndAfterStart(plan, ending);
  await markChildInNeedPlanEnded(trx, actor.councilId, plan.id, {
    end_date: ending.endDate,
    updated_at: actor.now,
  });
  await appendAudit(trx, auditSource(actor), {
    action: 'cin-plan.ended',
    childId,
    details: { id: plan.id },
  });
  return plan.id;
}

/**
 * The child protection and child in need page: what has been recorded, from the child's record as at today through
 * the one reader, oldest first, and the child's status.
 */
export async function viewProtection(db: Database, actor: Actor, childId: string) {
  const view = await readChildSection(db, actor, childId, 'protection.viewed', (record: ChildRecord) => ({
    strategyDiscussions: oldestFirst(record.strategy_discussions, 'held_on'),
    enquiries: oldestFirst(record.section47_enquiries, 'started_on'),
    conferences: oldestFirst(record.initial_conferences, 'held_on'),
    cpPlans: oldestFirst(record.cp_plans, 'start_date'),
    coreGroups: oldestFirst(record.cp_core_groups, 'held_on'),
    reviewConferences: oldestFirst(record.cp_review_conferences, 'held_on'),
    cinPlans: oldestFirst(record.cin_plans, 'start_date'),
    cinReviews: oldestFirst(record.cin_plan_reviews, 'held_on'),
  }));
  return { child: view.child, status: view.status, record: view.record, ...view.records };
}
