import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import type { Actor } from '../../platform/actor.ts';
import { withAuditedRead } from '../../platform/transactions.ts';
import { readRecord, workerNames, type ChildRecord } from '../record/service.ts';
import { inWords } from './event-words.ts';
import { chronologyEntries, firstRecordedInstants, type ChronologyOrder } from './entries.ts';
import { importedSourcesOf, recordersAt, supersededVersionsOf } from './queries.ts';
import { notesWithin } from '../casenotes/service.ts';
import { TABLES_IN_CHRONOLOGY, chronologyKinds, type ChronologyKind } from './record-events.ts';

export { chronologyKinds, type ChronologyKind, type ChronologyOrder };

/** What a reader asks of the chronology: which kinds (none: all), in which order, and whether to print it. */
export interface ChronologyRequest {
  kinds: readonly ChronologyKind[];
  order: ChronologyOrder;
  print?: boolean;
}

/** "Printed by Ann Smith on 7 December 2026 at 10:15", in England's time, for the foot of every printed page. */
export function printedBy(actor: Pick<Actor, 'name' | 'now'>): string {
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', ...options }).format(actor.now);
  const day = part({ day: 'numeric', month: 'long', year: 'numeric' });
  return `Printed by ${actor.name} on ${day} at ${part({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })}`;
}

/**
 * The child's chronology, read through the one reader of the record (ADR 9) as Hearth knows it now, with the
 * versions corrections replaced and the case notes. Viewing and printing are each audited as a read of the record.
 */
export async function viewChronology(
  db: Database,
  actor: Actor,
  childId: string,
  request: ChronologyRequest,
) {
  return withAuditedRead(db, actor, async (trx, audit) => {
    const record = (await readRecord(trx, actor, [childId])).get(childId)!;
    const entries = await chronologyOf(trx, actor.councilId, record, request);
    audit({
      action: request.print ? 'chronology.printed' : 'chronology.viewed',
      childId,
      details: { kinds: request.kinds, order: request.order },
    });
    return { child: record.child, entries, record };
  });
}

/**
 * The chronology of a record already read, in words, within the caller's transaction: for a use case that has
 * asked its own gatekeeper and writes its own audit entry (a subject access request's export).
 */
export async function chronologyOf(
  trx: Kysely<Tables>,
  councilId: string,
  record: ChildRecord,
  request: ChronologyRequest,
) {
  const childId = record.child.id;
  const idsByTable = new Map(
    TABLES_IN_CHRONOLOGY.map((table) => [table, record[table].map((row) => String(row.id))]),
  );
  const [superseded, notes, imported] = await Promise.all([
    supersededVersionsOf(trx, councilId, childId, TABLES_IN_CHRONOLOGY),
    notesWithin(trx, councilId, childId),
    importedSourcesOf(trx, councilId, idsByTable),
  ]);
  const workerIds = [
    ...record.allocations.map((allocation) => allocation.worker_id),
    ...superseded.flatMap((version) => [version.version_row.worker_id]),
    ...[...record.contacts, ...record.episodes, ...record.assessments].map((row) => row.recorded_by),
    ...record.assessments.map((assessment) => assessment.authorised_by),
  ].filter((id): id is string => typeof id === 'string');
  const [names, recorders] = await Promise.all([
    workerNames(trx, councilId, workerIds),
    recordersAt(trx, councilId, childId, firstRecordedInstants(record, superseded)),
  ]);
  const kinds = request.kinds.length ? request.kinds : chronologyKinds;
  const entries = chronologyEntries(
    { record, superseded, notes, workerNames: names, recorders, imported },
    kinds,
    request.order,
  );
  return entries.map((entry) => ({
    ...entry,
    title: inWords(entry.title, entry.on)!,
    detail: inWords(entry.detail, entry.on),
  }));
}
