import { Type } from 'typebox';
import { versionFormField, versionInput } from '../../platform/versioning.ts';

export const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
const short = (maxLength = 100) => Type.Optional(Type.String({ maxLength }));

export const IdentityForm = Type.Object({
  version: versionFormField,
  otherNames: short(300),
  'expectedDateOfBirth-day': short(2),
  'expectedDateOfBirth-month': short(2),
  'expectedDateOfBirth-year': short(4),
  sex: short(1),
  gender: short(),
  ethnicity: short(4),
  firstLanguage: short(),
  religion: short(),
  disabilities: Type.Optional(
    Type.Union([
      Type.String({ maxLength: 10 }),
      Type.Array(Type.String({ maxLength: 10 }), { maxItems: 20 }),
    ]),
  ),
  immigrationStatus: short(),
  uasc: short(3),
  educationSetting: short(200),
  upn: short(20),
  nhsNumber: short(20),
  reason: short(500),
  _csrf: Type.Optional(Type.String()),
});

export const IdentityBody = Type.Object(
  {
    version: versionInput('The version this change was based on'),
    otherNames: Type.Optional(
      Type.String({ maxLength: 300, description: 'Former names and other names used' }),
    ),
    expectedDateOfBirth: Type.Optional(Type.Union([Type.String({ format: 'date' }), Type.Null()])),
    sex: Type.Optional(Type.String({ maxLength: 1, description: 'CIN Sex code: F, M or U' })),
    gender: Type.Optional(Type.String({ maxLength: 100 })),
    ethnicity: Type.Optional(Type.String({ maxLength: 4, description: 'CIN Ethnicity code' })),
    firstLanguage: Type.Optional(Type.String({ maxLength: 100 })),
    religion: Type.Optional(Type.String({ maxLength: 100 })),
    disabilities: Type.Optional(
      Type.Array(Type.String({ maxLength: 10 }), { maxItems: 20, description: 'CIN Disability codes' }),
    ),
    immigrationStatus: Type.Optional(Type.String({ maxLength: 100 })),
    uasc: Type.Optional(Type.Boolean({ description: 'Unaccompanied asylum-seeking child' })),
    educationSetting: Type.Optional(Type.String({ maxLength: 200 })),
    upn: Type.Optional(
      Type.String({ maxLength: 20, description: 'Unique pupil number; its check letter is checked' }),
    ),
    nhsNumber: Type.Optional(
      Type.String({ maxLength: 20, description: 'NHS number; its check digit is checked' }),
    ),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const AddressBody = Type.Object(
  {
    line1: Type.String({ maxLength: 200 }),
    line2: Type.Optional(Type.String({ maxLength: 200 })),
    town: Type.Optional(Type.String({ maxLength: 100 })),
    postcode: Type.Optional(Type.String({ maxLength: 10 })),
    from: Type.String({ format: 'date', description: 'The date the child started living here' }),
  },
  { additionalProperties: false },
);

export const FlagBody = Type.Object(
  {
    kind: Type.String({
      maxLength: 40,
      description:
        'risk-to-staff, risk-to-child, missing, exploitation, communication-needs, court-proceedings or other',
    }),
    description: Type.String({ maxLength: 2000 }),
    from: Type.String({ format: 'date' }),
    reviewBy: Type.String({ format: 'date', description: 'The date the warning must be reviewed by' }),
  },
  { additionalProperties: false },
);

export const RelationshipBody = Type.Object(
  {
    givenName: Type.String({ maxLength: 100 }),
    familyName: Type.String({ maxLength: 100 }),
    dateOfBirth: Type.Optional(Type.String({ format: 'date' })),
    organisation: Type.Optional(
      Type.String({ maxLength: 200, description: 'For professionals: their organisation' }),
    ),
    phone: Type.Optional(Type.String({ maxLength: 40 })),
    relationship: Type.String({
      maxLength: 40,
      description:
        'mother, father, parent, step-parent, sibling, half-sibling, grandparent, other-relative, carer, friend, professional or other',
    }),
    parentalResponsibility: Type.Optional(Type.Boolean()),
    from: Type.Optional(Type.String({ format: 'date', description: 'The date the relationship began' })),
  },
  { additionalProperties: false },
);
