import { Type } from 'typebox';
import type { FieldSpec } from '../../platform/recording/fields.ts';

export const ChildParams = Type.Object({ childId: Type.String({ maxLength: 64 }) });
export const VisitQuery = Type.Object({ fromNote: Type.Optional(Type.String({ format: 'uuid' })) });

/**
 * The questions of a visit, declared once for the form and the API (src/platform/recording/fields.ts). The
 * bedroom is asked about only for a looked after child (Care Planning Regulations 2010, reg. 28(3)); a visit
 * started from a case note of type Visit asks for no note of its own; the API writes one from the facts when
 * it is sent none.
 */
export function visitFields(options: {
  lookedAfter: boolean;
  /** Whether to ask for the case note: 'required' on the form, 'optional' through the API. */
  note: 'required' | 'optional' | 'none';
}): FieldSpec[] {
  return [
    { name: 'visitedOn', label: 'Date of the visit', kind: 'date', required: true },
    { name: 'seen', label: 'Was the child seen?', kind: 'yes-no', required: true },
    { name: 'seenAlone', label: 'Was the child seen alone?', kind: 'yes-no' },
    ...(options.lookedAfter
      ? [{ name: 'bedroomSeen', label: 'Was the child’s bedroom seen?', kind: 'yes-no' } as const]
      : []),
    {
      name: 'wishesAndFeelings',
      label: 'The child’s wishes and feelings',
      kind: 'textarea',
      hint: 'In words the child would recognise',
    },
    ...(options.note !== 'none'
      ? ([
          {
            name: 'noteTitle',
            label: 'Title of the case note',
            kind: 'text',
            maxLength: 200,
            hint: 'For example, Home visit. Left blank, the note is called Visit',
          },
          {
            name: 'note',
            label: 'What happened on the visit',
            kind: 'textarea',
            required: options.note === 'required',
            maxLength: 100000,
            hint: 'This is saved as a case note of type Visit',
          },
        ] as const)
      : []),
  ];
}
