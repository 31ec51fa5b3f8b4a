import { readIsoDate, type IsoDate } from '../dates.ts';
import type { ReadProblem } from '../findings.ts';
import type {
  CinAssessment,
  CinChild,
  CinDetails,
  CinHeader,
  CinProtectionPlan,
  CinReturn,
  CinReview,
} from './census.ts';
import { decodeReturnFile, type ReturnFile } from '../text.ts';
import { readXml } from '../xml.ts';

export type {
  CinAssessment,
  CinChild,
  CinDetails,
  CinHeader,
  CinPlanDates,
  CinProtectionPlan,
  CinReturn,
  CinReview,
  CinSection47,
  Unreadable,
} from './census.ts';

const repeated = new Set([
  'Child',
  'CINdetails',
  'Disability',
  'Assessments',
  'AssessmentFactors',
  'CINPlanDates',
  'Section47',
  'ChildProtectionPlans',
  'Reviews',
  'CPPreviewDate',
]);

/** The elements each group may hold; anything else is reported (a misspelt name loses its data). */
const known: Record<string, ReadonlySet<string>> = {
  ChildIdentifiers: new Set([
    'LAchildID',
    'UPN',
    'FormerUPN',
    'UPNunknown',
    'PersonBirthDate',
    'ExpectedPersonBirthDate',
    'Sex',
    'PersonDeathDate',
  ]),
  ChildCharacteristics: new Set(['Ethnicity', 'Disabilities']),
  CINdetails: new Set([
    'CINreferralDate',
    'ReferralSource',
    'PrimaryNeedCode',
    'CINclosureDate',
    'ReasonForClosure',
    'DateOfInitialCPC',
    'ReferralNFA',
    'Assessments',
    'CINPlanDates',
    'Section47',
    'ChildProtectionPlans',
    // Pre-proceedings and family group decision making: collected from 2026–27, not read here.
    'PreProceedingsandFGDM',
  ]),
  Assessments: new Set([
    'AssessmentActualStartDate',
    'AssessmentInternalReviewDate',
    'AssessmentAuthorisationDate',
    'FactorsIdentifiedAtAssessment',
  ]),
  CINPlanDates: new Set(['CINPlanStartDate', 'CINPlanEndDate']),
  Section47: new Set(['S47ActualStartDate', 'InitialCPCtarget', 'DateOfInitialCPC', 'ICPCnotRequired']),
  ChildProtectionPlans: new Set([
    'CPPstartDate',
    'CPPendDate',
    'InitialCategoryOfAbuse',
    'LatestCategoryOfAbuse',
    'NumberOfPreviousCPP',
    'Reviews',
  ]),
};

type Element = Record<string, unknown>;
const isElement = (value: unknown): value is Element =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the elements of one child, noting every problem with the child, module and field. */
class ChildReader {
  readonly problems: ReadProblem[] = [];
  readonly file: string;
  readonly row: number;
  id = '';

  constructor(file: string, row: number) {
    this.file = file;
    this.row = row;
  }

  problem(code: 'READ-XML' | 'READ-DATE', table: string, field: string, message: string): void {
    this.problems.push({
      code,
      file: this.file,
      row: this.row,
      table,
      field,
      child: this.id,
      message,
      fatal: false,
    });
  }

  /** A group that must appear at most once and hold elements; a lone or empty one reads as empty. */
  group(parent: Element, name: string, module: string): Element {
    const value = parent[name];
    if (value === undefined || value === '') return {};
    if (isElement(value)) return this.checked(value, name);
    this.problem(
      'READ-XML',
      module,
      name,
      `${name} is written ${Array.isArray(value) ? 'more than once' : 'as text'}; it should appear once and hold elements.`,
    );
    return {};
  }

  /** Groups that may repeat; text or empty entries read as empty groups. */
  groups(parent: Element, name: string): Element[] {
    const value = parent[name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((entry) =>
      isElement(entry) ? this.checked(entry, name) : {},
    );
  }

  private checked(element: Element, name: string): Element {
    const allowed = known[name];
    if (allowed) {
      for (const key of Object.keys(element)) {
        if (!allowed.has(key))
          this.problem(
            'READ-XML',
            name,
            key,
            `${key} is not an element of ${name} in the CIN census; it was not read.`,
          );
      }
    }
    return element;
  }

  /** A single value; an element written twice or holding elements is reported and read as missing. */
  text(element: Element, name: string, module: string): string | null {
    const value = element[name];
    if (value === undefined || value === '') return null;
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && value.every((entry) => typeof entry === 'string')) {
      this.problem('READ-XML', module, name, `${name} is written more than once; the first value was read.`);
      return (value[0] as string) || null;
    }
    this.problem(
      'READ-XML',
      module,
      name,
      `${name} holds elements where a value was expected; it was not read.`,
    );
    return null;
  }

