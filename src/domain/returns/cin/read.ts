import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { readIsoDate, type IsoDate } from '../dates.ts';
import type { ReadProblem } from '../findings.ts';
import { decodeReturnFile, type ReturnFile } from '../text.ts';

/** One CINdetails module (a child in need episode) with the modules inside it. */
export interface CinDetails {
  /** Position of the CINdetails within the child, from 1. */
  readonly position: number;
  readonly CINreferralDate: IsoDate | null;
  readonly ReferralSource: string | null;
  readonly PrimaryNeedCode: string | null;
  readonly CINclosureDate: IsoDate | null;
  readonly ReasonForClosure: string | null;
  readonly ReferralNFA: string | null;
  readonly unreadable: Readonly<Partial<Record<string, string>>>;
}

/** One Child of the CIN census message (DfE CIN census technical specification). */
export interface CinChild {
  readonly id: string;
  /** Position of the Child element in the message, from 1. */
  readonly row: number;
  readonly UPN: string | null;
  readonly UPNunknown: string | null;
  readonly PersonBirthDate: IsoDate | null;
  readonly Sex: string | null;
  readonly Ethnicity: string | null;
  readonly Disabilities: readonly string[];
  readonly CINdetails: readonly CinDetails[];
  readonly unreadable: Readonly<Partial<Record<string, string>>>;
}

export interface CinReturn {
  readonly children: readonly CinChild[];
  readonly file: string;
}

const repeated = new Set([
  'Child',
  'CINdetails',
  'Disability',
  'Assessments',
  'Section47',
  'ChildProtectionPlans',
]);
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => repeated.has(name),
});

type Element = Record<string, unknown>;
const text = (element: Element | undefined, name: string): string | null => {
  const value = element?.[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

function dateOf(
  element: Element | undefined,
  name: string,
  unreadable: Record<string, string>,
): IsoDate | null {
  const written = text(element, name);
  if (written === null) return null;
  const date = readIsoDate(written);
  if (date === null) unreadable[name] = written;
  return date;
}

/**
 * Reads a CIN census XML message into one structure per child. Unreadable XML is a fatal problem
 * naming the line; a child without LAchildID is read with an empty id (rule 8500-style checks see it).
 */
export function readCin(file: ReturnFile): { return: CinReturn; problems: ReadProblem[] } {
  const { text: xml, problems } = decodeReturnFile(file);
  const empty = { return: { children: [], file: file.name }, problems };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, msg } = valid.err;
    problems.push({
      code: 'READ-XML',
      file: file.name,
      row: line,
      field: '',
      child: '',
      message: `not readable as XML at line ${line}: ${msg}`,
      fatal: true,
    });
    return empty;
  }
  const message = (parser.parse(xml) as Element).Message as Element | undefined;
  const childElements = ((message?.Children as Element | undefined)?.Child ?? []) as Element[];
  if (!message) {
    problems.push({
      code: 'READ-XML',
      file: file.name,
      row: 0,
      field: 'Message',
      child: '',
      message: 'the file has no Message element: it is not a CIN census',
      fatal: true,
    });
    return empty;
  }
  const children = childElements.map((element, index): CinChild => {
    const identifiers = element.ChildIdentifiers as Element | undefined;
    const characteristics = element.ChildCharacteristics as Element | undefined;
    const unreadable: Record<string, string> = {};
    const disabilities = ((characteristics?.Disabilities as Element | undefined)?.Disability ??
      []) as string[];
    return {
      id: text(identifiers, 'LAchildID') ?? '',
      row: index + 1,
      UPN: text(identifiers, 'UPN'),
      UPNunknown: text(identifiers, 'UPNunknown'),
      PersonBirthDate: dateOf(identifiers, 'PersonBirthDate', unreadable),
      Sex: text(identifiers, 'Sex'),
      Ethnicity: text(characteristics, 'Ethnicity'),
      Disabilities: disabilities.filter((code) => typeof code === 'string' && code !== ''),
      CINdetails: ((element.CINdetails ?? []) as Element[]).map((details, position) => {
        const detailsUnreadable: Record<string, string> = {};
        return {
          position: position + 1,
          CINreferralDate: dateOf(details, 'CINreferralDate', detailsUnreadable),
          ReferralSource: text(details, 'ReferralSource'),
          PrimaryNeedCode: text(details, 'PrimaryNeedCode'),
          CINclosureDate: dateOf(details, 'CINclosureDate', detailsUnreadable),
          ReasonForClosure: text(details, 'ReasonForClosure'),
          ReferralNFA: text(details, 'ReferralNFA'),
          unreadable: detailsUnreadable,
        };
      }),
      unreadable,
    };
  });
  return { return: { children, file: file.name }, problems };
}
