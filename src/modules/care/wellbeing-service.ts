import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource } from '../../platform/transactions.ts';
import { onChild, requireOrder } from '../journey/service.ts';
import { insertHealthAssessment, insertMissingEpisode, insertPersonalEducationPlan } from './queries.ts';

/**
 * Health assessments, personal education plans and missing episodes: the statutory work with a child (Care
 * Planning Regulations 2010 reg. 7; DfE statutory guidance on the health of looked after children
 * and on promoting their education; the statutory guidance on children who run away or go missing).
 */

/** A health assessment or a personal education plan: initial or review, on a date in the period of care. */
export function recordCareCheck(kind: 'health-assessment' | 'personal-education-plan') {
  return (db: Database, actor: Actor, childId: string, values: RecordValues) =>
    onChild(db, actor, childId, values, async (trx, journey) => {
      if (!journey.carePeriod)
        throw new ValidationError([{ path: 'completedOn', message: 'The child is not looked after.' }]);
      const completedOn = values.completedOn as string;
      requireOrder([
        {
          path: 'completedOn',
          date: completedOn,
          notBefore: journey.carePeriod.start_date,
          message: 'The date cannot be before the period of care started',
        },
      ]);
      const row = {
        council_id: actor.councilId,
        id: uuidv7(),
        child_id: childId,
        completed_on: completedOn,
        recorded_by: actor.workerId,
      };
      if (kind === 'health-assessment') {
        await insertHealthAssessment(trx, { ...row, kind: values.kind as 'initial' | 'review' | 'dental' });
      } else {
        await insertPersonalEducationPlan(trx, { ...row, kind: values.kind as 'initial' | 'review' });
      }
      await appendAudit(trx, auditSource(actor), {
        action: `${kind}.recorded`,
        childId,
        details: { id: row.id, kind: values.kind },
      });
      return row.id;
    });
}

/** A missing or away-from-placement episode, with the return interview offered and accepted. */
export async function recordMissingEpisode(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx) => {
    const startedOn = values.startedOn as string;
    const endedOn = (values.endedOn as string | null) ?? null;
    requireOrder([
      {
        path: 'endedOn',
        date: endedOn,
        notBefore: startedOn,
        message: 'The child cannot return before they went missing',
      },
    ]);
    if (values.returnInterviewAccepted === true && values.returnInterviewOffered !== true) {
      throw new ValidationError([
        {
          path: 'returnInterviewAccepted',
          message: 'A return interview can only be accepted once it has been offered',
        },
      ]);
    }
    const id = uuidv7();
    await insertMissingEpisode(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      kind: values.kind as 'M' | 'A',
      started_on: startedOn,
      ended_on: endedOn,
      return_interview_offered: (values.returnInterviewOffered as boolean | null) ?? null,
      return_interview_accepted: (values.returnInterviewAccepted as boolean | null) ?? null,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'missing-episode.recorded',
      childId,
      details: { id },
    });
    return id;
  });
}