  /** Values of a repeated element (Disability, AssessmentFactors, CPPreviewDate). */
  texts(element: Element, name: string, module: string): string[] {
    const value = element[name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).flatMap((entry: unknown) => {
      if (typeof entry === 'string') return entry === '' ? [] : [entry];
      this.problem(
        'READ-XML',
        module,
        name,
        `${name} holds elements where a value was expected; it was not read.`,
      );
      return [];
    });
  }

  date(element: Element, name: string, module: string, unreadable: Record<string, string>): IsoDate | null {
    const written = this.text(element, name, module);
    return written === null ? null : this.dateOf(written, name, module, unreadable);
  }

  dateOf(written: string, name: string, module: string, unreadable: Record<string, string>): IsoDate | null {
    const date = readIsoDate(written);
    if (date === null) {
      unreadable[name] = written;
      this.problem('READ-DATE', module, name, `${name} "${written}" is not a date written YYYY-MM-DD.`);
    }
    return date;
  }
}

function readAssessment(reader: ChildReader, element: Element, position: number): CinAssessment {
  const unreadable: Record<string, string> = {};
  const factors = reader.group(element, 'FactorsIdentifiedAtAssessment', 'Assessments');
  return {
    position,
    AssessmentActualStartDate: reader.date(element, 'AssessmentActualStartDate', 'Assessments', unreadable),
    AssessmentInternalReviewDate: reader.date(
      element,
      'AssessmentInternalReviewDate',
      'Assessments',
      unreadable,
    ),
    AssessmentAuthorisationDate: reader.date(
      element,
      'AssessmentAuthorisationDate',
      'Assessments',
      unreadable,
    ),
    AssessmentFactors: reader.texts(factors, 'AssessmentFactors', 'Assessments'),
    unreadable,
  };
}

function readPlan(reader: ChildReader, element: Element, position: number): CinProtectionPlan {
  const unreadable: Record<string, string> = {};
  const module = 'ChildProtectionPlans';
  const reviews: CinReview[] = [];
  for (const group of reader.groups(element, 'Reviews')) {
    const dates = reader.texts(group, 'CPPreviewDate', 'Reviews');
    if (dates.length === 0) reviews.push({ position: reviews.length + 1, CPPreviewDate: null });
    for (const written of dates) {
      const date = reader.dateOf(written, 'CPPreviewDate', 'Reviews', unreadable);
      reviews.push({ position: reviews.length + 1, CPPreviewDate: date });
    }
  }
  return {
    position,
    CPPstartDate: reader.date(element, 'CPPstartDate', module, unreadable),
    CPPendDate: reader.date(element, 'CPPendDate', module, unreadable),
    InitialCategoryOfAbuse: reader.text(element, 'InitialCategoryOfAbuse', module),
    LatestCategoryOfAbuse: reader.text(element, 'LatestCategoryOfAbuse', module),
    NumberOfPreviousCPP: reader.text(element, 'NumberOfPreviousCPP', module),
    Reviews: reviews,
    unreadable,
  };
}

function readDetails(reader: ChildReader, element: Element, position: number): CinDetails {
  const unreadable: Record<string, string> = {};
  const module = 'CINdetails';
  return {
    position,
    CINreferralDate: reader.date(element, 'CINreferralDate', module, unreadable),
    ReferralSource: reader.text(element, 'ReferralSource', module),
    PrimaryNeedCode: reader.text(element, 'PrimaryNeedCode', module),
    CINclosureDate: reader.date(element, 'CINclosureDate', module, unreadable),
    ReasonForClosure: reader.text(element, 'ReasonForClosure', module),
    DateOfInitialCPC: reader.date(element, 'DateOfInitialCPC', module, unreadable),
    ReferralNFA: reader.text(element, 'ReferralNFA', module),
    Assessments: reader
      .groups(element, 'Assessments')
      .map((group, index) => readAssessment(reader, group, index + 1)),
    CINPlanDates: reader.groups(element, 'CINPlanDates').map((group, index) => {
      const planUnreadable: Record<string, string> = {};
      return {
        position: index + 1,
        CINPlanStartDate: reader.date(group, 'CINPlanStartDate', 'CINPlanDates', planUnreadable),
        CINPlanEndDate: reader.date(group, 'CINPlanEndDate', 'CINPlanDates', planUnreadable),
        unreadable: planUnreadable,
      };
    }),
    Section47: reader.groups(element, 'Section47').map((group, index) => {
      const s47Unreadable: Record<string, string> = {};
      return {
        position: index + 1,
        S47ActualStartDate: reader.date(group, 'S47ActualStartDate', 'Section47', s47Unreadable),
        InitialCPCtarget: reader.date(group, 'InitialCPCtarget', 'Section47', s47Unreadable),
        DateOfInitialCPC: reader.date(group, 'DateOfInitialCPC', 'Section47', s47Unreadable),
        ICPCnotRequired: reader.text(group, 'ICPCnotRequired', 'Section47'),
        unreadable: s47Unreadable,
      };
    }),
    ChildProtectionPlans: reader
      .groups(element, 'ChildProtectionPlans')
      .map((group, index) => readPlan(reader, group, index + 1)),
    unreadable,
  };
}

