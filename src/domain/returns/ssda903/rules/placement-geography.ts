import type { RuleNeed } from '../../engine.ts';
import type { Ssda903Context, Ssda903Rule } from '../context.ts';
import { isPlacementLa, type PlacementGeography } from '../geography.ts';
import type { EpisodeRow, Ssda903Child } from '../tables.ts';
import { rowRule } from './support.ts';

const shortBreak = (episode: EpisodeRow) => episode.LS === 'V3' || episode.LS === 'V4';

/**
 * A child who is or was an unaccompanied asylum-seeking child, as far as the returns given show: on
 * this year's UASC table, or on last year's when it is given. (The DfE also looks two years back.)
 */
function uasc(child: Ssda903Child, context: Ssda903Context): boolean {
  return child.UASC.length > 0 || (context.previous?.children.get(child.id)?.UASC.length ?? 0) > 0;
}

/** Two distances that differ by 0.2 miles or more, or one known and the other not. */
function distancesDiffer(now: number | null, then: number | null): boolean {
  if (now === null || then === null) return now !== then;
  return Math.round(Math.abs(now - then) * 10) >= 2;
}

/** Placements that a council's own provision (PR1) may run outside its area: adoption and fostering. */
const mayBeOutside = new Set(['A3', 'A4', 'A5', 'A6', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6']);

/**
 * A rule on each episode and its PL_LA, PL_LOCATION and PL_DISTANCE. The DfE works these out from
 * the postcodes, so every such rule needs the postcode directory (and some the council's own code).
 */
function geographyRule(
  code: string,
  message: string,
  fields: readonly string[],
  broken: (
    episode: EpisodeRow,
    where: PlacementGeography,
    child: Ssda903Child,
    context: Ssda903Context,
  ) => boolean,
  needs: readonly RuleNeed[] = ['postcodes'],
): Ssda903Rule {
  return rowRule(
    code,
    message,
    'Episodes',
    fields,
    (episode, child, context, index) => broken(episode, context.placements(child)[index]!, child, context),
    { needs },
  );
}

/**
 * A rule comparing the first episode of this year with last year's last episode, which was still
 * open, on the fields worked out from the postcodes. `sameEpisode` says when the two are the same
 * episode carried over.
 */
function carriedOverRule(
  code: string,
  message: string,
  field: string,
  sameEpisode: (first: EpisodeRow, last: EpisodeRow) => boolean,
  differ: (now: PlacementGeography, then: PlacementGeography) => boolean,
  needs: readonly RuleNeed[] = ['previous', 'postcodes'],
): Ssda903Rule {
  return {
    code,
    message,
    tables: ['Episodes'],
    fields: [field],
    years: { from: 2025 },
    needs,
    check: (child, context) => {
      const before = context.previous?.children.get(child.id);
      const last = before?.Episodes.at(-1);
      const first = child.Episodes[0];
      if (!before || !last || !first || last.DECOM === null || last.DEC !== null) return [];
      if (!sameEpisode(first, last)) return [];
      const now = context.placements(child)[0]!;
      const then = context.placements(before).at(-1)!;
      return differ(now, then) ? [{ table: 'Episodes', row: first.row }] : [];
    },
  };
}

const sameStart = (first: EpisodeRow, last: EpisodeRow) => first.DECOM === last.DECOM;
const sameReason = (first: EpisodeRow, last: EpisodeRow) => first.RNE === last.RNE;

/**
 * SSDA903 rules of 2025–26 on where a placement is: the council of the placement (PL_LA), whether
 * it is in the council's own area (PL_LOCATION) and its distance from home (PL_DISTANCE), as the
 * DfE works them out from HOME_POST and PL_POST, this year and against last year's return.
 */
export const placementGeographyRules: readonly Ssda903Rule[] = [
  rowRule(
    '392b',
    'The child is looked after (not a short break, not UASC) but the home and placement postcodes are not both recorded.',
    'Episodes',
    ['HOME_POST', 'PL_POST'],
    (episode, child, context) =>
      !shortBreak(episode) &&
      !uasc(child, context) &&
      (episode.HOME_POST === null || episode.PL_POST === null),
  ),
  geographyRule(
    '164',
    'The distance from home to the placement is not a distance from 0.0 to 999.9 miles.',
    ['PL_DISTANCE'],
    (episode, where, child, context) =>
      where.distance !== null &&
      !shortBreak(episode) &&
      !uasc(child, context) &&
      !(where.distance >= 0 && where.distance <= 999.9),
  ),
  geographyRule(
    '392a',
    'The child is looked after (not a short break, not UASC) but no distance from home can be worked out: check both postcodes.',
    ['PL_DISTANCE', 'HOME_POST', 'PL_POST'],
    (episode, where, child, context) =>
      where.distance === null && !shortBreak(episode) && !uasc(child, context),
  ),
  geographyRule(
    '406',
    'The child is or was UASC, so the distance from home should be blank: leave the home postcode out.',
    ['PL_DISTANCE', 'HOME_POST'],
    (_episode, where, child, context) => where.distance !== null && uasc(child, context),
  ),
  geographyRule(
    '454',
    'The placement is more than 350 miles from home: check the postcodes.',
    ['PL_DISTANCE', 'HOME_POST', 'PL_POST'],
    (_episode, where) => where.distance !== null && where.distance > 350 && where.distance !== 999.9,
  ),
  geographyRule(
    '169',
    'The council of the placement is missing or not a valid code: check the placement postcode.',
    ['PL_LA', 'PL_POST'],
    (episode, where) => !shortBreak(episode) && (where.la === null || !isPlacementLa(where.la)),
  ),
  geographyRule(
    '420',
    'The council of the placement is recorded, but the child is on a short break (V3, V4).',
    ['PL_LA', 'PL_POST'],
    (episode, where) => shortBreak(episode) && where.la !== null,
  ),
  geographyRule(
    '179',
    'The placement location (in or out of the council’s area) is missing or not a valid code: check the placement postcode.',
    ['PL_LOCATION', 'PL_POST'],
    (episode, where) => !shortBreak(episode) && where.location !== 'IN' && where.location !== 'OUT',
    ['postcodes', 'la'],
  ),
  geographyRule(
    '411',
    'The placement location is in the council’s area (IN), but the council of the placement is another.',
    ['PL_LOCATION', 'PL_LA'],
    (_episode, where, _child, context) => where.location === 'IN' && where.la !== context.council!.gss,
    ['postcodes', 'la'],
  ),
  geographyRule(
    '1015',
    'The placement is the council’s own provision (PR1) but outside its area, and it is not fostering or adoption.',
    ['PL_LA', 'PLACE_PROVIDER', 'PLACE', 'PL_POST'],
    (episode, where, _child, context) =>
      episode.PLACE_PROVIDER === 'PR1' &&
      episode.PLACE !== null &&
      !mayBeOutside.has(episode.PLACE) &&
      episode.LS !== null &&
      !shortBreak(episode) &&
      where.la !== null &&
      where.la !== context.council!.gss,
    ['postcodes', 'la'],
  ),
  carriedOverRule(
    '452',
    'The council of the placement differs from that of the episode open at the end of last year.',
    'PL_LA',
    sameReason,
    (now, then) => now.la !== then.la,
  ),
  carriedOverRule(
    '453',
    'The distance from home differs by 0.2 miles or more from that of the episode open at the end of last year.',
    'PL_DISTANCE',
    sameReason,
    (now, then) => distancesDiffer(now.distance, then.distance),
  ),
  carriedOverRule(
    '503G',
    "The first episode's distance from home differs from last year's open episode.",
    'PL_DISTANCE',
    sameStart,
    (now, then) => distancesDiffer(now.distance, then.distance),
  ),
  carriedOverRule(
    '503H',
    "The first episode's council of the placement differs from last year's open episode.",
    'PL_LA',
    sameStart,
    (now, then) => now.la !== then.la,
  ),
  carriedOverRule(
    '503J',
    "The first episode's placement location (in or out of the council's area) differs from last year's open episode.",
    'PL_LOCATION',
    sameStart,
    (now, then) => now.location !== then.location,
    ['previous', 'postcodes', 'la'],
  ),
];
