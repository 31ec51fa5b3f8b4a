import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type nunjucks from 'nunjucks';
import { isRedacted, REDACTED, type ThirdPartyKind } from '../../domain/governance/third-parties.ts';
import { printToPdf, printDocumentStyles } from '../../platform/pdf.ts';
import { escapeHtml, ukDate } from '../../platform/views.ts';
import type { DisclosureFormat, Marked, SubjectAccessRecord } from './subject-access-service.ts';

const styles =
  printDocumentStyles + readFileSync(join(import.meta.dirname, 'views', 'subject-access.css'), 'utf8');

export const kindWords: Record<ThirdPartyKind, string> = {
  'family-or-network': 'Family and network',
  professional: 'Professional',
  'other-child': 'Another child',
};

/**
 * Marked text as HTML. For the officer's review, each third party's words are highlighted and say whose they are
 * and whether they will be withheld; in the disclosure, the words of those chosen become a black bar reading
 * "[redacted: third party]", and nothing of them is left in the file.
 */
export function markedHtml(
  marked: Marked,
  mode: 'review' | 'disclosure',
  redacted: ReadonlySet<string>,
  labels: ReadonlyMap<string, string> = new Map(),
): string {
  return marked
    .map((segment) => {
      if (!('party' in segment)) return escapeHtml(segment.text);
      if (mode === 'disclosure') {
        return isRedacted(segment, redacted)
          ? `<span class="hearth-redacted">${REDACTED}</span>`
          : escapeHtml(segment.text);
      }
      const withheld = redacted.has(segment.party);
      const label = labels.get(segment.party) ?? 'a third party';
      return `<mark class="hearth-third-party${withheld ? ' hearth-third-party--withheld' : ''}" data-party="${escapeHtml(segment.party)}">${escapeHtml(segment.text)}<span class="govuk-visually-hidden"> (${withheld ? 'to be redacted' : 'to be disclosed'}: ${escapeHtml(label)})</span></mark>`;
    })
    .join('');
}

/** The record's sections with their text as HTML, for the review page and the disclosure alike. */
export function sectionsHtml(
  record: SubjectAccessRecord,
  mode: 'review' | 'disclosure',
  redacted: ReadonlySet<string>,
) {
  const labels = new Map(record.thirdParties.map((party) => [party.key, party.label]));
  const html = (marked: Marked) => markedHtml(marked, mode, redacted, labels);
  return record.sections.map((section, index) => ({
    id: `section-${index + 1}`,
    heading: section.heading,
    emptyText: section.none,
    table:
      section.kind === 'table'
        ? {
            head: section.head,
            // A table of facts about the child has no column headings: its first column heads each row.
            headless: section.head.every((heading) => !heading),
            rows: section.rows.map((row) => row.map((cell) => html(cell))),
          }
        : undefined,
    notes:
      section.kind === 'notes'
        ? section.notes.map((note) => ({
            title: html(note.title),
            about: escapeHtml(note.about),
            paragraphs: note.paragraphs.map(html),
            otherChildren: note.otherChildren.map(html),
          }))
        : undefined,
  }));
}

/** The disclosure as one HTML document of its own, styled for A4. */
export function disclosureHtml(
  views: nunjucks.Environment,
  record: SubjectAccessRecord,
  redacted: ReadonlySet<string>,
): string {
  return views.render('governance/views/subject-access-document.njk', {
    record,
    todayInWords: ukDate(record.today),
    redactions: record.thirdParties.filter((party) => redacted.has(party.key)).length,
    sections: sectionsHtml(record, 'disclosure', redacted),
    styles,
  });
}

/** The disclosure as a file: HTML, or that same HTML printed to PDF by Chromium. */
export async function disclosureFile(
  views: nunjucks.Environment,
  record: SubjectAccessRecord,
  redacted: ReadonlySet<string>,
  format: DisclosureFormat,
): Promise<Buffer> {
  const html = disclosureHtml(views, record, redacted);
  if (format === 'html') return Buffer.from(html, 'utf8');
  return printToPdf(html, `${record.council} · subject access request · ${record.name}`);
}

/** "subject-access-LS123456-2026-12-07.pdf" */
export function disclosureFileName(record: SubjectAccessRecord, format: DisclosureFormat): string {
  return `subject-access-${record.localId.replace(/[^A-Za-z0-9-]/g, '')}-${record.today}.${format}`;
}
