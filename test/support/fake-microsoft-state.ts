import { randomUUID } from 'node:crypto';
import { GRAPH_APP_ID, type GraphPermissions } from './fake-microsoft-permissions';
import {
  newTenant,
  type AppRoleAssignmentRecord,
  type DelegatedGrantRecord,
  type FakeApp,
  type FakeAppOptions,
  type FakeUser,
  type GrantSnapshot,
  type ServicePrincipalRecord,
  type TenantRecord,
} from './fake-microsoft-records';
import { opaque } from './fake-microsoft-tokens';

export type {
  AppRoleAssignmentRecord,
  DelegatedGrantRecord,
  FakeApp,
  FakeAppOptions,
  FakeUser,
  GrantSnapshot,
  ServicePrincipalRecord,
} from './fake-microsoft-records';

/**
 * The directory state of every tenant the fake has seen: users, service principals, delegated grants
 * and app role assignments. Writes become visible to reads `replicationDelayMs` later, as in Entra.
 */
export class FakeDirectory {
  readonly apps = new Map<string, FakeApp>();
  replicationDelayMs = 0;
  private readonly tenants = new Map<string, TenantRecord>();

  constructor(
    private readonly now: () => number,
    readonly permissions: GraphPermissions,
  ) {}

  registerApp(appId: string, secret: string, options: FakeAppOptions = {}): void {
    this.apps.set(appId, {
      appId,
      secret,
      displayName: options.displayName ?? `App ${appId.slice(0, 8)}`,
      redirectUris: options.redirectUris ?? [],
      delegated: (options.delegated ?? []).map((s) => this.permissions.scope(s).name),
      application: (options.application ?? []).map((p) => this.permissions.appRole(p).name),
    });
  }

  app(appId: string): FakeApp {
    const app = this.apps.get(appId);
    if (!app) throw new Error(`FakeMicrosoft: app ${appId} is not registered; call registerApp first`);
    return app;
  }

  addUser(tenantId: string, user: FakeUser): void {
    this.tenant(tenantId).users.set(user.oid, { ...user, roles: [...user.roles] });
  }

  user(tenantId: string, oid: string): FakeUser | undefined {
    return this.tenant(tenantId).users.get(oid);
  }

  /** The object id of a directory role in a tenant (differs per tenant, like every object id). */
  directoryRoleId(tenantId: string, templateId: string): string {
    const ids = this.tenant(tenantId).directoryRoleIds;
    if (!ids.has(templateId)) ids.set(templateId, randomUUID());
    return ids.get(templateId) as string;
  }

  /** What consent does first: the app gets a service principal in the tenant if it had none. */
  ensureServicePrincipal(tenantId: string, appId: string): ServicePrincipalRecord {
    const tenant = this.tenant(tenantId);
    const existing = tenant.servicePrincipals.get(appId);
    if (existing) return existing;
    const sp = { id: randomUUID(), appId, displayName: this.app(appId).displayName, visibleAt: this.visibleFrom() };
    tenant.servicePrincipals.set(appId, sp);
    return sp;
  }

  /** Adds delegated scopes to the AllPrincipals grant, or to `principalOid`'s Principal grant. */
  grantDelegated(tenantId: string, appId: string, scopes: string[], principalOid?: string, replace = false): void {
    this.ensureServicePrincipal(tenantId, appId);
    const grant = this.delegatedGrant(tenantId, appId, principalOid ?? null);
    const names = scopes.map((s) => this.permissions.scope(s).name);
    // Tenant-wide consent may replace what an earlier one granted (MICROSOFT.md §1).
    if (replace) for (const name of [...grant.scopes.keys()]) if (!names.includes(name)) grant.scopes.delete(name);
    for (const name of names) if (!grant.scopes.has(name)) grant.scopes.set(name, this.visibleFrom());
  }

  /** Removes scopes from one user's grant, or (no principalOid) from every grant of the app. */
  revokeDelegated(tenantId: string, appId: string, scopes: string[], principalOid?: string): void {
    const tenant = this.tenant(tenantId);
    const names = scopes.map((s) => this.permissions.scope(s).name);
    for (const grant of tenant.delegatedGrants) {
      if (grant.appId !== appId || (principalOid !== undefined && grant.principalId !== principalOid)) continue;
      for (const name of names) grant.scopes.delete(name);
    }
    tenant.delegatedGrants = tenant.delegatedGrants.filter((g) => g.scopes.size > 0);
  }

