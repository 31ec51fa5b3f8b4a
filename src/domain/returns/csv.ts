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

/**
 * Reads CSV text one record at a time, so that a caller can make each record into its own row and let
 * the record go (a return's cells then die young rather than all living until the whole file is read).
 */
export class CsvReader {
  readonly #text: string;
  #position = 0;
  /** The line of the text on which the last record read ends. */
  line = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** The next line of the text without its line ending, or null at the end. */
  #nextLine(): string | null {
    const text = this.#text;
    const position = this.#position;
    if (position >= text.length) return null;
    let end = text.indexOf('\n', position);
    if (end === -1) end = text.length;
    this.#position = end + 1;
    this.line += 1;
    return text.charCodeAt(end - 1) === 0x0d ? text.slice(position, end - 1) : text.slice(position, end);
  }

  /** The cells of the next record, or null at the end; throws CsvSyntaxError on a quote out of place or never closed. */
  next(): string[] | null {
    let raw = this.#nextLine();
    while (raw === '') raw = this.#nextLine();
    if (raw === null) return null;
    if (!raw.includes('"')) {
      const cells = raw.split(',');
      // Most cells have no space around them: trimming only those that do saves a string per cell.
      for (let index = 0; index < cells.length; index++) {
        const cell = cells[index]!;
        if (cell !== '' && (isSpace(cell.charCodeAt(0)) || isSpace(cell.charCodeAt(cell.length - 1))))
          cells[index] = cell.trim();
      }
      return cells;
    }
    return this.#quoted(raw);
  }

  /** A record with a quote in its first line, which may run over more lines. */
  #quoted(raw: string): string[] {
    const cells: string[] = [];
    let current = raw;
    let index = 0;
    for (;;) {
      while (index < current.length && isBlank(current.charCodeAt(index))) index += 1;
      if (current[index] === '"') {
        let value = '';
        index += 1;
        for (;;) {
          const quote = current.indexOf('"', index);
          if (quote === -1) {
            const more = this.#nextLine();
            if (more === null) throw new CsvSyntaxError(this.line, 'a quoted value is never closed');
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
          throw new CsvSyntaxError(this.line, 'a closing quote is followed by more of the value');
        cells.push(value.trim());
      } else {
        const comma = current.indexOf(',', index);
        const stop = comma === -1 ? current.length : comma;
        const value = current.slice(index, stop);
        if (value.includes('"'))
          throw new CsvSyntaxError(this.line, 'a quote inside a value that does not start with one');
        cells.push(value.trim());
        index = stop;
      }
      if (index >= current.length) return cells;
      index += 1;
    }
  }
}

/** Reads CSV text into records; throws CsvSyntaxError on a quote out of place or never closed. */
export function parseCsv(text: string): CsvRecord[] {
  const reader = new CsvReader(text);
  const records: CsvRecord[] = [];
  for (let cells = reader.next(); cells !== null; cells = reader.next())
    records.push({ line: reader.line, cells });
  return records;
}
