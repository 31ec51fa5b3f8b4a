import { lifeProblems } from '../../domain/journey/guards.ts';
import { Temporal } from 'temporal-polyfill';
import { v7 as uuidv7 } from 'uuid';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import {
  closureProblems,
  contactProblems,
  isReReferral,
  referralProblems,
  type ContactInput,
  type DateEntry,
  type ReferralInput,
} from '../../domain/journey/rules.ts';
import { requireChildren } from '../../platform/access.ts';
import { endAllocationsOnClosure } from '../caseloads/allocation-service.ts';
import { journeyStatusOf } from '../journey/journey-record.ts';
import { londonDate, type Actor } from '../../platform/actor.ts';
import { oldestFirst, readRecord, workerNames } from '../record/service.ts';
import { appendAudit } from '../../platform/audit.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { rebuildObligations } from '../timescales/service.ts';
import { updateVersioned } from '../../platform/versioning.ts';
import {
  assessmentsOfEpisode,
  childReferralFacts,
  contactsOfChild,
  episodeForUpdate,
  factorsOf,
  insertContact,
  insertEpisode,
} from './queries.ts';

/** The CIN reason for closure given to a referral that ends in no further action. */
const NFA_CLOSURE_REASON = 'RC8';

function refuseIf(problems: { path: string; message: string }[]): void {
  if (problems.length) throw new ValidationError(problems);
}

/** A London wall-clock time on a date, as an instant; a time that is not HH:MM is a problem for the form. */
function londonInstant(date: string, time: string): Date {
  return new Date(
    Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime('Europe/London').toInstant()
      .epochMilliseconds,
  );
}

export interface NewContact extends ContactInput {
  receivedTime: string;
  mashPartners: string[];
}

/**
 * Records a contact about a child and the decision on it (Working Together 2023: decided within 1 working
 * day). Refused with field messages, and nothing written, when the rules are not met. A contact about a child
 * with an open episode of need is added to that episode, whatever the decision: what is new goes to the
 * worker already on the case, not into a second referral.
 */
export async function recordContact(db: Database, actor: Actor, childId: string, input: NewContact) {
  return withTransaction(db, actor, (trx) => recordContactIn(trx, actor, childId, input));
}

/** What is wrong with a contact as typed: the rules of a contact, and a time that is not hours and minutes. */
export function newContactProblems(input: NewContact, today: string) {
  const problems = contactProblems(input, today);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.receivedTime.trim() || '00:00'))
    problems.push({ path: 'receivedTime', message: 'Enter the time as hours and minutes, like 14:30' });
  return problems;
}

/** `recordContact` in a transaction the caller holds: the front door writes a new child and its contact together. */
export async function recordContactIn(
  trx: Transaction<Tables>,
  actor: Actor,
  childId: string,
  input: NewContact,
) {
  await requireChildren(trx, actor, 'write', [childId]);
  refuseIf(newContactProblems(input, actor.today));
  const time = input.receivedTime.trim() || '00:00';
  const receivedOn = (input.receivedOn as { date: string }).date;
  const { openEpisode } = await childReferralFacts(trx, actor.councilId, childId);
  const id = uuidv7();
  await insertContact(trx, {
    council_id: actor.councilId,
    id,
    child_id: childId,
    received_at: londonInstant(receivedOn, time),
    source: input.source.trim(),
    reason: input.reason.trim(),
    mash_partners: input.mashPartners.map((partner) => partner.trim()).filter(Boolean),
    decision: input.decision,
    decided_on: (input.decidedOn as { date: string }).date,
    recorded_by: actor.workerId,
    episode_id: openEpisode?.id ?? null,
  });
  // What is due follows what was recorded (timescales), in the same transaction.
  await rebuildObligations(trx, actor.councilId, [childId], actor);
  await appendAudit(trx, auditSource(actor), {
    action: 'contact.recorded',
    childId,
    details: { contactId: id, decision: input.decision, episodeId: openEpisode?.id ?? null },
  });
  return {
    id,
    addedToEpisode: openEpisode ? { id: openEpisode.id, referredOn: openEpisode.referral_date } : null,
  };
}

export interface NewReferral extends ReferralInput {
  noFurtherAction: boolean;
  contactId?: string | null;
}

/**
 * Records a referral, opening an episode of need, and works out whether it is a re-referral. A referral that
 * ends in no further action closes its episode on the day with reason RC8. A child has at most one open
 * episode: the rules refuse a second, and the database's partial unique index holds even for a race.
 */
