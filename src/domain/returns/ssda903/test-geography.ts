/**
 * A small postcode directory and provider lists for the tests of the rules on where a placement is
 * and on Ofsted URNs. The real postcodes are rows of the ONS Postcode Directory (November 2025); the
 * ZZ postcodes are made up, at distances chosen for the rules' boundaries.
 */
import { readPostcodeDirectory } from '../postcodes.ts';
import type { PostcodeLookup } from './context.ts';
import { readProviderList, type ProviderLookup } from './providers.ts';

const directory = [
  'pcd,laua,oseast1m,osnrth1m',
  // Kent (E10000016, DfE 886): Dartford, Tunbridge Wells and Canterbury.
  'DA1 1AA,E07000107,553654.0,174061.0',
  'TN1 1AA,E07000116,558300.0,139100.0',
  'CT1 1AA,E07000106,615886.0,158470.0',
  // Medway, a unitary council next to Kent; Lambeth; Cardiff; Edinburgh; Belfast; Guernsey.
  'ME4 4TR,E06000035,575711.0,168586.0',
  'SE1 7PA,E09000022,530754.0,179752.0',
  'CF1 1AA,W06000015,317600.0,175200.0',
  'EH1 1YZ,S12000036,325597.0,673676.0',
  'BT1 1AA,N09000003,334316.0,374675.0',
  'GY1 1AA,L99999999,,',
  // Made up, in Cornwall: a home, and placements 350.0 and 350.1 miles north of it, and 10.0, 10.1
  // and 10.2 miles north.
  'ZZ1 1AA,E06000052,400000,100000',
  'ZZ1 1AB,E06000052,400000,663270',
  'ZZ1 1AC,E06000052,400000,663431',
  'ZZ2 1AA,E06000052,400000,116093',
  'ZZ2 1AB,E06000052,400000,116254',
  'ZZ2 1AC,E06000052,400000,116415',
].join('\n');

const read = readPostcodeDirectory(directory);
if ('problem' in read) throw new Error(read.problem);

/** The test postcode directory. */
export const testPostcodes: PostcodeLookup = read.lookup;

/** Kent's GSS code, the council making the test returns. */
export const kent = 'E10000016';

/** The providers of a provider list written as CSV lines (the first naming the columns). */
export function providerList(...lines: string[]): ProviderLookup {
  const list = readProviderList(lines.join('\n'), 2025);
  if ('problem' in list) throw new Error(list.problem);
  return list.providers;
}
