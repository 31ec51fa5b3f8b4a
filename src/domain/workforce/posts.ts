/**
 * Established posts on a day (issue 21, part 1), as the DfE's children's social work workforce census counts
 * them: a post is filled by the FTE of the employee (permanent or fixed term) who holds it; the rest of it is
 * vacant, and the part of a vacancy an agency worker or locum holds is vacant but covered by agency.
 */

export interface PostOnDay {
  fte: number;
  /** The contract of whoever holds the post that day, or null when nobody does. */
  holderContract: string | null;
  holderFte: number | null;
}

export interface PostFigures {
  established: number;
  filled: number;
  vacant: number;
  /** The part of `vacant` covered by agency workers and locums. */
  agencyCover: number;
}

const isEmployee = (contract: string | null) => contract === 'permanent' || contract === 'fixed-term';
const isAgency = (contract: string | null) => contract === 'agency' || contract === 'locum';
const twoPlaces = (value: number) => Math.round(value * 100) / 100;

/** One post's FTE split into filled, vacant and (of the vacant) covered by agency. */
export function postFigures(post: PostOnDay): PostFigures {
  const held = Math.min(post.fte, post.holderFte ?? 0);
  const filled = isEmployee(post.holderContract) ? held : 0;
  const vacant = post.fte - filled;
  const agencyCover = isAgency(post.holderContract) ? Math.min(vacant, held) : 0;
  return { established: post.fte, filled, vacant: twoPlaces(vacant), agencyCover };
}

/** The sum of some posts' figures, to two places. */
export function postTotals(posts: readonly PostOnDay[]): PostFigures {
  const totals = { established: 0, filled: 0, vacant: 0, agencyCover: 0 };
  for (const post of posts) {
    const figures = postFigures(post);
    totals.established += figures.established;
    totals.filled += figures.filled;
    totals.vacant += figures.vacant;
    totals.agencyCover += figures.agencyCover;
  }
  return {
    established: twoPlaces(totals.established),
    filled: twoPlaces(totals.filled),
    vacant: twoPlaces(totals.vacant),
    agencyCover: twoPlaces(totals.agencyCover),
  };
}

/** The words for a post's state on the day: filled, vacant, or vacant and covered by agency. */
export function postState(post: PostOnDay): 'Filled' | 'Part filled' | 'Agency cover' | 'Vacant' {
  const figures = postFigures(post);
  if (figures.vacant === 0) return 'Filled';
  if (figures.agencyCover > 0) return 'Agency cover';
  return figures.filled > 0 ? 'Part filled' : 'Vacant';
}
