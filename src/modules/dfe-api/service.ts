import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/database.ts';
import { cohortWindow, partialDocument, purgeDocument } from '../../domain/returns/dfe-api/delta.ts';
import { childDocument, type DfeDocument } from '../../domain/returns/dfe-api/document.ts';
import { appendAuditNow } from '../../platform/audit.ts';
import { readAssessmentFactors, readRecords } from '../record/service.ts';
import type { DfeApiSender } from './client.ts';
import { DFE_API_TABLES, dfeFactsOf } from './facts.ts';
import {
  dayDelta,
  deliveredDocuments,
  finishRun,
  insertRun,
  insertSubmission,
  keepDelivered,
  lastCompleteRun,
  workerRegistrations,
  type DeliveredRow,
} from './queries.ts';

/** One document going out: a child's full document (first sent, or back in the cohort), a partial one, or a purge. */
export interface OutgoingDocument {
  readonly childId: string;
  readonly laChildId: string;
  readonly kind: 'full' | 'partial' | 'purge';
  readonly document: DfeDocument;
  /** The child's full document and its hash, kept as what was last delivered (null for a purge). */
  readonly full: DfeDocument | null;
  readonly hash: string;
}

export interface DfeApiRunRequest {
  readonly now: Date;
  readonly today: string;
  /** Where the documents go; without it they are only made (and written by `write`), which counts as delivered. */
  readonly sender?: DfeApiSender;
  /** Writes the run's documents (the command's files) before any are sent. */
  readonly write?: (documents: readonly OutgoingDocument[]) => void;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
}

export interface DfeApiRunResult {
  readonly runId: string;
  readonly window: { from: string; to: string };
  readonly cohort: number;
  /** The children whose document was made and found unchanged. */
  readonly unchanged: number;
  readonly documents: readonly OutgoingDocument[];
  /** The children whose document the endpoint did not take (they are made again next run). */
  readonly undelivered: readonly string[];
}

const CHUNK = 500;
const hashOf = (document: DfeDocument) => createHash('sha256').update(JSON.stringify(document)).digest('hex');

/** The documents of some children, compared with what was last delivered for each. */
async function documentsOf(
  db: Database,
  councilId: string,
  childIds: readonly string[],
  today: string,
): Promise<{ documents: OutgoingDocument[]; unchanged: number }> {
  const records = await readRecords(db, councilId, { childIds }, { asAt: today }, DFE_API_TABLES);
  const all = [...records.values()];
  const [factors, registrations, delivered] = await Promise.all([
    readAssessmentFactors(
      db,
      councilId,
      undefined,
      all.flatMap((record) => record.assessments.map((a) => a.id)),
    ),
    workerRegistrations(
      db,
      councilId,
      all.flatMap((record) => record.allocations.map((a) => a.worker_id)),
    ),
    deliveredDocuments(db, councilId, childIds),
  ]);
  const previous = new Map(delivered.map((row) => [row.child_id, row]));
  const documents: OutgoingDocument[] = [];
  let unchanged = 0;
  for (const record of all) {
    const full = childDocument(dfeFactsOf(record, factors, registrations));
    const hash = hashOf(full);
    const before = previous.get(record.child.id);
    if (before?.document_hash === hash) {
      unchanged++;
      continue;
    }
    const partial = before && partialDocument(full, before.document as DfeDocument);
    if (before && !partial) {
      unchanged++;
      continue;
    }
    const base = { childId: record.child.id, laChildId: record.child.local_id, full, hash };
    documents.push(
      partial ? { ...base, kind: 'partial', document: partial } : { ...base, kind: 'full', document: full },
    );
  }
  return { documents, unchanged };
}

/** Sends the documents in batches, keeping each submission and its response; the children delivered. */
async function send(
  db: Database,
  councilId: string,
  runId: string,
  sender: DfeApiSender,
  documents: readonly OutgoingDocument[],
  onProgress: (stage: string, done: number, total: number) => void,
): Promise<Set<string>> {
  const delivered = new Set<string>();
  for (let start = 0; start < documents.length; start += sender.batchSize) {
    const batch = documents.slice(start, start + sender.batchSize);
    const submittedAt = new Date();
    const outcome = await sender.submit(batch.map((outgoing) => outgoing.document));
    await insertSubmission(db, {
      councilId,
      id: uuidv7(),
      runId,
      submittedAt,
      children: batch.map((outgoing) => outgoing.childId),
      attempts: outcome.attempts,
      status: outcome.status,
      response: outcome.response,
      accepted: outcome.accepted,
    });
    if (outcome.accepted) for (const outgoing of batch) delivered.add(outgoing.childId);
    onProgress('sending to the DfE', start + batch.length, documents.length);
  }
  return delivered;
}

/**
 * A run of the DfE's children's social care API (issue 19, part 4): the documents of the children whose document
 * changed since the last run (partial documents), of children new to the cohort (full documents), and purges for
 * children who left it; sent when a sender is given, and kept as delivered when they were taken (or, without a
 * sender, when made), so that the next run starts from them. Audited as an export.
 */
export async function runDfeApi(
  db: Database,
  councilId: string,
  request: DfeApiRunRequest,
): Promise<DfeApiRunResult> {
  const onProgress = request.onProgress ?? (() => {});
  const window = cohortWindow(request.today);
  const runId = uuidv7();
  await insertRun(db, { councilId, id: runId, knownAt: request.now, window, sent: !!request.sender });
  // The base is the last run that delivered everything; the first run makes every child of the cohort.
  const since = await lastCompleteRun(db, councilId);
  const { cohort, toMake, toPurge } = await dayDelta(
    db,
    councilId,
    window,
    since,
    request.now,
    DFE_API_TABLES,
  );
  const documents: OutgoingDocument[] = [];
  let unchanged = 0;
  for (let start = 0; start < toMake.length; start += CHUNK) {
    const made = await documentsOf(db, councilId, toMake.slice(start, start + CHUNK), request.today);
    documents.push(...made.documents);
    unchanged += made.unchanged;
    onProgress('making the documents', Math.min(start + CHUNK, toMake.length), toMake.length);
  }
  for (const { childId, laChildId } of toPurge) {
    const document = purgeDocument({ la_child_id: laChildId, mis_child_id: childId });
    documents.push({ childId, laChildId, kind: 'purge', document, full: null, hash: hashOf(document) });
  }
  request.write?.(documents);
  const delivered = request.sender
    ? await send(db, councilId, runId, request.sender, documents, onProgress)
    : new Set(documents.map((outgoing) => outgoing.childId));
  const kept: DeliveredRow[] = documents
    .filter((outgoing) => delivered.has(outgoing.childId))
    .map((outgoing) => ({
      childId: outgoing.childId,
      laChildId: outgoing.laChildId,
      hash: outgoing.hash,
      document: outgoing.full,
    }));
  await keepDelivered(db, councilId, runId, new Date(), kept);
  const undelivered = documents.filter((outgoing) => !delivered.has(outgoing.childId)).map((o) => o.childId);
  const counts = {
    cohort,
    full: documents.filter((outgoing) => outgoing.kind === 'full').length,
    partial: documents.filter((outgoing) => outgoing.kind === 'partial').length,
    purge: documents.filter((outgoing) => outgoing.kind === 'purge').length,
    unchanged,
    undelivered: undelivered.length,
  };
  await finishRun(db, runId, counts, new Date());
  await appendAuditNow(
    db,
    { councilId, now: request.now },
    {
      action: 'return.exported',
      details: { return: 'dfe-api', run: runId, sent: !!request.sender, ...counts },
    },
  );
  return { runId, window, cohort, unchanged, documents, undelivered };
}
