import { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import { TimeboxedNetwork } from './entra-network';
import { fromMsalError } from './microsoft-errors';

export interface AppCredentials {
  appId: string;
  secret: string;
}

export interface AdminToken {
  accessToken: string;
  tenantId: string;
  userId: string;
  userName: string;
}

/**
 * Tokens from Entra ID through msal-node, always against the customer's tenant (never `common`):
 * the admin's delegated token from a consent's authorization code, and an app's own token.
 */
export class EntraTokens {
  constructor(private readonly authorityHost: URL) {}

  async redeemCode(
    app: AppCredentials,
    tenantId: string,
    request: { code: string; scopes: string[]; redirectUri: string; codeVerifier: string },
  ): Promise<AdminToken> {
    try {
      const result = await this.client(app, tenantId).acquireTokenByCode(request);
      const claims = (result.idTokenClaims ?? {}) as { tid?: string; oid?: string; name?: string; preferred_username?: string };
      return {
        accessToken: result.accessToken,
        tenantId: (claims.tid ?? result.tenantId ?? '').toLowerCase(),
        userId: (claims.oid ?? result.uniqueId ?? '').toLowerCase(),
        userName: claims.name ?? claims.preferred_username ?? 'an administrator',
      };
    } catch (error) {
      throw fromMsalError(error);
    }
  }

  /**
   * The application permissions an app holds in a tenant, from the `roles` of a fresh
   * client-credentials token (skipCache: a cached token would predate the consent).
   */
  async applicationPermissions(app: AppCredentials, graphHost: URL, tenantId: string): Promise<string[]> {
    try {
      const result = await this.client(app, tenantId).acquireTokenByClientCredential({ scopes: [`${graphHost.origin}/.default`], skipCache: true });
      return rolesOf(result?.accessToken ?? '');
    } catch (error) {
      throw fromMsalError(error);
    }
  }

  private client(app: AppCredentials, tenantId: string): ConfidentialClientApplication {
    return new ConfidentialClientApplication({
      auth: {
        clientId: app.appId,
        clientSecret: app.secret,
        authority: `${this.authorityHost.origin}/${tenantId}`,
        // Skips instance discovery against the public cloud: the configured host is the authority.
        knownAuthorities: [this.authorityHost.host],
      },
      system: {
        networkClient: new TimeboxedNetwork(),
        loggerOptions: { logLevel: LogLevel.Error, piiLoggingEnabled: false, loggerCallback: () => undefined },
      },
    });
  }
}

/** The `roles` claim of a JWT access token; the token came straight from Entra over TLS. */
export function rolesOf(accessToken: string): string[] {
  const payload = accessToken.split('.')[1];
  if (!payload) return [];
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown };
    return Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}
