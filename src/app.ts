import type { Database } from './db/database.ts';
import type { Config } from './platform/config.ts';
import { buildServer, type Clock, type Feature, type HearthServer } from './platform/server.ts';
import { adminRoutes } from './modules/admin/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { careRoutes } from './modules/care/routes.ts';
import { caseloadRoutes } from './modules/caseloads/routes.ts';
import { caseNoteRoutes } from './modules/casenotes/routes.ts';
import { visitRoutes } from './modules/visits/routes.ts';
import { childRecordFormRoutes } from './modules/child-record/forms.ts';
import { childRecordRoutes } from './modules/child-record/routes.ts';
import { childrenRoutes } from './modules/children/routes.ts';
import { chronologyRoutes } from './modules/chronology/routes.ts';
import { frontDoorApiRoutes } from './modules/front-door/api.ts';
import { frontDoorRoutes } from './modules/front-door/routes.ts';
import { duplicateReviewRoutes } from './modules/front-door/review-routes.ts';
import { governanceRoutes } from './modules/governance/routes.ts';
import { subjectAccessRoutes } from './modules/governance/subject-access-routes.ts';
import { homeRoutes } from './modules/home/routes.ts';
import { journeyRoutes } from './modules/journey/routes.ts';
import { localStandardRoutes } from './modules/local-standards/routes.ts';
import { performanceRoutes } from './modules/performance/routes.ts';
import { reportRoutes } from './modules/reports/routes.ts';
import { protectionRoutes } from './modules/protection/routes.ts';
import { referralApiRoutes } from './modules/referrals/api.ts';
import { referralRoutes } from './modules/referrals/routes.ts';
import { returnRoutes } from './modules/returns/routes.ts';
import { ssda903ImportRoutes } from './modules/past-returns/ssda903-routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { signInRoutes } from './modules/sign-in/routes.ts';
import { signInCodeRoutes } from './modules/sign-in-codes/routes.ts';
import { singleSignOnRoutes } from './modules/single-sign-on/routes.ts';
import { startRoutes } from './modules/start/routes.ts';
import { supervisionRoutes } from './modules/supervision/routes.ts';
import { timescaleRoutes } from './modules/timescales/routes.ts';
import { workforceRoutes } from './modules/workforce/routes.ts';

/**
 * The composition root (DESIGN.md): the feature modules Hearth mounts, in the order they are registered. The
 * platform knows no feature; this list is the one place that names them all.
 */
export const features: readonly Feature[] = [
  startRoutes,
  signInRoutes,
  singleSignOnRoutes,
  signInCodeRoutes,
  homeRoutes,
  childrenRoutes,
  auditRoutes,
  governanceRoutes,
  subjectAccessRoutes,
  adminRoutes,
  referralRoutes,
  referralApiRoutes,
  frontDoorRoutes,
  frontDoorApiRoutes,
  duplicateReviewRoutes,
  caseNoteRoutes,
  searchRoutes,
  childRecordRoutes,
  childRecordFormRoutes,
  chronologyRoutes,
  caseloadRoutes,
  workforceRoutes,
  supervisionRoutes,
  protectionRoutes,
  careRoutes,
  visitRoutes,
  journeyRoutes,
  timescaleRoutes,
  performanceRoutes,
  reportRoutes,
  localStandardRoutes,
  returnRoutes,
  ssda903ImportRoutes,
];

/** The Hearth server with every feature: what `hearth serve`, the tests and the benchmarks run. */
export function buildHearth(context: { config: Config; db: Database; clock?: Clock }): Promise<HearthServer> {
  return buildServer({ ...context, features });
}
