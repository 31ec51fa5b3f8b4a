import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anAssessment, anOpenEpisode } from '../../../test/support/journey.ts';
import { testServer } from '../../../test/support/world.ts';
import { annexALists } from '../../domain/returns/annex-a/lists.ts';
import { exportAnnexA } from './annex-a-export.ts';

describe("Ofsted's Annex A made from the record (issue 18, part 3)", async () => {
  const { db } = await testServer();

  it("writes the eleven lists in Ofsted's column order, with the child's referral and assessment in the window", async () => {
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-06-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2024-01-08', closedOn: '2024-03-01' });
    const episode = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    await anAssessment(db, child, worker, episode, { startDate: '2025-06-03', outcome: null });

    const result = await exportAnnexA(db, council.id, { to: '2025-09-30' });
    const rowsOf = (number: number) =>
      result.lists
        .find((each) => each.list.number === number)!
        .rows.filter((row) => row['Child Unique ID'] === child.localId);
    expect(rowsOf(3)).toEqual([
      expect.objectContaining({
        'Date of referral': '02/06/2025',
        'Referral Source': '2A',
        'Referral NFA?': 'No',
        'Number of Referrals in Last 12 Months': 1,
        'Age of Child (Years)': 11,
        'Allocated Worker': expect.stringContaining('Priya'),
      }),
    ]);
    expect(rowsOf(4)).toEqual([
      expect.objectContaining({
        'Continuous Assessment Start Date': '03/06/2025',
        'Continuous Assessment Date of Authorisation': '',
      }),
    ]);
    expect(rowsOf(6)).toEqual([
      expect.objectContaining({ 'CIN Start Date': '02/06/2025', 'Case Status': 'Open assessment' }),
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(result.workbook as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      annexALists.map((list) => `List ${list.number}`),
    );
    for (const list of annexALists) {
      const sheet = workbook.getWorksheet(`List ${list.number}`)!;
      expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([...list.columns]);
    }
    expect(String(workbook.getWorksheet('List 2')!.getCell('A1').value)).toMatch(/early help.*empty/);
    expect(String(workbook.getWorksheet('List 11')!.getCell('A1').value)).toMatch(/adopters.*empty/);
    expect(String(workbook.getWorksheet('List 3')!.getCell('A1').value)).toBe(
      'List 3: Referrals, 01/04/2025 to 30/09/2025',
    );
    const referrals = workbook.getWorksheet('List 3')!;
    const childRow = referrals
      .getRows(3, referrals.rowCount - 2)!
      .find((row) => row.getCell(1).value === child.localId);
    expect(childRow?.getCell(6).value).toBe('02/06/2025');
  });
});
