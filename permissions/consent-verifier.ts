import type { ConsentFailureReason } from './consent-errors';
import { VERIFICATION_SCOPE } from './consent-plan';
import { failureReason } from './consent-errors';
import type { AppCredentials, EntraTokens } from './entra-tokens';
import { GraphReader } from './graph-reader';
import { MicrosoftError } from './microsoft-errors';

/** What Microsoft reports after a consent: never assumed, always read back. */
export type Verification =
  | {
      kind: 'checked';
      granted: string[];
      missing: string[];
      /** Missing organization-wide but granted to the admin alone: "on behalf of your organization" was not ticked. */
      adminOnly: string[];
      /** Every delegated scope in the organization-wide grant (delegated checks only). */
      tenantWideDelegated?: string[];
      servicePrincipalId?: string;
      /** Who accepted, and the directory roles Graph shows for them. */
      admin?: { userId: string; userName: string; roleTemplateIds: string[] };
    }
  | { kind: 'rejected'; failure: ConsentFailureReason; aadsts?: number }
  | { kind: 'wrong-tenant' }
  | { kind: 'unavailable' };

/** The admin check signs in with the least there is: reading one's own profile and roles. */
export const ADMIN_CHECK_SCOPE = 'User.Read';

export type AdminCheckResult =
  | {
      kind: 'roles';
      userId: string;
      userName: string;
      roleTemplateIds: string[];
      /** Service principal object ids by appId, where the admin's token could see them. */
      servicePrincipalIds: Record<string, string>;
      /** Tikit's organization-wide delegated scopes, where the admin's token could read them. */
      tikitTenantWide?: string[];
    }
  | Exclude<Verification, { kind: 'checked' }>;

export interface RetryPolicy {
  /** Waits between attempts; their sum is the budget (about half a minute: replication). */
  delaysMs: number[];
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15000];

type Attempt = { done: true; result: Verification } | { done: false; result: Verification; waitMs?: number };

/**
 * Runs `attempt` until it is done or the budget is spent. Throttling waits Retry-After (within the
 * budget); an outage or replication delay waits the next backoff step.
 */
async function withRetries(policy: RetryPolicy, attempt: () => Promise<Attempt>): Promise<Verification> {
  let last: Verification = { kind: 'unavailable' };
  for (let i = 0; i <= policy.delaysMs.length; i++) {
    const outcome = await attempt().catch((error: unknown): Attempt => ({ done: isFinal(error), result: asVerification(error), ...waitOf(error) }));
    last = outcome.result;
    if (outcome.done || i === policy.delaysMs.length) break;
    await policy.sleep(Math.max(policy.delaysMs[i]!, outcome.waitMs ?? 0));
  }
  return last;
}

function asVerification(error: unknown): Verification {
  if (error instanceof MicrosoftError && error.reason === 'rejected' && error.details.aadsts !== undefined) {
    return { kind: 'rejected', failure: failureReason('', `AADSTS${error.details.aadsts}`), aadsts: error.details.aadsts };
  }
  return { kind: 'unavailable' };
}

/**
 * Entra's refusals are final, except AADSTS700016 for an app's own token right after consent: the
 * new service principal may not have replicated yet.
 */
function isFinal(error: unknown): boolean {
  return error instanceof MicrosoftError && error.reason === 'rejected' && error.details.aadsts !== 700016;
}

function waitOf(error: unknown): { waitMs?: number } {
  return error instanceof MicrosoftError && error.details.retryAfterMs !== undefined ? { waitMs: error.details.retryAfterMs } : {};
}

export class ConsentVerifier {
  constructor(
    private readonly tokens: EntraTokens,
    private readonly graphHost: URL,
    private readonly policy: RetryPolicy,
  ) {}

  /**
   * Delegated consent (authorize endpoint): redeems the code for the admin's token, then requires
   * every requested scope in the Tikit service principal's organization-wide grant.
   */
  async verifyDelegated(
    app: AppCredentials,
    tenantId: string,
    requested: string[],
    redemption: { code: string; redirectUri: string; codeVerifier: string },
  ): Promise<Verification> {
    const scopes = [`${this.graphHost.origin}/${VERIFICATION_SCOPE}`];
    let admin: Awaited<ReturnType<EntraTokens['redeemCode']>> | undefined;
    return withRetries(this.policy, async () => {
      // A code redeems once: only an attempt that never got a token tries again.
      admin ??= await this.tokens.redeemCode(app, tenantId, { ...redemption, scopes });
      if (admin.tenantId !== tenantId.toLowerCase()) return { done: true, result: { kind: 'wrong-tenant' } };
      const result = await this.readDelegated(admin, app.appId, requested);
      const settled = result.kind !== 'checked' || result.missing.length === 0 || result.missing.every((s) => result.adminOnly.includes(s));
      return { done: settled, result };
    });
  }

