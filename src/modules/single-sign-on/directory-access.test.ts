import { describe, expect, it } from 'vitest';
import { accessFromGroups, groupsIn } from './directory-access.ts';

const mapping = {
  groupRoles: [
    ['g-managers', 'team-manager'],
    ['g-social-workers', 'social-worker'],
    ['g-analysts', 'performance-analyst'],
  ] as [string, 'team-manager' | 'social-worker' | 'performance-analyst'][],
  groupTeams: [
    ['g-north', 'North assessment'],
    ['g-south', 'South assessment'],
    ['g-north-again', 'North assessment'],
  ] as [string, string][],
};

describe('access from a directory’s groups', () => {
  it.each([
    { groups: ['g-social-workers'], role: 'social-worker', teams: [] },
    { groups: ['g-social-workers', 'g-managers'], role: 'team-manager', teams: [] },
    { groups: ['g-analysts', 'g-social-workers'], role: 'social-worker', teams: [] },
    {
      groups: ['g-social-workers', 'g-north', 'g-south'],
      role: 'social-worker',
      teams: ['North assessment', 'South assessment'],
    },
    {
      groups: ['g-social-workers', 'g-north', 'g-north-again'],
      role: 'social-worker',
      teams: ['North assessment'],
    },
  ])('gives $groups the role $role and teams $teams', ({ groups, role, teams }) => {
    expect(accessFromGroups(groups, mapping)).toEqual({ role, teams });
  });

  it('gives no access to someone in no mapped role group, even when a team group names them', () => {
    expect(accessFromGroups([], mapping)).toBeUndefined();
    expect(accessFromGroups(['g-north', 'everyone'], mapping)).toBeUndefined();
  });

  it('reads a groups claim that is a list, a single group or missing', () => {
    expect(groupsIn(['a', 'b', 3])).toEqual(['a', 'b']);
    expect(groupsIn('a')).toEqual(['a']);
    expect(groupsIn(undefined)).toEqual([]);
    expect(groupsIn({ a: 1 })).toEqual([]);
  });
});
