import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { STAFF_COLUMNS } from '../../src/domain/workforce/staff-rows.ts';
import { hostileFileName, hostileText } from './hostile.ts';

/** Hostile path segments and files for the hostile-input suite (issue 22, part 4). */

/** A hostile path segment: hostile text percent-encoded byte by byte, or bytes that are not UTF-8, or a path trick. */
export const hostileSegment = fc.oneof(
  hostileText.map((text) =>
    [...Buffer.from(text.slice(0, 300))]
      .map((byte) =>
        /[\w.~-]/.test(String.fromCharCode(byte))
          ? String.fromCharCode(byte)
          : `%${byte.toString(16).padStart(2, '0')}`,
      )
      .join(''),
  ),
  fc.constantFrom('%ff%fe', '%c0%af', '%ed%a0%80', '..%2f..%2fetc%2fpasswd', '%00', '..', '.', '%', '%zz'),
);

// ---- Hostile files ----

const cellOf = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

const hostileCsv = fc
  .array(
    fc.array(
      hostileText.map((text) => text.slice(0, 2_000)),
      { minLength: 1, maxLength: 10 },
    ),
    {
      maxLength: 6,
    },
  )
  .map((rows) => [STAFF_COLUMNS.join(','), ...rows.map((row) => row.map(cellOf).join(','))].join('\r\n'));

/** Staff lists as XLSX workbooks with hostile cells: text, numbers and a formula. */
export async function hostileWorkbooks(): Promise<Uint8Array[]> {
  const rows = fc.sample(
    fc.array(
      fc.array(fc.oneof(hostileText, fc.double(), fc.constant({ formula: 'A1*2' })), { maxLength: 8 }),
      {
        maxLength: 4,
      },
    ),
    { numRuns: 8, seed: 22 },
  );
  return Promise.all(rows.map(workbookOf));
}

async function workbookOf(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Staff');
  sheet.addRow([...STAFF_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const someBytes = fc.uint8Array({ maxLength: 4_000 });

/** XML an attacker writes: entities that expand, a doctype reaching for a file, nesting thousands deep. */
const hostileXml = fc.oneof(
  fc.constant(
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><Message>&lol3;</Message>',
  ),
  fc.constant(
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Message>&xxe;</Message>',
  ),
  fc.integer({ min: 100, max: 20_000 }).map((depth) => `${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`),
  hostileText.map((text) => `<Message><Header><Source>${text}</Source></Header></Message>`),
  someBytes.map((bytes) => Buffer.from(bytes).toString('latin1')),
);

const hostileZip = fc
  .array(fc.tuple(hostileFileName('.xml'), hostileXml), { minLength: 1, maxLength: 4 })
  .map((entries) =>
    zipSync(Object.fromEntries(entries.map(([name, xml]) => [name, new TextEncoder().encode(xml)]))),
  );

export function hostileUpload(url: string, workbooks: Uint8Array[]) {
  if (url === '/workforce/upload') {
    return fc
      .tuple(
        fc.oneof(
          fc.tuple(
            hostileFileName('.csv'),
            hostileCsv.map((csv) => new TextEncoder().encode(csv)),
          ),
          fc.tuple(hostileFileName('.csv'), someBytes),
          fc.tuple(hostileFileName('.xlsx'), someBytes),
          fc.tuple(hostileFileName('.xlsx'), fc.constantFrom(...workbooks)),
        ),
        fc.constantFrom('yes', 'no'),
      )
      .map(([[name, content], goodRows]) => ({
        fields: { goodRows },
        files: [{ name, content, field: 'file' }],
      }));
  }
  return fc.record({
    fields: fc.record({
      kind: fc.constantFrom('ssda903', 'cin', 'x'),
      year: fc.constantFrom('2025', '0', '99999999999'),
      la: hostileText.map((text) => text.slice(0, 100)),
      format: fc.constantFrom('html', 'csv', 'xlsx'),
    }),
    files: fc.array(
      fc.oneof(
        fc.tuple(hostileFileName('.xml'), hostileXml).map(([name, xml]) => ({ name, content: xml })),
        fc.tuple(hostileFileName('.zip'), hostileZip).map(([name, content]) => ({ name, content })),
        fc.tuple(hostileFileName('.csv'), hostileCsv).map(([name, content]) => ({ name, content })),
        fc.tuple(hostileFileName('.zip'), someBytes).map(([name, content]) => ({ name, content })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  });
}
