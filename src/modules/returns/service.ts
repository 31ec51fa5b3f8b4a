import { newWorkbook } from '../../platform/workbooks.ts';
import type { PostcodeLookup } from '../../domain/returns/ssda903/context.ts';
import type { Finding } from '../../domain/returns/findings.ts';
import { csvCell } from '../../domain/workforce/census-return.ts';
import { runOffThread } from '../../platform/off-thread.ts';
import type { AskForPostcodes, ReturnUpload, UploadCheck } from './upload-check.ts';

export type { ReturnKind, ReturnUpload } from './upload-check.ts';

/** The places of the postcodes a return names, or null when no postcode directory is at hand. */
export type PostcodeSource = (postcodes: Set<string>) => Promise<PostcodeLookup | null>;

/**
 * Checks an uploaded return against the DfE rules of its collection year on a worker thread, so that one
 * person's large return never stalls anyone else's page (issue 22); the postcodes it names are looked up here,
 * where the database is. Nothing is written.
 */
export function validateUpload(upload: ReturnUpload, postcodes: PostcodeSource): Promise<UploadCheck> {
  const answer: AskForPostcodes = async (wanted) => {
    const lookup = await postcodes(new Set(wanted));
    return lookup && wanted.map((postcode) => [postcode, lookup(postcode)]);
  };
  return runOffThread(new URL('./upload-check.ts', import.meta.url), 'checkUpload', [upload], answer);
}

/** Findings grouped by rule, most frequent first, for the page. */
export function findingsByRule(findings: readonly Finding[]) {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.rule);
    if (group) group.push(finding);
    else groups.set(finding.rule, [finding]);
  }
  return [...groups.values()]
    .map((group) => ({
      rule: group[0]!.rule,
      severity: group[0]!.severity,
      message: group[0]!.message,
      count: group.length,
      children: new Set(group.map((finding) => finding.child).filter(Boolean)).size,
      findings: group,
    }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

const columns = ['rule', 'severity', 'child', 'table', 'row', 'fields', 'message'] as const;

function cellsOf(finding: Finding): Array<string | number> {
  return [
    finding.rule,
    finding.severity,
    finding.child,
    finding.table,
    finding.row,
    finding.fields.join(' '),
    finding.message,
  ];
}

/** The findings as CSV, one row each, fields quoted where they need it (RFC 4180). */
export function findingsCsv(findings: readonly Finding[]): string {
  return (
    [columns.join(','), ...findings.map((finding) => cellsOf(finding).map(csvCell).join(','))].join('\r\n') +
    '\r\n'
  );
}

/** The findings as an XLSX workbook: a summary sheet by rule and a sheet of every finding. */
export async function findingsXlsx(findings: readonly Finding[]): Promise<Buffer> {
  const workbook = await newWorkbook();
  workbook.creator = 'Hearth';
  const summary = workbook.addWorksheet('By rule');
  summary.columns = [
    { header: 'Rule', key: 'rule', width: 12 },
    { header: 'Severity', key: 'severity', width: 10 },
    { header: 'Findings', key: 'count', width: 10 },
    { header: 'Children', key: 'children', width: 10 },
    { header: 'Message', key: 'message', width: 100 },
  ];
  for (const group of findingsByRule(findings)) summary.addRow({ ...group, findings: undefined });
  const all = workbook.addWorksheet('Findings');
  all.columns = columns.map((column) => ({
    header: column[0]!.toUpperCase() + column.slice(1),
    key: column,
    width: column === 'message' ? 100 : 14,
  }));
  for (const finding of findings) all.addRow(cellsOf(finding));
  for (const sheet of [summary, all]) {
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
