import { describe, expect, it } from 'vitest';
import {
  closureOnLeavingCareAtEighteen,
  journeyEvents,
  leavingCareEvent,
  journeyStateOf,
  journeyStates,
  transition,
  type JourneyEvent,
  type JourneyState,
} from './transitions.ts';

describe('the journey: allowed moves', () => {
  it.each<[JourneyState, JourneyEvent, JourneyState]>([
    // Working Together 2023: a referral opens an episode; the assessment decides what follows.
    ['no-open-episode', 'referral', 'referred'],
    ['referred', 'referral-no-further-action', 'no-open-episode'],
    ['referred', 'assessment-authorised-child-in-need', 'child-in-need'],
    ['referred', 'assessment-authorised-no-further-action', 'no-open-episode'],
    // Strategy discussion → section 47 → ICPC → plan → plan ends.
    ['referred', 'strategy-discussion-section-47', 'section-47'],
    ['child-in-need', 'strategy-discussion-section-47', 'section-47'],
    ['section-47', 'section-47-no-further-action', 'referred'],
    ['section-47', 'section-47-child-in-need', 'child-in-need'],
    ['section-47', 'conference-child-protection-plan', 'child-protection'],
    ['section-47', 'conference-no-plan', 'child-in-need'],
    ['child-protection', 'strategy-discussion-section-47', 'child-protection'],
    ['child-protection', 'child-protection-plan-ended', 'child-in-need'],
    // Looked after from any open casework, and out again.
    ['referred', 'became-looked-after', 'looked-after'],
    ['child-protection', 'became-looked-after', 'looked-after'],
    ['looked-after', 'child-protection-plan-ended', 'looked-after'],
    ['looked-after', 'ceased-care-eligible-for-leaving-care', 'care-leaver'],
    ['looked-after', 'ceased-care', 'child-in-need'],
    ['care-leaver', 'became-looked-after', 'looked-after'],
    ['care-leaver', 'leaving-care-support-ended', 'no-open-episode'],
    ['care-leaver', 'episode-closed', 'care-leaver'],
    ['child-in-need', 'episode-closed', 'no-open-episode'],
  ])('%s + %s → %s', (state, event, next) => {
    expect(transition(state, event)).toEqual({ allowed: true, next });
  });
});

describe('the journey: refused moves', () => {
  it.each<[JourneyState, JourneyEvent, RegExp]>([
    ['no-open-episode', 'strategy-discussion-section-47', /record the referral first/],
    ['no-open-episode', 'conference-child-protection-plan', /follows a section 47 enquiry/],
    ['referred', 'conference-child-protection-plan', /follows a section 47 enquiry/],
    ['child-in-need', 'conference-child-protection-plan', /follows a section 47 enquiry/],
    ['no-open-episode', 'became-looked-after', /record the referral first/],
    ['looked-after', 'became-looked-after', /cannot overlap/],
    ['child-protection', 'conference-child-protection-plan', /already on a child protection plan/],
    ['section-47', 'strategy-discussion-section-47', /already open/],
    ['referred', 'referral', /already has an open episode/],
    ['child-in-need', 'child-protection-plan-ended', /not on a child protection plan/],
    ['child-protection', 'episode-closed', /End the child protection plan/],
    ['looked-after', 'episode-closed', /End the period of care/],
    ['section-47', 'episode-closed', /End the section 47 enquiry/],
    ['no-open-episode', 'episode-closed', /no open episode/],
    ['child-in-need', 'ceased-care', /not looked after/],
    ['no-open-episode', 'leaving-care-support-ended', /not a care leaver/],
    ['child-in-need', 'ceased-care-at-eighteen', /not looked after/],
    ['care-leaver', 'ceased-care-at-eighteen', /not looked after/],
    ['child-in-need', 'assessment-authorised-child-in-need', /only be authorised on an open referral/],
  ])('%s + %s is refused', (state, event, reason) => {
    const result = transition(state, event);
    expect(result.allowed).toBe(false);
    expect(result.allowed === false && result.reason).toMatch(reason);
  });

  it('answers every pair of state and event, with a reason whenever it refuses', () => {
    for (const state of journeyStates) {
      for (const event of journeyEvents) {
        const result = transition(state, event);
        if (result.allowed) expect(journeyStates).toContain(result.next);
        else expect(result.reason.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('leaving care at 18', () => {
  it('makes a care leaver and closes the episode of need, RC7 (CIN census: services ended, no longer a child)', () => {
    expect(closureOnLeavingCareAtEighteen).toBe('RC7');
    expect(transition('looked-after', 'ceased-care-at-eighteen')).toEqual({
      allowed: true,
      next: 'care-leaver',
      closesEpisode: 'RC7',
    });
  });

  it.each<[string, string | null, string, boolean, JourneyEvent]>([
    ['on the 18th birthday', '2008-03-14', '2026-03-14', true, 'ceased-care-at-eighteen'],
    [
      'the day before the 18th birthday',
      '2008-03-14',
      '2026-03-13',
      true,
      'ceased-care-eligible-for-leaving-care',
    ],
    ['after the 18th birthday', '2008-03-14', '2026-06-01', true, 'ceased-care-at-eighteen'],
    ['at 16, relevant', '2009-09-01', '2025-09-01', true, 'ceased-care-eligible-for-leaving-care'],
    ['at 18 without leaving-care support', '2008-03-14', '2026-03-14', false, 'ceased-care'],
    ['date of birth not known', null, '2026-03-14', true, 'ceased-care-eligible-for-leaving-care'],
  ])('care ending %s', (_when, born, ends, support, event) => {
    expect(leavingCareEvent(born, ends, support)).toBe(event);
  });
});

describe('journeyStateOf', () => {
  const none = {
    openEpisode: false,
    assessmentAuthorised: false,
    openSection47: false,
    openChildProtectionPlan: false,
    openPeriodOfCare: false,
    careLeaver: false,
  };
  it.each<[string, Partial<typeof none>, JourneyState]>([
    ['nothing open', {}, 'no-open-episode'],
    ['an open referral', { openEpisode: true }, 'referred'],
    ['an authorised assessment', { openEpisode: true, assessmentAuthorised: true }, 'child-in-need'],
    ['an enquiry', { openEpisode: true, openSection47: true }, 'section-47'],
    ['a plan', { openEpisode: true, openChildProtectionPlan: true, openSection47: true }, 'child-protection'],
    [
      'care while on a plan',
      { openEpisode: true, openChildProtectionPlan: true, openPeriodOfCare: true },
      'looked-after',
    ],
    ['a care leaver', { careLeaver: true }, 'care-leaver'],
    ['a care leaver referred again', { careLeaver: true, openEpisode: true }, 'care-leaver'],
  ])('%s → %s', (_name, facts, state) => {
    expect(journeyStateOf({ ...none, ...facts })).toBe(state);
  });
});
