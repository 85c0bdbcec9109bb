import { applyConsent, mayGrant } from './fake-microsoft-consent';
import type { FakeLogin } from './fake-microsoft-login';
import { isGuid } from './fake-microsoft-records';
import type { FakeApp, FakeDirectory, FakeUser } from './fake-microsoft-state';
import { opaque } from './fake-microsoft-tokens';

/** What the person does on Microsoft's consent screen. */
export interface ConsentScreenChoice {
  userOid: string;
  /** Ticks "Consent on behalf of your organization" (authorize links; admin-consent links are always tenant-wide). */
  tenantWide?: boolean;
  /** Presses Cancel. */
  decline?: boolean;
}

interface ParsedLink {
  kind: 'authorize' | 'adminconsent';
  tenantId: string;
  app: FakeApp;
  redirectUri: string;
  query: URLSearchParams;
  user: FakeUser;
}

function redirect(redirectUri: string, params: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * Errors Microsoft shows on its own page (they never reach the redirect URI) are thrown, with the
 * AADSTS code in the message; the rest come back as the redirect Microsoft would send.
 */
function parseLink(directory: FakeDirectory, origin: string, link: string, userOid: string): ParsedLink {
  const url = new URL(link);
  if (url.origin !== origin) throw new Error(`FakeMicrosoft: the link goes to ${url.origin}, not to the fake at ${origin}`);
  const match = /^\/([^/]+)\/(oauth2\/v2\.0\/authorize|v2\.0\/adminconsent)$/.exec(url.pathname);
  if (!match) throw new Error(`FakeMicrosoft: ${url.pathname} is neither an authorize nor an admin-consent link`);
  const tenantId = match[1] ?? '';
  if (!isGuid(tenantId)) throw new Error(`FakeMicrosoft: consent links must name the customer's tenant id, not "${tenantId}"`);
  const appId = url.searchParams.get('client_id') ?? '';
  if (!directory.apps.has(appId)) throw new Error(`AADSTS700016: Application with identifier '${appId}' was not found`);
  const app = directory.app(appId);
  const redirectUri = url.searchParams.get('redirect_uri') ?? '';
  if (!redirectUri || (app.redirectUris.length > 0 && !app.redirectUris.includes(redirectUri))) {
    throw new Error(
      `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${appId}'.`,
    );
  }
  const user = directory.user(tenantId, userOid);
  if (!user) throw new Error(`AADSTS50020: User account '${userOid}' does not exist in tenant '${tenantId}'.`);
  const kind = match[2] === 'v2.0/adminconsent' ? 'adminconsent' : 'authorize';
  return { kind, tenantId, app, redirectUri, query: url.searchParams, user };
}

function errorRedirect(link: ParsedLink, error: string, description: string, subcode?: string): string {
  return redirect(link.redirectUri, {
    ...(link.kind === 'adminconsent' ? { admin_consent: 'True' } : {}), // Microsoft sends it on failures too
    error,
    error_description: description,
    ...(subcode ? { error_subcode: subcode } : {}),
    state: link.query.get('state'),
  });
}

const NEEDS_ADMIN = 'AADSTS90094: The grant requires admin permission.';

function authorize(directory: FakeDirectory, login: FakeLogin, origin: string, link: ParsedLink, tenantWide: boolean): string {
  const challenge = link.query.get('code_challenge');
  if (link.query.get('response_type') !== 'code' || !challenge || link.query.get('code_challenge_method') !== 'S256') {
    throw new Error('FakeMicrosoft: authorize links must ask for response_type=code with an S256 code_challenge (PKCE)');
  }
  const requested = (link.query.get('scope') ?? '').split(' ').filter(Boolean);
  // A plain sign-in (no forced prompt) whose scopes the organization already granted shows no
  // consent screen: anyone may sign in. Otherwise, simplification: every scope needs an administrator.
  const granted = directory.snapshot(link.tenantId, link.app.appId).tenantWide;
  const alreadyGranted = requested.every(
    (s) => ['openid', 'profile', 'offline_access', 'email'].includes(s) || granted.includes(s.replace(/^https:\/\/[^/]+\//, '')),
  );
  const plainSignIn = link.query.get('prompt') !== 'consent' && alreadyGranted;
  if (!plainSignIn && !mayGrant(link.user.roles, false)) return errorRedirect(link, 'access_denied', NEEDS_ADMIN);
  const nonce = link.query.get('nonce');
  const { code } = applyConsent(directory, login, origin, {
    tenantId: link.tenantId,
    appId: link.app.appId,
    userOid: link.user.oid,
    redirectUri: link.redirectUri,
    codeChallenge: challenge,
    scopes: (link.query.get('scope') ?? '').split(' ').filter(Boolean),
    tenantWide,
    ...(nonce ? { nonce } : {}),
  });
  return redirect(link.redirectUri, { code: code ?? '', state: link.query.get('state'), session_state: opaque(16) });
}

function adminConsent(directory: FakeDirectory, login: FakeLogin, origin: string, link: ParsedLink): string {
  const scopes = (link.query.get('scope') ?? '').split(' ').filter(Boolean);
  const isDefault = scopes.some((s) => s.endsWith('/.default') || s === '.default');
  if (scopes.length === 0 || (isDefault && scopes.length > 1)) {
    return errorRedirect(link, 'invalid_request', "AADSTS70011: The provided value for the input parameter 'scope' is not valid.");
  }
  const application = isDefault ? link.app.application : [];
  if (!mayGrant(link.user.roles, application.length > 0)) return errorRedirect(link, 'access_denied', NEEDS_ADMIN);
  applyConsent(directory, login, origin, {
    tenantId: link.tenantId,
    appId: link.app.appId,
    userOid: link.user.oid,
    scopes,
    tenantWide: true,
    applicationPermissions: application,
  });
  return redirect(link.redirectUri, {
    admin_consent: 'True',
    tenant: link.tenantId,
    scope: scopes.join(' '),
    state: link.query.get('state'),
  });
}

/** Follows a consent link as a browser would and returns where Microsoft redirects it. */
export function followConsentLink(directory: FakeDirectory, login: FakeLogin, origin: string, link: string, choice: ConsentScreenChoice): string {
  const parsed = parseLink(directory, origin, link, choice.userOid);
  if (choice.decline) {
    return errorRedirect(parsed, 'access_denied', 'AADSTS65004: User declined to consent to access the app.', 'cancel');
  }
  if (parsed.kind === 'adminconsent') return adminConsent(directory, login, origin, parsed);
  return authorize(directory, login, origin, parsed, choice.tenantWide ?? false);
}
