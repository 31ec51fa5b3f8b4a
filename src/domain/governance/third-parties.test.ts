import { describe, expect, it } from 'vitest';
import {
  appearances,
  markThirdParties,
  redactedText,
  REDACTED,
  termsFor,
  type ThirdParty,
} from './third-parties.ts';

const child = { givenName: 'Alex', familyName: 'Taylor' };
const mother: ThirdParty = {
  key: 'mother',
  kind: 'family-or-network',
  label: 'Dana Taylor (mother)',
  terms: termsFor({ givenName: 'Dana', familyName: 'Taylor' }, child),
};
const teacher: ThirdParty = {
  key: 'teacher',
  kind: 'professional',
  label: 'Sam Okafor (Hillside Primary)',
  terms: termsFor({ givenName: 'Sam', familyName: 'Okafor', phone: '0113 496 0000' }, child),
};
const otherChild: ThirdParty = {
  key: 'sibling',
  kind: 'other-child',
  label: 'Jordan Reid',
  terms: termsFor({ givenName: 'Jordan', familyName: 'Reid' }, child),
};
const parties = [mother, teacher, otherChild];

describe('third parties in a child’s record', () => {
  it.each([
    // A parent's family name is the child's own, so it alone is not the parent's.
    [{ givenName: 'Dana', familyName: 'Taylor' }, ['Dana Taylor', 'Dana']],
    [
      { givenName: 'Sam', familyName: 'Okafor', phone: '0113 496 0000' },
      ['Sam Okafor', 'Sam', 'Okafor', '0113 496 0000'],
    ],
    // Names under three letters are too common inside other words' places to redact alone.
    [{ givenName: 'Jo', familyName: 'Li' }, ['Jo Li']],
  ])('%j is found by %j', (person, terms) => {
    expect(termsFor(person, child)).toEqual(terms);
  });

  it.each([
    ['Alex said Dana Taylor was at home.', 'Alex said [redacted: third party] was at home.'],
    ['dana rang; Mrs Taylor was out.', '[redacted: third party] rang; Mrs Taylor was out.'],
    ['Called Sam on 0113 496 0000.', 'Called [redacted: third party] on [redacted: third party].'],
    ['Samantha is not Sam.', 'Samantha is not [redacted: third party].'],
    ['Alex and Jordan Reid played.', 'Alex and [redacted: third party] played.'],
    ['Nobody else was named.', 'Nobody else was named.'],
  ])('"%s" is disclosed as "%s"', (text, disclosed) => {
    const chosen = new Set(parties.map((party) => party.key));
    expect(redactedText(markThirdParties(text, parties), chosen)).toBe(disclosed);
  });

  it('leaves a party the officer unticks as written', () => {
    const text = 'Dana Taylor and Sam Okafor met.';
    expect(redactedText(markThirdParties(text, parties), new Set(['teacher']))).toBe(
      `Dana Taylor and ${REDACTED} met.`,
    );
  });

  it('counts where each party appears', () => {
    const texts = ['Dana visited.', 'Dana and Sam spoke.'].map((text) => markThirdParties(text, parties));
    expect(Object.fromEntries(appearances(texts))).toEqual({ mother: 2, teacher: 1 });
  });
});
