import { Type } from 'typebox';

export const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
export const NoteParams = Type.Object({
  childId: Type.String({ maxLength: 64 }),
  noteId: Type.String({ format: 'uuid' }),
});
const maybeUuid = Type.Optional(Type.Union([Type.Literal(''), Type.String({ format: 'uuid' })]));

export const NoteQuery = Type.Object({
  corrects: maybeUuid,
  restore: Type.Optional(Type.String({ maxLength: 100 })),
});

/** The note form as posted; `intent=draft` saves a draft without JavaScript. */
export const NoteForm = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 40 })),
  'occurredOn-day': Type.Optional(Type.String({ maxLength: 2 })),
  'occurredOn-month': Type.Optional(Type.String({ maxLength: 2 })),
  'occurredOn-year': Type.Optional(Type.String({ maxLength: 4 })),
  title: Type.Optional(Type.String({ maxLength: 200 })),
  body: Type.Optional(Type.String({ maxLength: 100000 })),
  alsoAbout: Type.Optional(Type.String({ maxLength: 500 })),
  correctsNoteId: maybeUuid,
  correctionReason: Type.Optional(Type.String({ maxLength: 2000 })),
  significance: Type.Optional(Type.String({ maxLength: 2000 })),
  intent: Type.Optional(Type.String({ maxLength: 10 })),
  _csrf: Type.Optional(Type.String()),
});

export const NoteBody = Type.Object(
  {
    kind: Type.String({
      maxLength: 40,
      description: 'visit, phone-call, meeting, management-oversight, email, direct-work or other',
    }),
    occurredOn: Type.String({ format: 'date', description: 'The date it happened' }),
    title: Type.String({ maxLength: 200 }),
    body: Type.String({ maxLength: 100000 }),
    alsoAbout: Type.Optional(
      Type.Array(Type.String({ maxLength: 50 }), {
        maxItems: 20,
        description: 'Council ids of other children the note is about',
      }),
    ),
    correctsNoteId: Type.Optional(Type.String({ format: 'uuid', description: 'The note this one corrects' })),
    correctionReason: Type.Optional(Type.String({ maxLength: 2000 })),
    significance: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Why it matters for the child, shown in the chronology' }),
    ),
  },
  { additionalProperties: false },
);

export const NoteSummary = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  occurredOn: Type.String(),
  title: Type.String(),
  body: Type.String(),
  writtenBy: Type.String(),
  writtenAt: Type.String(),
  correctsNoteId: Type.Union([Type.String(), Type.Null()]),
  correctionReason: Type.Union([Type.String(), Type.Null()]),
  correctedBy: Type.Array(Type.String()),
  significance: Type.Union([Type.String(), Type.Null()]),
});
