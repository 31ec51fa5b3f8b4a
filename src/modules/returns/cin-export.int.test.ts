import { describe, expect, it } from 'vitest';
import { aTeamWithAnAllocatedChild, anAssessment, anOpenEpisode } from '../../../test/support/journey.ts';
import { testServer } from '../../../test/support/world.ts';
import { exportCin } from './cin-export.ts';
import { cinCensusSchemaErrors } from './test-data/cin-census-schema.ts';

describe('the CIN census made from the record, as Hearth knew it at a time (issue 18, part 2)', async () => {
  const { db } = await testServer();

  it('gives the year’s episode with its assessment and factors as known then, valid against the schema', async () => {
    const { worker, manager, child, council } = await aTeamWithAnAllocatedChild(db, {
      dateOfBirth: '2014-06-01',
    });
    await db
      .updateTable('children')
      .set({ sex: 'F', ethnicity: 'WBRI' })
      .where('id', '=', child.id)
      .execute();
    await anOpenEpisode(db, child, worker, { referralDate: '2024-01-08', closedOn: '2024-03-01' });
    const episode = await anOpenEpisode(db, child, worker, { referralDate: '2025-06-02' });
    const assessment = await anAssessment(db, child, worker, episode);
    await db
      .updateTable('assessments')
      .set({ authorised_on: '2025-07-01', authorised_by: manager.workerId })
      .where('id', '=', assessment)
      .execute();
    const factor = (code: string, at: Date) =>
      db
        .insertInto('assessment_factors')
        .values({ council_id: council.id, assessment_id: assessment, code, recorded_at: at })
        .execute();
    // Everything else was recorded just now: 1C is recorded as learned tomorrow, after the time chosen below.
    const now = Date.now();
    await factor('3A', new Date(now));
    await factor('1C', new Date(now + 86_400_000));

    const factorsKnownAt = async (knownAt?: Date) => {
      const result = await exportCin(db, council.id, { year: 2025, ...(knownAt ? { knownAt } : {}) });
      const written = result.children.find((each) => each.ChildIdentifiers.LAchildID === child.localId);
      expect(written?.CINdetails.map((details) => details.CINreferralDate)).toEqual(['2025-06-02']);
      return { result, factors: written?.CINdetails[0]?.Assessments[0]?.FactorsIdentifiedAtAssessment };
    };
    expect((await factorsKnownAt(new Date(now + 3_600_000))).factors).toEqual({
      AssessmentFactors: ['3A'],
    });
    const { result, factors } = await factorsKnownAt();
    expect(factors).toEqual({ AssessmentFactors: ['1C', '3A'] });

    expect(await cinCensusSchemaErrors(result.file.text)).toEqual([]);
    expect(result.file.name).toBe('cin-census-2025-26.xml');
    expect(result.file.name).not.toContain(child.localId);
    const audit = await db
      .selectFrom('audit_log')
      .select(['details'])
      .where('council_id', '=', council.id)
      .where('action', '=', 'return.exported')
      .execute();
    expect(audit.map((entry) => (entry.details as { return: string }).return)).toEqual(['cin', 'cin']);
  });

  it('leaves out a child whose only episode closed before the year', async () => {
    const { worker, child, council } = await aTeamWithAnAllocatedChild(db);
    await anOpenEpisode(db, child, worker, { referralDate: '2024-01-08', closedOn: '2025-03-31' });
    const result = await exportCin(db, council.id, { year: 2025 });
    expect(result.children.map((each) => each.ChildIdentifiers.LAchildID)).not.toContain(child.localId);
  });
});