export async function recordReferral(db: Database, actor: Actor, childId: string, input: NewReferral) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const facts = await childReferralFacts(trx, actor.councilId, childId);
    refuseIf(
      referralProblems(
        input,
        {
          dateOfBirth: facts.child.date_of_birth,
          openEpisodeReferredOn: facts.openEpisode?.referral_date ?? null,
        },
        actor.today,
      ),
    );
    // A death ends the journey: no referral after it (issue 17).
    const referredOn = 'date' in input.referralDate ? input.referralDate.date : null;
    refuseIf(
      lifeProblems([{ path: 'referralDate', date: referredOn }], {
        dateOfBirth: null,
        dateOfDeath: facts.child.date_of_death,
      }),
    );
    if (
      input.contactId &&
      !(await contactsOfChild(trx, actor.councilId, childId)).some((c) => c.id === input.contactId)
    )
      throw new ValidationError([
        { path: 'contactId', message: 'The contact is not one of this child’s contacts' },
      ]);
    const referralDate = (input.referralDate as { date: string }).date;
    const id = uuidv7();
    try {
      await insertEpisode(trx, {
        council_id: actor.councilId,
        id,
        child_id: childId,
        contact_id: input.contactId ?? null,
        referral_date: referralDate,
        referral_source: input.source.trim(),
        primary_need: input.primaryNeed.trim(),
        re_referral: isReReferral(referralDate, facts.referralDates),
        no_further_action: input.noFurtherAction,
        closed_on: input.noFurtherAction ? referralDate : null,
        closure_reason: input.noFurtherAction ? NFA_CLOSURE_REASON : null,
        recorded_by: actor.workerId,
        updated_at: actor.now,
      });
    } catch (error) {
      if ((error as { code?: string }).code === '23505')
        throw new ValidationError([
          { path: 'referralDate', message: 'The child already has an open episode of need: close it first' },
        ]);
      throw error;
    }
    // What is due follows what was recorded (timescales), in the same transaction.
    await rebuildObligations(trx, actor.councilId, [childId], actor);
    await appendAudit(trx, auditSource(actor), {
      action: 'referral.recorded',
      childId,
      details: { episodeId: id, noFurtherAction: input.noFurtherAction },
    });
    return id;
  });
}

/** Closes an episode of need with a date and a CIN reason for closure, refusing an edit from a stale version. */
export async function closeEpisode(
  db: Database,
  actor: Actor,
  childId: string,
  episodeId: string,
  input: { closedOn: DateEntry; reason: string; version: number },
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const episode = await episodeForUpdate(trx, actor.councilId, childId, episodeId);
    if (!episode) throw new NotFound();
    // A stale version is answered with what changed since (Conflict), before the rules are applied.
    if (episode.version === input.version) {
      const assessments = await assessmentsOfEpisode(trx, actor.councilId, episodeId);
      refuseIf(
        closureProblems(
          input,
          {
            referralDate: episode.referral_date,
            closedOn: episode.closed_on,
            assessmentsAwaitingAuthorisation: assessments.filter((a) => !a.authorised_on).length,
          },
          actor.today,
        ),
      );
    }
    const version = await updateVersioned(
      trx,
      actor,
      { table: 'episodes', id: episodeId, expectedVersion: input.version },
      { closed_on: (input.closedOn as { date: string }).date, closure_reason: input.reason.trim() },
    );
    // A child with nothing of their journey still open (no care, no leaving-care support) is no one's case: the
    // allocations end with it, so My caseload never lists a closed child as still allocated (issue 17).
    const record = (await readRecord(trx, actor, [childId])).get(childId)!;
    if (journeyStatusOf(record, actor.today).stage === 'closed')
      await endAllocationsOnClosure(trx, actor, childId);
    // What is due follows what was recorded (timescales), in the same transaction.
    await rebuildObligations(trx, actor.councilId, [childId], actor);
    await appendAudit(trx, auditSource(actor), {
      action: 'episode.closed',
      childId,
      details: { episodeId, reason: input.reason.trim(), version },
    });
    return version;
  });
}

/**
 * A child's contacts and episodes of need, newest first, each episode with its assessments and their factors: the
 * record as at today through the one reader (`readRecord`, which asks the gatekeeper), as every page of the child
 * reads it. The read is audited.
 */
export async function viewJourney(db: Database, actor: Actor, childId: string) {
  return withTransaction(db, actor, async (trx) => {
    const record = (await readRecord(trx, actor, [childId])).get(childId)!;
    const factors = await factorsOf(
      trx,
      actor.councilId,
      record.assessments.map((assessment) => assessment.id),
    );
    const authorisers = await workerNames(
      trx,
      actor.councilId,
      record.assessments.flatMap((assessment) => assessment.authorised_by ?? []),
    );
    const contacts = oldestFirst(record.contacts, 'received_at')
      .reverse()
      .map((contact) => ({ ...contact, receivedOn: londonDate(new Date(contact.received_at)) }));
    const episodes = oldestFirst(record.episodes, 'referral_date')
      .reverse()
      .map((episode) => ({
        ...episode,
        assessments: oldestFirst(
          record.assessments.filter((assessment) => assessment.episode_id === episode.id),
          'start_date',
        ).map((assessment) => ({
          ...assessment,
          authoriser_name: assessment.authorised_by
            ? (authorisers.get(assessment.authorised_by) ?? null)
            : null,
          factors: factors.filter((f) => f.assessment_id === assessment.id).map((f) => f.code),
        })),
      }));
    await appendAudit(trx, auditSource(actor), { action: 'episodes.viewed', childId });
    const { date_of_birth, date_of_death, given_name, family_name } = record.child;
    return { child: { date_of_birth, date_of_death, given_name, family_name }, contacts, episodes, record };
  });
}
