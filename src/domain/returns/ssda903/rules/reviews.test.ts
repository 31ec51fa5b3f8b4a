import { describe, expect, it } from 'vitest';
import { aChild, anEpisode, flagsOf, type TableRows } from '../test-builders.ts';

/** A review of the girl born 1 June 2010, who took part in person (PN1). */
const aReview = (overrides: Record<string, string> = {}): Record<string, string> => ({
  CHILD: '1',
  DOB: '01/06/2010',
  REVIEW: '01/08/2025',
  REVIEW_CODE: 'PN1',
  ...overrides,
});
const reviews = (rows: Record<string, string>[], child = aChild(), episodes = [anEpisode()]): TableRows => ({
  Header: [child],
  Episodes: episodes,
  Reviews: rows,
});
/** A child born 1 August 2021: 4 on 1 August 2025. */
const youngReview = (date: string, code: string): TableRows =>
  reviews([aReview({ DOB: '01/08/2021', REVIEW: date, REVIEW_CODE: code })], aChild({ DOB: '01/08/2021' }));

describe('SSDA903 Reviews rules (2025–26)', () => {
  it.each<[string, string, TableRows, string[]]>([
    ['166', 'review date blank', reviews([aReview({ REVIEW: '' })]), ['Reviews:2']],
    ['166', 'review date 29/02/2025', reviews([aReview({ REVIEW: '29/02/2025' })]), ['Reviews:2']],
    ['166', 'review date 01/08/2025', reviews([aReview()]), []],
    ['167', 'participation blank', reviews([aReview({ REVIEW_CODE: '' })]), ['Reviews:2']],
    ['167', 'participation PN8', reviews([aReview({ REVIEW_CODE: 'PN8' })]), ['Reviews:2']],
    ['167', 'participation without a review', reviews([aReview({ REVIEW: '' })]), ['Reviews:2']],
    ['167', 'participation PN7', reviews([aReview({ REVIEW_CODE: 'PN7' })]), []],
    ['440', 'PN0 on the 4th birthday', youngReview('01/08/2025', 'PN0'), ['Reviews:2']],
    ['440', 'PN0 the day before', youngReview('31/07/2025', 'PN0'), []],
    ['441', 'PN1 the day before the 4th birthday', youngReview('31/07/2025', 'PN1'), ['Reviews:2']],
    ['441', 'PN1 on the 4th birthday', youngReview('01/08/2025', 'PN1'), []],
    [
      '399',
      'a review of a child only on short breaks',
      reviews([aReview()], aChild({ MOTHER: '' }), [anEpisode({ LS: 'V3' })]),
      ['Reviews:2'],
    ],
    [
      '399',
      'motherhood of a child only on short breaks',
      reviews([], aChild({ MOTHER: '0' }), [anEpisode({ LS: 'V4' })]),
      ['Header:2'],
    ],
    [
      '399',
      'a review of a child also looked after otherwise',
      reviews([aReview()], aChild(), [
        anEpisode({ LS: 'V3', DEC: '01/06/2025', REC: 'E13' }),
        anEpisode({ DECOM: '01/07/2025' }),
      ]),
      [],
    ],
  ])('%s: %s', (rule, _situation, tables, expected) => {
    expect(flagsOf(rule, tables)).toEqual(expected);
  });
});
