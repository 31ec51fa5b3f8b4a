import type { Actor } from './actor.ts';
import { roleCan, type RolePermission } from './permissions.ts';

interface Section {
  href: string;
  text: string;
  permission: RolePermission | 'signed-in';
  /** Other addresses whose pages belong to this section. */
  also?: readonly string[];
  /** Only these addresses, not the pages under them (another section lives under it). */
  exact?: boolean;
}

/**
 * The menu in groups, so that a service manager's nine sections sit on one row at 1280 px (issue 17). A group
 * shows as one entry that leads to its first section the person may use, and its sections as a sub-navigation
 * under the header; a group with only one section for a person shows as that section, so nobody clicks through a
 * group of one. The administrator's sections stand alone: nobody else has them, and they fit on one row.
 */
const groups: ReadonlyArray<{ text: string | null; sections: readonly Section[] }> = [
  { text: null, sections: [{ href: '/home', text: 'Home', permission: 'signed-in' }] },
  {
    text: 'Children',
    sections: [
      { href: '/children', text: 'Children', permission: 'child:read', also: ['/front-door'] },
      { href: '/search', text: 'Find a child', permission: 'child:read' },
    ],
  },
  {
    text: 'Work',
    sections: [
      { href: '/caseload', text: 'My caseload', permission: 'child:write' },
      { href: '/team-caseloads', text: 'Team caseloads', permission: 'child:allocate', also: ['/workers'] },
      { href: '/duplicate-reviews', text: 'Possible duplicates', permission: 'duplicates:review' },
      { href: '/workforce', text: 'Workforce', permission: 'workforce:read' },
    ],
  },
  {
    text: 'Figures',
    sections: [
      { href: '/timescales', text: 'Timescales', permission: 'figures:read' },
      { href: '/performance', text: 'Performance', permission: 'figures:read' },
    ],
  },
  {
    text: 'Service',
    sections: [
      {
        href: '/returns',
        text: 'Statutory returns',
        permission: 'returns:validate',
        also: ['/returns/download'],
        exact: true,
      },
      { href: '/returns/validate', text: 'Check a return', permission: 'returns:validate' },
      { href: '/access-review', text: 'Access to review', permission: 'access:review' },
      { href: '/audit', text: 'Audit trail', permission: 'audit:search' },
      { href: '/governance/retention', text: 'Retention', permission: 'records:retention' },
      { href: '/subject-access', text: 'Subject access', permission: 'records:subject-access' },
    ],
  },
  {
    text: null,
    sections: [
      { href: '/admin/users', text: 'Users', permission: 'staff:manage' },
      { href: '/admin/restricted-children', text: 'Restricted children', permission: 'child:restrict' },
      { href: '/local-standards', text: 'Local standards', permission: 'staff:manage' },
    ],
  },
];

export interface MenuEntry {
  href: string;
  text: string;
  active: boolean;
  /** The page is the section's own page, not one under it. */
  current?: boolean;
}

/** Whether a page's address lies in a section: the section itself or a page under it. */
function isIn(url: string, section: Section): boolean {
  const path = url.split('?')[0]!;
  return [section.href, ...(section.also ?? [])].some(
    (href) => path === href || (!section.exact && path.startsWith(`${href}/`)),
  );
}

/** The sections of each group that a person may use, the empty groups left out. */
function groupsFor(actor: Actor) {
  return groups
    .map((group) => ({
      text: group.text,
      sections: group.sections.filter((section) => roleCan(actor.role, section.permission)),
    }))
    .filter((group) => group.sections.length > 0);
}

/** The service navigation for a person: only the sections their role can use, in groups, the current one marked. */
export function navigationFor(actor: Actor | null, url: string): MenuEntry[] {
  if (!actor) return [];
  return groupsFor(actor).flatMap((group) =>
    group.text === null || group.sections.length === 1
      ? group.sections.map((section) => ({
          href: section.href,
          text: section.text,
          active: isIn(url, section),
        }))
      : [
          {
            href: group.sections[0]!.href,
            text: group.text,
            active: group.sections.some((section) => isIn(url, section)),
          },
        ],
  );
}

/** Every section a person may use, ungrouped, for the home page's list of where to go. */
export function sectionsFor(actor: Actor | null): { href: string; text: string }[] {
  if (!actor) return [];
  return groupsFor(actor).flatMap((group) =>
    group.sections.map((section) => ({ href: section.href, text: section.text })),
  );
}

/**
 * The sub-navigation of the group the page is in, when that group holds more than one section for the person:
 * its name (to label the navigation landmark) and its sections, the current one marked.
 */
export function subNavigationFor(
  actor: Actor | null,
  url: string,
): { label: string; sections: MenuEntry[] } | null {
  if (!actor) return null;
  const group = groupsFor(actor).find(
    (candidate) =>
      candidate.text !== null &&
      candidate.sections.length > 1 &&
      candidate.sections.some((section) => isIn(url, section)),
  );
  if (!group) return null;
  return {
    label: group.text!,
    sections: group.sections.map((section) => ({
      href: section.href,
      text: section.text,
      active: isIn(url, section),
      current: url.split('?')[0] === section.href,
    })),
  };
}
