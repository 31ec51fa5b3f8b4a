import type { Role } from '../../platform/permissions.ts';
import type { SingleSignOnConfig } from '../../platform/single-sign-on-config.ts';

/** What the council's directory says a person may be in Hearth: one role and the teams they work in. */
export interface DirectoryAccess {
  role: Role;
  teams: string[];
}

/** The groups an ID token names: a list of strings, or one string; anything else names none. */
export function groupsIn(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  return Array.isArray(claim) ? claim.filter((group): group is string => typeof group === 'string') : [];
}

/**
 * A person's role and teams from their groups, by the council's mapping. The first mapped group they are in gives
 * the role, so a council lists its groups from the widest role down; someone in no mapped group has no access at
 * all (undefined), whatever teams their groups name.
 */
export function accessFromGroups(
  groups: readonly string[],
  mapping: Pick<SingleSignOnConfig, 'groupRoles' | 'groupTeams'>,
): DirectoryAccess | undefined {
  const member = new Set(groups);
  const role = mapping.groupRoles.find(([group]) => member.has(group))?.[1];
  if (!role) return undefined;
  const teams = mapping.groupTeams.filter(([group]) => member.has(group)).map(([, team]) => team);
  return { role, teams: [...new Set(teams)] };
}
