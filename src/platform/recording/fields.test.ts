import { describe, expect, it } from 'vitest';
import { checkFields, parseFormFields, yesNoMessage, type FieldSpec } from './fields.ts';

describe('the message for an unanswered yes/no question (GOV.UK radios: "Select yes if …")', () => {
  it.each([
    ['Was the child seen?', 'Select yes if the child was seen'],
    ['Was the child seen alone?', 'Select yes if the child was seen alone'],
    ['Was the child’s bedroom seen?', 'Select yes if the child’s bedroom was seen'],
    [
      'Is the placement inside the council’s area?',
      'Select yes if the placement is inside the council’s area',
    ],
    ['Is it an unregistered children’s home?', 'Select yes if it is an unregistered children’s home'],
    ['Is this placement agreed as long-term?', 'Select yes if this placement is agreed as long-term'],
    ['Was a return interview offered?', 'Select yes if a return interview was offered'],
    ['Was the return interview accepted?', 'Select yes if the return interview was accepted'],
    ['Parental responsibility', 'Select yes or no for ‘Parental responsibility’'],
    ['Is Sam known to the police?', 'Select yes or no for ‘Is Sam known to the police?’'],
  ])('%s → %s', (label, message) => {
    expect(yesNoMessage(label)).toBe(message);
  });
});

describe('a recording form’s yes/no field', () => {
  const fields: FieldSpec[] = [
    { name: 'seen', label: 'Was the child seen?', kind: 'yes-no', required: true },
  ];

  it('asks for an answer in words from the form and from the API', () => {
    expect(parseFormFields(fields, {}, '2026-12-07').problems).toEqual([
      { path: 'seen', message: 'Select yes if the child was seen' },
    ]);
    expect(checkFields(fields, { seen: 'maybe' }, '2026-12-07').problems).toEqual([
      { path: 'seen', message: 'Select yes if the child was seen' },
    ]);
  });

  it('takes yes and no', () => {
    expect(parseFormFields(fields, { seen: 'no' }, '2026-12-07')).toEqual({
      values: { seen: false },
      problems: [],
    });
  });
});
