import { FakeTokenIssuer } from './fake-microsoft-issue';
import { entraError, json, type Reply } from './fake-microsoft-http';
import { graphScopeName } from './fake-microsoft-permissions';
import { isGuid } from './fake-microsoft-records';
import type { FakeApp, FakeDirectory } from './fake-microsoft-state';
import { opaque, s256, type FakeTokenSigner } from './fake-microsoft-tokens';

/** Entra's authorization codes live about ten minutes. */
const CODE_LIFETIME_MS = 10 * 60_000;
const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

/** A one-time code, bound to everything Entra binds it to. */
export interface AuthCodeRecord {
  tenantId: string;
  clientId: string;
  userOid: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
  expiresAt: number;
  used: boolean;
}

/** The OpenID discovery document msal fetches first; issuer must share the authority's origin. */
export function openIdConfiguration(origin: string, tenantId: string): Reply {
  const base = `${origin}/${tenantId}`;
  return json(200, {
    issuer: `${base}/v2.0`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    token_endpoint: `${base}/oauth2/v2.0/token`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    jwks_uri: `${base}/discovery/v2.0/keys`,
    userinfo_endpoint: `${origin}/oidc/userinfo`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    scopes_supported: OIDC_SCOPES,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'name', 'tid', 'oid', 'preferred_username', 'ver'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    msgraph_host: new URL(origin).host,
  });
}

/** The token endpoint: authorization_code (with PKCE), client_credentials and refresh_token grants. */
export class FakeLogin {
  readonly codes = new Map<string, AuthCodeRecord>();
  readonly issuer: FakeTokenIssuer;

  constructor(
    private readonly directory: FakeDirectory,
    signer: FakeTokenSigner,
    private readonly now: () => number,
    private readonly origin: () => string,
  ) {
    this.issuer = new FakeTokenIssuer(signer, now, origin);
  }

  issueCode(record: Omit<AuthCodeRecord, 'expiresAt' | 'used'>): string {
    const code = opaque(64);
    this.codes.set(code, { ...record, expiresAt: this.now() + CODE_LIFETIME_MS, used: false });
    return code;
  }

  /** Login-host requests: `/{tenant}/...`, tenant ids only (MICROSOFT.md §1: never `common`). */
  handle(method: string, path: string, body: string): Reply {
    const [, tenantId = '', ...rest] = path.split('/');
    const endpoint = `${method} /${rest.join('/')}`;
    if (!isGuid(tenantId)) {
      return entraError(400, 'invalid_request', 90002, `Tenant '${tenantId}' not found. FakeMicrosoft serves tenant ids (GUIDs) only; never common.`);
    }
    if (endpoint === 'GET /v2.0/.well-known/openid-configuration') return openIdConfiguration(this.origin(), tenantId);
    if (endpoint === 'GET /discovery/v2.0/keys') return json(200, { keys: [] });
    if (endpoint === 'POST /oauth2/v2.0/token') return this.token(tenantId, new URLSearchParams(body));
    if (endpoint === 'GET /oauth2/v2.0/authorize' || endpoint === 'GET /v2.0/adminconsent') {
      return { status: 200, text: '<!doctype html><title>FakeMicrosoft</title><p>Consent screen: tests call fake.followConsentLink(link, choice).</p>' };
    }
    return json(501, { error: 'not_implemented', error_description: `FakeMicrosoft does not serve ${method} ${path}` });
  }

  token(tenantId: string, form: URLSearchParams): Reply {
    const grantType = form.get('grant_type');
    const clientId = form.get('client_id') ?? '';
    const app = this.directory.apps.get(clientId);
    if (!app) return this.appNotFound(clientId, tenantId);
    if (grantType === 'client_credentials') return this.clientCredentials(tenantId, app, form);
    const badSecret = this.checkSecret(app, form);
    if (badSecret) return badSecret;
    if (grantType === 'authorization_code') return this.authorizationCode(tenantId, app, form);
    if (grantType === 'refresh_token') return this.refreshToken(tenantId, app, form);
    return entraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`);
  }

  private clientCredentials(tenantId: string, app: FakeApp, form: URLSearchParams): Reply {
    // Entra looks the app up in the tenant first: before consent (or replication) there is none.
    const sp = this.directory.visibleServicePrincipal(tenantId, app.appId);
    if (!sp) return this.appNotFound(app.appId, tenantId);
    const badSecret = this.checkSecret(app, form);
    if (badSecret) return badSecret;
    const scopes = (form.get('scope') ?? '').split(' ').filter((s) => s && !OIDC_SCOPES.includes(s));
    if (scopes.length !== 1 || graphScopeName(scopes[0] ?? '', this.origin()) !== '.default') {
      return entraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scopes.join(' ')} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const roles = this.directory.visibleAppRoleAssignments(tenantId, app.appId).map((a) => a.permission);
    return json(200, this.issuer.appToken(tenantId, app, sp.id, roles));
  }

  private authorizationCode(tenantId: string, app: FakeApp, form: URLSearchParams): Reply {
    const code = this.codes.get(form.get('code') ?? '');
    if (!code || code.used || code.expiresAt <= this.now() || code.tenantId !== tenantId || code.clientId !== app.appId) {
      return this.codeExpired();
    }
    code.used = true; // single use, even when the rest of the request is wrong
    if (form.get('redirect_uri') !== code.redirectUri) {
      return entraError(
        400,
        'invalid_client',
        500112,
        `The reply address '${form.get('redirect_uri')}' does not match the reply address '${code.redirectUri}' provided when requesting Authorization code.`,
      );
    }
    if (s256(form.get('code_verifier') ?? '') !== code.codeChallenge) {
      return entraError(400, 'invalid_grant', 501481, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.');
    }
    return this.userTokens(tenantId, app, code.userOid, form, code.nonce);
  }

  private refreshToken(tenantId: string, app: FakeApp, form: URLSearchParams): Reply {
    const record = this.issuer.refreshTokens.get(form.get('refresh_token') ?? '');
    if (!record || record.tenantId !== tenantId || record.clientId !== app.appId) return this.codeExpired();
    return this.userTokens(tenantId, app, record.userOid, form);
  }

  /** A user's tokens carry every scope consented for them, if that covers what was asked. */
  private userTokens(tenantId: string, app: FakeApp, userOid: string, form: URLSearchParams, nonce?: string): Reply {
    const user = this.directory.user(tenantId, userOid);
    if (!user) return entraError(400, 'invalid_grant', 50034, `The user account ${userOid} does not exist in the ${tenantId} directory.`);
    const consented = this.directory.consentedScopes(tenantId, app.appId, userOid);
    const asked = (form.get('scope') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((s) => graphScopeName(s, this.origin()) ?? s);
    const missing = asked
      .filter((s) => s !== '.default' && !OIDC_SCOPES.includes(s))
      .filter((s) => !consented.some((c) => c.toLowerCase() === s.toLowerCase()));
    if (missing.length > 0) {
      return entraError(
        400,
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${app.appId}' named '${app.displayName}'. Send an interactive authorization request for this user and resource.`,
        'consent_required',
      );
    }
    return json(200, this.issuer.userTokens(tenantId, app, user, consented, nonce));
  }

  private checkSecret(app: FakeApp, form: URLSearchParams): Reply | undefined {
    const secret = form.get('client_secret');
    if (secret === null) {
      return entraError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    if (secret === app.secret) return undefined;
    return entraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.appId}'.`,
    );
  }

  private appNotFound(appId: string, tenantId: string): Reply {
    return entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${appId}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }

  private codeExpired(): Reply {
    return entraError(
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  }
}