  /**
   * Application permissions: the `roles` of the app's own fresh token in that tenant. `once` makes a
   * single attempt (a live check while someone waits for an answer).
   */
  async verifyApplication(app: AppCredentials, tenantId: string, requested: string[], once = false): Promise<Verification> {
    return withRetries(once ? { ...this.policy, delaysMs: [] } : this.policy, async () => {
      const roles = await this.tokens.applicationPermissions(app, this.graphHost, tenantId);
      const missing = requested.filter((name) => !roles.includes(name));
      const result: Verification = { kind: 'checked', granted: requested.filter((n) => roles.includes(n)), missing, adminOnly: [] };
      return { done: missing.length === 0, result };
    });
  }

  /**
   * The "confirm you are an admin" sign-in: redeems its code (User.Read only) and reads the
   * signer's directory roles. With the same token it also looks, best effort, at what the admin's
   * sign-in can see: the apps' service principals and Tikit's organization-wide delegated grant.
   */
  async verifyAdmin(
    app: AppCredentials,
    tenantId: string,
    redemption: { code: string; redirectUri: string; codeVerifier: string },
    otherAppIds: string[] = [],
  ): Promise<AdminCheckResult> {
    let admin: Awaited<ReturnType<EntraTokens['redeemCode']>> | undefined;
    let roles: string[] = [];
    const result = await withRetries(this.policy, async () => {
      admin ??= await this.tokens.redeemCode(app, tenantId, { ...redemption, scopes: [`${this.graphHost.origin}/${ADMIN_CHECK_SCOPE}`] });
      if (admin.tenantId !== tenantId.toLowerCase()) return { done: true, result: { kind: 'wrong-tenant' } };
      roles = await new GraphReader(this.graphHost, admin.accessToken).directoryRoleTemplateIds();
      return { done: true, result: { kind: 'checked', granted: [], missing: [], adminOnly: [] } };
    });
    if (result.kind !== 'checked') return result;
    if (!admin) return { kind: 'unavailable' };
    const seen = await this.lookAround(admin.accessToken, app.appId, otherAppIds);
    return { kind: 'roles', userId: admin.userId, userName: admin.userName, roleTemplateIds: roles, ...seen };
  }

  private async lookAround(
    accessToken: string,
    tikitAppId: string,
    otherAppIds: string[],
  ): Promise<{ servicePrincipalIds: Record<string, string>; tikitTenantWide?: string[] }> {
    const graph = new GraphReader(this.graphHost, accessToken);
    const servicePrincipalIds: Record<string, string> = {};
    try {
      for (const appId of [tikitAppId, ...otherAppIds]) {
        const id = await graph.servicePrincipalId(appId);
        if (id) servicePrincipalIds[appId] = id;
      }
      const tikitSp = servicePrincipalIds[tikitAppId];
      if (!tikitSp) return { servicePrincipalIds };
      const grants = await graph.delegatedGrants(tikitSp);
      return { servicePrincipalIds, tikitTenantWide: grants.filter((g) => g.consentType === 'AllPrincipals').flatMap((g) => g.scopes) };
    } catch {
      // The roles were the point; what else the token can see is a bonus, not a failure.
      return { servicePrincipalIds };
    }
  }

  private async readDelegated(admin: { accessToken: string; userId: string; userName: string }, appId: string, requested: string[]): Promise<Verification> {
    const graph = new GraphReader(this.graphHost, admin.accessToken);
    const servicePrincipalId = await graph.servicePrincipalId(appId);
    const grants = servicePrincipalId ? await graph.delegatedGrants(servicePrincipalId) : [];
    const roleTemplateIds = await graph.directoryRoleTemplateIds();
    const tenantWide = new Set(grants.filter((g) => g.consentType === 'AllPrincipals').flatMap((g) => g.scopes));
    const mine = new Set(grants.filter((g) => g.consentType === 'Principal' && g.principalId === admin.userId).flatMap((g) => g.scopes));
    const missing = requested.filter((s) => !tenantWide.has(s));
    return {
      kind: 'checked',
      granted: requested.filter((s) => tenantWide.has(s)),
      missing,
      adminOnly: missing.filter((s) => mine.has(s)),
      tenantWideDelegated: [...tenantWide],
      ...(servicePrincipalId ? { servicePrincipalId } : {}),
      admin: { userId: admin.userId, userName: admin.userName, roleTemplateIds },
    };
  }
}
