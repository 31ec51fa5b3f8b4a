import { Type, type Static } from 'typebox';
import { versionFormField, versionInput } from '../../platform/versioning.ts';
import { dateFromParts } from '../../platform/dates.ts';
import type { DateEntry } from '../../domain/journey/rules.ts';

const uuid = Type.String({ format: 'uuid' });
export const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
export const EpisodeParams = Type.Object({ childId: Type.String({ maxLength: 64 }), episodeId: uuid });
export const AssessmentParams = Type.Object({ childId: Type.String({ maxLength: 64 }), assessmentId: uuid });

const text = (maxLength: number, description?: string) => Type.String({ maxLength, description });
const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const isoDate = (description: string) => Type.String({ format: 'date', description });
/** The three boxes of a GOV.UK date input, posted as `name-day`, `name-month` and `name-year`. */
const dateBoxes = (name: string) => ({
  [`${name}-day`]: optionalText(2),
  [`${name}-month`]: optionalText(2),
  [`${name}-year`]: optionalText(4),
});
const csrf = { _csrf: Type.Optional(Type.String()) };
const oneOrMany = Type.Optional(
  Type.Union([Type.String({ maxLength: 10 }), Type.Array(Type.String({ maxLength: 10 }), { maxItems: 60 })]),
);

/** Reads a GOV.UK date input from a posted form. */
export function formDate(form: Record<string, unknown>, name: string, label: string): DateEntry {
  const part = (suffix: string) => form[`${name}-${suffix}`] as string | undefined;
  return dateFromParts(label, part('day'), part('month'), part('year'));
}

/** A date from the API: already checked to be a real date by the schema. */
export function apiDate(value: string | null | undefined): DateEntry {
  return { date: value ?? null };
}

export function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => item !== '');
}

export const ContactForm = Type.Object({
  ...dateBoxes('receivedOn'),
  receivedTime: optionalText(5),
  source: text(10),
  reason: text(5000),
  mashPartners: optionalText(1000),
  decision: optionalText(40),
  ...dateBoxes('decidedOn'),
  ...csrf,
});

export const ContactBody = Type.Object(
  {
    receivedOn: isoDate('The date the contact was received'),
    receivedTime: Type.Optional(
      Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'London time, HH:MM' }),
    ),
    source: text(10, 'CIN ReferralSource code, such as 6 (police)'),
    reason: text(5000),
    mashPartners: Type.Optional(
      Type.Array(text(200), { maxItems: 20, description: 'MASH partners who contributed' }),
    ),
    decision: Type.Union(
      ['no-further-action', 'information-and-advice', 'early-help', 'referral'].map((d) => Type.Literal(d)),
    ),
    decidedOn: isoDate('The date of the decision'),
  },
  { additionalProperties: false },
);

export const ReferralForm = Type.Object({
  ...dateBoxes('referralDate'),
  source: text(10),
  primaryNeed: text(3),
  noFurtherAction: optionalText(3),
  contactId: optionalText(36),
  ...csrf,
});

export const ReferralBody = Type.Object(
  {
    referralDate: isoDate('The date of the referral'),
    source: text(10, 'CIN ReferralSource code'),
    primaryNeed: text(3, 'CIN primary need code, N0 to N9'),
    noFurtherAction: Type.Optional(Type.Boolean({ description: 'The referral ends in no further action' })),
    contactId: Type.Optional(uuid),
  },
  { additionalProperties: false },
);

export const AssessmentForm = Type.Object({
  ...dateBoxes('startDate'),
  factors: oneOrMany,
  outcome: optionalText(40),
  summary: optionalText(20000),
  analysis: optionalText(20000),
  childsVoice: optionalText(20000),
  ...csrf,
});

/** The manager's oversight: a note, and authorise (with outcome and date) or return (with reasons). */
export const OversightForm = Type.Object({
  decision: optionalText(20),
  oversightNote: optionalText(20000),
  returnReasons: optionalText(20000),
  outcome: optionalText(40),
  ...dateBoxes('decidedOn'),
  version: versionFormField,
  ...csrf,
});

/** The worker's revision of a returned assessment. */
export const ResendForm = Type.Object({
  summary: optionalText(20000),
  analysis: optionalText(20000),
  childsVoice: optionalText(20000),
  outcome: optionalText(40),
  version: versionFormField,
  ...csrf,
});

export const AssessmentBody = Type.Object(
  {
    startDate: isoDate('The date the assessment started'),
    factors: Type.Array(text(10), { maxItems: 60, description: 'CIN AssessmentFactors codes' }),
    outcome: Type.Optional(text(40)),
    summary: Type.Optional(text(20000)),
  },
  { additionalProperties: false },
);

export const AuthoriseBody = Type.Object(
  {
    authorisedOn: isoDate('The date the manager authorised the assessment'),
    outcome: Type.Optional(text(40)),
    version: versionInput('The version of the assessment being authorised'),
  },
  { additionalProperties: false },
);

export const CloseForm = Type.Object({
  ...dateBoxes('closedOn'),
  reason: optionalText(10),
  version: versionFormField,
  ...csrf,
});

export const CloseBody = Type.Object(
  {
    closedOn: isoDate('The date the episode closed'),
    reason: text(10, 'CIN ReasonForClosure code, RC1 to RC9'),
    version: versionInput('The version of the episode being closed'),
  },
  { additionalProperties: false },
);

export const Created = Type.Object({ id: Type.String() });
export const Versioned = Type.Object({ version: Type.Integer() });

export const EpisodeSummary = Type.Object({
  id: Type.String(),
  referralDate: Type.String(),
  referralSource: Type.String(),
  primaryNeed: Type.String(),
  reReferral: Type.Boolean(),
  noFurtherAction: Type.Boolean(),
  closedOn: Type.Union([Type.String(), Type.Null()]),
  closureReason: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
  assessments: Type.Array(
    Type.Object({
      id: Type.String(),
      startDate: Type.String(),
      factors: Type.Array(Type.String()),
      outcome: Type.Union([Type.String(), Type.Null()]),
      authorisedOn: Type.Union([Type.String(), Type.Null()]),
      version: Type.Integer(),
    }),
  ),
});

/** A contact from the API's body, as the contact rules read it. */
export function apiContact(body: Static<typeof ContactBody>) {
  return {
    receivedOn: apiDate(body.receivedOn),
    receivedTime: body.receivedTime ?? '',
    source: body.source,
    reason: body.reason,
    mashPartners: body.mashPartners ?? [],
    decision: body.decision,
    decidedOn: apiDate(body.decidedOn),
  };
}
