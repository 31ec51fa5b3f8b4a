import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { ukDate } from '../../platform/views.ts';
import type { SelfEvaluation } from './self-evaluation.ts';
import { boxed, definitionParagraphs, heading, paragraphs, wordFile } from './word.ts';

/** A bulleted list, as the page's. */
const bullets = (lines: readonly string[]) =>
  lines.map((line) => new Paragraph({ text: line, bullet: { level: 0 }, spacing: { after: 60 } }));

/** The self-evaluation as a Word document: the same sections, answers and drafts as the page and the PDF. */
export function selfEvaluationWord(evaluation: SelfEvaluation): Promise<Buffer> {
  const { period } = evaluation;
  const body = [
    new Paragraph({ children: [new TextRun({ text: evaluation.council, bold: true, size: 26 })] }),
    heading(evaluation.title, HeadingLevel.TITLE),
    ...paragraphs(
      `What we know about the quality and impact of our social work practice with children and families in ${period.label} (${ukDate(period.start)} to ${ukDate(period.end)}), and how we know it, under each judgement area of Ofsted’s inspection of local authority children’s services (ILACS). Under each answer are the year’s figures from Hearth, the same as the dashboard’s.`,
    ),
    ...paragraphs(evaluation.changed),
    ...evaluation.areas.flatMap((area, index) => [
      heading(`${index + 1}. ${area.heading}`, HeadingLevel.HEADING_1),
      ...area.questions.flatMap((question, at) => [
        heading(`${index + 1}.${at + 1} ${question.question}`, HeadingLevel.HEADING_2),
        boxed('Our answer', paragraphs(question.answer, 'Not yet written.'), '1D70B8'),
        new Paragraph({
          children: [new TextRun({ text: question.drafted.heading, bold: true })],
          spacing: { before: 160, after: 80 },
          keepNext: true,
        }),
        ...bullets(question.drafted.lines),
        ...(question.notInHearth.length
          ? [
              new Paragraph({
                children: [new TextRun({ text: 'Not yet in Hearth', bold: true })],
                spacing: { before: 120, after: 80 },
                keepNext: true,
              }),
              ...bullets(question.notInHearth),
            ]
          : []),
      ]),
    ]),
    heading('Appendix: what each figure counts', HeadingLevel.HEADING_1),
    ...definitionParagraphs(evaluation.definitions),
  ];
  return wordFile(evaluation.title, evaluation.council, body);
}
