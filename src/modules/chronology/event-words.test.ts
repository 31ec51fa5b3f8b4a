import { describe, expect, it } from 'vitest';
import { inWords } from './event-words.ts';

describe('chronology events in words', () => {
  it.each([
    ['Legal status: {SSDA903.LS:C1}', '2024-10-21', 'Legal status: interim care order (C1)'],
    ['Contact received from {CIN.ReferralSource:6}', '2024-05-28', 'Contact received from police (6)'],
    [
      'Referral from {CIN.ReferralSource:6}, primary need {CIN.PrimaryNeedCode:N1}',
      '2024-06-03',
      'Referral from police (6), primary need abuse or neglect (N1)',
    ],
    [
      'Keeping in touch: {SSDA903.IN_TOUCH:YES}',
      '2026-03-20',
      'Keeping in touch: in touch with the young person (YES)',
    ],
    // A code no list holds stays as it was written, rather than being lost.
    ['Legal status: {SSDA903.LS:Q9}', '2024-10-21', 'Legal status: Q9'],
    ['Home visit', '2025-06-03', 'Home visit'],
  ])('%s on %s reads "%s"', (text, on, expected) => {
    expect(inWords(text, on)).toBe(expected);
  });

  it('leaves an absent detail absent', () => {
    expect(inWords(null, '2025-01-01')).toBeNull();
  });
});
