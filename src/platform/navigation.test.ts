import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { navigationFor, sectionsFor, subNavigationFor } from './navigation.ts';
import type { Role } from './permissions.ts';

const someone = (role: Role) => ({ role }) as Actor;
const menu = (role: Role, url = '/home') => navigationFor(someone(role), url).map((entry) => entry.text);

describe('the menu in groups (issue 17: a service manager’s nine sections wrapped at 1280 px)', () => {
  it.each<[Role, string[]]>([
    ['social-worker', ['Home', 'Children', 'My caseload']],
    ['personal-adviser', ['Home', 'Children', 'My caseload']],
    ['team-manager', ['Home', 'Children', 'Work', 'Figures', 'Access to review']],
    ['service-manager', ['Home', 'Children', 'Work', 'Figures', 'Service']],
    ['director', ['Home', 'Children', 'Workforce', 'Figures', 'Service']],
    ['performance-analyst', ['Home', 'Figures', 'Service']],
    ['auditor', ['Home', 'Children', 'Service']],
    ['administrator', ['Home', 'Workforce', 'Users', 'Restricted children', 'Local standards']],
  ])('a %s sees %j', (role, entries) => {
    expect(menu(role)).toEqual(entries);
  });

  it('leads a group to its first section and marks it on the pages of any of its sections', () => {
    const work = (url: string) =>
      navigationFor(someone('service-manager'), url).find((e) => e.text === 'Work');
    expect(work('/home')).toEqual({ href: '/caseload', text: 'Work', active: false });
    expect(work('/team-caseloads?team=x')?.active).toBe(true);
    expect(work('/workers/w1/absences')?.active).toBe(true);
    expect(work('/timescales/children')?.active).toBe(false);
    const figures = navigationFor(someone('director'), '/timescales/children').find(
      (e) => e.text === 'Figures',
    );
    expect(figures).toEqual({ href: '/timescales', text: 'Figures', active: true });
    expect(work('/caseloads-elsewhere')?.active).toBe(false);
  });

  it('shows the sub-navigation of the page’s group, the page itself current', () => {
    expect(subNavigationFor(someone('service-manager'), '/audit?page=2')).toEqual({
      label: 'Service',
      sections: [
        { href: '/returns', text: 'Statutory returns', active: false, current: false },
        { href: '/returns/validate', text: 'Check a return', active: false, current: false },
        { href: '/access-review', text: 'Access to review', active: false, current: false },
        { href: '/audit', text: 'Audit trail', active: true, current: true },
      ],
    });
    const onAChild = subNavigationFor(someone('social-worker'), '/children/c1/notes');
    expect(onAChild?.sections.map((section) => [section.text, section.active, section.current])).toEqual([
      ['Children', true, false],
      ['Find a child', false, false],
    ]);
  });

  it('marks only the section of the page when one section lives under another (statutory returns)', () => {
    const marked = (url: string) =>
      subNavigationFor(someone('performance-analyst'), url)
        ?.sections.filter((section) => section.active)
        .map((section) => section.text);
    expect(marked('/returns?return=cin&year=2025')).toEqual(['Statutory returns']);
    expect(marked('/returns/download')).toEqual(['Statutory returns']);
    expect(marked('/returns/validate')).toEqual(['Check a return']);
  });

  it('lists every section, ungrouped, for the home page', () => {
    expect(sectionsFor(someone('team-manager')).map((section) => section.text)).toEqual([
      'Home',
      'Children',
      'Find a child',
      'My caseload',
      'Team caseloads',
      'Workforce',
      'Timescales',
      'Performance',
      'Access to review',
    ]);
    expect(sectionsFor(null)).toEqual([]);
  });

  it('shows no sub-navigation for a group of one, outside a group, or to a visitor', () => {
    expect(subNavigationFor(someone('team-manager'), '/access-review')).toBeNull();
    expect(subNavigationFor(someone('service-manager'), '/home')).toBeNull();
    expect(subNavigationFor(someone('administrator'), '/admin/users')).toBeNull();
    expect(subNavigationFor(null, '/children')).toBeNull();
    expect(navigationFor(null, '/children')).toEqual([]);
  });
});
