import { describe, expect, it } from 'vitest';
import { readSsda903, recogniseSsda903Table } from './read.ts';
import { aChild, anEpisode, flagsOf, ssda903Files } from './test-builders.ts';
import { validateSsda903 } from './validate.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('reading SSDA903 CSV files', () => {
  it('recognises each table by its columns, whatever the file is called', () => {
    expect(recogniseSsda903Table(['CHILD', 'SEX', 'DOB', 'DUC'])).toEqual({ table: 'UASC', missing: [] });
    expect(recogniseSsda903Table(['child', 'sex', 'dob', 'ethnic', 'upn', 'mother', 'mc_dob'])?.table).toBe(
      'Header',
    );
    expect(recogniseSsda903Table(['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'])?.table).toBe('Missing');
    expect(recogniseSsda903Table(['NAME', 'ADDRESS'])).toBeNull();
  });

  it('reads rows into one structure per child, episodes in order of start, dates as YYYY-MM-DD', () => {
    const files = ssda903Files({
      Header: [aChild()],
      Episodes: [anEpisode({ DECOM: '01/09/2025', RNE: 'P' }), anEpisode({ DEC: '01/09/2025', REC: 'X1' })],
    }).map((file, index) => ({ ...file, name: `file${index}.csv` }));
    const { return: ssda903, problems } = readSsda903(files);
    expect(problems).toEqual([]);
    const child = ssda903.children.get('1')!;
    expect(child.Header[0]).toMatchObject({ DOB: '2010-06-01', MC_DOB: null, row: 2 });
    expect(child.Episodes.map((episode) => [episode.DECOM, episode.row])).toEqual([
      ['2025-05-01', 3],
      ['2025-09-01', 2],
    ]);
    expect(ssda903.files.get('Episodes')).toBe('file1.csv');
  });

  it("keeps every row of a child whose rows are not together in the file, in the file's order", () => {
    const reviews =
      'CHILD,DOB,REVIEW,REVIEW_CODE\n1,01/06/2010,01/05/2025,PN1\n2,01/06/2011,02/05/2025,PN1\n1,01/06/2010,03/05/2025,PN2\n';
    const { return: ssda903, problems } = readSsda903([{ name: 'reviews.csv', content: reviews }]);
    expect(problems).toEqual([]);
    expect(ssda903.children.get('1')!.Reviews.map((review) => [review.REVIEW, review.row])).toEqual([
      ['2025-05-01', 2],
      ['2025-05-03', 4],
    ]);
    expect(ssda903.children.get('2')!.Reviews).toHaveLength(1);
    expect(ssda903.children.get('2')!.Episodes).toEqual([]);
  });

  it('drops a UTF-8 byte order mark and reads UTF-16 and Windows-1252 with a warning', () => {
    const header = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n1,F,01/06/2010,WBRI,A123456789012,0,\r\n';
    const withBom = readSsda903([{ name: 'header.csv', content: bytes(`\uFEFF${header}`) }]);
    expect(withBom.problems).toEqual([]);
    expect(withBom.return.children.get('1')?.Header).toHaveLength(1);

    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(new Uint16Array([...header].map((c) => c.charCodeAt(0))).buffer),
    ]);
    const read16 = readSsda903([{ name: 'header.csv', content: utf16 }]);
    expect(read16.problems.map((problem) => [problem.code, problem.fatal])).toEqual([
      ['READ-ENCODING', false],
    ]);
    expect(read16.return.children.get('1')?.Header[0]?.ETHNIC).toBe('WBRI');

    const latin = new Uint8Array([
      ...bytes('CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n'),
      ...bytes('1,F,01/06/2010,WBRI,'),
      0xe9,
      0x0a,
    ]);
    const readLatin = readSsda903([{ name: 'header.csv', content: latin }]);
    expect(readLatin.problems[0]).toMatchObject({ code: 'READ-ENCODING', row: 2, fatal: false });
  });

  it('reports a missing column, an unknown file and broken CSV, naming the file, without throwing', () => {
    const { problems } = readSsda903([
      {
        name: 'episodes.csv',
        content:
          'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST\n',
      },
      { name: 'notes.csv', content: 'NAME,NOTE\nA,B\n' },
      { name: 'header.csv', content: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,"F,01/06/2010\n' },
    ]);
    expect(problems.map((problem) => [problem.code, problem.file, problem.field, problem.fatal])).toEqual([
      ['READ-COLUMNS', 'episodes.csv', 'URN', true],
      ['READ-UNRECOGNISED', 'notes.csv', '', true],
      ['READ-CSV', 'header.csv', '', true],
    ]);
  });

  it('keeps nothing of a file that breaks partway: no rows, no problems of its earlier lines', () => {
    const reading = readSsda903([
      {
        name: 'header.csv',
        content: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n1,F,01/06/2010,WBRI,UN1,,\n2,F,1 June 2010\n3,"F\n',
      },
    ]);
    expect(reading.problems.map((problem) => [problem.code, problem.row, problem.fatal])).toEqual([
      ['READ-CSV', 4, true],
    ]);
    expect(reading.return.children.size).toBe(0);
    expect(reading.return.files.size).toBe(0);
  });

  it('reports rows with no CHILD, ragged rows and unreadable dates by file, line and field', () => {
    const reading = readSsda903([
      {
        name: 'header.csv',
        content: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n,F,01/06/2010,WBRI,UN1,0,\n2,F,01/06/2010\n',
      },
      { name: 'missing.csv', content: 'CHILD,DOB,MISSING,MIS_START,MIS_END\n2,1 June 2010,M,01/05/2025,\n' },
    ]);
    expect(reading.problems.map((problem) => [problem.code, problem.row, problem.field])).toEqual([
      ['READ-NO-CHILD', 2, 'CHILD'],
      ['READ-CSV', 3, ''],
      ['READ-DATE', 4 - 2, 'DOB'],
    ]);
    const findings = validateSsda903(reading, { year: 2025 }).findings;
    expect(findings.find((finding) => finding.rule === 'READ-DATE')).toMatchObject({
      table: 'Missing',
      row: 2,
      child: '2',
    });
    expect(
      findings.filter((finding) => finding.rule === 'READ-MISSING-TABLE').map((finding) => finding.table),
    ).toEqual(['Episodes']);
  });

  it('reports an unreadable DECOM once, under the DfE rule 141, not as a reading problem', () => {
    const tables = { Header: [aChild()], Episodes: [anEpisode({ DECOM: '1/5/25' })] };
    expect(readSsda903(ssda903Files(tables)).problems).toEqual([]);
    expect(flagsOf('141', tables)).toEqual(['Episodes:2']);
  });
});
