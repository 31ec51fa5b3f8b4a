import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ukDate } from '../../platform/views.ts';
import type { CommitteeReport } from './service.ts';

/** The committee report as a Word document (the `docx` package), each chart the PNG drawn from its SVG. */

const FONT = 'Arial';

export const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level, spacing: { before: 240, after: 120 } });

/** Paragraphs of what someone wrote, one per line. */
export const paragraphs = (text: string, otherwise?: string) => {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.length ? lines : otherwise ? [otherwise] : []).map(
    (line) => new Paragraph({ children: [new TextRun(line)], spacing: { after: 120 } }),
  );
};

export const cell = (text: string, options: { bold?: boolean; right?: boolean; width?: number } = {}) =>
  new TableCell({
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    children: [
      new Paragraph({
        children: [new TextRun({ text, bold: options.bold ?? false, size: 20 })],
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
      }),
    ],
  });

const thin = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/** A table ruled as the GOV.UK tables are: a thin grey line under each row, none at the sides. */
export const table = (rows: TableRow[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    margins: { top: 60, bottom: 60, left: 0, right: 120 },
    borders: {
      top: none,
      left: none,
      right: none,
      bottom: thin,
      insideHorizontal: thin,
      insideVertical: none,
    },
    rows,
  });

/** What each figure counts, for the appendix: its title, then its definition and source. */
export const definitionParagraphs = (
  definitions: readonly { title: string; counts: string; source: string }[],
) =>
  definitions.flatMap((definition) => [
    new Paragraph({ children: [new TextRun({ text: definition.title, bold: true })], keepNext: true }),
    new Paragraph({
      children: [new TextRun({ text: `${definition.counts} Source: ${definition.source}`, size: 19 })],
      spacing: { after: 120 },
    }),
  ]);

/** A box around what the author wrote, as councils' templates frame commentary. */
export function boxed(title: string, body: Paragraph[], colour: string): Table {
  const line = { style: BorderStyle.SINGLE, size: 12, color: colour };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            borders: { top: line, bottom: line, left: line, right: line },
            margins: { top: 120, bottom: 120, left: 160, right: 160 },
            children: [new Paragraph({ children: [new TextRun({ text: title, bold: true })] }), ...body],
          }),
        ],
      }),
    ],
  });
}

function titleBlock(report: CommitteeReport): Table {
  const block = report.titleBlock;
  return table(
    [
      ['Committee', block.committee],
      ['Date of meeting', block.meetingDate],
      ['Report of', block.author],
      ['Period', `${report.period.label}: ${ukDate(report.period.start)} to ${ukDate(report.period.end)}`],
      ['Classification', block.classification],
    ].map(
      ([name, value]) => new TableRow({ children: [cell(name!, { bold: true, width: 30 }), cell(value!)] }),
    ),
  );
}

function theme(
  report: CommitteeReport,
  section: CommitteeReport['themes'][number],
  number: number,
  charts: Map<string, Buffer>,
) {
  const figures = table([
    new TableRow({
      tableHeader: true,
      children: ['Figure', 'Value', 'What it stands on', 'Change'].map((name, index) =>
        cell(name, { bold: true, right: index === 1 }),
      ),
    }),
    ...section.figures.map(
      (figure) =>
        new TableRow({
          children: [
            cell(figure.title, { bold: true, width: 34 }),
            cell(figure.value, { right: true, width: 12 }),
            cell(figure.detail, { width: 24 }),
            cell(figure.change, { width: 30 }),
          ],
        }),
    ),
  ]);
  const chartCells = section.figures.map((figure) => {
    const png = charts.get(figure.id);
    return new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: [
        new Paragraph({
          children: [new TextRun({ text: figure.title, bold: true, size: 18 })],
          keepNext: true,
        }),
        ...(png
          ? [
              new Paragraph({
                children: [
                  new ImageRun({
                    type: 'png',
                    data: png,
                    transformation: { width: 300, height: 126 },
                    altText: { name: figure.title, description: figure.alternative, title: figure.title },
                  }),
                ],
              }),
            ]
          : []),
      ],
    });
  });
  // The charts two to a row, as on the page and in the PDF.
  const chartRows: TableRow[] = [];
  for (let index = 0; index < chartCells.length; index += 2)
    chartRows.push(
      new TableRow({
        cantSplit: true,
        children: [
          chartCells[index]!,
          chartCells[index + 1] ?? new TableCell({ children: [new Paragraph('')] }),
        ],
      }),
    );
  const images = [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      borders: {
        top: none,
        bottom: none,
        left: none,
        right: none,
        insideHorizontal: none,
        insideVertical: none,
      },
      margins: { top: 120, bottom: 60, left: 0, right: 120 },
      rows: chartRows,
    }),
  ];
  return [
    heading(`3.${number} ${section.name}`, HeadingLevel.HEADING_2),
    new Paragraph({
      children: [new TextRun({ text: `${section.name}: ${report.period.label}`, bold: true })],
      spacing: { after: 80 },
    }),
    figures,
    ...images,
    new Paragraph({ text: '' }),
    boxed(
      `Commentary: ${section.name.toLowerCase()}`,
      paragraphs(section.commentary, 'No commentary has been written yet.'),
      '1D70B8',
    ),
  ];
}

/** The Word document of a report. */
export async function wordDocument(
  report: CommitteeReport,
  charts: Map<string, Buffer>,
  exemptRoles: string,
): Promise<Buffer> {
  const body = [
    new Paragraph({ children: [new TextRun({ text: report.council, bold: true, size: 26 })] }),
    heading(report.title, HeadingLevel.TITLE),
    titleBlock(report),
    heading('1. Summary', HeadingLevel.HEADING_1),
    ...paragraphs(report.summary),
    heading('2. Recommendations', HeadingLevel.HEADING_1),
    ...report.recommendations.map(
      (recommendation, index) =>
        new Paragraph({
          children: [new TextRun(`2.${index + 1} ${recommendation}`)],
          spacing: { after: 120 },
        }),
    ),
    heading('3. Main report', HeadingLevel.HEADING_1),
    ...paragraphs(`${report.chartsCover} ${report.population} What each figure counts is in Appendix A.`),
    ...report.themes.flatMap((section, index) => theme(report, section, index + 1, charts)),
    heading('4. Implications', HeadingLevel.HEADING_1),
    ...report.implications.flatMap((implication, index) => [
      heading(`4.${index + 1} ${implication.heading}`, HeadingLevel.HEADING_3),
      ...paragraphs(implication.text, 'None identified.'),
    ]),
    heading('5. Appendices', HeadingLevel.HEADING_1),
    heading('Appendix A: what each figure counts', HeadingLevel.HEADING_2),
    ...definitionParagraphs(report.definitions),
    ...(report.exemptAppendix
      ? [
          new Paragraph({ text: '' }),
          boxed(
            `Appendix B (not for publication): for ${exemptRoles} only`,
            paragraphs(report.exemptAppendix.text),
            'D4351C',
          ),
        ]
      : []),
  ];
  return wordFile(report.title, `${report.titleBlock.exempt ? 'EXEMPT · ' : ''}${report.council}`, body);
}

/** A Word document on A4 in Arial, with `footer` and the page number at the foot of every page. */
export function wordFile(title: string, footer: string, body: (Paragraph | Table)[]): Promise<Buffer> {
  const document = new Document({
    creator: 'Hearth',
    title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    children: [`${footer} · page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
