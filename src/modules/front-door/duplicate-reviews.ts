import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import type { Enquiry } from '../../domain/identity/possible-duplicates.ts';
import { visibleChildIds } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { Conflict, NotFound, ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import {
  awaitingDuplicateReviews,
  childrenClearedFor,
  decideReview,
  duplicateQuestionsOf,
  duplicateReview,
  insertDuplicateReview,
} from './queries.ts';

type Trx = Parameters<Parameters<typeof withTransaction>[2]>[0];

/**
 * Possible duplicates for a service manager to review (issue 17). When the front door's check finds that a new
 * child is probably a child the worker may not see, and that child is not restricted, the worker is stopped and
 * the question goes to the service managers, who see every unrestricted child: with the facts the worker typed and
 * why they agree. The manager decides the same child (the contact goes on the existing record) or not (the worker
 * may make the new record); the decision is audited, and the worker reads the answer on their home page, never
 * who the known child is. Restricted children never come here: the check stays silent about them (service.ts).
 */
export type Decision = 'same-child' | 'different-child';

export const decisionWords: Record<Decision, string> = {
  'same-child': 'Same child: add the contact to the existing record',
  'different-child': 'Not the same child: let the worker continue',
};

/** The facts typed, normalised: a decision answers the enquiry it was about, and no other. */
export function fingerprintOf(enquiry: Enquiry): string {
  const plain = (value: string | null) => (value ?? '').trim().toLowerCase().replaceAll(/\s+/g, ' ');
  return JSON.stringify([
    plain(enquiry.givenName),
    plain(enquiry.familyName),
    enquiry.dateOfBirth,
    enquiry.expectedDateOfBirth,
    enquiry.nhsNumber,
    plain(enquiry.upn),
  ]);
}

/** Puts each probable hidden match to the service managers, inside the check's transaction. */
export async function askServiceManagers(
  trx: Trx,
  actor: Actor,
  enquiry: Enquiry,
  matches: readonly { childId: string; reasons: string[] }[],
): Promise<void> {
  for (const match of matches)
    await insertDuplicateReview(trx, {
      council_id: actor.councilId,
      id: uuidv7(),
      child_id: match.childId,
      raised_by: actor.workerId,
      raised_at: actor.now,
      enquiry: JSON.stringify(enquiry),
      fingerprint: fingerprintOf(enquiry),
      reasons: JSON.stringify(match.reasons),
    });
}

/** The children a service manager said are not the one this worker asked about with these facts. */
export function childrenCleared(trx: Trx, actor: Actor, enquiry: Enquiry): Promise<Set<string>> {
  return childrenClearedFor(trx, actor, fingerprintOf(enquiry));
}

/** The queue: every possible duplicate awaiting a decision, each saying whether the manager may open the child. */
export async function duplicateReviewQueue(db: Database, actor: Actor) {
  return withTransaction(db, actor, async (trx) => {
    const reviews = await awaitingDuplicateReviews(trx, actor.councilId);
    const childIds = reviews.map((review) => review.child_id);
    const seen = childIds.length ? await visibleChildIds(trx, actor, childIds) : new Set<string>();
    await appendAudit(trx, auditSource(actor), {
      action: 'children.listed',
      details: { list: 'duplicate-reviews', childIds: [...new Set(childIds)] },
    });
    return reviews.map((review) => ({ ...review, mayOpen: seen.has(review.child_id) }));
  });
}

/** One possible duplicate, for its decision page; the read is audited on the known child's trail. */
export async function viewDuplicateReview(db: Database, actor: Actor, reviewId: string) {
  return withTransaction(db, actor, async (trx) => {
    const review = await duplicateReview(trx, actor.councilId, reviewId);
    if (!review) throw new NotFound();
    const mayOpen = (await visibleChildIds(trx, actor, [review.child_id])).has(review.child_id);
    await appendAudit(trx, auditSource(actor), {
      action: 'front-door.duplicate-viewed',
      childId: review.child_id,
      details: { reviewId },
    });
    return { ...review, mayOpen };
  });
}

/** A service manager's decision, once, audited on the known child's trail. */
export async function decideDuplicateReview(
  db: Database,
  actor: Actor,
  reviewId: string,
  decision: string,
): Promise<{ childId: string; decision: Decision }> {
  if (decision !== 'same-child' && decision !== 'different-child')
    throw new ValidationError([
      { path: 'decision', message: 'Select whether this is the same child as the one already known' },
    ]);
  return withTransaction(db, actor, async (trx) => {
    const review = await duplicateReview(trx, actor.councilId, reviewId);
    if (!review) throw new NotFound();
    const decided = await decideReview(trx, actor.councilId, reviewId, {
      decision,
      decidedBy: actor.workerId,
      decidedAt: actor.now,
    });
    if (!decided) throw new Conflict('Another service manager has already decided this one.');
    await appendAudit(trx, auditSource(actor), {
      action: 'front-door.duplicate-reviewed',
      childId: decided.child_id,
      details: { reviewId, decision, raisedBy: decided.raised_by },
    });
    return { childId: decided.child_id, decision };
  });
}

/** What the worker asked in the last 30 days and the answers, in the words of the facts they typed. */
export async function myDuplicateQuestions(db: Database, actor: Actor) {
  const since = new Date(actor.now.getTime() - 30 * 24 * 60 * 60 * 1000);
  const questions = await duplicateQuestionsOf(db, actor, since);
  return questions.map((question) => {
    const enquiry = question.enquiry as unknown as Enquiry;
    return {
      id: question.id,
      about: [enquiry.givenName || 'An unborn child', enquiry.familyName].filter(Boolean).join(' '),
      raisedAt: question.raised_at,
      decision: question.decision,
      decidedAt: question.decided_at,
    };
  });
}
