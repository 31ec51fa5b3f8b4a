import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { pastDate, type DateEntry, type Problem } from '../../domain/journey/rules.ts';
import { requireChildren } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import { auditSource, withAuditedRead, withTransaction } from '../../platform/transactions.ts';
import { recordHistory, updateVersioned } from '../../platform/versioning.ts';
import { journeyStatusOf } from '../journey/journey-record.ts';
import { oldestFirst, readRecord } from '../record/service.ts';
import { identityColumns, type IdentityInput } from './identity.ts';
import {
  endCurrentAddresses,
  insertAddress,
  insertFlag,
  insertPerson,
  insertRelationship,
  peopleOf,
} from './queries.ts';

/**
 * The child's full record: their journey status, identity, addresses with their history, warnings and flags, the
 * family and network, and the change history; read as at today through the one reader (`readRecord`, which asks
 * the gatekeeper), so the page shows what every other page of the child shows.
 */
export async function viewRecord(db: Database, actor: Actor, childId: string) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const record = (await readRecord(trx, actor, [childId])).get(childId)!;
    const people = new Map(
      (
        await peopleOf(trx, actor.councilId, [
          ...new Set(record.child_relationships.map((relationship) => relationship.person_id)),
        ])
      ).map((person) => [person.id, person]),
    );
    const history = await recordHistory(trx, actor.councilId, 'children', childId);
    const status = journeyStatusOf(record, actor.today);
    audit({ action: 'child.record-viewed', childId });
    return {
      record,
      child: record.child,
      status,
      addresses: currentFirst(record.child_addresses, 'from_date'),
      flags: oldestFirst(record.child_flags, 'review_date'),
      relationships: currentFirst(record.child_relationships, 'to_date').map((relationship) => {
        const person = people.get(relationship.person_id)!;
        return {
          ...relationship,
          given_name: person.given_name,
          family_name: person.family_name,
          date_of_birth: person.date_of_birth,
          organisation: person.organisation,
          phone: person.phone,
        };
      }),
      history,
    };
  });
}

/**
 * Dated rows as the page lists them: the current ones (no end date) first, then the rest newest first by `column`
 * (an address by when it began, a relationship by when it ended).
 */
function currentFirst<Row extends { to_date: string | null }>(
  rows: readonly Row[],
  column: keyof Row,
): Row[] {
  return oldestFirst(rows, column)
    .reverse()
    .sort((a, b) => Number(a.to_date !== null) - Number(b.to_date !== null));
}

/** Changes the child's identity, refusing wrong check characters, unknown codes and edits from a stale version. */
export async function updateIdentity(db: Database, actor: Actor, childId: string, input: IdentityInput) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const { problems, columns } = identityColumns(input, actor.today);
    if (problems.length) throw new ValidationError(problems);
    const version = await updateVersioned(
      trx,
      actor,
      { table: 'children', id: childId, expectedVersion: input.version, reason: input.reason },
      columns,
    );
    await appendAudit(trx, auditSource(actor), { action: 'child.updated', childId, details: { version } });
    return version;
  });
}

/** Records where the child now lives; the previous address is kept, ended the day the new one starts. */
export async function recordAddress(
  db: Database,
  actor: Actor,
  childId: string,
  input: { line1: string; line2: string; town: string; postcode: string; from: DateEntry },
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const problems: Problem[] = [];
    if (!input.line1.trim()) problems.push({ path: 'line1', message: 'Enter the first line of the address' });
    const from = pastDate(problems, 'from', input.from, actor.today, {
      missing: 'Enter the date the child started living here',
      future: 'The date the child started living here must be today or in the past',
    });
    if (problems.length) throw new ValidationError(problems);
    await endCurrentAddresses(trx, actor.councilId, childId, from!);
    const id = uuidv7();
    await insertAddress(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      line1: input.line1.trim(),
      line2: input.line2.trim() || null,
      town: input.town.trim() || null,
      postcode: input.postcode.trim().toUpperCase() || null,
      from_date: from!,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'child.address-recorded',
      childId,
      details: { addressId: id },
    });
    return id;
  });
}

