import type { Actor } from './actor.ts';
import { roleCan } from './permissions.ts';

const sections = [
  { href: '/home', text: 'Home', permission: 'signed-in' },
  { href: '/children', text: 'Children', permission: 'child:read' },
  { href: '/search', text: 'Find a child', permission: 'child:read' },
  { href: '/caseload', text: 'My caseload', permission: 'child:write' },
  { href: '/team-caseloads', text: 'Team caseloads', permission: 'child:allocate' },
  { href: '/timescales', text: 'Timescales', permission: 'figures:read' },
  { href: '/performance', text: 'Performance', permission: 'figures:read' },
  { href: '/returns/validate', text: 'Check a return', permission: 'returns:validate' },
  { href: '/access-review', text: 'Access to review', permission: 'access:review' },
  { href: '/audit', text: 'Audit trail', permission: 'audit:search' },
  { href: '/governance/retention', text: 'Retention', permission: 'records:retention' },
  { href: '/admin/users', text: 'Users', permission: 'staff:manage' },
  { href: '/admin/restricted-children', text: 'Restricted children', permission: 'child:restrict' },
  { href: '/local-standards', text: 'Local standards', permission: 'staff:manage' },
] as const;

/** The service navigation for a person: only the sections their role can use, the current one marked. */
export function navigationFor(actor: Actor | null, url: string) {
  if (!actor) return [];
  return sections
    .filter((section) => roleCan(actor.role, section.permission))
    .map((section) => ({ href: section.href, text: section.text, active: url.startsWith(section.href) }));
}
