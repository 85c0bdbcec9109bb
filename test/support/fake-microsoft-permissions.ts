import { PERMISSION_ROWS } from '../../permissions/catalog-data';

/** Microsoft Graph's application id: the same in every tenant (its service principal's object id is not). */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Graph's resource identifier: the `aud` of Graph tokens and the prefix of its scopes. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** Extra Graph permissions a test may need beyond the catalog: name → Graph id. */
export interface ExtraGraphPermissions {
  delegated?: Record<string, string>;
  application?: Record<string, string>;
}

/**
 * The permissions Microsoft Graph's service principal publishes (oauth2PermissionScopes and appRoles),
 * taken from our catalog's graphId column. Names are matched case-insensitively, as Entra does.
 */
export class GraphPermissions {
  private readonly delegated = new Map<string, { name: string; id: string }>();
  private readonly application = new Map<string, { name: string; id: string }>();

  constructor(extra: ExtraGraphPermissions = {}) {
    for (const row of PERMISSION_ROWS) {
      const map = row.type === 'Delegated' ? this.delegated : this.application;
      map.set(row.name.toLowerCase(), { name: row.name, id: row.graphId });
    }
    for (const [name, id] of Object.entries(extra.delegated ?? {})) this.delegated.set(name.toLowerCase(), { name, id });
    for (const [name, id] of Object.entries(extra.application ?? {})) this.application.set(name.toLowerCase(), { name, id });
  }

  /** The canonical delegated scope name; throws on a name Graph does not publish (a test typo). */
  scope(name: string): { name: string; id: string } {
    return this.find(this.delegated, name, 'delegated scope');
  }

  /** The canonical app role (application permission); throws on an unknown name. */
  appRole(name: string): { name: string; id: string } {
    return this.find(this.application, name, 'application permission');
  }

  allScopes(): Array<{ name: string; id: string }> {
    return [...this.delegated.values()];
  }

  allAppRoles(): Array<{ name: string; id: string }> {
    return [...this.application.values()];
  }

  private find(map: Map<string, { name: string; id: string }>, name: string, kind: string): { name: string; id: string } {
    const found = map.get(name.toLowerCase());
    if (!found) {
      throw new Error(`FakeMicrosoft: Microsoft Graph has no ${kind} "${name}" here; pass it in the constructor's graphPermissions`);
    }
    return found;
  }
}

/** Resource identifiers the fake treats as Microsoft Graph in a scope (`<resource>/<name>`). */
export function graphResources(origin: string): string[] {
  return [GRAPH_RESOURCE, origin, GRAPH_APP_ID];
}

/**
 * The permission name in a Graph scope, or undefined when the scope names another resource.
 * Bare names (`User.Read`, `openid`) are Graph's, as Entra assumes; `.default` stays `.default`.
 */
export function graphScopeName(scope: string, origin: string): string | undefined {
  const slash = scope.lastIndexOf('/');
  if (slash < 0) return scope;
  const resource = scope.slice(0, slash).replace(/\/$/, '');
  const known = graphResources(origin).some((r) => r.toLowerCase() === resource.toLowerCase());
  return known ? scope.slice(slash + 1) : undefined;
}
