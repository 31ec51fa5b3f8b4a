import { describe, expect, it } from 'vitest';
import {
  assessmentProblems,
  authorisationProblems,
  closureProblems,
  contactProblems,
  isReReferral,
  nextStepOf,
  oversightProblems,
  type OversightInput,
  referralProblems,
} from './rules.ts';

const on = (date: string | null) => ({ date });
const today = '2025-06-16';

describe('isReReferral (within 12 months of a previous referral)', () => {
  it.each([
    ['2025-06-16', [], false],
    ['2025-06-16', ['2024-06-16'], true],
    ['2025-06-16', ['2024-06-15'], false],
    ['2025-06-16', ['2023-01-01', '2025-01-10'], true],
    // 29 February: twelve months before 28 Feb 2025 is 28 Feb 2024
    ['2025-02-28', ['2024-02-28'], true],
    ['2025-02-28', ['2024-02-27'], false],
    // a later referral (recorded after the fact) is not a previous one
    ['2025-06-16', ['2025-07-01'], false],
  ])('referral on %s after %j → %s', (date, previous, expected) => {
    expect(isReReferral(date, previous)).toBe(expected);
  });
});

const paths = (problems: { path: string }[]) => problems.map((problem) => problem.path);

describe('referralProblems', () => {
  const child = { dateOfBirth: '2015-03-27', openEpisodeReferredOn: null };
  const good = { referralDate: on('2025-06-02'), source: '2A', primaryNeed: 'N1' };
  it.each([
    ['a good referral', good, child, []],
    ['no date', { ...good, referralDate: on(null) }, child, ['referralDate']],
    ['a date that is not real', { ...good, referralDate: { problem: 'x' } }, child, ['referralDate']],
    ['a date in the future', { ...good, referralDate: on('2025-06-17') }, child, ['referralDate']],
    ['a date before birth', { ...good, referralDate: on('2015-03-26') }, child, ['referralDate']],
    ['on the day of birth', { ...good, referralDate: on('2015-03-27') }, child, []],
    ['an unknown source', { ...good, source: '2Z' }, child, ['source']],
    ['an unknown primary need', { ...good, primaryNeed: 'N10' }, child, ['primaryNeed']],
    ['a second open episode', good, { ...child, openEpisodeReferredOn: '2025-01-01' }, ['referralDate']],
    ['an unborn child (no date of birth)', good, { ...child, dateOfBirth: null }, []],
  ])('%s', (_name, input, facts, expected) => {
    expect(paths(referralProblems(input, facts, today))).toEqual(expected);
  });
});

