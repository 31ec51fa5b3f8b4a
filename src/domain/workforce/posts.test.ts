import { describe, expect, it } from 'vitest';
import { postFigures, postState, postTotals, type PostOnDay } from './posts.ts';

const post = (fte: number, holderContract: string | null, holderFte: number | null): PostOnDay => ({
  fte,
  holderContract,
  holderFte,
});

describe('established posts on a day (workforce census)', () => {
  it.each([
    ['a permanent worker in a whole post', post(1, 'permanent', 1), [1, 1, 0, 0], 'Filled'],
    [
      'a fixed-term worker at 0.6 in a whole post',
      post(1, 'fixed-term', 0.6),
      [1, 0.6, 0.4, 0],
      'Part filled',
    ],
    ['nobody', post(1, null, null), [1, 0, 1, 0], 'Vacant'],
    ['an agency worker covering a vacant post', post(1, 'agency', 1), [1, 0, 1, 1], 'Agency cover'],
    ['a locum at 0.5 in a whole post', post(1, 'locum', 0.5), [1, 0, 1, 0.5], 'Agency cover'],
    ['a full-time worker in a half post', post(0.5, 'permanent', 1), [0.5, 0.5, 0, 0], 'Filled'],
    ['a student in a post', post(1, 'student', 1), [1, 0, 1, 0], 'Vacant'],
  ])('%s', (_, given, [established, filled, vacant, agencyCover], state) => {
    expect(postFigures(given)).toEqual({ established, filled, vacant, agencyCover });
    expect(postState(given)).toBe(state);
  });

  it('adds a team’s posts to two places', () => {
    expect(
      postTotals([
        post(1, 'permanent', 0.8),
        post(1, 'agency', 1),
        post(0.6, null, null),
        post(1, 'permanent', 1),
      ]),
    ).toEqual({ established: 3.6, filled: 1.8, vacant: 1.8, agencyCover: 1 });
  });
});
