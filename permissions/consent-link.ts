/**
 * Microsoft's consent URLs (MICROSOFT.md §1). Always the customer's tenant in the path, never
 * `common`, so the admin signs in to the directory the bot was asked from.
 */

/** OpenID Connect scopes go bare (not under the Graph resource); MSAL needs the first three to redeem a code. */
const OIDC_SCOPES = ['openid', 'profile', 'offline_access', 'email'];
const ALWAYS_ASKED = ['openid', 'profile', 'offline_access'];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ConsentEndpoint {
  authorityHost: URL;
  tenantId: string;
  clientId: string;
  redirectUri: string;
  state: string;
}

function tenantBase(endpoint: ConsentEndpoint): string {
  if (!GUID.test(endpoint.tenantId)) throw new RangeError('a consent link needs the tenant id (a GUID)');
  return `${endpoint.authorityHost.origin}/${endpoint.tenantId.toLowerCase()}`;
}

/** Admin consent to everything configured on the app registration (`<graph>/.default`). */
export function adminConsentUrl(endpoint: ConsentEndpoint, graphHost: URL): string {
  const query = new URLSearchParams({
    client_id: endpoint.clientId,
    scope: `${graphHost.origin}/.default`,
    redirect_uri: endpoint.redirectUri,
    state: endpoint.state,
  });
  return `${tenantBase(endpoint)}/v2.0/adminconsent?${query.toString()}`;
}

/**
 * Incremental consent to named delegated scopes, with the consent prompt forced and PKCE. A plain
 * sign-in (the admin check) passes `forceConsent: false`: it asks for nothing new.
 */
export function authorizeUrl(endpoint: ConsentEndpoint, graphHost: URL, scopes: readonly string[], codeChallenge: string, forceConsent = true): string {
  const graphScopes = scopes.filter((scope) => !OIDC_SCOPES.includes(scope));
  const oidcScopes = OIDC_SCOPES.filter((scope) => ALWAYS_ASKED.includes(scope) || scopes.includes(scope));
  const named = [...graphScopes.map((scope) => `${graphHost.origin}/${scope}`), ...oidcScopes];
  const query = new URLSearchParams({
    client_id: endpoint.clientId,
    response_type: 'code',
    redirect_uri: endpoint.redirectUri,
    response_mode: 'query',
    scope: named.join(' '),
    state: endpoint.state,
    ...(forceConsent ? { prompt: 'consent' } : { prompt: 'select_account' }),
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${tenantBase(endpoint)}/oauth2/v2.0/authorize?${query.toString()}`;
}
