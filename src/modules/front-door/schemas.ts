import { Type } from 'typebox';
import { ContactForm } from '../referrals/schemas.ts';

const optionalText = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const dateBoxes = (name: string) => ({
  [`${name}-day`]: optionalText(2),
  [`${name}-month`]: optionalText(2),
  [`${name}-year`]: optionalText(4),
});

/** Who a new contact is about, as posted by the front door's first page (every value text, dates in boxes). */
export const whoFields = {
  givenName: optionalText(100),
  familyName: optionalText(100),
  born: optionalText(10),
  ...dateBoxes('dateOfBirth'),
  ...dateBoxes('expectedDateOfBirth'),
  addressLine1: optionalText(200),
  town: optionalText(100),
  postcode: optionalText(40),
  nhsNumber: optionalText(40),
  upn: optionalText(40),
  parentName: optionalText(200),
  parentRelationship: optionalText(40),
};

/** The names of the fields that say who the contact is about, carried through the later steps unseen. */
export const whoFieldNames = Object.keys(whoFields);

/** `stage` is `change` when the worker comes back from the matches to change what they typed. */
export const WhoForm = Type.Object({
  ...whoFields,
  stage: Type.Optional(Type.Literal('change')),
  _csrf: Type.Optional(Type.String()),
});

/**
 * The new child's contact: who it is about (carried from the first page) and the contact itself, with `stage`
 * saying whether the worker is arriving at the contact form (`details`) or saving it (`save`).
 */
export const NewChildForm = Type.Object({
  ...whoFields,
  ...Type.Partial(ContactForm).properties,
  stage: Type.Union([Type.Literal('details'), Type.Literal('save')]),
});

const isoDate = (description: string) => Type.String({ format: 'date', description });
const optional = (maxLength: number, description?: string) =>
  Type.Optional(Type.String({ maxLength, description }));

/** Who a contact is about, through the API: an unborn child has an expected date of birth and no date of birth. */
export const NewChildBody = Type.Object(
  {
    givenName: optional(100, 'May be left out for an unborn child not yet named'),
    familyName: Type.String({ minLength: 1, maxLength: 100 }),
    dateOfBirth: Type.Optional(isoDate('The child’s date of birth, if known')),
    expectedDateOfBirth: Type.Optional(isoDate('For an unborn child: the date the baby is due')),
    addressLine1: optional(200),
    town: optional(100),
    postcode: optional(10),
    nhsNumber: optional(14, '10 digits; spaces allowed'),
    upn: optional(13),
    parent: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200, description: 'Given and family names' }),
          relationship: Type.Union(['mother', 'father', 'parent', 'carer'].map((r) => Type.Literal(r))),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const DuplicateCheckBody = Type.Object({ child: NewChildBody }, { additionalProperties: false });

export const PossibleDuplicates = Type.Object({
  matches: Type.Array(
    Type.Object({
      childId: Type.String(),
      localId: Type.String(),
      givenName: Type.String(),
      familyName: Type.String(),
      likeness: Type.Union([Type.Literal('same-child'), Type.Literal('possibly'), Type.Literal('family')]),
      reasons: Type.Array(Type.String()),
      sameIdentifier: Type.Boolean(),
    }),
  ),
  elsewhere: Type.Array(
    Type.Object({
      likeness: Type.Union([Type.Literal('same-child'), Type.Literal('possibly')]),
      reasons: Type.Array(Type.String()),
    }),
    {
      description:
        'Children of the council whose records you may not see who may be this child: only how alike and why, never who. A same-child likeness means a service manager must check before a new child is made. Restricted children are never counted.',
    },
  ),
});
