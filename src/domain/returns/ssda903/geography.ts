import { councilOf, councilOfDistrict, type Council } from '../../geography/councils.ts';
import { milesBetween } from '../../geography/distance.ts';
import type { PostcodeLookup, PostcodePlace } from './context.ts';
import type { ProviderLookup } from './providers.ts';
import type { EpisodeRow, Ssda903Return } from './tables.ts';

/**
 * Where an episode's placement is, in the three fields the DfE adds to each episode from its
 * postcodes (children looked after return 2025 to 2026, guide: "placement location", "local
 * authority of placement", "distance between home and placement"). Worked out once per episode.
 */
export interface PlacementGeography {
  /**
   * PL_LA: the GSS code of the council with children's services where the placement is, or WAL,
   * SCO, NIR (Wales, Scotland, Northern Ireland) or NUK (outside the United Kingdom); null when not
   * known. A value the council supplied is kept (as the council's GSS code when it names one).
   */
  readonly la: string | null;
  /** PL_LOCATION: IN (within the council's own area) or OUT; a supplied value is kept as written. */
  readonly location: string | null;
  /** PL_DISTANCE: miles from HOME_POST to PL_POST, to one decimal place; NaN when a supplied value is not a number. */
  readonly distance: number | null;
}

/** The PL_LA codes of placements outside England. */
export const placementCountries: ReadonlySet<string> = new Set(['WAL', 'SCO', 'NIR', 'NUK']);

/** True when a PL_LA value is one the DfE accepts: the GSS code of a council, WAL, SCO, NIR or NUK. */
export function isPlacementLa(code: string): boolean {
  return placementCountries.has(code) || councilOf(code)?.gss === code;
}

/**
 * PL_LA of a place in the ONS Postcode Directory: the council for an English district, or the
 * country (WAL, SCO, NIR, NUK) for a place outside England; null for a district it does not know.
 */
export function placementLa(place: PostcodePlace): string | null {
  switch (place.la[0]) {
    case 'E':
      return councilOfDistrict(place.la)?.gss ?? null;
    case 'W':
      return 'WAL';
    case 'S':
      return 'SCO';
    case 'N':
      return 'NIR';
    // The Channel Islands (L99999999) and the Isle of Man (M99999999) are outside the United Kingdom.
    case 'L':
    case 'M':
      return 'NUK';
    default:
      return null;
  }
}

function hasGrid(place: PostcodePlace | undefined): place is PostcodePlace {
  return place !== undefined && Number.isFinite(place.easting) && Number.isFinite(place.northing);
}

/** A supplied PL_DISTANCE: a decimal number of miles, or NaN. */
function suppliedDistance(text: string): number {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * PL_LA, PL_LOCATION and PL_DISTANCE of one episode: as the council supplied them where it did,
 * otherwise worked out as the DfE does, from the ONS Postcode Directory and the council's own code
 * (without which PL_LOCATION is not known).
 */
export function placementGeography(
  episode: EpisodeRow,
  postcodes: PostcodeLookup,
  council: Council | null,
): PlacementGeography {
  const placement = episode.PL_POST === null ? undefined : postcodes(episode.PL_POST);
  const supplied = episode.PL_LA ?? null;
  const la =
    supplied !== null
      ? (councilOf(supplied)?.gss ?? supplied.toUpperCase())
      : placement === undefined
        ? null
        : placementLa(placement);
  const location =
    episode.PL_LOCATION?.toUpperCase() ??
    (la === null || council === null ? null : la === council.gss ? 'IN' : 'OUT');
  let distance: number | null = null;
  if (episode.PL_DISTANCE) distance = suppliedDistance(episode.PL_DISTANCE);
  else if (hasGrid(placement) && episode.HOME_POST !== null) {
    const home = postcodes(episode.HOME_POST);
    if (hasGrid(home)) distance = milesBetween(home, placement);
  }
  return { la, location, distance };
}

/**
 * Every postcode the rules may look up in the directory: the home and placement postcodes of this
 * year's and last year's episodes, and the settings of the provider list. Reading only these from
 * the directory's 2.7 million is what makes `--postcodes` cheap.
 */
export function postcodesToLookUp(
  returns: readonly (Ssda903Return | null | undefined)[],
  providers: ProviderLookup | null | undefined,
): Set<string> {
  const postcodes = new Set<string>();
  for (const ssda903 of returns) {
    for (const child of ssda903?.children.values() ?? []) {
      for (const episode of child.Episodes) {
        if (episode.HOME_POST !== null) postcodes.add(episode.HOME_POST);
        if (episode.PL_POST !== null) postcodes.add(episode.PL_POST);
      }
    }
  }
  for (const provider of providers?.values() ?? []) {
    if (provider.postcode !== null) postcodes.add(provider.postcode);
  }
  return postcodes;
}