describe('contactProblems', () => {
  const good = {
    receivedOn: on('2025-06-13'),
    source: '6',
    reason: 'Police attended a domestic incident',
    decision: 'referral',
    decidedOn: on('2025-06-16'),
  };
  it.each([
    ['a good contact', good, []],
    ['received in the future', { ...good, receivedOn: on('2025-06-17') }, ['receivedOn']],
    ['decided before it came', { ...good, decidedOn: on('2025-06-12') }, ['decidedOn']],
    [
      'no reason, unknown source and decision',
      { ...good, reason: ' ', source: 'X', decision: 'maybe' },
      ['source', 'reason', 'decision'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(paths(contactProblems(input, today))).toEqual(expected);
  });
});

describe('assessmentProblems', () => {
  const episode = { referralDate: '2025-06-02', closedOn: null };
  const good = { startDate: on('2025-06-02'), factors: ['3A', '21'], outcome: '' };
  it.each([
    ['a good assessment', good, episode, []],
    ['started before the referral', { ...good, startDate: on('2025-06-01') }, episode, ['startDate']],
    ['started in the future', { ...good, startDate: on('2025-06-17') }, episode, ['startDate']],
    ['an unknown factor', { ...good, factors: ['3A', '99Z'] }, episode, ['factors']],
    ['an unknown outcome', { ...good, outcome: 'adopted' }, episode, ['outcome']],
    ['on a closed episode', good, { ...episode, closedOn: '2025-06-10' }, ['startDate']],
  ])('%s', (_name, input, facts, expected) => {
    expect(paths(assessmentProblems(input, facts, today))).toEqual(expected);
  });
});

describe('authorisationProblems', () => {
  const assessment = { startDate: '2025-06-02', outcome: 'child-in-need-plan', authorisedOn: null };
  it.each([
    ['authorised after it started', on('2025-06-10'), assessment, []],
    ['authorised the day it started', on('2025-06-02'), assessment, []],
    ['authorised before it started', on('2025-06-01'), assessment, ['authorisedOn']],
    ['authorised in the future', on('2025-06-17'), assessment, ['authorisedOn']],
    ['without an outcome', on('2025-06-10'), { ...assessment, outcome: null }, ['authorisedOn']],
    ['twice', on('2025-06-10'), { ...assessment, authorisedOn: '2025-06-09' }, ['authorisedOn']],
  ])('%s', (_name, date, facts, expected) => {
    expect(paths(authorisationProblems(date, facts, today))).toEqual(expected);
  });
});

describe('closureProblems', () => {
  const episode = { referralDate: '2025-06-02', closedOn: null, assessmentsAwaitingAuthorisation: 0 };
  it.each([
    ['closed with RC8', { closedOn: on('2025-06-12'), reason: 'RC8' }, episode, []],
    ['an unknown reason', { closedOn: on('2025-06-12'), reason: 'RC10' }, episode, ['reason']],
    ['closed before the referral', { closedOn: on('2025-06-01'), reason: 'RC7' }, episode, ['closedOn']],
    ['closed in the future', { closedOn: on('2025-06-17'), reason: 'RC7' }, episode, ['closedOn']],
    [
      'an assessment awaiting authorisation',
      { closedOn: on('2025-06-12'), reason: 'RC7' },
      { ...episode, assessmentsAwaitingAuthorisation: 1 },
      ['closedOn'],
    ],
    [
      'closed twice',
      { closedOn: on('2025-06-12'), reason: 'RC7' },
      { ...episode, closedOn: '2025-06-05' },
      ['closedOn'],
    ],
  ])('%s', (_name, input, facts, expected) => {
    expect(paths(closureProblems(input, facts, today))).toEqual(expected);
  });
});

describe('management oversight of an assessment (Working Together 2023, chapter 2)', () => {
  const assessment = { startDate: '2025-06-03', authorisedOn: null };
  const today = '2025-07-01';
  const base = {
    oversightNote: 'Analysis is clear; the child’s voice is heard.',
    returnReasons: '',
    outcome: 'child-in-need-plan',
    decidedOn: { date: '2025-06-30' },
  };
  it.each<[string, Partial<OversightInput> & { decision: string }, string[]]>([
    ['authorised with an outcome and a note', { decision: 'authorise' }, []],
    ['not yet known cannot be authorised', { decision: 'authorise', outcome: '' }, ['outcome']],
    ['the note is needed', { decision: 'authorise', oversightNote: ' ' }, ['oversightNote']],
    [
      'returned with reasons',
      { decision: 'return', returnReasons: 'The analysis does not weigh the father’s view' },
      [],
    ],
    ['returned without reasons', { decision: 'return' }, ['returnReasons']],
    [
      'returned without an outcome is fine',
      { decision: 'return', outcome: '', returnReasons: 'More work' },
      [],
    ],
    ['no decision', { decision: '' }, ['decision']],
    [
      'authorised before it started',
      { decision: 'authorise', decidedOn: { date: '2025-06-02' } },
      ['decidedOn'],
    ],
  ])('%s', (_case, input, paths) => {
    expect(oversightProblems({ ...base, ...input }, assessment, today).map((p) => p.path)).toEqual(paths);
  });

  it.each([
    ['child-in-need-plan', 'child-in-need-plan'],
    ['strategy-discussion', 'strategy-discussion'],
    ['looked-after', 'looked-after'],
    ['no-further-action', 'close'],
    ['early-help', 'close'],
    ['other', null],
  ])('an authorised outcome of %s leads to %s', (outcome, next) => {
    expect(nextStepOf(outcome)).toBe(next);
  });
});
