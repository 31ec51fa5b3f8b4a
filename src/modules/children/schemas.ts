import { Type } from 'typebox';
import { versionFormField, versionInput } from '../../platform/versioning.ts';
import { JourneyStatusSchema } from '../journey/status-json.ts';

export const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });

const isoDate = { format: 'date' } as const;

export const ChildSummary = Type.Object({
  id: Type.String(),
  localId: Type.String({ description: 'The council’s own child ID' }),
  givenName: Type.String(),
  familyName: Type.String(),
  dateOfBirth: Type.Union([Type.String(isoDate), Type.Null()]),
  version: Type.Integer(),
  status: JourneyStatusSchema,
});

export const ChildUpdate = Type.Object(
  {
    version: versionInput('The version this change was based on'),
    givenName: Type.String({ minLength: 1, maxLength: 100 }),
    familyName: Type.String({ minLength: 1, maxLength: 100 }),
    dateOfBirth: Type.Union([Type.String(isoDate), Type.Null()]),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** The edit form as posted: every value is text; the date comes in three boxes (GOV.UK date input). */
export const ChildEditForm = Type.Object({
  version: versionFormField,
  givenName: Type.String({ maxLength: 100 }),
  familyName: Type.String({ maxLength: 100 }),
  'dateOfBirth-day': Type.Optional(Type.String({ maxLength: 2 })),
  'dateOfBirth-month': Type.Optional(Type.String({ maxLength: 2 })),
  'dateOfBirth-year': Type.Optional(Type.String({ maxLength: 4 })),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
  _csrf: Type.Optional(Type.String()),
});

export const BreakGlassForm = Type.Object({
  localId: Type.String({ maxLength: 50 }),
  reason: Type.String({ maxLength: 1000 }),
  _csrf: Type.Optional(Type.String()),
});
