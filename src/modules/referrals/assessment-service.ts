import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import {
  assessmentOutcomes,
  assessmentProblems,
  authorisationProblems,
  type AssessmentInput,
  type DateEntry,
} from '../../domain/journey/rules.ts';
import { requireChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { rebuildObligations } from '../timescales/service.ts';
import { updateVersioned } from '../../platform/versioning.ts';
import {
  assessmentForUpdate,
  episodeForUpdate,
  insertAssessment,
  insertAssessmentFactors,
} from './queries.ts';

export interface NewAssessment extends AssessmentInput {
  summary: string;
}

/**
 * Records a single assessment in an episode of need: its start (not before the referral), the factors identified
 * (CIN AssessmentFactors codes) and, when known, its outcome. It is complete only once a manager authorises it.
 */
export async function recordAssessment(
  db: Database,
  actor: Actor,
  childId: string,
  episodeId: string,
  input: NewAssessment,
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const episode = await episodeForUpdate(trx, actor.councilId, childId, episodeId);
    if (!episode) throw new NotFound();
    const problems = assessmentProblems(
      input,
      { referralDate: episode.referral_date, closedOn: episode.closed_on },
      actor.today,
    );
    if (problems.length) throw new ValidationError(problems);
    const id = uuidv7();
    await insertAssessment(trx, {
      council_id: actor.councilId,
      id,
      episode_id: episodeId,
      child_id: childId,
      start_date: (input.startDate as { date: string }).date,
      outcome: input.outcome || null,
      summary: input.summary.trim() || null,
      recorded_by: actor.workerId,
      updated_at: actor.now,
    });
    const factors = [...new Set(input.factors)];
    if (factors.length) await insertAssessmentFactors(trx, actor.councilId, id, factors);
    // What is due follows what was recorded (timescales), in the same transaction.
    await rebuildObligations(trx, actor.councilId, [childId], actor);
    await appendAudit(trx, auditSource(actor), {
      action: 'assessment.recorded',
      childId,
      details: { episodeId, assessmentId: id, factors },
    });
    return id;
  });
}

/** A manager's authorisation of an assessment: the approval step, with its own audit entry. */
export async function authoriseAssessment(
  db: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  input: { authorisedOn: DateEntry; outcome?: string; version: number },
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const assessment = await assessmentForUpdate(trx, actor.councilId, childId, assessmentId);
    if (!assessment) throw new NotFound();
    const outcome = input.outcome?.trim() || assessment.outcome;
    if (assessment.version === input.version) {
      const problems = authorisationProblems(
        input.authorisedOn,
        { startDate: assessment.start_date, outcome, authorisedOn: assessment.authorised_on },
        actor.today,
      );
      if (input.outcome && !(assessmentOutcomes as readonly string[]).includes(input.outcome))
        problems.push({ path: 'outcome', message: 'Select the outcome of the assessment' });
      if (problems.length) throw new ValidationError(problems);
    }
    const version = await updateVersioned(
      trx,
      actor,
      { table: 'assessments', id: assessmentId, expectedVersion: input.version },
      {
        outcome,
        authorised_on: (input.authorisedOn as { date: string }).date,
        authorised_by: actor.workerId,
      },
    );
    // What is due follows what was recorded (timescales), in the same transaction.
    await rebuildObligations(trx, actor.councilId, [childId], actor);
    await appendAudit(trx, auditSource(actor), {
      action: 'assessment.authorised',
      childId,
      details: { assessmentId, episodeId: assessment.episode_id, version },
    });
    return version;
  });
}
