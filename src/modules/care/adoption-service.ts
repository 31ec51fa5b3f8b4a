import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { codeListOn } from '../../domain/codes/code-lists.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import { auditSource } from '../../platform/transactions.ts';
import { onChild, requireOrder } from '../journey/service.ts';
import { insertAdoptionDecision, openAdoptionDecision, updateAdoptionDecision } from './queries.ts';

/**
 * Adoption (Adoption Agencies Regulations 2005; SSDA903 PlacedAdoption and AD1): the agency decision maker's
 * decision that the child should be placed for adoption, the match with adopters, or the decision reversed.
 */

function requireCode(field: string, path: string, code: string, on: string) {
  if (!codeListOn('SSDA903', field, on).has(code))
    throw new ValidationError([{ path, message: 'Select one of the choices' }]);
}

/** The decision that a looked after child should be placed for adoption (reg. 19). */
export async function recordAdoptionDecision(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx, journey) => {
    const decidedOn = values.decidedOn as string;
    if (!journey.carePeriod)
      throw new ValidationError([{ path: 'decidedOn', message: 'The child is not looked after.' }]);
    requireOrder([
      {
        path: 'decidedOn',
        date: decidedOn,
        notBefore: journey.carePeriod.start_date,
        message: 'The decision cannot be before the child became looked after',
      },
    ]);
    if (await openAdoptionDecision(trx, actor.councilId, childId))
      throw new ValidationError([
        {
          path: 'decidedOn',
          message: 'The child already has a decision that they should be placed for adoption',
        },
      ]);
    const id = uuidv7();
    await insertAdoptionDecision(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      decided_on: decidedOn,
      recorded_by: actor.workerId,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'adoption-decision.recorded',
      childId,
      details: { id },
    });
    return id;
  });
}

/** The match of the child with their adopters, on the open decision. */
export async function recordAdoptionMatch(db: Database, actor: Actor, childId: string, values: RecordValues) {
  return onChild(db, actor, childId, values, async (trx) => {
    const decision = await openAdoptionDecision(trx, actor.councilId, childId);
    if (!decision)
      throw new ValidationError([
        {
          path: 'matchedOn',
          message: 'Record the decision that the child should be placed for adoption first',
        },
      ]);
    const matchedOn = values.matchedOn as string;
    requireOrder([
      {
        path: 'matchedOn',
        date: matchedOn,
        notBefore: decision.decided_on,
        message: 'The match cannot be before the decision',
      },
    ]);
    const sex = values.adoptersSex as string;
    const legalStatus = values.adoptersLegalStatus as string;
    requireCode('SEX_ADOPTR', 'adoptersSex', sex, matchedOn);
    requireCode('LS_ADOPTR', 'adoptersLegalStatus', legalStatus, matchedOn);
    const count = sex.endsWith('1') ? 1 : 2;
    if ((count === 1) !== (legalStatus === 'L0'))
      throw new ValidationError([
        {
          path: 'adoptersLegalStatus',
          message: 'A single adopter is L0; a couple is one of the couples’ choices',
        },
      ]);
    await updateAdoptionDecision(trx, actor.councilId, decision.id, {
      matched_on: matchedOn,
      adopters_count: count,
      adopters_sex: sex,
      adopters_legal_status: legalStatus,
      by_foster_carers: values.byFosterCarers === true,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'adoption-match.recorded',
      childId,
      details: { id: decision.id },
    });
    return decision.id;
  });
}

/** The decision that the child should no longer be placed for adoption, with the reason. */
export async function reverseAdoptionDecision(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
) {
  return onChild(db, actor, childId, values, async (trx) => {
    const decision = await openAdoptionDecision(trx, actor.councilId, childId);
    if (!decision)
      throw new ValidationError([
        { path: 'reversedOn', message: 'The child has no decision that they should be placed for adoption' },
      ]);
    const reversedOn = values.reversedOn as string;
    requireOrder([
      {
        path: 'reversedOn',
        date: reversedOn,
        notBefore: decision.decided_on,
        message: 'It cannot be before the decision',
      },
    ]);
    requireCode('REASON_PLACED_CEASED', 'reason', values.reason as string, reversedOn);
    await updateAdoptionDecision(trx, actor.councilId, decision.id, {
      reversed_on: reversedOn,
      reversal_reason: values.reason as string,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'adoption-decision.reversed',
      childId,
      details: { id: decision.id },
    });
    return decision.id;
  });
}
