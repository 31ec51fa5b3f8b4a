import type { Database } from '../../db/database.ts';
import type { Validation } from '../../domain/returns/engine.ts';
import type { CinChildFacts, CinEpisodeFacts } from '../../domain/returns/cin/export-facts.ts';
import { buildCinCensus, type CinCensusChild } from '../../domain/returns/cin/export.ts';
import { cinCensusXml } from '../../domain/returns/cin/export-xml.ts';
import { readCin } from '../../domain/returns/cin/read.ts';
import { validateCin } from '../../domain/returns/cin/validate.ts';
import { appendAuditNow, type AuditSource } from '../../platform/audit.ts';
import { readAssessmentFactors, readRecords, type ChildRecord } from '../record/service.ts';
import { councilCodes } from './ssda903-export-queries.ts';

/** The file the census is written to: named for the return and year, never for a child. */
export const cinFileName = (year: number) => `cin-census-${year}-${String(year + 1).slice(2)}.xml`;

/** The episodes of one child's record, with what was done in each, as the census builder takes them. */
function episodesOf(record: ChildRecord, factors: ReadonlyMap<string, readonly string[]>): CinEpisodeFacts[] {
  const discussions = new Map(
    record.strategy_discussions.map((discussion) => [discussion.id, discussion.held_on]),
  );
  const conferences = new Map(
    record.initial_conferences.map((conference) => [conference.section47_id, conference]),
  );
  return record.episodes.map((episode) => {
    const inEpisode = <T extends { episode_id: string }>(rows: readonly T[]) =>
      rows.filter((row) => row.episode_id === episode.id);
    return {
      referralDate: episode.referral_date,
      referralSource: episode.referral_source,
      primaryNeed: episode.primary_need,
      closedOn: episode.closed_on,
      closureReason: episode.closure_reason,
      noFurtherAction: episode.no_further_action,
      assessments: inEpisode(record.assessments).map((assessment) => ({
        start: assessment.start_date,
        authorisedOn: assessment.authorised_on,
        factors: factors.get(assessment.id) ?? [],
      })),
      cinPlans: inEpisode(record.cin_plans).map((plan) => ({ start: plan.start_date, end: plan.end_date })),
      enquiries: inEpisode(record.section47_enquiries).map((enquiry) => ({
        start: enquiry.started_on,
        end: enquiry.ended_on,
        strategyDiscussionOn: discussions.get(enquiry.strategy_discussion_id) ?? null,
        outcome: enquiry.outcome,
        conferenceOn: conferences.get(enquiry.id)?.held_on ?? null,
      })),
      protectionPlans: inEpisode(record.cp_plans).map((plan) => ({
        start: plan.start_date,
        end: plan.end_date,
        initialCategory: plan.initial_category,
        latestCategory: plan.latest_category,
        reviews: record.cp_review_conferences
          .filter((review) => review.cp_plan_id === plan.id)
          .map((review) => review.held_on),
      })),
    };
  });
}

/** What the CIN census needs of one child's record, in the exporter's words. */
export function cinFactsOf(
  record: ChildRecord,
  factors: ReadonlyMap<string, readonly string[]>,
): CinChildFacts {
  const { child } = record;
  return {
    localId: child.local_id,
    upn: child.upn,
    dateOfBirth: child.date_of_birth,
    expectedDateOfBirth: child.expected_date_of_birth,
    sex: child.sex,
    dateOfDeath: child.date_of_death,
    ethnicity: child.ethnicity,
    disabilities: child.disabilities,
    uasc: child.uasc,
    episodes: episodesOf(record, factors),
  };
}

export interface CinExportRequest {
  readonly year: number;
  /** Hearth's knowledge at this instant (default now). */
  readonly knownAt?: Date;
  readonly onProgress?: (stage: string, done: number, total: number) => void;
  /** Who asked, for the audit entry: a person on the page (the command line audits as the council). */
  readonly audit?: AuditSource;
}

export interface CinExportResult {
  readonly children: readonly CinCensusChild[];
  readonly file: { readonly name: string; readonly text: string };
  readonly validation: Validation;
  readonly la: string | null;
}

/**
 * The CIN census for the collection year starting 1 April `year`, from every child's record as it stood on
 * 31 March, as Hearth knew it at `knownAt` (through the one reader, readRecords), with Hearth's own validation of
 * the message as written, read back as any council's return would be (issue 18, parts 2 and 4). Nothing is
 * written to the database but the audit entry.
 */
export async function exportCin(
  db: Database,
  councilId: string,
  request: CinExportRequest,
): Promise<CinExportResult> {
  const asAt = `${request.year + 1}-03-31`;
  const time = { asAt, ...(request.knownAt ? { knownAt: request.knownAt } : {}) };
  request.onProgress?.('reading the record', 0, 1);
  const [council, records, factors] = await Promise.all([
    councilCodes(db, councilId),
    readRecords(db, councilId, 'all', time),
    readAssessmentFactors(db, councilId, request.knownAt),
  ]);
  const facts: CinChildFacts[] = [];
  let done = 0;
  for (const record of records.values()) {
    if (record.episodes.length > 0) facts.push(cinFactsOf(record, factors));
    if (++done % 500 === 0) request.onProgress?.('building the census', done, records.size);
  }
  const children = buildCinCensus(facts, request.year);
  const la = council?.dfe_code ?? null;
  const text = cinCensusXml(
    { year: request.year, la: la ?? '000', software: 'Hearth', release: hearthRelease(), madeAt: new Date() },
    children,
  );
  request.onProgress?.('validating', 0, 1);
  const reading = readCin({ name: cinFileName(request.year), content: new TextEncoder().encode(text) });
  const validation = validateCin(reading, { year: request.year });
  await appendAuditNow(db, request.audit ?? { councilId, now: new Date() }, {
    action: 'return.exported',
    details: {
      return: 'cin',
      year: request.year,
      knownAt: (request.knownAt ?? null)?.toISOString() ?? null,
      children: children.length,
      errors: validation.findings.filter((finding) => finding.severity === 'error').length,
    },
  });
  return { children, file: { name: cinFileName(request.year), text }, validation, la };
}

/** Hearth's version, for the message's Release. */
function hearthRelease(): string {
  return process.env.npm_package_version ?? '0.1.0';
}