export const flagKinds = [
  'risk-to-staff',
  'risk-to-child',
  'missing',
  'exploitation',
  'communication-needs',
  'court-proceedings',
  'other',
];

/** Adds a warning or flag, which must be reviewed by a date. */
export async function recordFlag(
  db: Database,
  actor: Actor,
  childId: string,
  input: { kind: string; description: string; from: DateEntry; reviewBy: DateEntry },
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const problems: Problem[] = [];
    if (!flagKinds.includes(input.kind))
      problems.push({ path: 'kind', message: 'Select the kind of warning' });
    if (!input.description.trim()) problems.push({ path: 'description', message: 'Describe the warning' });
    const from = pastDate(problems, 'from', input.from, actor.today, {
      missing: 'Enter the date the warning applies from',
      future: 'The date the warning applies from must be today or in the past',
    });
    const review = 'problem' in input.reviewBy ? null : input.reviewBy.date;
    if (!review)
      problems.push({ path: 'reviewBy', message: 'Enter the date the warning must be reviewed by' });
    else if (from && review < from)
      problems.push({
        path: 'reviewBy',
        message: 'The review date must be on or after the warning applies from',
      });
    if (problems.length) throw new ValidationError(problems);
    const id = uuidv7();
    await insertFlag(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      kind: input.kind,
      description: input.description.trim(),
      from_date: from!,
      review_date: review!,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'child.flag-recorded',
      childId,
      details: { flagId: id },
    });
    return id;
  });
}

export const relationshipKinds = [
  'mother',
  'father',
  'parent',
  'step-parent',
  'sibling',
  'half-sibling',
  'grandparent',
  'other-relative',
  'carer',
  'friend',
  'professional',
  'other',
];

/** Adds a person to the child's family and network, linked by a dated relationship. */
export async function recordRelationship(
  db: Database,
  actor: Actor,
  childId: string,
  input: {
    givenName: string;
    familyName: string;
    dateOfBirth: DateEntry;
    organisation: string;
    phone: string;
    relationship: string;
    parentalResponsibility: boolean;
    from: DateEntry;
  },
) {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const problems: Problem[] = [];
    if (!input.givenName.trim())
      problems.push({ path: 'givenName', message: 'Enter the person’s given name' });
    if (!input.familyName.trim())
      problems.push({ path: 'familyName', message: 'Enter the person’s family name' });
    if (!relationshipKinds.includes(input.relationship))
      problems.push({ path: 'relationship', message: 'Select the person’s relationship to the child' });
    const optionalPast = (path: string, entry: DateEntry, label: string) =>
      'date' in entry && entry.date === null
        ? null
        : pastDate(problems, path, entry, actor.today, {
            missing: '',
            future: `${label} must be today or in the past`,
          });
    const dateOfBirth = optionalPast('dateOfBirth', input.dateOfBirth, 'The person’s date of birth');
    const from = optionalPast('from', input.from, 'The date the relationship began');
    if (problems.length) throw new ValidationError(problems);
    const personId = uuidv7();
    await insertPerson(trx, {
      council_id: actor.councilId,
      id: personId,
      given_name: input.givenName.trim(),
      family_name: input.familyName.trim(),
      date_of_birth: dateOfBirth,
      organisation: input.organisation.trim() || null,
      phone: input.phone.trim() || null,
    });
    const id = uuidv7();
    await insertRelationship(trx, {
      council_id: actor.councilId,
      id,
      child_id: childId,
      person_id: personId,
      relationship: input.relationship,
      parental_responsibility: input.parentalResponsibility,
      from_date: from,
    });
    await appendAudit(trx, auditSource(actor), {
      action: 'child.relationship-recorded',
      childId,
      details: { relationshipId: id, personId },
    });
    return id;
  });
}
