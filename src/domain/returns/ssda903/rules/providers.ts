import { postcodeKey } from '../../../geography/distance.ts';
import type { RuleNeed } from '../../engine.ts';
import type { Ssda903Context, Ssda903Rule } from '../context.ts';
import type { OfstedProvider } from '../providers.ts';
import type { EpisodeRow } from '../tables.ts';
import { rowRule } from './support.ts';

/** The URN given for a placement whose provider has none. */
const noUrnKnown = 'XXXXXXX';
/** Placements whose postcode is the provider's own setting (rule 221). */
const atTheSetting = new Set(['K1', 'K2', 'K3', 'R3', 'S1']);

/** The Ofsted URN of an episode, in capitals, unless blank or XXXXXXX. */
function urnOf(episode: EpisodeRow): string | null {
  const urn = episode.URN?.toUpperCase() ?? null;
  return urn === null || urn === noUrnKnown ? null : urn;
}

/** The provider an episode's URN names, when Ofsted's list holds it. */
function providerOf(episode: EpisodeRow, context: Ssda903Context): OfstedProvider | undefined {
  const urn = urnOf(episode);
  return urn === null ? undefined : context.providers!.get(urn);
}

/**
 * A rule on each episode whose URN is on Ofsted's list. A URN the list does not hold is rule 1008's
 * business, so these rules leave it alone.
 */
function providerRule(
  code: string,
  message: string,
  fields: readonly string[],
  broken: (episode: EpisodeRow, provider: OfstedProvider, context: Ssda903Context) => boolean,
  needs: readonly RuleNeed[] = ['providers'],
): Ssda903Rule {
  return rowRule(
    code,
    message,
    'Episodes',
    fields,
    (episode, _child, context) => {
      const provider = providerOf(episode, context);
      return provider !== undefined && broken(episode, provider, context);
    },
    { needs },
  );
}

/**
 * SSDA903 rules of 2025–26 that check an episode's Ofsted unique reference number (URN) against
 * Ofsted's list of children's social care providers (given with --providers).
 */
export const providerRules: readonly Ssda903Rule[] = [
  rowRule(
    '1008',
    'The Ofsted URN is not on Ofsted’s list of providers.',
    'Episodes',
    ['URN'],
    (episode, _child, context) => {
      const urn = urnOf(episode);
      return urn !== null && !context.providers!.has(urn);
    },
    { needs: ['providers'] },
  ),
  providerRule(
    '219',
    'The Ofsted URN is of a provider that does not offer this placement type.',
    ['URN', 'PLACE'],
    (episode, provider) =>
      episode.PLACE !== null && provider.placements.size > 0 && !provider.placements.has(episode.PLACE),
  ),
  providerRule(
    '221',
    'The placement postcode is not the postcode of the setting the Ofsted URN names.',
    ['PL_POST', 'URN'],
    (episode, provider) =>
      episode.LS !== 'V3' &&
      episode.LS !== 'V4' &&
      atTheSetting.has(episode.PLACE ?? '') &&
      episode.PL_POST !== null &&
      provider.postcode !== null &&
      postcodeKey(episode.PL_POST) !== provider.postcode,
  ),
  providerRule(
    '224',
    'The placement provider code does not fit the provider the Ofsted URN names.',
    ['PLACE_PROVIDER', 'URN'],
    (episode, provider) =>
      episode.PLACE_PROVIDER !== null &&
      provider.providerCodes.size > 0 &&
      !provider.providerCodes.has(episode.PLACE_PROVIDER),
  ),
  providerRule(
    '227',
    'The episode starts on or after the day the provider the Ofsted URN names closed.',
    ['URN', 'DECOM'],
    (episode, provider) =>
      provider.closed !== null && episode.DECOM !== null && episode.DECOM >= provider.closed,
  ),
  providerRule(
    '228',
    'The episode ends after the day the provider the Ofsted URN names closed (or is open at 31 March).',
    ['URN', 'DEC'],
    (episode, provider, context) =>
      provider.closed !== null &&
      episode.unreadable.DEC === undefined &&
      (episode.DEC ?? context.collectionEnd) > provider.closed,
  ),
  providerRule(
    '229',
    'The placement provider code does not fit where the provider is: own provision (PR1) must be the council’s, another council’s provision (PR2) another’s.',
    ['PLACE_PROVIDER', 'URN'],
    (episode, provider, context) => {
      const council = context.providerCouncil(provider);
      if (council === null) return false;
      return (
        (episode.PLACE_PROVIDER === 'PR1' && council !== context.council!.gss) ||
        (episode.PLACE_PROVIDER === 'PR2' && council === context.council!.gss)
      );
    },
    ['providers', 'postcodes', 'la'],
  ),
];
