import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { possibleDuplicates, type PossibleDuplicate } from '../../domain/identity/possible-duplicates.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import { newContactProblems, recordContactIn, type NewContact } from '../referrals/service.ts';
import {
  candidateChildren,
  insertAddress,
  insertAllocation,
  insertChild,
  insertParent,
  nextLocalId,
  parentsOf,
} from './queries.ts';
import { askServiceManagers, childrenCleared } from './duplicate-reviews.ts';
import { readWho, type WhoInput } from './who.ts';

/** What the given name of an unborn child is until they are named (DfE CIN census guide: unborn children). */
const UNBORN_GIVEN_NAME = 'Unborn';

/** What a worker is told when a child they cannot see is probably the child: who can check, and nothing more. */
export const HIDDEN_MATCH_MESSAGE =
  'A child whose record you cannot see is probably this child. Ask a service manager to check before a new record is made: they can record the contact on that child’s record';

type Trx = Parameters<Parameters<typeof withTransaction>[2]>[0];

function refuseIf(problems: { path: string; message: string }[]): void {
  if (problems.length) throw new ValidationError(problems);
}

/** The children like the enquiry (that the actor may see, or the rest), weighed by the duplicate rule. */
async function likeChildren(
  trx: Trx,
  actor: Actor,
  who: ReturnType<typeof readWho>,
  reach: 'visible' | 'elsewhere' = 'visible',
) {
  const candidates = await candidateChildren(trx, actor, who.enquiry, reach);
  const parents = await parentsOf(
    trx,
    actor.councilId,
    candidates.map((candidate) => candidate.id),
  );
  const known = candidates.map((candidate) => ({
    id: candidate.id,
    givenName: candidate.given_name,
    familyName: candidate.family_name,
    otherNames: candidate.other_names,
    dateOfBirth: candidate.date_of_birth,
    expectedDateOfBirth: candidate.expected_date_of_birth,
    nhsNumber: candidate.nhs_number,
    upn: candidate.upn,
    addressLine1: candidate.address_line1,
    postcode: candidate.postcode,
    parents: parents
      .filter((parent) => parent.child_id === candidate.id)
      .map((parent) => ({
        name: `${parent.given_name} ${parent.family_name}`,
        relationship: parent.relationship,
      })),
  }));
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  return possibleDuplicates(who.enquiry, known).map((found: PossibleDuplicate) => ({
    ...found,
    child: byId.get(found.childId)!,
  }));
}

/**
 * What the council-wide check found among the children the actor may not see, as the actor may learn it: only
 * how strong the likeness is and why (which of the facts they typed agree), never who the child is.
 */
export interface HiddenMatch {
  likeness: 'same-child' | 'possibly';
  reasons: string[];
  /** Hearth's own: the known child, never shown to the worker; the question for service managers names it. */
  childId: string;
}

/**
 * The duplicate check across the whole council (issue 17). The gatekeeper's set alone lets a worker outside a
 * child's team make a second record of that child, so the check also weighs the children the actor may not see:
 * - a child who is not restricted comes back as a `HiddenMatch`, without name, ID, birth or address: the worker
 *   learns that the council may already know the child and is sent to a service manager (who sees every child),
 *   and the check is written to that child's audit trail, where the child's managers see it;
 * - a restricted child the actor is not listed for is never shown, nor does it change the page or what may be
 *   created, since anything the worker could see would tell them a restricted child exists (DESIGN.md,
 *   Permissions: "even their existence is hidden"). The likeness is written only to that child's audit trail,
 *   which only those on its list can read.
 * Family likenesses (an address or a parent shared) of hidden children are not weighed: they are about another
 * family's record.
 */
async function hiddenMatches(
  trx: Trx,
  actor: Actor,
  who: ReturnType<typeof readWho>,
): Promise<HiddenMatch[]> {
  const found = (await likeChildren(trx, actor, who, 'elsewhere')).filter(
    (match) => match.likeness !== 'family',
  );
  for (const match of found) {
    await appendAudit(trx, auditSource(actor), {
      action: 'front-door.hidden-match',
      childId: match.childId,
      details: { likeness: match.likeness, reasons: match.reasons },
    });
  }
  // A child a service manager has said is not the one these facts are about no longer stops this worker.
  const cleared = await childrenCleared(trx, actor, who.enquiry);
  return found
    .filter((match) => !match.child.restricted && !cleared.has(match.childId))
    .map((match) => ({
      likeness: match.likeness as HiddenMatch['likeness'],
      reasons: match.reasons,
      childId: match.childId,
    }));
}

/** Whether a hidden match stops the actor making a new record: it is probably the same child (or shares a number). */
export function mustGoToAManager(hidden: readonly HiddenMatch[]): boolean {
  return hidden.some((match) => match.likeness === 'same-child');
}

