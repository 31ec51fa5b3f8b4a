/**
 * A small, strict XML reader for the DfE's returns: one pass over the text, building plain objects
 * as fast-xml-parser does with `ignoreAttributes`, `parseTagValue: false` and `trimValues` (an element
 * holding only text is its trimmed text, an element holding elements is an object of them, a name
 * that repeats becomes an array, and names in `repeated` are always arrays). Attributes, comments,
 * processing instructions and the document type are skipped; CDATA and the five XML entities and
 * character references are read as text.
 *
 * Elements named by `stream` are handed to `onStreamed` as soon as they close and are not kept in the
 * tree, so a census of 30,000 children is never held as one tree. It is the reading of a CIN census
 * that needs speed; it is not a general XML library (no namespaces, no DTD entities).
 */

export type XmlValue = string | XmlElement | XmlValue[];
export interface XmlElement {
  [name: string]: XmlValue;
}

export interface XmlError {
  /** Line of the text (from 1) where the fault was found. */
  readonly line: number;
  readonly message: string;
}

export interface XmlOptions {
  /** Names that are always read as arrays, even when written once. */
  readonly repeated?: ReadonlySet<string>;
  /** Elements to hand over as soon as they close, instead of keeping them in the tree: by name, within `parent`. */
  readonly stream?: { readonly name: string; readonly parent: string };
  readonly onStreamed?: (value: XmlValue) => void;
}

interface Frame {
  readonly name: string;
  readonly start: number;
  element: XmlElement | null;
  text: string;
}

const startTag = /([A-Za-z_][-\w.:]*)(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;
const entity = /&(?:#x([0-9A-Fa-f]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    entity,
    (_, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
      name ? named[name]! : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(decimal)),
  );
}

function lineAt(xml: string, position: number): number {
  let line = 1;
  for (let index = xml.indexOf('\n'); index !== -1 && index < position; index = xml.indexOf('\n', index + 1))
    line += 1;
  return line;
}

function attach(
  parent: Frame,
  name: string,
  value: XmlValue,
  repeated: ReadonlySet<string> | undefined,
): void {
  const element = (parent.element ??= {});
  const existing = element[name];
  if (existing === undefined) element[name] = repeated?.has(name) ? [value] : value;
  else if (Array.isArray(existing)) existing.push(value);
  else element[name] = [existing, value];
}

/**
 * Reads `xml` into its root element's name and value, or the first fault that makes it not XML,
 * with its line. Never throws on bad input.
 */
export function readXml(
  xml: string,
  options: XmlOptions = {},
): { name: string; value: XmlValue } | { error: XmlError } {
  const { repeated, stream, onStreamed } = options;
  const document: Frame = { name: '', start: 0, element: null, text: '' };
  const stack: Frame[] = [document];
  const handOver = (parent: Frame, name: string, value: XmlValue) => {
    if (onStreamed && name === stream?.name && parent.name === stream.parent) onStreamed(value);
    else attach(parent, name, value, repeated);
  };
  const fail = (position: number, message: string) => ({ error: { line: lineAt(xml, position), message } });
  let position = 0;
  while (position < xml.length) {
    const open = xml.indexOf('<', position);
    const textEnd = open === -1 ? xml.length : open;
    if (textEnd > position) {
      const top = stack[stack.length - 1]!;
      const text = xml.slice(position, textEnd);
      if (top === document) {
        if (text.trim() !== '') return fail(position, 'text outside the root element');
      } else top.text += text;
    }
    if (open === -1) break;
    const next = xml.charCodeAt(open + 1);
    if (next === 0x3f /* ? */) {
      const end = xml.indexOf('?>', open + 2);
      if (end === -1) return fail(open, 'a processing instruction is never closed');
      position = end + 2;
    } else if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', open)) {
        const end = xml.indexOf('-->', open + 4);
        if (end === -1) return fail(open, 'a comment is never closed');
        position = end + 3;
      } else if (xml.startsWith('<![CDATA[', open)) {
        const end = xml.indexOf(']]>', open + 9);
        if (end === -1 || stack.length === 1)
          return fail(open, 'a CDATA section is never closed or is outside the root');
        // Escaped so that decoding the element's text gives back the section exactly as written.
        stack[stack.length - 1]!.text += xml.slice(open + 9, end).replaceAll('&', '&amp;');
        position = end + 3;
      } else if (xml.startsWith('<!DOCTYPE', open)) {
        const end = xml.indexOf('>', open);
        if (end === -1 || stack.length > 1) return fail(open, 'a document type is misplaced or never closed');
        position = end + 1;
      } else return fail(open, 'a "<!" that starts no comment, CDATA section or document type');
    } else if (next === 0x2f /* / */) {
      const end = xml.indexOf('>', open);
      const name = end === -1 ? '' : xml.slice(open + 2, end).trim();
      const frame = stack[stack.length - 1]!;
      if (frame === document) return fail(open, `the closing tag </${name}> closes nothing`);
      if (name !== frame.name)
        return fail(
          open,
          `the closing tag </${name}> does not match <${frame.name}> of line ${lineAt(xml, frame.start)}`,
        );
      stack.pop();
      const text = decode(frame.text.trim());
      let value: XmlValue;
      if (frame.element === null) value = text;
      else {
        value = frame.element;
        if (text !== '') value['#text'] = text;
      }
      handOver(stack[stack.length - 1]!, name, value);
      position = end + 1;
    } else {
      startTag.lastIndex = open + 1;
      const match = startTag.exec(xml);
      if (!match) return fail(open, 'a start tag that is not well formed');
      if (stack.length === 1 && document.element !== null) return fail(open, 'a second root element');
      const name = match[1]!;
      if (match[2] === '/') {
        handOver(stack[stack.length - 1]!, name, '');
      } else stack.push({ name, start: open, element: null, text: '' });
      position = startTag.lastIndex;
    }
  }
  if (stack.length > 1) {
    const frame = stack[stack.length - 1]!;
    return fail(xml.length, `<${frame.name}> of line ${lineAt(xml, frame.start)} is never closed`);
  }
  const [name] = Object.keys(document.element ?? {});
  if (name === undefined) return fail(0, 'there is no root element');
  return { name, value: document.element![name]! };
}
