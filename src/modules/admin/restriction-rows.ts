import { londonDate } from '../../platform/actor.ts';
import { ukDate } from '../../platform/views.ts';

const changeWords: Record<string, string> = {
  'child.restricted': 'Restricted the child',
  'child.restriction-lifted': 'Lifted the restriction',
  'child.access-list.added': 'Added a person to the list',
  'child.access-list.removed': 'Took a person off the list',
};

interface Change {
  at: Date;
  action: string;
  details: Record<string, unknown>;
  given_name: string | null;
  family_name: string | null;
}

/** The history of a restriction as table rows: when, who, what (naming the person added or removed), and why. */
export function changeRows(changes: readonly Change[]) {
  return changes.map((change) => {
    const who = typeof change.details.name === 'string' ? change.details.name : undefined;
    const what = changeWords[change.action] ?? change.action;
    return [
      { text: ukDate(londonDate(change.at)) },
      { text: change.given_name ? `${change.given_name} ${change.family_name}` : 'System' },
      { text: who ? `${what}: ${who}` : what },
      { text: typeof change.details.reason === 'string' ? change.details.reason : '' },
    ];
  });
}