  grantApplication(tenantId: string, appId: string, permissions: string[]): void {
    this.ensureServicePrincipal(tenantId, appId);
    const tenant = this.tenant(tenantId);
    for (const role of permissions.map((p) => this.permissions.appRole(p))) {
      if (tenant.appRoleAssignments.some((a) => a.appId === appId && a.appRoleId === role.id)) continue;
      tenant.appRoleAssignments.push({
        id: opaque(32),
        appId,
        permission: role.name,
        appRoleId: role.id,
        createdDateTime: new Date(this.now()).toISOString(),
        visibleAt: this.visibleFrom(),
      });
    }
  }

  revokeApplication(tenantId: string, appId: string, permissions: string[]): void {
    const tenant = this.tenant(tenantId);
    const ids = permissions.map((p) => this.permissions.appRole(p).id);
    tenant.appRoleAssignments = tenant.appRoleAssignments.filter((a) => a.appId !== appId || !ids.includes(a.appRoleId));
  }

  /** The service principal as Graph and Entra's token service see it (undefined before replication). */
  visibleServicePrincipal(tenantId: string, appId: string): ServicePrincipalRecord | undefined {
    const sp = this.tenant(tenantId).servicePrincipals.get(appId);
    return sp && sp.visibleAt <= this.now() ? sp : undefined;
  }

  visibleServicePrincipalById(tenantId: string, spId: string): ServicePrincipalRecord | undefined {
    const sp = [...this.tenant(tenantId).servicePrincipals.values()].find((s) => s.id === spId);
    return sp ? this.visibleServicePrincipal(tenantId, sp.appId) : undefined;
  }

  /** Delegated grants with only their replicated scopes; grants with none are left out. */
  visibleDelegatedGrants(tenantId: string, appId: string): Array<{ grant: DelegatedGrantRecord; scopes: string[] }> {
    const now = this.now();
    return this.tenant(tenantId)
      .delegatedGrants.filter((g) => g.appId === appId)
      .map((grant) => ({ grant, scopes: [...grant.scopes].filter(([, at]) => at <= now).map(([name]) => name) }))
      .filter((g) => g.scopes.length > 0);
  }

  visibleAppRoleAssignments(tenantId: string, appId: string): AppRoleAssignmentRecord[] {
    return this.tenant(tenantId).appRoleAssignments.filter((a) => a.appId === appId && a.visibleAt <= this.now());
  }

  /** The scopes a user's token carries: tenant-wide plus the user's own, as just written (no replication). */
  consentedScopes(tenantId: string, appId: string, oid: string): string[] {
    const grants = this.tenant(tenantId).delegatedGrants.filter((g) => g.appId === appId && (g.principalId === null || g.principalId === oid));
    return [...new Set(grants.flatMap((g) => [...g.scopes.keys()]))];
  }

  snapshot(tenantId: string, appId: string): GrantSnapshot {
    const tenant = this.tenant(tenantId);
    const grants = tenant.delegatedGrants.filter((g) => g.appId === appId);
    const perUser: Record<string, string[]> = {};
    for (const g of grants) if (g.principalId !== null) perUser[g.principalId] = [...g.scopes.keys()];
    return {
      servicePrincipalId: tenant.servicePrincipals.get(appId)?.id,
      tenantWide: [...(grants.find((g) => g.principalId === null)?.scopes.keys() ?? [])],
      perUser,
      application: tenant.appRoleAssignments.filter((a) => a.appId === appId).map((a) => a.permission),
    };
  }

  /** Every tenant has Microsoft Graph's service principal from the start, with its own object id. */
  graphServicePrincipal(tenantId: string): ServicePrincipalRecord {
    return this.tenant(tenantId).servicePrincipals.get(GRAPH_APP_ID) as ServicePrincipalRecord;
  }

  private tenant(tenantId: string): TenantRecord {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) {
      tenant = newTenant(tenantId);
      this.tenants.set(tenantId, tenant);
    }
    return tenant;
  }

  private delegatedGrant(tenantId: string, appId: string, principalId: string | null): DelegatedGrantRecord {
    const tenant = this.tenant(tenantId);
    let grant = tenant.delegatedGrants.find((g) => g.appId === appId && g.principalId === principalId);
    if (!grant) {
      const consentType = principalId === null ? 'AllPrincipals' : 'Principal';
      grant = { id: opaque(32), appId, consentType, principalId, scopes: new Map() };
      tenant.delegatedGrants.push(grant);
    }
    return grant;
  }

  private visibleFrom(): number {
    return this.now() + this.replicationDelayMs;
  }
}
