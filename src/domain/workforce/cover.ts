import {
  caseRoles,
  mayHold,
  roleProblem,
  type CaseRole,
  type ChildForAllocation,
  type ProposedWorker,
} from './allocation-rules.ts';

/** A worker who could cover: a member of the absent worker's team, or someone who already knows a child. */
export interface CoverCandidate extends ProposedWorker {
  readonly sameTeam: boolean;
  /** Children allocated to them today, in any role. */
  readonly caseload: number;
  /** Their team's caseload target (DOMAIN.md §4), or null where none is set. */
  readonly target: number | null;
}

/** A child of the absent worker, the role the absent worker holds on the case, and who reviewed the child. */
export interface ChildToCover {
  readonly id: string;
  readonly child: ChildForAllocation;
  readonly absentWorkerId: string;
  readonly coveredRole: CaseRole;
  /** Workers who recorded or chaired a review of the child. */
  readonly reviewedBy: readonly string[];
}

export interface CoverProposal {
  readonly childId: string;
  readonly workerId: string | null;
  /** Why this worker, in words for the manager: "Knows Ruby (earlier allocated worker); 12 of 18 after cover". */
  readonly why: string;
  readonly overTarget: boolean;
}

/**
 * A proposed cover worker for each child of an absent worker (issue 17, part 4; DOMAIN.md §4: leave and
 * sickness need named cover for every child). In order of preference: someone who already knows the child (an
 * earlier allocation, the co-worker, or at a review), then someone in the same team; never a worker over their
 * caseload target while anyone who could cover still has headroom; each proposal passes the allocation rules.
 * When the team cannot absorb the work, `shortfall` says so plainly; the proposals then take the least loaded.
 */
export function proposeCover(
  children: readonly ChildToCover[],
  candidates: readonly CoverCandidate[],
  on: string,
): { proposals: CoverProposal[]; shortfall: string | null } {
  const load = new Map(candidates.map((candidate) => [candidate.id, candidate.caseload]));
  const hasRoom = (candidate: CoverCandidate) =>
    candidate.target === null || load.get(candidate.id)! < candidate.target;
  const byLoad = (a: CoverCandidate, b: CoverCandidate) =>
    load.get(a.id)! - load.get(b.id)! || a.name.localeCompare(b.name);
  const proposals = children.map((toCover): CoverProposal => {
    const able = candidates.filter(
      (candidate) =>
        candidate.id !== toCover.absentWorkerId &&
        mayHold(toCover.coveredRole, candidate.role) &&
        roleProblem('cover', candidate, toCover.child, on) === null,
    );
    const knowing = able.filter((candidate) => knows(toCover, candidate.id) !== null);
    const choice =
      knowing.filter(hasRoom).sort(byLoad)[0] ??
      able.filter((candidate) => candidate.sameTeam && hasRoom(candidate)).sort(byLoad)[0] ??
      able.filter(hasRoom).sort(byLoad)[0];
    const fallback = choice ?? [...knowing].sort(byLoad)[0] ?? [...able].sort(byLoad)[0];
    if (!fallback)
      return {
        childId: toCover.id,
        workerId: null,
        why: `Nobody in the team can cover ${toCover.child.givenName}’s ${caseRoles[toCover.coveredRole].toLowerCase()}`,
        overTarget: false,
      };
    load.set(fallback.id, load.get(fallback.id)! + 1);
    const known = knows(toCover, fallback.id);
    const reason = known ? `Knows ${toCover.child.givenName} (${known})` : 'Same team';
    const after = load.get(fallback.id)!;
    const count =
      fallback.target === null
        ? `${after} ${after === 1 ? 'child' : 'children'} after cover`
        : `${after} of ${fallback.target} after cover`;
    return {
      childId: toCover.id,
      workerId: fallback.id,
      why: `${reason}; ${count}${choice ? '' : ', over target'}`,
      overTarget: !choice,
    };
  });
  return { proposals, shortfall: shortfallOf(proposals) };
}

/** How a worker knows the child, or null: an earlier allocation, the current co-worker, or a review. */
function knows(toCover: ChildToCover, workerId: string): string | null {
  const theirs = toCover.child.allocations.filter((allocation) => allocation.workerId === workerId);
  const coWorker = theirs.find((allocation) => allocation.caseRole === 'co-worker' && allocation.to === null);
  if (coWorker) return 'co-worker';
  const earlier = theirs.find((allocation) => allocation.caseRole !== 'cover' || allocation.to !== null);
  if (earlier) {
    const role = caseRoles[earlier.caseRole as CaseRole]?.toLowerCase() ?? 'worker';
    return `earlier ${role}`;
  }
  return toCover.reviewedBy.includes(workerId) ? 'at a review' : null;
}

function shortfallOf(proposals: readonly CoverProposal[]): string | null {
  const over = proposals.filter((proposal) => proposal.overTarget).length;
  const nobody = proposals.filter((proposal) => proposal.workerId === null).length;
  if (!over && !nobody) return null;
  const parts = [
    over ? `${over} ${over === 1 ? 'child' : 'children'} would take their cover worker over target` : '',
    nobody ? `${nobody} ${nobody === 1 ? 'child has' : 'children have'} nobody who can cover` : '',
  ].filter(Boolean);
  return `The team cannot absorb this work: ${parts.join(', and ')}. Ask a service manager for cover from another team, or choose workers below.`;
}
