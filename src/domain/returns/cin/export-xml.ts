import type { CinCensusChild } from './export.ts';

/** What the Header of the message says: the census, its year, the council and the software that made it. */
export interface CinCensusHeader {
  /** The collection year: 2025 means 2025–26. */
  readonly year: number;
  /** The council's DfE (LEA) number, three digits. */
  readonly la: string;
  readonly software: string;
  readonly release: string;
  /** When the message was made, written as the DfE asks (YYYY-MM-DDTHH:MM:SS). */
  readonly madeAt: Date;
}

/** A value of the message: text, a group of elements in order, or a repeated element; null is left out. */
type Node = string | null | readonly Node[] | { readonly [element: string]: Node };

const escapeText = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Writes `name` holding `value`, one element a line, indented by depth; arrays repeat the element. */
function write(lines: string[], name: string, value: Node, depth: number): void {
  if (value === null) return;
  const indent = '  '.repeat(depth);
  if (typeof value === 'string') {
    lines.push(`${indent}<${name}>${escapeText(value)}</${name}>`);
  } else if (Array.isArray(value)) {
    for (const entry of value as readonly Node[]) write(lines, name, entry, depth);
  } else {
    lines.push(`${indent}<${name}>`);
    for (const [child, entry] of Object.entries(value)) write(lines, child, entry, depth + 1);
    lines.push(`${indent}</${name}>`);
  }
}

/**
 * The CIN census message as XML text (UTF-8, no namespace, as the DfE's COLLECT takes it): the Header with the
 * collection details and source, then one Child for each child (DfE CIN census 2025 to 2026, section 6.3).
 * The Year is the year the census ends (2026 for 2025–26) and the ReferenceDate 31 March of it.
 */
export function cinCensusXml(header: CinCensusHeader, children: readonly CinCensusChild[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<Message>'];
  write(
    lines,
    'Header',
    {
      CollectionDetails: {
        Collection: 'CIN',
        Year: String(header.year + 1),
        ReferenceDate: `${header.year + 1}-03-31`,
      },
      Source: {
        SourceLevel: 'L',
        LEA: header.la,
        SoftwareCode: header.software,
        Release: header.release,
        SerialNo: '001',
        DateTime: header.madeAt.toISOString().slice(0, 19),
      },
    },
    1,
  );
  lines.push('  <Children>');
  for (const child of children) write(lines, 'Child', child as unknown as Node, 2);
  lines.push('  </Children>', '</Message>');
  return `${lines.join('\n')}\n`;
}