/**
 * The front door's duplicate check: who the contact is about, checked, and the children the actor may see who
 * may be that child or their family, and what the council-wide check may say of the others (`hiddenMatches`).
 * The children shown are audited, as any list of children is.
 */
export async function checkForDuplicates(db: Database, actor: Actor, input: WhoInput) {
  const who = readWho(input, actor.today);
  refuseIf(who.problems);
  return withTransaction(db, actor, async (trx) => {
    const matches = await likeChildren(trx, actor, who);
    await appendAudit(trx, auditSource(actor), {
      action: 'front-door.checked',
      details: { childIds: matches.map((match) => match.childId) },
    });
    const hidden = await hiddenMatches(trx, actor, who);
    // A probable match the worker may not see goes to the service managers' queue of possible duplicates.
    if (mustGoToAManager(hidden))
      await askServiceManagers(
        trx,
        actor,
        who.enquiry,
        hidden.filter((match) => match.likeness === 'same-child'),
      );
    return { who, matches, hidden };
  });
}

/**
 * A new child and the contact about them, in one transaction: the child's record (with an address and a parent
 * when told), an allocation to the worker who took the contact so that they can carry it on to a decision and a
 * referral, and the contact itself through the referrals module's own rules. Refused, with nothing written, when
 * who it is about or the contact is wrong, or when a child the worker can see has the same NHS number or UPN
 * (a second record of one child splits their history).
 */
export async function createChildWithContact(
  db: Database,
  actor: Actor,
  input: WhoInput,
  contact: NewContact,
) {
  const who = readWho(input, actor.today);
  // Every problem at once, about the child and about the contact (the contact's own rules run again on saving).
  refuseIf([...who.problems, ...newContactProblems(contact, actor.today)]);
  return withTransaction(db, actor, async (trx) => {
    const sameIdentifier = (await likeChildren(trx, actor, who)).find((match) => match.sameIdentifier);
    if (sameIdentifier)
      throw new ValidationError([
        {
          path: sameIdentifier.reasons.includes('Same NHS number') ? 'nhsNumber' : 'upn',
          message: `${sameIdentifier.child.given_name} ${sameIdentifier.child.family_name} (${sameIdentifier.child.local_id}) already has this ${sameIdentifier.reasons.includes('Same NHS number') ? 'NHS number' : 'UPN'}: record the contact on their record, or check the number`,
        },
      ]);
    if (mustGoToAManager(await hiddenMatches(trx, actor, who)))
      throw new ValidationError([{ path: 'givenName', message: HIDDEN_MATCH_MESSAGE }]);
    const childId = uuidv7();
    const { enquiry } = who;
    await insertChild(trx, {
      council_id: actor.councilId,
      id: childId,
      local_id: await nextLocalId(trx, actor.councilId),
      given_name: enquiry.givenName || UNBORN_GIVEN_NAME,
      family_name: enquiry.familyName,
      date_of_birth: enquiry.dateOfBirth,
      expected_date_of_birth: enquiry.expectedDateOfBirth,
      nhs_number: enquiry.nhsNumber,
      upn: enquiry.upn,
      updated_at: actor.now,
    });
    await writeAddressAndParent(trx, actor, childId, who);
    // Service managers reach every child; anyone else reaches a child through an allocation.
    if (actor.role !== 'service-manager')
      await insertAllocation(trx, {
        council_id: actor.councilId,
        id: uuidv7(),
        child_id: childId,
        worker_id: actor.workerId,
        case_role: 'allocated-worker',
        from_date: actor.today,
        reason: 'Took the first contact at the front door',
      });
    await appendAudit(trx, auditSource(actor), {
      action: 'child.created',
      childId,
      details: { unborn: enquiry.expectedDateOfBirth !== null },
    });
    const saved = await recordContactIn(trx, actor, childId, contact);
    return { childId, contactId: saved.id };
  });
}

async function writeAddressAndParent(
  trx: Trx,
  actor: Actor,
  childId: string,
  who: ReturnType<typeof readWho>,
) {
  const { enquiry } = who;
  if (enquiry.addressLine1)
    await insertAddress(trx, {
      council_id: actor.councilId,
      id: uuidv7(),
      child_id: childId,
      line1: enquiry.addressLine1,
      town: who.town,
      postcode: enquiry.postcode,
      from_date: actor.today,
    });
  if (who.parent) {
    const personId = uuidv7();
    const names = who.parent.name.split(' ');
    await insertParent(
      trx,
      {
        council_id: actor.councilId,
        id: personId,
        given_name: names.slice(0, -1).join(' '),
        family_name: names.at(-1)!,
        date_of_birth: null,
        organisation: null,
        phone: null,
      },
      {
        council_id: actor.councilId,
        id: uuidv7(),
        child_id: childId,
        person_id: personId,
        relationship: who.parent.relationship,
        from_date: enquiry.dateOfBirth,
      },
    );
  }
}
