import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.ts';

describe('reading CSV', () => {
  it('splits plain lines, trims values, skips empty lines and keeps ragged rows', () => {
    expect(parseCsv('A,B,C\r\n 1 , 2,\r\n\r\n3\n')).toEqual([
      { line: 1, cells: ['A', 'B', 'C'] },
      { line: 2, cells: ['1', '2', ''] },
      { line: 4, cells: ['3'] },
    ]);
  });

  it('reads quoted values with commas, doubled quotes and line breaks, on the line they end', () => {
    expect(parseCsv('A,B\n"x, y","say ""hi"""\n"two\nlines",z\n')).toEqual([
      { line: 1, cells: ['A', 'B'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 4, cells: ['two\nlines', 'z'] },
    ]);
  });

  it.each([
    ['A\n1,"F,01/06/2010\n', 2],
    ['A\n"x"y\n', 2],
    ['A\nx"y\n', 2],
  ])('refuses %j, naming the line', (text, line) => {
    expect(() => parseCsv(text)).toThrow(CsvSyntaxError);
    try {
      parseCsv(text);
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(line);
    }
  });

  it('reads back any table it is given, quoted as a spreadsheet would quote it', () => {
    const cell = fc.string({ maxLength: 8 }).map((value) => value.trim());
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const text = rows
            .map((row) =>
              row
                .map((value) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
                .join(','),
            )
            .join('\r\n');
          const expected = rows.map((row) => row.map((value) => value.replaceAll('\r\n', '\n')));
          expect(parseCsv(text).map((record) => record.cells)).toEqual(expected);
        },
      ),
    );
  });
});
