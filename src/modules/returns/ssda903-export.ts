import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Tables } from '../../db/schema.ts';
import type { Validation } from '../../domain/returns/engine.ts';
import type { PeriodOfCareFact } from '../../domain/returns/ssda903/episodes.ts';
import { buildSsda903, ssda903Files, type Ssda903Export } from '../../domain/returns/ssda903/export.ts';
import type {
  PeriodOfCareWithPermanence,
  Ssda903ChildFacts,
} from '../../domain/returns/ssda903/export-facts.ts';
import { postcodesToLookUp } from '../../domain/returns/ssda903/geography.ts';
import { readSsda903 } from '../../domain/returns/ssda903/read.ts';
import type { Ssda903Return } from '../../domain/returns/ssda903/tables.ts';
import { validateSsda903 } from '../../domain/returns/ssda903/validate.ts';
import { appendAuditNow, type AuditSource } from '../../platform/audit.ts';
import { importedPostcodeLookup } from '../postcodes/service.ts';
import { readRecords, type ChildRecord } from '../record/service.ts';
import { councilCodes, socialWorkerRegistrations } from './ssda903-export-queries.ts';

/** The council's codes and its workers with their teams, for other features' exports and imports. */
export { councilCodes, workersAndTeams } from './ssda903-export-queries.ts';

/** A worker's registration and leaving date, by id. */
type Registrations = ReadonlyMap<string, { number: string | null; leftOn: string | null }>;

/** The child's periods of care with their legal statuses and placements, as the episode builder takes them. */
function periodsOf(record: ChildRecord): PeriodOfCareWithPermanence[] {
  const uasc = record.child.uasc;
  return record.care_periods.map((period) => {
    const facts: PeriodOfCareFact = {
      start: period.start_date,
      end: period.end_date,
      reasonCeased: period.reason_ceased,
      categoryOfNeed: period.category_of_need,
      legalStatuses: record.legal_statuses
        .filter((status) => status.care_period_id === period.id)
        .map((status) => ({ from: status.from_date, to: status.to_date, code: status.code })),
      placements: record.placements
        .filter((placement) => placement.care_period_id === period.id)
        .map((placement) => ({
          from: placement.start_date,
          to: placement.end_date,
          place: placement.place,
          provider: placement.provider,
          postcode: placement.postcode,
          // The DfE asks no home postcode of a child who is or was unaccompanied (406).
          homePostcode: uasc ? null : placement.home_postcode,
          urn: placement.urn,
          carer: placement.carer,
          changeReason: placement.change_reason,
        })),
    };
    const permanence = period.previous_permanence;
    return {
      ...facts,
      previousPermanence: permanence
        ? {
            code: permanence,
            council: period.previous_permanence_council,
            date: period.previous_permanence_date,
          }
        : null,
    };
  });
}

/** What the return needs of one child's record, in the exporter's words. */
export function ssda903FactsOf(record: ChildRecord, workers: Registrations): Ssda903ChildFacts {
  const { child } = record;
  const leaving = record.care_leaver_statuses.filter((status) => status.status !== 'eligible');
  const allocations = record.allocations
    .filter((allocation) => allocation.case_role === 'allocated-worker')
    .sort((a, b) => (a.from_date < b.from_date ? -1 : 1));
  return {
    localId: child.local_id,
    sex: child.sex,
    dateOfBirth: child.date_of_birth,
    ethnicity: child.ethnicity,
    upn: child.upn,
    firstChildBornOn: child.first_child_born_on,
    uasc: child.uasc,
    uascCeasedOn: child.uasc_ceased_on,
    periods: periodsOf(record),
    reviews: record.cla_reviews.map((review) => ({
      heldOn: review.held_on,
      participation: review.participation,
    })),
    missing: record.missing_episodes.map((missing) => ({
      kind: missing.kind,
      start: missing.started_on,
      end: missing.ended_on,
    })),
    healthChecks: record.health_assessments.map((check) => ({ kind: check.kind, on: check.completed_on })),
    outcomes: record.care_outcomes.map((outcome) => ({
      yearEnding: outcome.year_ending,
      sdqScore: outcome.sdq_score,
      sdqReason: outcome.sdq_reason,
      convicted: outcome.convicted,
      immunisationsUpToDate: outcome.immunisations_up_to_date,
      substanceMisuse: outcome.substance_misuse,
      interventionReceived: outcome.intervention_received,
      interventionOffered: outcome.intervention_offered,
    })),
    careLeaver:
      leaving.length === 0
        ? null
        : {
            since: leaving.map((status) => status.from_date).sort()[0]!,
            contacts: record.care_leaver_contacts.map((contact) => ({
              on: contact.contacted_on,
              inTouch: contact.in_touch,
              accommodation: contact.accommodation,
              activity: contact.activity,
            })),
          },
    adoptionDecisions: record.adoption_decisions.map((decision) => ({
      decidedOn: decision.decided_on,
      reversedOn: decision.reversed_on,
      reversalReason: decision.reversal_reason,
      matchedOn: decision.matched_on,
      adopters: {
        count: decision.adopters_count,
        sex: decision.adopters_sex,
        legalStatus: decision.adopters_legal_status,
        fosterCarers: decision.by_foster_carers,
      },
    })),
    socialWorkers: allocations.map((allocation, index) => {
      const previous = allocations[index - 1];
      const left = previous && workers.get(previous.worker_id)?.leftOn;
      return {
        from: allocation.from_date,
        to: allocation.to_date,
        workerId: allocation.worker_id,
        registration: workers.get(allocation.worker_id)?.number ?? null,
        reason: allocation.change_reason,
        previousWorkerLeft: Boolean(left && previous.to_date && left <= previous.to_date),
      };
    }),
  };
}

