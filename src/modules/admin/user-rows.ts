import { escapeHtml } from '../../platform/views.ts';
import { isRole, roleNames, roles } from '../../platform/permissions.ts';
import type { UserListing } from '../staff/service.ts';

/** A role in words ("Team manager"), or the stored text if it is not one Hearth knows. */
export function roleInWords(role: string): string {
  return isRole(role) ? roleNames[role] : role;
}

/** The choices of role for a form, the current one selected. */
export function roleChoices(selected: string) {
  return [
    { value: '', text: 'Choose a role' },
    ...roles.map((role) => ({ value: role, text: roleNames[role], selected: role === selected })),
  ];
}

/** The choices of team for a form, "No team" first, the current one selected. */
export function teamChoices(teams: ReadonlyArray<{ id: string; name: string }>, selected: string) {
  return [
    { value: '', text: 'No team', selected: selected === '' },
    ...teams.map((team) => ({ value: team.id, text: team.name, selected: team.id === selected })),
  ];
}

/** What a sign-in's state is, in words: disabled outranks locked. */
export function signInState(user: Pick<UserListing, 'disabled' | 'locked'>): string {
  if (user.disabled) return 'Disabled';
  return user.locked ? 'Locked (too many wrong passwords)' : 'Active';
}

/** The users table: each person's name links to their change page. */
export function userRows(users: readonly UserListing[]) {
  return users.map((user) => [
    {
      // Two people may share a name: the link's hidden words tell them apart for a screen reader.
      html: `<a class="govuk-link" href="/admin/users/${user.userId}">${escapeHtml(user.name)}<span class="govuk-visually-hidden"> (${escapeHtml(user.email)})</span></a>`,
    },
    { text: user.email, classes: 'hearth-break-anywhere' },
    { text: roleInWords(user.role) },
    { text: user.teams.join(', ') || 'No team' },
    { text: signInState(user) },
  ]);
}