function readChild(
  file: string,
  element: unknown,
  row: number,
): { child: CinChild; problems: ReadProblem[] } {
  const reader = new ChildReader(file, row);
  const childElement = isElement(element) ? element : {};
  if (!isElement(element))
    reader.problem(
      'READ-XML',
      'Child',
      'Child',
      'The Child element holds no ChildIdentifiers, ChildCharacteristics or CINdetails.',
    );
  const identifiers = reader.group(childElement, 'ChildIdentifiers', 'Child');
  reader.id = reader.text(identifiers, 'LAchildID', 'ChildIdentifiers') ?? '';
  const characteristics = reader.group(childElement, 'ChildCharacteristics', 'Child');
  const disabilities = reader.group(characteristics, 'Disabilities', 'ChildCharacteristics');
  const unreadable: Record<string, string> = {};
  const child: CinChild = {
    id: reader.id,
    row,
    UPN: reader.text(identifiers, 'UPN', 'ChildIdentifiers'),
    FormerUPN: reader.text(identifiers, 'FormerUPN', 'ChildIdentifiers'),
    UPNunknown: reader.text(identifiers, 'UPNunknown', 'ChildIdentifiers'),
    PersonBirthDate: reader.date(identifiers, 'PersonBirthDate', 'ChildIdentifiers', unreadable),
    ExpectedPersonBirthDate: reader.date(
      identifiers,
      'ExpectedPersonBirthDate',
      'ChildIdentifiers',
      unreadable,
    ),
    Sex: reader.text(identifiers, 'Sex', 'ChildIdentifiers'),
    PersonDeathDate: reader.date(identifiers, 'PersonDeathDate', 'ChildIdentifiers', unreadable),
    Ethnicity: reader.text(characteristics, 'Ethnicity', 'ChildCharacteristics'),
    Disabilities: reader.texts(disabilities, 'Disability', 'ChildCharacteristics'),
    CINdetails: reader
      .groups(childElement, 'CINdetails')
      .map((details, index) => readDetails(reader, details, index + 1)),
    unreadable,
  };
  return { child, problems: reader.problems };
}

function readHeader(message: Element, file: string, problems: ReadProblem[]): CinHeader | null {
  if (!isElement(message.Header)) return null;
  const reader = new ChildReader(file, 0);
  const details = reader.group(message.Header, 'CollectionDetails', 'Header');
  const source = reader.group(message.Header, 'Source', 'Header');
  const header: CinHeader = {
    Collection: reader.text(details, 'Collection', 'Header'),
    Year: reader.text(details, 'Year', 'Header'),
    ReferenceDate: reader.date(details, 'ReferenceDate', 'Header', {}),
    SourceLevel: reader.text(source, 'SourceLevel', 'Header'),
    LEA: reader.text(source, 'LEA', 'Header'),
    SoftwareCode: reader.text(source, 'SoftwareCode', 'Header'),
    Release: reader.text(source, 'Release', 'Header'),
    SerialNo: reader.text(source, 'SerialNo', 'Header'),
    DateTime: reader.text(source, 'DateTime', 'Header'),
  };
  problems.push(...reader.problems);
  return header;
}

/**
 * Reads a CIN census XML message into one structure per child. Unreadable XML is a fatal problem
 * naming the line; an element out of place, written twice or holding the wrong thing, and a date
 * that is not a date, are reported with the child, module and field, and reading goes on.
 */
export function readCin(file: ReturnFile): { return: CinReturn; problems: ReadProblem[] } {
  const { text: xml, problems } = decodeReturnFile(file);
  const empty = { return: { header: null, children: [], file: file.name }, problems };
  const fatal = (row: number, field: string, message: string) => {
    problems.push({ code: 'READ-XML', file: file.name, row, field, child: '', message, fatal: true });
    return empty;
  };
  // Each child is read as soon as its element closes, so the whole message is never one tree.
  const children: CinChild[] = [];
  const childProblems: ReadProblem[] = [];
  const read = readXml(xml, {
    repeated,
    stream: { name: 'Child', parent: 'Children' },
    onStreamed: (element) => {
      const child = readChild(file.name, element, children.length + 1);
      children.push(child.child);
      for (const problem of child.problems) childProblems.push(problem);
    },
  });
  if ('error' in read) {
    const { line, message } = read.error;
    return fatal(line, '', `not readable as XML at line ${line}: ${message}`);
  }
  const message = read.name === 'Message' ? read.value : undefined;
  if (!isElement(message))
    return fatal(0, 'Message', 'the file has no Message element: it is not a CIN census');
  const header = readHeader(message, file.name, problems);
  for (const problem of childProblems) problems.push(problem);
  return { return: { header, children, file: file.name }, problems };
}
