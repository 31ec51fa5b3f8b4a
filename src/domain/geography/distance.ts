/** A point on the Ordnance Survey National Grid, in metres. */
export interface GridReference {
  easting: number;
  northing: number;
}

/** Metres in a statute mile. */
const METRES_PER_MILE = 1609.344;

/**
 * The straight-line distance between two grid references in miles, to one decimal place, as the SSDA903 guide
 * asks for a placement's distance from home (PL_DISTANCE).
 */
export function milesBetween(from: GridReference, to: GridReference): number {
  const metres = Math.hypot(to.easting - from.easting, to.northing - from.northing);
  return Math.round((metres / METRES_PER_MILE) * 10) / 10;
}

/** A postcode in the form the directory is keyed by: capitals, no spaces. */
export function postcodeKey(postcode: string): string {
  return postcode.replaceAll(/\s+/g, '').toUpperCase();
}
