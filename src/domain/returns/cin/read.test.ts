import { describe, expect, it } from 'vitest';
import { readCin } from './read.ts';
import {
  aChild,
  aCinPlan,
  anAssessment,
  anEpisode,
  aProtectionPlan,
  aSection47,
  aUpn,
  census,
  findingsOf,
} from './test-builders.ts';

const read = (xml: string) => readCin({ name: 'cin.xml', content: xml });

describe('reading the CIN census message', () => {
  it('reads every element of the header, the child and each module', () => {
    const xml = census(
      aChild(
        { FormerUPN: 'A201000000001', UPNunknown: 'UN3', PersonDeathDate: '2026-02-01' },
        [
          anEpisode(
            { CINclosureDate: '2026-02-01', ReasonForClosure: 'RC2', DateOfInitialCPC: '2025-10-21' },
            anAssessment({ AssessmentInternalReviewDate: '2025-10-30' }, ['1C', '2A']),
            aCinPlan({ CINPlanEndDate: '2025-12-01' }),
            aSection47({ ICPCnotRequired: '0' }),
            aProtectionPlan({ CPPendDate: '2026-01-10', NumberOfPreviousCPP: '2' }, ['2026-01-05', null]),
          ),
        ],
        ['HAND', 'VIS'],
      ),
    );
    const { return: census2025, problems } = read(xml);
    expect(problems).toEqual([]);
    expect(census2025.header).toMatchObject({
      Collection: 'CIN',
      Year: '2026',
      ReferenceDate: '2026-03-31',
      SourceLevel: 'L',
      LEA: '201',
      SerialNo: '001',
      DateTime: '2026-04-02T10:00:00',
    });
    const [child] = census2025.children;
    expect(child).toMatchObject({
      id: 'C1',
      row: 1,
      UPN: aUpn(),
      FormerUPN: 'A201000000001',
      UPNunknown: 'UN3',
      PersonBirthDate: '2015-03-27',
      ExpectedPersonBirthDate: null,
      Sex: 'F',
      PersonDeathDate: '2026-02-01',
      Ethnicity: 'WBRI',
      Disabilities: ['HAND', 'VIS'],
    });
    const [details] = child!.CINdetails;
    expect(details).toMatchObject({
      position: 1,
      CINreferralDate: '2025-10-06',
      ReferralSource: '1A',
      PrimaryNeedCode: 'N4',
      CINclosureDate: '2026-02-01',
      ReasonForClosure: 'RC2',
      DateOfInitialCPC: '2025-10-21',
      ReferralNFA: 'false',
    });
    expect(details!.Assessments).toMatchObject([
      {
        position: 1,
        AssessmentActualStartDate: '2025-10-07',
        AssessmentInternalReviewDate: '2025-10-30',
        AssessmentAuthorisationDate: '2025-11-14',
        AssessmentFactors: ['1C', '2A'],
      },
    ]);
    expect(details!.CINPlanDates).toMatchObject([
      { CINPlanStartDate: '2025-11-14', CINPlanEndDate: '2025-12-01' },
    ]);
    expect(details!.Section47).toMatchObject([
      {
        S47ActualStartDate: '2025-10-08',
        InitialCPCtarget: '2025-10-22',
        DateOfInitialCPC: '2025-10-22',
        ICPCnotRequired: '0',
      },
    ]);
    expect(details!.ChildProtectionPlans).toMatchObject([
      {
        CPPstartDate: '2025-10-22',
        CPPendDate: '2026-01-10',
        InitialCategoryOfAbuse: 'NEG',
        LatestCategoryOfAbuse: 'NEG',
        NumberOfPreviousCPP: '2',
        Reviews: [
          { position: 1, CPPreviewDate: '2026-01-05' },
          { position: 2, CPPreviewDate: null },
        ],
      },
    ]);
  });

  it('reads several reviews written in one Reviews group, and repeated groups in order', () => {
    const xml = census(
      aChild({}, [
        anEpisode({}, anAssessment(), anAssessment({ AssessmentActualStartDate: '2025-12-01' }, null)),
        anEpisode({ CINreferralDate: '2024-05-01' }),
      ]).replace(
        '</CINdetails></Child>',
        '<ChildProtectionPlans><CPPstartDate>2025-10-22</CPPstartDate><Reviews><CPPreviewDate>2025-11-01</CPPreviewDate><CPPreviewDate>2025-12-01</CPPreviewDate></Reviews></ChildProtectionPlans></CINdetails></Child>',
      ),
    );
    const [child] = read(xml).return.children;
    expect(child!.CINdetails.map((details) => details.CINreferralDate)).toEqual(['2025-10-06', '2024-05-01']);
    expect(child!.CINdetails[0]!.Assessments.map((assessment) => assessment.AssessmentFactors)).toEqual([
      ['1C'],
      [],
    ]);
    expect(
      child!.CINdetails[1]!.ChildProtectionPlans[0]!.Reviews.map((review) => review.CPPreviewDate),
    ).toEqual(['2025-11-01', '2025-12-01']);
  });

  it('reports a date that is not a date with the child, module and field, and reads on', () => {
    const xml = census(
      aChild({ LAchildID: 'C7' }, [anEpisode({}, aSection47({ S47ActualStartDate: '08/10/2025' }))]),
    );
    const { return: census2025, problems } = read(xml);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'READ-DATE',
        child: 'C7',
        row: 1,
        table: 'Section47',
        field: 'S47ActualStartDate',
        fatal: false,
      }),
    ]);
    expect(census2025.children[0]!.CINdetails[0]!.Section47[0]!.S47ActualStartDate).toBeNull();
    expect(findingsOf(xml).map((finding) => finding.rule)).toContain('READ-DATE');
  });

  it('reports misspelt, doubled and misplaced elements without crashing', () => {
    const xml = census(
      aChild({ LAchildID: 'C2', Sex: 'F</Sex><Sex>M' }, [
        anEpisode({ CINReferralDate: '2025-10-06', PrimaryNeedCode: '<N>4</N>' }),
      ]),
      '<Child>loose text</Child>',
    );
    const { return: census2025, problems } = read(xml);
    expect(problems.map((problem) => `${problem.table}.${problem.field}`)).toEqual([
      'ChildIdentifiers.Sex',
      'CINdetails.CINReferralDate',
      'CINdetails.PrimaryNeedCode',
      'Child.Child',
    ]);
    expect(problems.slice(0, 3).every((problem) => problem.child === 'C2' && problem.row === 1)).toBe(true);
    expect(problems.every((problem) => !problem.fatal)).toBe(true);
    expect(problems[3]).toMatchObject({ child: '', row: 2 });
    expect(census2025.children[0]).toMatchObject({ Sex: 'F' });
    expect(census2025.children[0]!.CINdetails[0]).toMatchObject({ PrimaryNeedCode: null });
    expect(census2025.children[1]).toMatchObject({ id: '', row: 2, CINdetails: [] });
  });

  it('reports unreadable XML with its line, never throwing', () => {
    const reading = read('<Message>\n<Children>\n<Child></Children>');
    expect(reading.problems).toMatchObject([{ code: 'READ-XML', file: 'cin.xml', fatal: true }]);
    expect(reading.problems[0]?.row).toBeGreaterThan(0);
    expect(read('<Other/>').problems[0]).toMatchObject({ field: 'Message', fatal: true });
  });

  it('reads a message with a byte order mark, and one with no children', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${census(aChild())}`);
    expect(readCin({ name: 'cin.xml', content: bytes }).return.children).toHaveLength(1);
    expect(read('<Message><Header/></Message>').return).toMatchObject({
      children: [],
      header: null,
    });
  });
});
