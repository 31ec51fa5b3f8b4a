import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import { lifeProblems, type DatedField } from '../../domain/journey/guards.ts';
import { dateOrderProblems, type DateOrderRule } from '../../domain/journey/order.ts';
import type { RecordValues } from '../../platform/recording/fields.ts';
import type { JourneyStatus } from '../../domain/journey/status.ts';
import { requireChildren } from '../../platform/access.ts';
import type { AuditActionName } from '../../platform/audit-actions.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditSource, withTransaction } from '../../platform/transactions.ts';
import {
  journeyStateOf,
  transition,
  type JourneyEvent,
  type JourneyState,
} from '../../domain/journey/transitions.ts';
import type { Actor } from '../../platform/actor.ts';
import { NotFound, ValidationError } from '../../platform/errors.ts';
import { readRecord, type ChildRecord } from '../record/service.ts';
import { rebuildObligations } from '../timescales/service.ts';
import { JOURNEY_TABLES, journeyStateOfRecord, journeyStatusOf } from './journey-record.ts';
import { lockChild, openJourneyRecords } from './queries.ts';

export type OpenJourney = Awaited<ReturnType<typeof openJourneyRecords>> & {
  state: JourneyState;
  child: {
    date_of_birth: string | null;
    date_of_death: string | null;
    given_name: string;
    family_name: string;
    version: number;
  };
};

/**
 * Locks the child and reads what is open for them, inside the caller's transaction. Services call this after
 * the gatekeeper has allowed the write, then check their event with `requireMove`.
 */
export async function openJourney(trx: Kysely<Tables>, actor: Actor, childId: string): Promise<OpenJourney> {
  const child = await lockChild(trx, actor.councilId, childId);
  if (!child) throw new NotFound();
  const open = await openJourneyRecords(trx, actor.councilId, childId, actor.today);
  return { ...open, state: stateOf(open), child };
}

/**
 * Refuses an event the journey does not allow from the child's status, naming the field it is about; otherwise the
 * move, with the reason for closure when it closes the open episode of need too.
 */
export function requireMove(journey: OpenJourney, event: JourneyEvent, path: string) {
  const move = transition(journey.state, event);
  if (!move.allowed) throw new ValidationError([{ path, message: move.reason }]);
  return move;
}

/**
 * The children's journey statuses today (issue 16): the one status My caseload, the child's page and the API show.
 * The gatekeeper must allow every child, or the read is refused as "not found"; run it inside the caller's
 * transaction, which audits the read.
 */
export async function statusesOf(
  db: Kysely<Tables>,
  actor: Actor,
  childIds: readonly string[],
): Promise<Map<string, JourneyStatus>> {
  const records = await readRecord(db, actor, childIds, { asAt: actor.today }, JOURNEY_TABLES);
  return new Map([...records].map(([childId, record]) => [childId, journeyStatusOf(record, actor.today)]));
}

function stateOf(open: Awaited<ReturnType<typeof openJourneyRecords>>): JourneyState {
  return journeyStateOf({
    openEpisode: open.episode !== undefined,
    assessmentAuthorised: Boolean(open.episode?.assessment_authorised),
    openSection47: open.section47 !== undefined,
    openChildProtectionPlan: open.cpPlan !== undefined,
    openPeriodOfCare: open.carePeriod !== undefined,
    careLeaver: open.careLeaver !== undefined,
  });
}

/** A recording's dates: its declared date fields, which arrive as ISO dates ("2026-12-07"). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function datesOf(values: RecordValues): DatedField[] {
  return Object.entries(values)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && ISO_DATE.test(entry[1]))
    .map(([path, date]) => ({ path, date }));
}

/** Refuses dates before the child was born or after they died (issue 17), each naming its field. */
export function requireWithinLife(journey: OpenJourney, dates: readonly DatedField[]): void {
  const problems = lifeProblems(dates, {
    dateOfBirth: journey.child.date_of_birth,
    dateOfDeath: journey.child.date_of_death,
  });
  if (problems.length) throw new ValidationError(problems);
}

/**
 * Runs a use case that records on a child's journey: the gatekeeper allows the write, the child is locked and
 * what is open is read, all in one transaction. No date of the recording may come before the child's birth or
 * after their death.
 */
export async function onChild<T>(
  db: Database,
  actor: Actor,
  childId: string,
  values: RecordValues,
  work: (trx: Transaction<Tables>, journey: OpenJourney) => Promise<T>,
): Promise<T> {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const journey = await openJourney(trx, actor, childId);
    requireWithinLife(journey, datesOf(values));
    const result = await work(trx, journey);
    // What is due changes with what was recorded: the stored obligations follow in the same transaction.
    await rebuildObligations(trx, actor.councilId, [childId], actor);
    return result;
  });
}

/** Refuses dates out of order, each problem naming its field. */
export function requireOrder(rules: DateOrderRule[]): void {
  const problems = dateOrderProblems(rules);
  if (problems.length) throw new ValidationError(problems);
}

/** The caption of a recording form: the child's name, once the gatekeeper allows the write. The read is audited. */
export async function childCaption(
  db: Database,
  actor: Actor,
  childId: string,
): Promise<{ caption: string }> {
  return withTransaction(db, actor, async (trx) => {
    await requireChildren(trx, actor, 'write', [childId]);
    const child = await lockChild(trx, actor.councilId, childId);
    await appendAudit(trx, auditSource(actor), { action: 'child.viewed', childId });
    return { caption: `${child!.given_name} ${child!.family_name}` };
  });
}

/**
 * Reads one part of a child's record for a page (child protection, care): the record as at today through the one
 * reader (`readRecord`, which asks the gatekeeper), so the page shows the facts every other page shows; the
 * child's name and status come from the same record, and the read is audited under `action`.
 */
export async function readChildSection<T>(
  db: Database,
  actor: Actor,
  childId: string,
  action: AuditActionName,
  read: (record: ChildRecord, trx: Transaction<Tables>) => T | Promise<T>,
) {
  return withTransaction(db, actor, async (trx) => {
    const record = (await readRecord(trx, actor, [childId])).get(childId)!;
    const records = await read(record, trx);
    const { given_name, family_name, date_of_birth } = record.child;
    await appendAudit(trx, auditSource(actor), { action, childId });
    return {
      child: { given_name, family_name, date_of_birth },
      status: journeyStateOfRecord(record),
      records,
      /** The whole record as read, for the page's header to use rather than read again. */
      record,
    };
  });
}
