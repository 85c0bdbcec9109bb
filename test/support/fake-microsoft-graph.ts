import { graphError, json, type Reply } from './fake-microsoft-http';
import { GRAPH_APP_ID } from './fake-microsoft-permissions';
import type { FakeDirectory, FakeUser, ServicePrincipalRecord } from './fake-microsoft-state';
import type { Claims, FakeTokenSigner } from './fake-microsoft-tokens';

const ROLE_NAMES: Record<string, string> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
};

interface GraphCall {
  tenantId: string;
  claims: Claims;
  path: string;
  query: URLSearchParams;
}

type Route = [RegExp, (call: GraphCall, match: RegExpMatchArray) => Reply];

/** Microsoft Graph v1.0, the reads the bot makes to verify consent. Paths arrive without `/v1.0`. */
export class FakeGraph {
  private readonly routes: Route[] = [
    [/^\/servicePrincipals\(appId='([^']+)'\)$/i, (c, m) => this.servicePrincipalByAppId(c, m[1] ?? '')],
    [/^\/servicePrincipals$/i, (c) => this.listServicePrincipals(c)],
    [/^\/servicePrincipals\/([^/]+)$/i, (c, m) => this.withServicePrincipal(c, m[1] ?? '', (sp) => json(200, this.spView(sp)))],
    [/^\/servicePrincipals\/([^/]+)\/oauth2PermissionGrants$/i, (c, m) => this.withServicePrincipal(c, m[1] ?? '', (sp) => this.grants(c, sp))],
    [/^\/servicePrincipals\/([^/]+)\/appRoleAssignments$/i, (c, m) => this.withServicePrincipal(c, m[1] ?? '', (sp) => this.assignments(c, sp))],
    [/^\/oauth2PermissionGrants$/i, (c) => this.grantsByFilter(c)],
    [/^\/me$/i, (c) => this.withUser(c, (user) => json(200, { id: user.oid, displayName: user.name, userPrincipalName: user.upn }))],
    [/^\/me\/transitiveMemberOf\/microsoft\.graph\.directoryRole$/i, (c) => this.directoryRoles(c)],
  ];

  constructor(
    private readonly directory: FakeDirectory,
    private readonly signer: FakeTokenSigner,
    private readonly now: () => number,
    private readonly origin: () => string,
  ) {}

  /** The bearer token's claims if the fake issued it, else undefined. */
  claimsOf(authorization: string | undefined): Claims | undefined {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    return token ? this.signer.verify(token) : undefined;
  }

  handle(method: string, path: string, query: URLSearchParams, authorization: string | undefined): Reply {
    if (!authorization) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const claims = this.claimsOf(authorization);
    if (!claims) return graphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    if (Number(claims.exp) * 1000 <= this.now()) {
      return graphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    }
    for (const [pattern, handler] of this.routes) {
      const match = path.match(pattern);
      if (!match) continue;
      if (method !== 'GET') return graphError(405, 'Request_BadRequest', `FakeMicrosoft: only GET is served on ${path}`);
      return handler({ tenantId: String(claims.tid), claims, path, query }, match);
    }
    return graphError(501, 'NotImplemented', `FakeMicrosoft does not serve ${method} /v1.0${path}`);
  }

  private servicePrincipalByAppId(call: GraphCall, appId: string): Reply {
    const sp = this.directory.visibleServicePrincipal(call.tenantId, appId);
    if (!sp) return this.notFound(`servicePrincipals(appId='${appId}')`);
    return json(200, { '@odata.context': this.context('servicePrincipals/$entity'), ...this.spView(sp) });
  }

  private listServicePrincipals(call: GraphCall): Reply {
    const appId = this.filterValue(call, 'appId');
    if (appId === undefined) return this.unsupportedFilter(call);
    const sp = this.directory.visibleServicePrincipal(call.tenantId, appId);
    return json(200, { '@odata.context': this.context('servicePrincipals'), value: sp ? [this.spView(sp)] : [] });
  }

