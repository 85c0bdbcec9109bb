import { AuthenticationHandler, Client, HTTPMessageHandler } from '@microsoft/microsoft-graph-client';
import { fromGraphError, MicrosoftError } from './microsoft-errors';

const GRAPH_REQUEST_TIMEOUT_MS = 10_000;

/** The Microsoft Graph service principal's appId: the same in every tenant. */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface DelegatedGrant {
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  resourceId: string;
  scopes: string[];
}

interface GraphServicePrincipal {
  id: string;
  appRoles?: Array<{ id: string; value: string }>;
}

/**
 * Reads grants back from Microsoft Graph v1.0 with one access token. No retries inside: callers
 * retry with their own budget and see Retry-After through MicrosoftError.
 */
export class GraphReader {
  private readonly client: Client;

  constructor(
    graphHost: URL,
    accessToken: string,
    private readonly timeoutMs = GRAPH_REQUEST_TIMEOUT_MS,
  ) {
    const auth = new AuthenticationHandler({ getAccessToken: async () => accessToken });
    auth.setNext(new HTTPMessageHandler());
    // The client only attaches the token for hosts it knows: list ours (national cloud or test fake).
    this.client = Client.initWithMiddleware({
      middleware: auth,
      baseUrl: graphHost.origin,
      defaultVersion: 'v1.0',
      customHosts: new Set([graphHost.hostname]),
    });
  }

  /** The app's service principal in this tenant, or undefined before any consent created it. */
  async servicePrincipalId(appId: string): Promise<string | undefined> {
    try {
      const sp = (await this.get(`/servicePrincipals(appId='${encodeURIComponent(appId)}')?$select=id`)) as GraphServicePrincipal;
      return sp.id;
    } catch (error) {
      if (error instanceof MicrosoftError && error.reason === 'not-found') return undefined;
      throw error;
    }
  }

  async delegatedGrants(servicePrincipalId: string): Promise<DelegatedGrant[]> {
    const page = (await this.get(`/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/oauth2PermissionGrants`)) as {
      value?: Array<{ consentType?: string; principalId?: string | null; resourceId?: string; scope?: string }>;
    };
    return (page.value ?? []).map((grant) => ({
      consentType: grant.consentType === 'AllPrincipals' ? 'AllPrincipals' : 'Principal',
      principalId: grant.principalId ?? null,
      resourceId: grant.resourceId ?? '',
      scopes: (grant.scope ?? '').split(' ').filter((s) => s !== ''),
    }));
  }

  /** Names of the Graph application permissions assigned to a service principal. */
  async applicationPermissions(servicePrincipalId: string): Promise<string[]> {
    const assignments = (await this.get(`/servicePrincipals/${encodeURIComponent(servicePrincipalId)}/appRoleAssignments`)) as {
      value?: Array<{ appRoleId?: string }>;
    };
    const graph = (await this.get(`/servicePrincipals(appId='${MICROSOFT_GRAPH_APP_ID}')?$select=id,appRoles`)) as GraphServicePrincipal;
    const names = new Map((graph.appRoles ?? []).map((role) => [role.id, role.value]));
    return (assignments.value ?? []).map((a) => names.get(a.appRoleId ?? '')).filter((n): n is string => n !== undefined);
  }

  /** Role template ids of the signed-in user's directory roles (direct and through groups). */
  async directoryRoleTemplateIds(): Promise<string[]> {
    const page = (await this.get('/me/transitiveMemberOf/microsoft.graph.directoryRole')) as { value?: Array<{ roleTemplateId?: string }> };
    return (page.value ?? []).map((role) => role.roleTemplateId ?? '').filter((id) => id !== '');
  }

  private async get(path: string): Promise<unknown> {
    try {
      // A deadline per request: a silent Graph must not hold a consent callback open.
      return (await this.client.api(path).option('signal', AbortSignal.timeout(this.timeoutMs)).get()) as unknown;
    } catch (error) {
      throw fromGraphError(error);
    }
  }
}
