import type { FakeLogin } from './fake-microsoft-login';
import { graphScopeName } from './fake-microsoft-permissions';
import type { FakeApp, FakeDirectory } from './fake-microsoft-state';

/** Directory role template ids (MICROSOFT.md §2). */
export const DIRECTORY_ROLES = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
} as const;

/** What the signer accepted on Microsoft's consent screen. */
export interface ConsentInput {
  tenantId: string;
  appId: string;
  userOid: string;
  /** With codeChallenge: the authorize flow, which answers with a one-time code for this redirect URI. */
  redirectUri?: string;
  codeChallenge?: string;
  nonce?: string;
  /** Delegated scopes, bare (`Device.Read.All`) or Graph-qualified; `.default` means the app's static list. */
  scopes?: string[];
  /** "Consent on behalf of your organization" ticked: an AllPrincipals grant, else a Principal grant. */
  tenantWide: boolean;
  applicationPermissions?: string[];
  /** The new tenant-wide grant replaces the earlier one instead of adding to it (MICROSOFT.md §1). */
  replaceTenantWide?: boolean;
}

export interface ConsentResult {
  servicePrincipalId: string;
  /** The authorization code, when codeChallenge was given. */
  code?: string;
}

/** Who may grant what (MICROSOFT.md §2): application permissions need GA or PRA. */
export function mayGrant(roles: string[], application: boolean): boolean {
  const anyPermission: string[] = [DIRECTORY_ROLES.globalAdministrator, DIRECTORY_ROLES.privilegedRoleAdministrator];
  const delegatedOnly: string[] = [DIRECTORY_ROLES.cloudApplicationAdministrator, DIRECTORY_ROLES.applicationAdministrator];
  return roles.some((r) => anyPermission.includes(r) || (!application && delegatedOnly.includes(r)));
}

/** The delegated permission names behind a list of requested scopes. */
export function delegatedNames(app: FakeApp, scopes: string[], origin: string): string[] {
  const names = scopes.map((s) => {
    const name = graphScopeName(s, origin);
    if (name === undefined) throw new Error(`FakeMicrosoft: scope ${s} is not for Microsoft Graph`);
    return name;
  });
  return [...new Set(names.flatMap((n) => (n === '.default' ? app.delegated : [n])))];
}

/**
 * What Microsoft does when the user accepts: a service principal if the app had none, the delegated
 * grant, the app role assignments, and for the authorize flow a one-time code bound to the request.
 */
export function applyConsent(directory: FakeDirectory, login: FakeLogin, origin: string, input: ConsentInput): ConsentResult {
  const app = directory.app(input.appId);
  if (!directory.user(input.tenantId, input.userOid)) {
    throw new Error(`FakeMicrosoft: no user ${input.userOid} in tenant ${input.tenantId}; call addUser first`);
  }
  const sp = directory.ensureServicePrincipal(input.tenantId, input.appId);
  const scopes = delegatedNames(app, input.scopes ?? [], origin);
  if (scopes.length > 0 || input.replaceTenantWide) {
    const principal = input.tenantWide ? undefined : input.userOid;
    directory.grantDelegated(input.tenantId, input.appId, scopes, principal, input.tenantWide && input.replaceTenantWide);
  }
  directory.grantApplication(input.tenantId, input.appId, input.applicationPermissions ?? []);
  if (input.codeChallenge === undefined) return { servicePrincipalId: sp.id };
  if (input.redirectUri === undefined) throw new Error('FakeMicrosoft: simulateConsent with codeChallenge needs redirectUri');
  const code = login.issueCode({
    tenantId: input.tenantId,
    clientId: input.appId,
    userOid: input.userOid,
    redirectUri: input.redirectUri,
    codeChallenge: input.codeChallenge,
    ...(input.nonce === undefined ? {} : { nonce: input.nonce }),
  });
  return { servicePrincipalId: sp.id, code };
}