export interface Ssda903ExportRequest {
  readonly year: number;
  /** Hearth's knowledge at this instant (default now). */
  readonly knownAt?: Date;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Who asked, for the audit entry: a person on the page (the command line audits as the council). */
  readonly audit?: AuditSource;
  /** Last year's return as sent (read from its files), so that the rules comparing the two years run. */
  readonly previous?: Ssda903Return;
}

export interface Ssda903ExportResult {
  readonly tables: Ssda903Export;
  /** Each table's file name and CSV text. */
  readonly files: { readonly name: string; readonly text: string }[];
  readonly validation: Validation;
  readonly children: number;
  readonly la: string | null;
}

/**
 * The SSDA903 return for the collection year starting 1 April `year`, from every child's record as it stood on
 * 31 March, as Hearth knew it at `knownAt` (through the one reader, readRecords), with Hearth's own validation
 * of the files as written (issue 18, parts 1 and 4). The postcode rules run when a postcode directory has been
 * imported. Nothing is written to the database but the audit entry.
 */
export async function exportSsda903(
  db: Database,
  councilId: string,
  request: Ssda903ExportRequest,
): Promise<Ssda903ExportResult> {
  const asAt = `${request.year + 1}-03-31`;
  request.onProgress?.('reading the record', 0, 1);
  const [council, workers, records] = await Promise.all([
    councilCodes(db, councilId),
    socialWorkerRegistrations(db, councilId),
    readRecords(db, councilId, 'all', { asAt, ...(request.knownAt ? { knownAt: request.knownAt } : {}) }),
  ]);
  const registrations: Registrations = new Map(
    workers.map((worker) => [
      worker.id,
      { number: worker.social_work_england_number, leftOn: worker.left_on },
    ]),
  );
  const facts: Ssda903ChildFacts[] = [];
  let done = 0;
  for (const record of records.values()) {
    facts.push(ssda903FactsOf(record, registrations));
    if (++done % 500 === 0) request.onProgress?.('building the tables', done, records.size);
  }
  const tables = buildSsda903(facts, request.year);
  const files = ssda903Files(tables);
  request.onProgress?.('validating', 0, 1);
  const validation = await validateExport(
    db,
    files,
    request.year,
    council?.dfe_code ?? null,
    request.previous,
  );
  await appendAuditNow(db, request.audit ?? { councilId, now: new Date() }, {
    action: 'return.exported',
    details: {
      return: 'ssda903',
      year: request.year,
      knownAt: (request.knownAt ?? null)?.toISOString() ?? null,
      withPrevious: request.previous !== undefined,
      children: tables.Header.length,
      errors: validation.findings.filter((finding) => finding.severity === 'error').length,
    },
  });
  return { tables, files, validation, children: tables.Header.length, la: council?.dfe_code ?? null };
}

/** Hearth's own validation of the files as written, read back as any council's return would be, with last year's. */
async function validateExport(
  db: Kysely<Tables>,
  files: readonly { name: string; text: string }[],
  year: number,
  la: string | null,
  previous: Ssda903Return | undefined,
): Promise<Validation> {
  const encoder = new TextEncoder();
  const reading = readSsda903(files.map((file) => ({ name: file.name, content: encoder.encode(file.text) })));
  const postcodes = await importedPostcodeLookup(db, postcodesToLookUp([reading.return, previous], null));
  return validateSsda903(reading, { year, la, postcodes, previous });
}
