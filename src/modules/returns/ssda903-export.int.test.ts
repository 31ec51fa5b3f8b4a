import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anOpenEpisode } from '../../../test/support/journey.ts';
import { signedInAs, testServer, type TestBrowser } from '../../../test/support/world.ts';
import { readSsda903 } from '../../domain/returns/ssda903/read.ts';
import { exportSsda903 } from './ssda903-export.ts';

async function post(browser: TestBrowser, url: string, json: Record<string, unknown>) {
  const response = await browser.request({ method: 'POST', url, json });
  return { status: response.statusCode, body: response.json() };
}

const shortTermFoster = {
  place: 'U6',
  provider: 'PR1',
  postcode: 'DA1 1AA',
  inArea: true,
  unregistered: false,
  carer: 'FH 1042',
};

describe('the SSDA903 return made from the record, as Hearth knew it at a time (issue 18)', async () => {
  let now = new Date('2026-01-05T10:00:00Z');
  const { app, db } = await testServer({ clock: () => now });
  /** The audit entries of the council's exports, oldest first. */
  const exportsAudited = (councilId: string) =>
    db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('council_id', '=', councilId)
      .where('action', '=', 'return.exported')
      .orderBy('seq')
      .execute();

  it('leaves out a placement back-dated after the chosen time, and shows it (with the same carers: T) when known', async () => {
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-06-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-12-01' });
    const api = `/api/children/${child.id}`;
    const started = await post(await signedInAs(app, worker), `${api}/periods-of-care`, {
      startDate: '2026-01-05',
      legalStatus: 'C2',
      ...shortTermFoster,
      categoryOfNeed: 'N1',
      previousPermanence: 'P2',
      previousPermanenceCouncil: '855',
      previousPermanenceDate: 'zz/06/2019',
    });
    expect(started.status).toBe(201);

    now = new Date('2026-05-10T09:30:00Z');
    const changed = await post(await signedInAs(app, worker), `${api}/placements`, {
      startDate: '2026-03-01',
      changeReason: 'CARPL',
      ...shortTermFoster,
      place: 'U4',
      longTermAgreed: true,
    });
    expect(changed.status).toBe(201);

    const episodesKnownAt = async (knownAt?: Date) => {
      const result = await exportSsda903(db, council.id, { year: 2025, ...(knownAt ? { knownAt } : {}) });
      return result.tables.Episodes.filter((row) => row.CHILD === child.localId).map((row) => [
        row.DECOM,
        row.RNE,
        row.PLACE,
        row.CIN,
        row.DEC,
        row.REC,
        row.REASON_PLACE_CHANGE,
      ]);
    };
    expect(await episodesKnownAt(new Date('2026-05-09T23:00:00Z'))).toEqual([
      ['05/01/2026', 'S', 'U6', 'N1', '', '', ''],
    ]);
    expect(await episodesKnownAt()).toEqual([
      ['05/01/2026', 'S', 'U6', 'N1', '01/03/2026', 'X1', 'CARPL'],
      ['01/03/2026', 'T', 'U4', 'N1', '', '', ''],
    ]);

    const result = await exportSsda903(db, council.id, { year: 2025 });
    expect(result.tables.PrevPerm.filter((row) => row.CHILD === child.localId)).toEqual([
      { CHILD: child.localId, DOB: '01/06/2014', PREV_PERM: 'P2', LA_PERM: '855', DATE_PERM: 'ZZ/06/2019' },
    ]);
    expect(result.files.every((file) => !file.name.includes(child.localId))).toBe(true);
    const audit = await exportsAudited(council.id);
    expect(audit).toHaveLength(3);
    expect(audit[0]!.details).toMatchObject({
      return: 'ssda903',
      year: 2025,
      knownAt: '2026-05-09T23:00:00.000Z',
    });
  });

  it('refuses a previous permanence date it cannot read, and a council or date without an earlier order', async () => {
    now = new Date('2026-01-05T10:00:00Z');
    const { worker, child } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-06-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-12-01' });
    const refused = await post(await signedInAs(app, worker), `/api/children/${child.id}/periods-of-care`, {
      startDate: '2026-01-05',
      legalStatus: 'C2',
      ...shortTermFoster,
      categoryOfNeed: 'N1',
      previousPermanence: 'Z1',
      previousPermanenceDate: 'June 2019',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'previousPermanence',
      'previousPermanenceDate',
    ]);
  });

  it('records the year’s outcomes, which the OC2 table then shows', async () => {
    now = new Date('2026-04-10T10:00:00Z');
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2012-06-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2024-12-01' });
    const api = `/api/children/${child.id}`;
    const browser = await signedInAs(app, worker);
    await post(browser, `${api}/periods-of-care`, {
      startDate: '2025-01-06',
      legalStatus: 'C2',
      ...shortTermFoster,
    });
    const recorded = await post(browser, `${api}/care-outcomes`, {
      yearEnding: '2026-03-31',
      sdqScore: 17,
      convicted: false,
      immunisationsUpToDate: true,
      substanceMisuse: false,
    });
    expect(recorded.status).toBe(201);
    const wrongDay = await post(browser, `${api}/care-outcomes`, { yearEnding: '2026-03-30' });
    expect(wrongDay.status).toBe(400);
    const result = await exportSsda903(db, council.id, { year: 2025 });
    expect(result.tables.OC2.find((row) => row.CHILD === child.localId)).toMatchObject({
      SDQ_SCORE: '17',
      CONVICTED: '0',
      IMMUNISATIONS: '1',
      SUBSTANCE_MISUSE: '0',
      INTERVENTION_RECEIVED: '',
    });
  });

  it('records a decision to place for adoption and the match, which PlacedAdoption shows; a second open decision is refused', async () => {
    now = new Date('2026-04-10T10:00:00Z');
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2023-06-01' });
    await anOpenEpisode(db, child, worker, { referralDate: '2025-05-01' });
    const api = `/api/children/${child.id}`;
    const browser = await signedInAs(app, worker);
    await post(browser, `${api}/periods-of-care`, {
      startDate: '2025-05-06',
      legalStatus: 'C1',
      ...shortTermFoster,
    });
    expect((await post(browser, `${api}/adoption-decisions`, { decidedOn: '2025-11-03' })).status).toBe(201);
    expect((await post(browser, `${api}/adoption-decisions`, { decidedOn: '2025-12-03' })).status).toBe(400);
    const single = await post(browser, `${api}/adoption-matches`, {
      matchedOn: '2026-02-02',
      adoptersSex: 'F1',
      adoptersLegalStatus: 'L11',
    });
    expect(single.status).toBe(400);
    const matched = await post(browser, `${api}/adoption-matches`, {
      matchedOn: '2026-02-02',
      adoptersSex: 'MF',
      adoptersLegalStatus: 'L11',
      byFosterCarers: false,
    });
    expect(matched.status).toBe(201);
    const result = await exportSsda903(db, council.id, { year: 2025 });
    expect(result.tables.PlacedAdoption.filter((row) => row.CHILD === child.localId)).toEqual([
      {
        CHILD: child.localId,
        DOB: '01/06/2023',
        DATE_PLACED: '03/11/2025',
        DATE_PLACED_CEASED: '',
        REASON_PLACED_CEASED: '',
      },
    ]);
  });

  it("runs the rules comparing the two years when given last year's return (--previous)", async () => {
    const { council } = await aTeamWithAnAllocatedChild(db, { dateOfBirth: '2014-06-01' });
    const lastYear = await exportSsda903(db, council.id, { year: 2024 });
    const encoder = new TextEncoder();
    const previous = readSsda903(
      lastYear.files.map((file) => ({ name: file.name, content: encoder.encode(file.text) })),
    ).return;
    const needsPrevious = (skipped: readonly { reason: string }[]) =>
      skipped.filter((rule) => rule.reason.includes("previous year's return")).length;
    const alone = await exportSsda903(db, council.id, { year: 2025 });
    expect(needsPrevious(alone.validation.skipped)).toBeGreaterThan(0);
    const compared = await exportSsda903(db, council.id, { year: 2025, previous });
    expect(needsPrevious(compared.validation.skipped)).toBe(0);
    expect(compared.validation.ran.length).toBeGreaterThan(alone.validation.ran.length);
    const audit = await exportsAudited(council.id);
    expect(audit.map((entry) => (entry.details as { withPrevious: boolean }).withPrevious)).toEqual([
      false,
      false,
      true,
    ]);
  });
});
