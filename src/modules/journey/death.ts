import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import { deathProblems } from '../../domain/journey/guards.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource } from '../../platform/transactions.ts';
import { updateVersioned } from '../../platform/versioning.ts';
import { endAllocationsOnDeath } from '../caseloads/allocation-service.ts';
import { endChildInNeedPlanOn, endChildProtectionPlanOn } from '../protection/service.ts';
import { PLAN_ENDED_BY_DEATH } from '../protection/views/protection-view-models.ts';
import { endCareOnDeath, latestEventOn } from './queries.ts';
import { onChild, type OpenJourney } from './service.ts';

/** CIN census reason for closure RC2: the child died. */
const CHILD_DIED = 'RC2';

/**
 * Records a child's death, once, inside the caller's transaction (issue 17): the date goes on the child's record
 * (its earlier version kept), an open child protection or child in need plan ends that day, the open episode of
 * need closes with RC2, an open period of care ends with SSDA903 reason E2, and every allocation ends that day
 * (the worker and team then holding the case keep access to the record: platform/access-queries.ts). The obligations that follow are rebuilt by the caller's `onChild`
 * after this returns, and the date of death ends each of them (lifetimes.ts). Nothing can be recorded after it.
 */
export async function recordDeathOn(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  journey: OpenJourney,
  death: { diedOn: string; path: string; how: string },
): Promise<void> {
  const problems = deathProblems(
    death.diedOn,
    {
      dateOfBirth: journey.child.date_of_birth,
      dateOfDeath: journey.child.date_of_death,
      latestEvent: await latestEventOn(trx, actor.councilId, childId),
    },
    actor.today,
    death.path,
  );
  if (problems.length) throw new ValidationError(problems);
  await updateVersioned(
    trx,
    actor,
    { table: 'children', id: childId, expectedVersion: journey.child.version, reason: death.how },
    { date_of_death: death.diedOn },
  );
  // The plans end with the life they protected, through their own write path (each audited), before the episode
  // they hang on closes: the CIN census and the CP register then show no plan open past the date of death.
  if (journey.cpPlan)
    await endChildProtectionPlanOn(trx, actor, childId, journey.cpPlan, {
      endDate: death.diedOn,
      reason: PLAN_ENDED_BY_DEATH,
      path: death.path,
    });
  if (journey.cinPlan)
    await endChildInNeedPlanOn(trx, actor, childId, journey.cinPlan, {
      endDate: death.diedOn,
      path: death.path,
    });
  if (journey.episode)
    await updateVersioned(
      trx,
      actor,
      {
        table: 'episodes',
        id: journey.episode.id,
        expectedVersion: journey.episode.version,
        reason: death.how,
      },
      { closed_on: death.diedOn, closure_reason: CHILD_DIED },
    );
  const periods = await endCareOnDeath(trx, actor.councilId, childId, {
    diedOn: death.diedOn,
    now: actor.now,
  });
  await endAllocationsOnDeath(trx, actor, childId, death.diedOn);
  await appendAudit(trx, auditSource(actor), {
    action: 'child.died.recorded',
    childId,
    details: {
      diedOn: death.diedOn,
      how: death.how,
      plansEnded: [journey.cpPlan?.id, journey.cinPlan?.id].filter(Boolean),
      episodeClosed: journey.episode?.id ?? null,
      periodsOfCareEnded: periods,
    },
  });
}

/** The form's use case: a worker records that the child has died. */
export async function recordDeath(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, {}, async (trx, journey) => {
    await recordDeathOn(trx, actor, childId, journey, {
      diedOn: values.diedOn as string,
      path: 'diedOn',
      how: 'The child’s death was recorded',
    });
    return childId;
  });
}
