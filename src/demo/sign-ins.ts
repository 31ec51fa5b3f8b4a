import type { Role } from '../platform/permissions.ts';

/** The demonstration council's sign-ins: one per role, all with the demo password. */
export function starterEmail(role: Role): string {
  return `${role}@hearthshire.example`;
}

/** The people behind those sign-ins (invented names, kept from the first starter council). */
export const signInPeople: Record<Role, readonly [givenName: string, familyName: string]> = {
  'social-worker': ['Amara', 'Okafor'],
  'personal-adviser': ['Tomasz', 'Nowak'],
  'team-manager': ['Priya', 'Shah'],
  'independent-reviewing-officer': ['Gareth', 'Evans'],
  'service-manager': ['Siobhan', 'Byrne'],
  director: ['Michael', 'Adeyemi'],
  'performance-analyst': ['Hannah', 'Clarke'],
  auditor: ['Yusuf', 'Rahman'],
  administrator: ['Claire', 'Bennett'],
};
