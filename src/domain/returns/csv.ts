/**
 * A small CSV reader for the SSDA903 tables (RFC 4180: commas, double quotes, "" for a quote inside
 * quotes, a quoted value may run over several lines; CRLF or LF). Values are trimmed, empty lines are
 * skipped and rows may have any number of values (the caller reports ragged rows). Lines without a
 * quote, which is nearly every line of a return, are split directly: this is several times faster than
 * a general parser on a council's files.
 */

/** One record and the line of the file it ends on (the column names are line 1). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** Text that is not CSV, with the line where reading stopped. */
export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`${message} (line ${line})`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

const isBlank = (code: number) => code === 0x20 || code === 0x09;
/** Whether a cell may end in what String.prototype.trim removes (a superset: any control or non-ASCII character). */
const isSpace = (code: number) => code <= 0x20 || code >= 0x7f;

/** Reads CSV text into records; throws CsvSyntaxError on a quote out of place or never closed. */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let position = 0;
  let line = 0;
  /** The next line of the text without its line ending, or null at the end. */
  const nextLine = (): string | null => {
    if (position >= text.length) return null;
    let end = text.indexOf('\n', position);
    if (end === -1) end = text.length;
    const raw = text.charCodeAt(end - 1) === 0x0d ? text.slice(position, end - 1) : text.slice(position, end);
    position = end + 1;
    line += 1;
    return raw;
  };
  for (let raw = nextLine(); raw !== null; raw = nextLine()) {
    if (raw === '') continue;
    if (!raw.includes('"')) {
      const cells = raw.split(',');
      // Most cells have no space around them: trimming only those that do saves a string per cell.
      for (let index = 0; index < cells.length; index++) {
        const cell = cells[index]!;
        if (cell !== '' && (isSpace(cell.charCodeAt(0)) || isSpace(cell.charCodeAt(cell.length - 1))))
          cells[index] = cell.trim();
      }
      records.push({ line, cells });
      continue;
    }
    const cells: string[] = [];
    let current: string = raw;
    let index = 0;
    for (;;) {
      while (index < current.length && isBlank(current.charCodeAt(index))) index += 1;
      if (current[index] === '"') {
        let value = '';
        index += 1;
        for (;;) {
          const quote = current.indexOf('"', index);
          if (quote === -1) {
            const more = nextLine();
            if (more === null) throw new CsvSyntaxError(line, 'a quoted value is never closed');
            value += `${current.slice(index)}\n`;
            [current, index] = [more, 0];
          } else if (current[quote + 1] === '"') {
            value += `${current.slice(index, quote)}"`;
            index = quote + 2;
          } else {
            value += current.slice(index, quote);
            index = quote + 1;
            break;
          }
        }
        while (index < current.length && isBlank(current.charCodeAt(index))) index += 1;
        if (index < current.length && current[index] !== ',')
          throw new CsvSyntaxError(line, 'a closing quote is followed by more of the value');
        cells.push(value.trim());
      } else {
        const comma = current.indexOf(',', index);
        const stop = comma === -1 ? current.length : comma;
        const value = current.slice(index, stop);
        if (value.includes('"'))
          throw new CsvSyntaxError(line, 'a quote inside a value that does not start with one');
        cells.push(value.trim());
        index = stop;
      }
      if (index >= current.length) break;
      index += 1;
    }
    records.push({ line, cells });
  }
  return records;
}
