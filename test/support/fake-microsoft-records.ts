import { randomUUID } from 'node:crypto';
import { GRAPH_APP_ID } from './fake-microsoft-permissions';

export interface FakeUser {
  oid: string;
  name: string;
  upn: string;
  /** Directory role template ids (e.g. Global Administrator 62e90394-…). */
  roles: string[];
}

/** An app registration (multi-tenant), as Tikit's and the Email Connector's are. */
export interface FakeAppOptions {
  displayName?: string;
  /** When given, consent links with another redirect_uri fail with AADSTS50011. */
  redirectUris?: string[];
  /** The registration's static permission list: what `/.default` consent grants. */
  delegated?: string[];
  application?: string[];
}

export interface FakeApp {
  appId: string;
  secret: string;
  displayName: string;
  redirectUris: string[];
  delegated: string[];
  application: string[];
}

export interface ServicePrincipalRecord {
  id: string;
  appId: string;
  displayName: string;
  visibleAt: number;
}

export interface DelegatedGrantRecord {
  id: string;
  appId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  /** scope name → when it becomes visible to reads (replication). */
  scopes: Map<string, number>;
}

export interface AppRoleAssignmentRecord {
  id: string;
  appId: string;
  permission: string;
  appRoleId: string;
  createdDateTime: string;
  visibleAt: number;
}

export interface TenantRecord {
  id: string;
  users: Map<string, FakeUser>;
  servicePrincipals: Map<string, ServicePrincipalRecord>;
  delegatedGrants: DelegatedGrantRecord[];
  appRoleAssignments: AppRoleAssignmentRecord[];
  directoryRoleIds: Map<string, string>;
}

/** What a test can assert about an app in a tenant: the grants as stored, replication ignored. */
export interface GrantSnapshot {
  servicePrincipalId: string | undefined;
  tenantWide: string[];
  perUser: Record<string, string[]>;
  application: string[];
}

/** Tenant ids are GUIDs: the fake refuses `common` and `organizations` (MICROSOFT.md §1). */
export function isGuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A tenant as it starts: Microsoft Graph's service principal is there from the beginning, with its own id. */
export function newTenant(id: string): TenantRecord {
  const graph = { id: randomUUID(), appId: GRAPH_APP_ID, displayName: 'Microsoft Graph', visibleAt: 0 };
  return {
    id,
    users: new Map(),
    servicePrincipals: new Map([[GRAPH_APP_ID, graph]]),
    delegatedGrants: [],
    appRoleAssignments: [],
    directoryRoleIds: new Map(),
  };
}
