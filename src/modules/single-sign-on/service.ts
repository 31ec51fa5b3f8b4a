import type { Database } from '../../db/database.ts';
import { londonDate } from '../../platform/actor.ts';
import { appendAudit, appendAuditNow, type AuditSource } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { startSession } from '../../platform/sessions.ts';
import type { SingleSignOnConfig } from '../../platform/single-sign-on-config.ts';
import { applyDirectoryAccess, provisionFromDirectory } from '../staff/directory.ts';
import { accessFromGroups, groupsIn } from './directory-access.ts';
import type { VerifiedIdentity } from './provider.ts';
import { accountByEmail, accountBySubject, linkAccount } from './queries.ts';

/** Why the provider's person was not let in; each has its own page, and each is audited. */
export type DirectoryRefusal = 'no-mapped-group' | 'disabled' | 'no-email' | 'another-account';

export type DirectorySignInResult =
  { signedIn: true; token: string; userId: string } | { signedIn: false; reason: DirectoryRefusal };

const route = 'GET /sign-in/oidc/callback';

/**
 * Signs in a person the council's provider has vouched for. They are found by the provider's subject, or the
 * first time by their email (in the provider's council only); someone Hearth does not know yet is provisioned.
 * Their role and mapped teams are set from their groups at every sign-in, so a change in the directory takes
 * effect the next time they sign in; someone in no mapped group is refused, as is a disabled account.
 */
export async function signInFromDirectory(
  db: Database,
  config: Config,
  settings: SingleSignOnConfig,
  identity: VerifiedIdentity,
  request: { ip: string; now: Date },
): Promise<DirectorySignInResult> {
  const bySubject = await accountBySubject(db, identity.issuer, identity.subject);
  const byEmail = !bySubject && identity.email ? await accountByEmail(db, identity.email) : undefined;
  const account = bySubject ?? byEmail;
  const access = accessFromGroups(groupsIn(identity.groupsClaim), settings);
  const ownCouncil = account?.council_id === settings.councilId ? account : undefined;
  const source: AuditSource = {
    councilId: settings.councilId,
    userId: ownCouncil?.id ?? null,
    workerId: ownCouncil?.worker_id ?? null,
    ip: request.ip,
    route,
    now: request.now,
  };
  const refusal: DirectoryRefusal | undefined = !access
    ? 'no-mapped-group'
    : account && (!ownCouncil || (byEmail && byEmail.oidc_subject !== null))
      ? // The address belongs to another council's account, or to an account linked to someone else.
        'another-account'
      : account?.disabled_at && account.disabled_at.getTime() <= request.now.getTime()
        ? 'disabled'
        : !account && !identity.email
          ? 'no-email'
          : undefined;
  if (refusal || !access) {
    await appendAuditNow(db, source, {
      action: 'user.sign-in.refused',
      outcome: 'refused',
      details: { reason: refusal, method: 'single-sign-on', subject: identity.subject },
    });
    return { signedIn: false, reason: refusal ?? 'no-mapped-group' };
  }

  const today = londonDate(request.now);
  const mappedTeams = settings.groupTeams.map(([, team]) => team);
  return db.transaction().execute(async (trx) => {
    let person = ownCouncil && { userId: ownCouncil.id, workerId: ownCouncil.worker_id };
    if (!person) {
      person = await provisionFromDirectory(trx, {
        councilId: settings.councilId,
        email: identity.email!,
        issuer: identity.issuer,
        subject: identity.subject,
        ...namesOf(identity),
        role: access.role,
        today,
      });
    } else if (!bySubject) {
      await linkAccount(trx, { councilId: settings.councilId, userId: person.userId }, identity);
    }
    const change = await applyDirectoryAccess(
      trx,
      { councilId: settings.councilId, workerId: person.workerId, role: ownCouncil?.role ?? access.role },
      access,
      mappedTeams,
      today,
    );
    const signedInSource = { ...source, ...person };
    if (!ownCouncil) {
      await appendAudit(trx, signedInSource, {
        action: 'user.provisioned',
        details: { userId: person.userId, email: identity.email, role: access.role, teams: change.joined },
      });
    } else if (change.role || change.joined.length || change.left.length) {
      await appendAudit(trx, signedInSource, {
        action: 'user.changed',
        details: { userId: person.userId, by: 'directory', ...change },
      });
    }
    await appendAudit(trx, signedInSource, {
      action: 'user.signed-in',
      details: {
        method: 'single-sign-on',
        ...(change.unknownTeams.length ? { unknownTeams: change.unknownTeams } : {}),
      },
    });
    const account = { councilId: settings.councilId, userId: person.userId };
    const token = await startSession(trx, config, account, request.now);
    return { signedIn: true as const, token, userId: person.userId };
  });
}

/** A new worker's names from the token: given and family names, else the full name split, else the email. */
function namesOf(identity: VerifiedIdentity): { givenName: string; familyName: string } {
  if (identity.givenName && identity.familyName) {
    return { givenName: identity.givenName, familyName: identity.familyName };
  }
  const words = (identity.name ?? identity.email!.split('@')[0]!.replaceAll(/[._]/g, ' ')).split(/\s+/);
  return {
    givenName: words.length > 1 ? words.slice(0, -1).join(' ') : words[0]!,
    familyName: words.length > 1 ? words.at(-1)! : '',
  };
}
