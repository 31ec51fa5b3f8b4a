import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type nunjucks from 'nunjucks';
import { printToPdf, startChromium, printDocumentStyles } from '../../platform/pdf.ts';
import type { CommitteeReport } from './service.ts';
import type { SelfEvaluation } from './self-evaluation.ts';
import { selfEvaluationWord } from './self-evaluation-word.ts';
import { wordDocument } from './word.ts';

/**
 * A committee report written as a file: HTML (a document of its own, styled for A4), PDF (that same HTML printed
 * by Chromium) or Word (the `docx` package, its charts drawn by the same Chromium from the same SVG).
 */
export type ReportFormat = 'html' | 'docx' | 'pdf';

export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'docx', 'pdf'];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const styles = printDocumentStyles + readFileSync(join(import.meta.dirname, 'views', 'report.css'), 'utf8');

/** The roles named on the non-public appendix, in words. */
export function rolesInWords(roles: readonly string[]): string {
  const words = roles.map((role) => role.replaceAll('-', ' ') + 's');
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}

/** A report's content (the `body` template, given `context`) as one HTML document of its own, styled for A4. */
export function documentHtml(
  views: nunjucks.Environment,
  body: string,
  title: string,
  context: Record<string, unknown>,
): string {
  return views.render('reports/views/report-document.njk', {
    ...context,
    body,
    documentTitle: title,
    styles,
  });
}

/** The report as one HTML document. */
export function reportHtml(views: nunjucks.Environment, report: CommitteeReport): string {
  return documentHtml(views, 'reports/views/report-body.njk', `${report.title}: ${report.council}`, {
    report,
    exemptRoles: rolesInWords(report.exemptAppendix?.roles ?? []),
  });
}

/** The report printed to PDF on A4 by Chromium, with page numbers at the foot. */
function reportPdf(html: string, report: CommitteeReport): Promise<Buffer> {
  return printToPdf(html, `${report.titleBlock.exempt ? 'EXEMPT · ' : ''}${report.council}`);
}

/**
 * Each figure's chart as a PNG, by the figure's id, drawn by Chromium from the report's own SVG. The charts are laid
 * out once in a page tall enough to hold them all and each is cut from it by its box: an element's own screenshot
 * scrolls to it and waits for it to settle, a cost paid 31 times in an annual report.
 */
async function chartImages(report: CommitteeReport): Promise<Map<string, Buffer>> {
  const figures = report.themes.flatMap((theme) => theme.figures);
  const browser = await startChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 700, height: 300 }, deviceScaleFactor: 2 });
    await page.setContent(
      `<!DOCTYPE html><html><head><style>${styles} body{margin:0} .c{width:640px;padding:4px}</style></head><body>${figures
        .map((figure) => `<div class="c" id="chart-${figure.id}">${figure.chart}</div>`)
        .join('')}</body></html>`,
    );
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('.c')].map((chart) => {
        const box = chart.getBoundingClientRect();
        return { x: box.x, y: box.y + window.scrollY, width: box.width, height: box.height };
      }),
    );
    const images = new Map<string, Buffer>();
    for (const [index, figure] of figures.entries())
      images.set(figure.id, await page.screenshot({ type: 'png', clip: boxes[index]!, fullPage: true }));
    return images;
  } finally {
    await browser.close();
  }
}

/** The report in the format asked for. */
export async function reportFile(
  views: nunjucks.Environment,
  report: CommitteeReport,
  format: ReportFormat,
): Promise<Buffer> {
  if (format === 'html') return Buffer.from(reportHtml(views, report), 'utf8');
  if (format === 'pdf') return reportPdf(reportHtml(views, report), report);
  return wordDocument(report, await chartImages(report), rolesInWords(report.exemptAppendix?.roles ?? []));
}

/** The file's name: "committee-report-2026-Q2.pdf". */
export function reportFileName(report: CommitteeReport, format: ReportFormat): string {
  return `committee-report-${report.key}.${format}`;
}

/** The self-evaluation as one HTML document. */
export function selfEvaluationHtml(views: nunjucks.Environment, evaluation: SelfEvaluation): string {
  return documentHtml(
    views,
    'reports/views/self-evaluation-body.njk',
    `${evaluation.title}: ${evaluation.council}`,
    { evaluation },
  );
}

/** The self-evaluation in the format asked for: HTML, the PDF printed from it, or Word. */
export async function selfEvaluationFile(
  views: nunjucks.Environment,
  evaluation: SelfEvaluation,
  format: ReportFormat,
): Promise<Buffer> {
  if (format === 'docx') return selfEvaluationWord(evaluation);
  const html = selfEvaluationHtml(views, evaluation);
  return format === 'pdf' ? printToPdf(html, evaluation.council) : Buffer.from(html, 'utf8');
}

/** The file's name: "self-evaluation-2025-26.pdf". */
export function selfEvaluationFileName(evaluation: SelfEvaluation, format: ReportFormat): string {
  return `self-evaluation-${evaluation.period.label.replace('–', '-')}.${format}`;
}
