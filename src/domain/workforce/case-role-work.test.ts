import { describe, expect, it } from 'vitest';
import { caseRoleOwes } from './case-role-work.ts';

describe('the work each case role owes on a child', () => {
  it.each([
    ['allocated-worker', 'looked-after-visit', true],
    ['allocated-worker', 'looked-after-review', true],
    ['allocated-worker', 'care-leaver-contact', true],
    ['co-worker', 'assessment', true],
    ['cover', 'child-in-need-visit', true],
    // The IRO chairs the looked-after child's reviews, and owes nothing else.
    ['independent-reviewing-officer', 'looked-after-review', true],
    ['independent-reviewing-officer', 'looked-after-visit', false],
    ['independent-reviewing-officer', 'personal-education-plan', false],
    ['independent-reviewing-officer', 'child-protection-review', false],
    // The personal adviser owes the pathway plan's reviews and keeping in touch.
    ['personal-adviser', 'pathway-plan-review', true],
    ['personal-adviser', 'care-leaver-contact', true],
    ['personal-adviser', 'looked-after-visit', false],
    ['personal-adviser', 'health-assessment-review', false],
  ])('%s owes %s: %s', (caseRole, kind, owed) => {
    expect(caseRoleOwes(caseRole, kind)).toBe(owed);
  });
});
