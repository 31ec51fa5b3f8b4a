import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource } from '../../platform/transactions.ts';
import { onChild, requireOrder } from '../journey/service.ts';
import { codeListOn } from '../../domain/codes/code-lists.ts';
import {
  insertCareOutcomes,
  insertHealthAssessment,
  insertMissingEpisode,
  insertPersonalEducationPlan,
} from './queries.ts';

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

const answer = (values: RecordValues, name: string) => (values[name] as boolean | null | undefined) ?? null;

/**
 * The year's outcomes of a child looked after for 12 months on 31 March (SSDA903 OC2): the SDQ score or the
 * reason there is none, conviction, immunisations and substance misuse with any intervention. One record a
 * year; a correction is recorded again for the same year and the latest counts.
 */
export async function recordCareOutcomes(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx) => {
    const yearEnding = values.yearEnding as string;
    const problems = [];
    if (!yearEnding.endsWith('-03-31'))
      problems.push({ path: 'yearEnding', message: 'The year ends on 31 March: enter 31 March of the year' });
    const sdqScore = (values.sdqScore as number | null | undefined) ?? null;
    const sdqReason = (values.sdqReason as string | null | undefined) ?? null;
    if (sdqScore !== null && sdqReason !== null)
      problems.push({ path: 'sdqReason', message: 'Give a score or a reason there is none, not both' });
    if (sdqReason !== null && !codeListOn('SSDA903', 'SDQ_REASON', yearEnding).has(sdqReason))
      problems.push({ path: 'sdqReason', message: 'Select a reason from the list' });
    if (answer(values, 'substanceMisuse') !== true && answer(values, 'interventionReceived') !== null)
      problems.push({
        path: 'interventionReceived',
        message: 'An intervention is recorded only for a child with a substance misuse problem',
      });
    if (problems.length) throw new ValidationError(problems);
    const id = uuidv7();
    const received = answer(values, 'interventionReceived');
    await insertCareOutcomes(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      year_ending: yearEnding,
      sdq_score: sdqScore,
      sdq_reason: sdqReason,
      convicted: answer(values, 'convicted'),
      immunisations_up_to_date: answer(values, 'immunisationsUpToDate'),
      substance_misuse: answer(values, 'substanceMisuse'),
      intervention_received: received,
      intervention_offered: received === false ? answer(values, 'interventionOffered') : null,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'care-outcomes.recorded',
      childId,
      details: { id },
    });
    return id;
  });
}
