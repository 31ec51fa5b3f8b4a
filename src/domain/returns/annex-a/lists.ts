import { addMonths, addDays, type IsoDate } from '../dates.ts';

/**
 * Ofsted's Annex A lists (ILACS, "Annex A: data set"), each with its columns in Ofsted's order, for the workbook an
 * inspection asks for at its start (issue 18, part 3). Every list begins with the child's identity columns.
 */
const identity = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'] as const;
const disability = 'Does the Child have a Disability';
const allocated = ['Allocated Team', 'Allocated Worker'] as const;

export const annexALists = [
  { number: 1, name: 'Contacts', months: 6, columns: [...identity, 'Date of Contact', 'Contact Source'] },
  {
    number: 2,
    name: 'Early help',
    months: 6,
    columns: [
      ...identity,
      'Assessment start date',
      'Assessment completion date',
      'Organisation completing assessment',
    ],
  },
  {
    number: 3,
    name: 'Referrals',
    months: 6,
    columns: [
      ...identity,
      'Date of referral',
      'Referral Source',
      'Referral NFA?',
      'Number of Referrals in Last 12 Months',
      ...allocated,
    ],
  },
  {
    number: 4,
    name: 'Assessments',
    months: 6,
    columns: [
      ...identity,
      disability,
      'Continuous Assessment Start Date',
      'Child Seen During Continuous Assessment',
      'Continuous Assessment Date of Authorisation',
      "Was the child assessed as requiring LA children's social care support?",
      ...allocated,
    ],
  },
  {
    number: 5,
    name: 'Section 47 enquiries and ICPCs',
    months: 6,
    columns: [
      ...identity,
      disability,
      'Strategy discussion initiating Section 47 Enquiry Start Date',
      'Was an Initial Child Protection Conference deemed unnecessary?',
      'Date of Initial Child Protection Conference',
      'Did the Initial Child Protection Conference Result in a Child Protection Plan',
      'Number of Section 47 Enquiries in the last 12 months',
      'Number of ICPCs in the last 12 months',
      ...allocated,
    ],
  },
  {
    number: 6,
    name: 'Children in need',
    months: 6,
    columns: [
      ...identity,
      disability,
      'CIN Start Date',
      'Primary Need Code',
      'Date Child Was Last Seen',
      'CIN Closure Date',
      'Reason for Closure',
      'Case Status',
      ...allocated,
    ],
  },
  {
    number: 7,
    name: 'Child protection',
    months: 6,
    columns: [
      ...identity,
      disability,
      'Child Protection Plan Start Date',
      'Initial Category of Abuse',
      'Latest Category of Abuse',
      'Date of the Last Statutory Visit',
      'Was the Child Seen Alone?',
      'Date of latest review conference',
      'Child Protection Plan End Date',
      'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
      'Number of Previous Child Protection Plans',
      ...allocated,
    ],
  },
  {
    number: 8,
    name: 'Children in care',
    months: 6,
    columns: [
      ...identity,
      'Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)',
      disability,
      'Date Started to be Looked After',
      "Child's Category of Need",
      'Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)',
      'Start date of current legal status',
      "Child's Legal Status",
      'Date of Latest Statutory Review',
      'Date of Last Social Work Visit',
      'What is the permanence plan for this child?',
      'Date of Last IRO Visit / Contact to the Child',
      'Date of Last Health Assessment',
      'Date of Last Dental Check',
      'Number of Placements in the Last 12 months',
      'Date Ceased to be Looked After',
      'Reason Ceased to be Looked After',
      'Start Date of Most Recent Placement',
      'Placement Type',
      'Placement Provider',
      'Placement postcode',
      'URN of Placement',
      'Placement Location',
      'LA of Placement',
      "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
      "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
      'Was the child offered a Return Interview after their last missing episode (Y/N)?',
      'Did the child accept a Return Interview after their last missing episode (Y/N)?',
      ...allocated,
    ],
  },
  {
    number: 9,
    name: 'Care leavers',
    months: 6,
    columns: [
      ...identity,
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
      disability,
      ...allocated,
      'Allocated Personal Advisor',
      'Eligibility Category',
      'Latest Pathway Plan Review Date',
      'LA in Touch',
      'Latest Date of Contact',
      'Type of Accommodation',
      'Suitability of Accommodation',
      'Activity Status',
    ],
  },
  {
    number: 10,
    name: 'Adoption',
    months: 12,
    columns: [
      'Child Unique ID',
      'Family identifier',
      'Gender',
      'Ethnicity',
      'Date of Birth',
      'Age of Child (Years)',
      disability,
      'Date the Child Entered Care',
      'Date of Decision that Child Should be Placed for Adoption',
      'Date of Placement Order',
      'Date of Matching Child and Prospective Adopters',
      'Date Placed for Adoption',
      'Date of Adoption Order',
      'Date of Decision that Child Should No Longer be Placed for Adoption',
      'Reason Why Child No Longer Placed for Adoption',
      'Date the child was placed for fostering in FFA or concurrent planning placement',
    ],
  },
  {
    number: 11,
    name: 'Adopters',
    months: 12,
    columns: [
      'Individual adopter identifier',
      'Family identifier',
      'Gender',
      'Ethnicity',
      'Disability',
      'Is the (prospective) adopter fostering for adoption?',
      'Date enquiry received',
      'Date Stage 1 started',
      'Date Stage 1 ended',
      'Date Stage 2 started',
      'Date Stage 2 ended',
      'Date application submitted',
      'Date application approved',
      'Date adopter matched with child(ren)',
      'Date child/children placed with adopter(s)',
      'No. of children placed',
      'Date of Adoption Order',
      'Date of leaving adoption process',
      'Reason for leaving adoption process',
    ],
  },
] as const;

export type AnnexAList = (typeof annexALists)[number];
export type AnnexAListNumber = AnnexAList['number'];
/** One row of a list: a cell for each of its columns (blank when the record does not tell). */
export type AnnexARow = Readonly<Record<string, string | number>>;

/** What the record cannot yet fill, said on the list's sheet above its headers. */
export const annexANotes: Partial<Record<AnnexAListNumber, string>> = {
  2: 'Hearth does not yet record early help assessments: this list is empty.',
  11: 'Hearth does not yet record prospective adopters: this list is empty.',
};

/**
 * The window a list covers, both days counted: six months back from the last day (twelve for lists 10 and 11),
 * or from the first day chosen; lists 10 and 11 always cover at least their twelve months.
 */
export function annexAWindow(list: AnnexAList, to: IsoDate, from?: IsoDate): { from: IsoDate; to: IsoDate } {
  const usual = addMonths(addDays(to, 1), -list.months);
  if (from === undefined) return { from: usual, to };
  return { from: list.months === 12 && usual < from ? usual : from, to };
}

/** The sheet's name for a list, as Ofsted's template names them ("List 1", ...). */
export const annexASheetName = (list: AnnexAList): string => `List ${list.number}`;
