import type { Selectable, Transaction } from 'kysely';
import type { Tables } from '../../db/schema.ts';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import {
  assessmentOutcomes,
  assessmentProblems,
  authorisationProblems,
  nextStepOf,
  oversightProblems,
  type AssessmentInput,
  type OversightInput,
  type DateEntry,
} from '../../domain/journey/rules.ts';
import { requireChildren, visibleChildIds } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit, appendAuditNow } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { writeNote } from '../casenotes/service.ts';
import { rebuildObligations } from '../timescales/service.ts';
import { updateVersioned } from '../../platform/versioning.ts';
import {
  assessmentForUpdate,
  episodeForUpdate,
  insertAssessment,
  insertAssessmentFactors,
  returnedAssessmentsOf,
} from './queries.ts';

export interface NewAssessment extends AssessmentInput {
  summary: string;
  /** What the worker made of what they found. */
  analysis?: string;
  /** The child's wishes and feelings (Children Act 1989, s. 17(4A)). */
  childsVoice?: string;
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
      analysis: input.analysis?.trim() || null,
      childs_voice: input.childsVoice?.trim() || null,
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

/** Runs a change to one assessment: the gatekeeper allows the write, and the assessment is locked, in one transaction. */
function onAssessment<T>(
  db: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  work: (trx: Transaction<Tables>, assessment: Selectable<Tables['assessments']>) => Promise<T>,
): Promise<T> {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const assessment = await assessmentForUpdate(trx, actor.councilId, childId, assessmentId);
    if (!assessment) throw new NotFound();
    return work(trx, assessment);
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
  return onAssessment(db, actor, childId, assessmentId, async (trx, assessment) => {
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

export interface Oversight extends OversightInput {
  version: number;
}

/**
 * A manager's oversight of an assessment (Working Together 2023): their note is kept on the assessment and written
 * as a management oversight case note, so the chronology shows it; then either the assessment is authorised with
 * its outcome (never "not yet known"), or it goes back to the worker with the reasons. Returns the next step the
 * outcome asks for, if any.
 */
export async function overseeAssessment(
  db: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  input: Oversight,
) {
  return onAssessment(db, actor, childId, assessmentId, async (trx, assessment) => {
    if (assessment.version === input.version) {
      const problems = oversightProblems(
        input,
        { startDate: assessment.start_date, authorisedOn: assessment.authorised_on },
        actor.today,
      );
      if (problems.length) throw new ValidationError(problems);
    }
    const authorising = input.decision === 'authorise';
    const decidedOn = authorising ? (input.decidedOn as { date: string }).date : actor.today;
    const note = input.oversightNote.trim();
    const reasons = input.returnReasons.trim();
    await updateVersioned(
      trx,
      actor,
      {
        table: 'assessments',
        id: assessmentId,
        expectedVersion: input.version,
        reason: authorising ? 'Authorised by a manager' : 'Returned to the worker by a manager',
      },
      authorising
        ? {
            outcome: input.outcome,
            authorised_on: decidedOn,
            authorised_by: actor.workerId,
            oversight_note: note,
            returned_on: null,
            returned_by: null,
            return_reasons: null,
          }
        : {
            oversight_note: note,
            returned_on: decidedOn,
            returned_by: actor.workerId,
            return_reasons: reasons,
          },
    );
    // Written as a case note too, so that the chronology shows the oversight with the other notes.
    await writeNote(trx, actor, childId, {
      kind: 'management-oversight',
      occurredOn: { date: decidedOn },
      title: authorising ? 'Assessment authorised' : 'Assessment returned to the worker',
      body: authorising ? note : `${note}\n\nReasons for returning it: ${reasons}`,
      alsoAbout: [],
    });
    // What is due follows what was recorded (timescales), in the same transaction.
    await rebuildObligations(trx, actor.councilId, [childId], actor);
    await appendAudit(trx, auditSource(actor), {
      action: authorising ? 'assessment.authorised' : 'assessment.returned',
      childId,
      details: { assessmentId, episodeId: assessment.episode_id },
    });
    return { episodeId: assessment.episode_id, next: authorising ? nextStepOf(input.outcome) : null };
  });
}

/** The worker revises a returned assessment and sends it back for authorisation. */
export async function resendAssessment(
  db: Database,
  actor: Actor,
  childId: string,
  assessmentId: string,
  input: { summary: string; analysis: string; childsVoice: string; outcome: string; version: number },
) {
  return onAssessment(db, actor, childId, assessmentId, async (trx, assessment) => {
    if (assessment.authorised_on)
      throw new ValidationError([
        { path: 'summary', message: 'This assessment is authorised: it cannot be changed' },
      ]);
    if (input.outcome && !(assessmentOutcomes as readonly string[]).includes(input.outcome))
      throw new ValidationError([{ path: 'outcome', message: 'Select the outcome of the assessment' }]);
    await updateVersioned(
      trx,
      actor,
      {
        table: 'assessments',
        id: assessmentId,
        expectedVersion: input.version,
        reason: 'Revised by the worker',
      },
      {
        summary: input.summary.trim() || null,
        analysis: input.analysis.trim() || null,
        childs_voice: input.childsVoice.trim() || null,
        outcome: input.outcome || null,
        returned_on: null,
        returned_by: null,
        return_reasons: null,
      },
    );
    await appendAudit(trx, auditSource(actor), {
      action: 'assessment.resent',
      childId,
      details: { assessmentId, episodeId: assessment.episode_id },
    });
  });
}

/** The assessments a manager returned to this worker that they have not yet sent back, for their home page. */
export async function assessmentsReturnedTo(db: Database, actor: Actor) {
  const rows = await returnedAssessmentsOf(db, actor.councilId, actor.workerId);
  const visible = rows.length
    ? await visibleChildIds(
        db,
        actor,
        rows.map((row) => row.child_id),
      )
    : new Set<string>();
  const shown = rows.filter((row) => visible.has(row.child_id));
  if (shown.length)
    await appendAuditNow(db, auditSource(actor), {
      action: 'children.listed',
      details: { list: 'returned assessments', childIds: shown.map((row) => row.child_id) },
    });
  return shown;
}
