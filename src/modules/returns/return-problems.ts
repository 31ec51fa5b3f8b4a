import type { Database } from '../../db/database.ts';
import { codeListYears, collectionYearOf } from '../../domain/codes/code-lists.ts';
import { buildCinCensus } from '../../domain/returns/cin/export.ts';
import { cinCensusXml } from '../../domain/returns/cin/export-xml.ts';
import { readCin } from '../../domain/returns/cin/read.ts';
import { validateCin } from '../../domain/returns/cin/validate.ts';
import type { Actor } from '../../platform/actor.ts';
import { readAssessmentFactors, readRecord, type ChildRecord } from '../record/service.ts';
import { cinFactsOf } from './cin-export.ts';

export interface ReturnProblem {
  readonly rule: string;
  readonly severity: 'error' | 'query' | 'warning';
  readonly message: string;
  readonly fields: readonly string[];
}

/**
 * What the CIN census would find in one child's record as it stands now (issue 18, part 4): the child's part of
 * the return of the latest collection year Hearth holds the rules of, built and checked as the export does, so a
 * worker sees the problem months before the return is due, and it goes as soon as the record is corrected. The
 * rules over the whole return are left out. The caller has already read and audited the child's record.
 */
export async function returnProblemsOf(
  db: Database,
  actor: Actor,
  childId: string,
  /** The child's whole record as this request has already read it, as at today, to read it once. */
  alreadyRead?: ChildRecord,
): Promise<ReturnProblem[]> {
  const year = Math.min(collectionYearOf(actor.today), codeListYears().at(-1)!);
  const record = alreadyRead ?? (await readRecord(db, actor, [childId], { asAt: actor.today })).get(childId);
  if (!record || record.episodes.length === 0) return [];
  const factors = await readAssessmentFactors(
    db,
    actor.councilId,
    undefined,
    record.assessments.map((assessment) => assessment.id),
  );
  const census = buildCinCensus([cinFactsOf(record, factors)], year);
  if (census.length === 0) return [];
  const xml = cinCensusXml({ year, la: '000', software: 'Hearth', release: '0', madeAt: actor.now }, census);
  const validation = validateCin(readCin({ name: 'child.xml', content: new TextEncoder().encode(xml) }), {
    year,
  });
  const seen = new Set<string>();
  return validation.findings
    .filter((finding) => finding.child !== '' && !finding.rule.startsWith('READ-'))
    .filter((finding) => !seen.has(finding.rule) && Boolean(seen.add(finding.rule)))
    .map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      fields: finding.fields,
    }));
}