  private grants(call: GraphCall, sp: ServicePrincipalRecord): Reply {
    const resourceId = this.directory.graphServicePrincipal(call.tenantId).id;
    const value = this.directory.visibleDelegatedGrants(call.tenantId, sp.appId).map(({ grant, scopes }) => ({
      id: grant.id,
      clientId: sp.id,
      consentType: grant.consentType,
      principalId: grant.principalId,
      resourceId,
      scope: scopes.join(' '),
    }));
    return json(200, { '@odata.context': this.context('oauth2PermissionGrants'), value });
  }

  private grantsByFilter(call: GraphCall): Reply {
    const clientId = this.filterValue(call, 'clientId');
    if (clientId === undefined) return this.unsupportedFilter(call);
    const sp = this.directory.visibleServicePrincipalById(call.tenantId, clientId);
    return sp ? this.grants(call, sp) : json(200, { '@odata.context': this.context('oauth2PermissionGrants'), value: [] });
  }

  private assignments(call: GraphCall, sp: ServicePrincipalRecord): Reply {
    const graph = this.directory.graphServicePrincipal(call.tenantId);
    const value = this.directory.visibleAppRoleAssignments(call.tenantId, sp.appId).map((a) => ({
      id: a.id,
      deletedDateTime: null,
      appRoleId: a.appRoleId,
      createdDateTime: a.createdDateTime,
      principalDisplayName: sp.displayName,
      principalId: sp.id,
      principalType: 'ServicePrincipal',
      resourceDisplayName: graph.displayName,
      resourceId: graph.id,
    }));
    return json(200, { '@odata.context': this.context(`servicePrincipals('${sp.id}')/appRoleAssignments`), value });
  }

  private directoryRoles(call: GraphCall): Reply {
    return this.withUser(call, (user) =>
      json(200, {
        '@odata.context': this.context('directoryObjects'),
        value: user.roles.map((roleTemplateId) => ({
          '@odata.type': '#microsoft.graph.directoryRole',
          id: this.directory.directoryRoleId(call.tenantId, roleTemplateId),
          deletedDateTime: null,
          displayName: ROLE_NAMES[roleTemplateId] ?? `Role ${roleTemplateId}`,
          roleTemplateId,
        })),
      }),
    );
  }

  private withServicePrincipal(call: GraphCall, spId: string, then: (sp: ServicePrincipalRecord) => Reply): Reply {
    const sp = this.directory.visibleServicePrincipalById(call.tenantId, spId);
    return sp ? then(sp) : this.notFound(spId);
  }

  private withUser(call: GraphCall, then: (user: FakeUser) => Reply): Reply {
    if (call.claims.idtyp !== 'user') {
      return graphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    }
    const user = this.directory.user(call.tenantId, String(call.claims.oid));
    return user ? then(user) : this.notFound(String(call.claims.oid));
  }

  /** Graph's SP object; Microsoft Graph's own lists the permissions it publishes. */
  private spView(sp: ServicePrincipalRecord): Record<string, unknown> {
    const isGraph = sp.appId === GRAPH_APP_ID;
    const perms = this.directory.permissions;
    return {
      id: sp.id,
      appId: sp.appId,
      displayName: sp.displayName,
      accountEnabled: true,
      servicePrincipalType: 'Application',
      appRoles: isGraph
        ? perms.allAppRoles().map((r) => ({
            id: r.id,
            value: r.name,
            displayName: r.name,
            description: r.name,
            allowedMemberTypes: ['Application'],
            isEnabled: true,
            origin: 'Application',
          }))
        : [],
      oauth2PermissionScopes: isGraph
        ? perms.allScopes().map((s) => ({
            id: s.id,
            value: s.name,
            type: 'Admin',
            isEnabled: true,
            adminConsentDisplayName: s.name,
            adminConsentDescription: s.name,
          }))
        : [],
    };
  }

  private filterValue(call: GraphCall, property: string): string | undefined {
    const filter = call.query.get('$filter') ?? '';
    return new RegExp(`^\\s*${property} eq '([^']+)'\\s*$`, 'i').exec(filter)?.[1];
  }

  private unsupportedFilter(call: GraphCall): Reply {
    return graphError(400, 'Request_UnsupportedQuery', `FakeMicrosoft: unsupported query on ${call.path}: ${call.query.toString()}`);
  }

  private notFound(id: string): Reply {
    return graphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);
  }

  private context(what: string): string {
    return `${this.origin()}/v1.0/$metadata#${what}`;
  }
}
