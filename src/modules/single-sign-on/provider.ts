import * as openid from 'openid-client';
import type { SingleSignOnConfig } from '../../platform/single-sign-on-config.ts';

/** What Hearth keeps (sealed, in a cookie) between sending a person to the provider and their coming back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** The claims of a verified ID token that Hearth uses. */
export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  email: string | undefined;
  givenName: string | undefined;
  familyName: string | undefined;
  name: string | undefined;
  groupsClaim: unknown;
}

/**
 * The council's OpenID Connect provider, through `openid-client`: the authorization code flow with PKCE (S256),
 * state and nonce. The provider's metadata and keys are fetched at the first sign-in, not at start-up, so Hearth
 * starts while the provider is unreachable; a failed discovery is tried again at the next sign-in.
 */
export function identityProvider(settings: SingleSignOnConfig) {
  let discovered: Promise<openid.Configuration> | undefined;
  const local = new URL(settings.issuer).protocol === 'http:';

  function configuration(): Promise<openid.Configuration> {
    discovered ??= openid
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // Only a provider on this machine may be plain http (the config refuses any other).
        execute: local ? [openid.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  }

  return {
    /** Where to send the person, and what to keep until they come back. */
    async start(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
      const config = await configuration();
      const pending = {
        state: openid.randomState(),
        nonce: openid.randomNonce(),
        codeVerifier: openid.randomPKCECodeVerifier(),
        returnTo,
      };
      const url = openid.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        code_challenge: await openid.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      });
      return { url, pending };
    },

    /**
     * Checks the provider's answer against what was kept (state, then the code exchanged with the PKCE verifier,
     * then the ID token's signature, issuer, audience, expiry and nonce) and returns who it is. Throws on any
     * mismatch or error the provider returned.
     */
    async finish(query: string, pending: PendingSignIn): Promise<VerifiedIdentity> {
      const config = await configuration();
      const callback = new URL(settings.redirectUri);
      callback.search = query;
      const tokens = await openid.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('The provider returned no ID token');
      const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
      // Entra ID gives `email` only when the account has a mailbox; its `preferred_username` is the sign-in address.
      // An address the provider says it has not verified could be anyone's, so it matches nobody.
      const email = [claims.email_verified === false ? undefined : claims.email, claims.preferred_username]
        .map(text)
        .find((value) => value !== undefined && /^[^\s@]+@[^\s@]+$/.test(value));
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: email?.toLowerCase(),
        givenName: text(claims.given_name),
        familyName: text(claims.family_name),
        name: text(claims.name),
        groupsClaim: claims[settings.groupsClaim],
      };
    },
  };
}

export type IdentityProvider = ReturnType<typeof identityProvider>;
