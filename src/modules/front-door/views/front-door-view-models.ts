import type { Enquiry, Likeness, PossibleDuplicate } from '../../../domain/identity/possible-duplicates.ts';
import { ukDate } from '../../../platform/views.ts';
import { namedItems } from '../../referrals/views/journey-view-models.ts';
import { parentRelationships } from '../who.ts';

const likenessWords: Record<Likeness, string> = {
  'same-child': 'Probably this child',
  possibly: 'Possibly this child',
  family: 'Family of this child',
};

interface Shown {
  id: string;
  local_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  expected_date_of_birth: string | null;
  address_line1: string | null;
  postcode: string | null;
}

/**
 * The children the duplicate check found, as the matches page shows them: name, child ID, birth, address and
 * the reasons in words. The same child and possibly the same child come first, to choose between; family after,
 * to be joined up later, not chosen.
 */
export function matchCards(matches: readonly (PossibleDuplicate & { child: Shown })[]) {
  const card = (match: PossibleDuplicate & { child: Shown }) => ({
    childId: match.child.id,
    name: `${match.child.given_name} ${match.child.family_name}`,
    likeness: likenessWords[match.likeness],
    sameIdentifier: match.sameIdentifier,
    rows: [
      { key: { text: 'Child ID' }, value: { text: match.child.local_id } },
      {
        key: { text: match.child.date_of_birth ? 'Date of birth' : 'Expected' },
        value: {
          text: ukDate(match.child.date_of_birth ?? match.child.expected_date_of_birth) || 'Not known',
        },
      },
      {
        key: { text: 'Address' },
        value: {
          text: [match.child.address_line1, match.child.postcode].filter(Boolean).join(', ') || 'Not known',
        },
      },
      { key: { text: 'Why it is shown' }, value: { text: match.reasons.join('; ') } },
    ],
  });
  return {
    sameOrPossibly: matches.filter((match) => match.likeness !== 'family').map(card),
    family: matches.filter((match) => match.likeness === 'family').map(card),
  };
}

/**
 * What the matches page says of the children the worker may not see (service.ts, `hiddenMatches`): the strongest
 * likeness and the facts that agree, never who. Null when there is nothing to say.
 */
export function hiddenMatchView(
  hidden: readonly { likeness: 'same-child' | 'possibly'; reasons: string[] }[],
) {
  if (hidden.length === 0) return null;
  const probably = hidden.some((match) => match.likeness === 'same-child');
  const strongest = hidden.filter((match) => match.likeness === (probably ? 'same-child' : 'possibly'));
  return {
    probably,
    reasons: [...new Set(strongest.flatMap((match) => match.reasons))]
      .map((reason) => reason.charAt(0).toLowerCase() + reason.slice(1))
      .join('; '),
  };
}

/** The radios of how the named parent or carer is related to the child, with the chosen one checked. */
export function parentRelationshipItems(selected: string) {
  return namedItems(parentRelationships, selected || 'mother');
}

/**
 * A possible duplicate for a service manager, as summary-list rows: what the worker typed, and why it agrees with
 * the child already known (duplicate-reviews.ts).
 */
export function reviewFacts(review: { enquiry: unknown; reasons: unknown }) {
  const enquiry = review.enquiry as Partial<Enquiry>;
  const row = (key: string, value: string | null | undefined) => ({
    key: { text: key },
    value: { text: value || 'Not given' },
  });
  return [
    row('Name', [enquiry.givenName, enquiry.familyName].filter(Boolean).join(' ')),
    enquiry.expectedDateOfBirth
      ? row('Expected date of birth', ukDate(enquiry.expectedDateOfBirth))
      : row('Date of birth', ukDate(enquiry.dateOfBirth ?? null)),
    row('Address', [enquiry.addressLine1, enquiry.postcode].filter(Boolean).join(', ')),
    row('NHS number', enquiry.nhsNumber),
    row('UPN', enquiry.upn),
    row('Parent or carer', (enquiry.parentNames ?? []).join(', ')),
    row(
      'What agrees',
      (review.reasons as string[])
        .map((reason, index) => (index === 0 ? reason : reason.charAt(0).toLowerCase() + reason.slice(1)))
        .join('; '),
    ),
  ];
}
