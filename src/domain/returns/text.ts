import type { ReadProblem } from './findings.ts';

/** A file of a return as the command or page hands it over: its name and its bytes (or text). */
export interface ReturnFile {
  readonly name: string;
  readonly content: Uint8Array | string;
}

/**
 * Turns a file's bytes into text. The DfE asks for UTF-8; a UTF-8 byte order mark is dropped
 * silently, UTF-16 (which spreadsheet programs write as "Unicode text") is read with a warning, and
 * bytes that are not UTF-8 are read as Windows-1252 with a warning that names the first bad line.
 */
export function decodeReturnFile(file: ReturnFile): { text: string; problems: ReadProblem[] } {
  if (typeof file.content === 'string') {
    return { text: file.content.replace(/^\uFEFF/, ''), problems: [] };
  }
  const bytes = file.content;
  const warn = (row: number, message: string): ReadProblem[] => [
    { code: 'READ-ENCODING', file: file.name, row, field: '', child: '', message, fatal: false },
  ];
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes.subarray(2)),
      problems: warn(0, 'The file is UTF-16 (little-endian); the DfE asks for UTF-8. It was read as UTF-16.'),
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes.subarray(2)),
      problems: warn(0, 'The file is UTF-16 (big-endian); the DfE asks for UTF-8. It was read as UTF-16.'),
    };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start)), problems: [] };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes.subarray(start));
    const lines = new TextDecoder('utf-8').decode(bytes.subarray(start)).split('\n');
    const firstBad = lines.findIndex((line) => line.includes('\uFFFD')) + 1;
    return {
      text,
      problems: warn(
        firstBad,
        `The file is not UTF-8 (first at line ${firstBad}); it was read as Windows-1252. Save it as UTF-8.`,
      ),
    };
  }
}
