import type { ObligationKind } from '../timescales/obligation.ts';
import type { CaseRole } from './allocation-rules.ts';

/**
 * The statutory work each case role owes on a child, where it is not all of it. The allocated worker (and a
 * co-worker or cover standing beside or in for them) owes everything the record makes due. The independent
 * reviewing officer owes the looked-after child's reviews: the IRO chairs them and must stay independent of the
 * case's management and casework (Children Act 1989, s. 25B; Care Planning Regulations 2010, regs 33 and 46; IRO
 * Handbook 2010). Child protection review conferences are chaired by a child protection chair, whom Hearth does
 * not allocate. The personal adviser owes the pathway plan's reviews and keeping in touch (Children Act 1989,
 * s. 23D and sch. 2 para 19C; Care Leavers (England) Regulations 2010, regs 7 and 8): visits, health and education
 * while the young person is still looked after stay with the allocated social worker.
 */
export const WORK_OF_CASE_ROLE: Partial<Record<CaseRole, readonly ObligationKind[]>> = {
  'independent-reviewing-officer': ['looked-after-review'],
  'personal-adviser': ['pathway-plan-review', 'care-leaver-contact'],
};

/** Whether a worker holding a child's case in `caseRole` owes an obligation of `kind` on that child. */
export function caseRoleOwes(caseRole: string, kind: string): boolean {
  const owed = WORK_OF_CASE_ROLE[caseRole as CaseRole];
  return owed === undefined || (owed as readonly string[]).includes(kind);
}
