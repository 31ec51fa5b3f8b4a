/**
 * Roles and what each may do (DESIGN.md, Permissions). Which children a person may see is decided separately,
 * by the gatekeeper in `access.ts`; these permissions say which kinds of action a role may take at all.
 */

export const roles = [
  'social-worker',
  'personal-adviser',
  'team-manager',
  'independent-reviewing-officer',
  'service-manager',
  'director',
  'performance-analyst',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

/** The roles a child can be allocated to: the first four. */
export const caseHoldingRoles: readonly Role[] = roles.slice(0, 4);

export const roleNames: Record<Role, string> = {
  'social-worker': 'Social worker',
  'personal-adviser': 'Personal adviser',
  'team-manager': 'Team manager',
  'independent-reviewing-officer': 'Independent reviewing officer',
  'service-manager': 'Service manager',
  director: 'Director',
  'performance-analyst': 'Performance analyst',
  auditor: 'Auditor',
  administrator: 'Administrator',
};

export const permissions = [
  /** Open and list the children the gatekeeper allows. */
  'child:read',
  /** Record and change things on a child's record (the gatekeeper decides which children). */
  'child:write',
  /** Allocate and reallocate children to workers. */
  'child:allocate',
  /** Take a contact about a child not yet known: check for a duplicate, then create the child (issue 17). */
  'front-door:record',
  /** Decide whether a new child at the front door is a child already known whom the worker cannot see (issue 17). */
  'duplicates:review',
  /** Authorise casework that needs a manager's approval, such as an assessment. */
  'casework:authorise',
  /** Open a child outside one's access, giving a reason. */
  'child:break-glass',
  /** See who has opened a child's record. */
  'audit:child-access',
  /** Search the whole audit trail. */
  'audit:search',
  /** Review break-glass access by others. */
  'access:review',
  /** See aggregate figures without names. */
  'figures:read',
  /** Manage sign-ins, workers and teams. */
  'staff:manage',
  /** See the workforce: teams, posts, workers and their caseloads (managers: their own teams). */
  'workforce:read',
  /**
   * Record a worker's training, induction steps, appraisal and leaving (issue 21, part 1): team managers for the
   * workers of their teams, service managers and administrators (who keep the HR record) for the whole council.
   */
  'workforce:record',
  /** Restrict a child and manage who may see them (the list, not the record). */
  'child:restrict',
  /** Check a statutory return's files against the DfE rules (child-level data, so not for administrators). */
  'returns:validate',
  /** Import past statutory returns into the record (issue 19): a council moving to Hearth loads its history. */
  'returns:import',
  /** See which children's records are due for review under the retention schedule (information governance). */
  'records:retention',
  /**
   * Answer a subject access request: read any child's whole record (restricted children only from their list),
   * choose the third parties' information to withhold, and download it (information governance, issue 22 part 8).
   */
  'records:subject-access',
] as const;
export type RolePermission = (typeof permissions)[number];

const caseHolder: RolePermission[] = ['child:read', 'child:write', 'child:break-glass'];
/** Those who work the front door: social workers and their managers, not personal advisers or IROs. */
const frontDoor: RolePermission[] = ['front-door:record'];
const manager: RolePermission[] = [
  ...caseHolder,
  ...frontDoor,
  'child:allocate',
  'casework:authorise',
  'audit:child-access',
  'access:review',
  'figures:read',
  'workforce:read',
  'workforce:record',
];

export const rolePermissions: Record<Role, readonly RolePermission[]> = {
  'social-worker': [...caseHolder, ...frontDoor],
  'personal-adviser': caseHolder,
  'independent-reviewing-officer': caseHolder,
  'team-manager': manager,
  // Service managers already see every child, so they have no glass to break.
  'service-manager': [
    ...manager.filter((permission) => permission !== 'child:break-glass'),
    'audit:search',
    'returns:validate',
    'duplicates:review',
  ],
  director: [
    'child:read',
    'workforce:read',
    'audit:child-access',
    'audit:search',
    'access:review',
    'figures:read',
    'returns:validate',
  ],
  'performance-analyst': ['figures:read', 'returns:validate', 'returns:import'],
  auditor: [
    'child:read',
    'audit:child-access',
    'audit:search',
    'records:retention',
    'records:subject-access',
  ],
  administrator: ['staff:manage', 'child:restrict', 'workforce:read', 'workforce:record', 'returns:import'],
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Whether a role carries a permission. `signed-in` is carried by every role. */
export function roleCan(role: Role, permission: RolePermission | 'signed-in'): boolean {
  return permission === 'signed-in' || (rolePermissions[role] as readonly string[]).includes(permission);
}
