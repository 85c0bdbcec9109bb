import { GRAPH_RESOURCE } from './fake-microsoft-permissions';
import type { FakeApp, FakeUser } from './fake-microsoft-state';
import { clientInfo, opaque, type Claims, type FakeTokenSigner } from './fake-microsoft-tokens';

/** Entra's usual lifetime answer; fixed so tests are deterministic. */
export const TOKEN_LIFETIME_SECONDS = 3599;

/** Who a refresh token was issued to. */
export interface RefreshTokenRecord {
  tenantId: string;
  clientId: string;
  userOid: string;
}

/** Builds token-endpoint answers shaped like Entra's (v2 endpoint, Graph v1 access tokens). */
export class FakeTokenIssuer {
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();

  constructor(
    private readonly signer: FakeTokenSigner,
    private readonly now: () => number,
    private readonly origin: () => string,
  ) {}

  /** A delegated answer: access token (scp), id token, refresh token and client_info. */
  userTokens(tenantId: string, app: FakeApp, user: FakeUser, scopes: string[], nonce?: string): Record<string, unknown> {
    const scp = scopes.filter((s) => s !== 'offline_access');
    const accessToken = this.signer.sign({
      ...this.common(tenantId, app),
      idtyp: 'user',
      oid: user.oid,
      sub: `sub-${user.oid}`,
      upn: user.upn,
      unique_name: user.upn,
      preferred_username: user.upn,
      name: user.name,
      scp: scp.join(' '),
      wids: user.roles,
      amr: ['pwd'],
    });
    const refreshToken = opaque(48);
    this.refreshTokens.set(refreshToken, { tenantId, clientId: app.appId, userOid: user.oid });
    return {
      token_type: 'Bearer',
      scope: scp.join(' '),
      expires_in: TOKEN_LIFETIME_SECONDS,
      ext_expires_in: TOKEN_LIFETIME_SECONDS,
      access_token: accessToken,
      refresh_token: refreshToken,
      id_token: this.idToken(tenantId, app, user, nonce),
      client_info: clientInfo(user.oid, tenantId),
    };
  }

  /** A client-credentials answer: an app token whose `roles` are the replicated app role assignments. */
  appToken(tenantId: string, app: FakeApp, servicePrincipalId: string, roles: string[]): Record<string, unknown> {
    const accessToken = this.signer.sign({
      ...this.common(tenantId, app),
      idtyp: 'app',
      oid: servicePrincipalId,
      sub: servicePrincipalId,
      appidacr: '1',
      // Entra leaves the claim out when the app holds no application permission.
      ...(roles.length > 0 ? { roles } : {}),
    });
    return { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS, access_token: accessToken };
  }

  private common(tenantId: string, app: FakeApp): Claims {
    const iat = Math.floor(this.now() / 1000);
    return {
      aud: GRAPH_RESOURCE,
      iss: `https://sts.windows.net/${tenantId}/`,
      iat,
      nbf: iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
      tid: tenantId,
      appid: app.appId,
      app_displayname: app.displayName,
      ver: '1.0',
      uti: opaque(16),
    };
  }

  private idToken(tenantId: string, app: FakeApp, user: FakeUser, nonce?: string): string {
    const iat = Math.floor(this.now() / 1000);
    return this.signer.sign({
      aud: app.appId,
      iss: `${this.origin()}/${tenantId}/v2.0`,
      iat,
      nbf: iat,
      exp: iat + TOKEN_LIFETIME_SECONDS,
      tid: tenantId,
      oid: user.oid,
      sub: `sub-${user.oid}`,
      preferred_username: user.upn,
      name: user.name,
      ver: '2.0',
      ...(nonce ? { nonce } : {}),
    });
  }
}
