import { rowsFor } from '../permissions/catalog';
import type { ConsentVerifier, Verification } from '../permissions/consent-verifier';
import type { AppCredentials } from '../permissions/entra-tokens';
import type { AppRegistrationId } from '../permissions/types';

/** What one app holds right now, as far as the bot can tell without an admin signed in. */
export type LiveAppGrants =
  | { kind: 'checked'; granted: string[]; missing: string[] }
  | { kind: 'off' } // no app secret: verification is off (local mode)
  | { kind: 'not-consented' }
  | { kind: 'unavailable' };

export type LiveGrants = Record<AppRegistrationId, LiveAppGrants>;

/** The application permissions each app should hold when everything is granted. */
export function applicationPermissionsOf(app: AppRegistrationId): string[] {
  return app === 'tikit'
    ? rowsFor(['required'], 'tikit', 'Application').map((r) => r.name)
    : rowsFor(['email-connector'], app, 'Application').map((r) => r.name);
}

/**
 * A live look at the application grants of both apps (client-credentials tokens, one attempt each).
 * Delegated grants need an admin's token, so they are reported as last confirmed instead.
 */
export class GrantProbe {
  constructor(
    private readonly verifier: ConsentVerifier,
    private readonly credentials: Partial<Record<AppRegistrationId, AppCredentials>>,
  ) {}

  async probe(tenantId: string): Promise<LiveGrants> {
    const [tikit, email] = await Promise.all([this.probeApp('tikit', tenantId), this.probeApp('tikit-email-connector', tenantId)]);
    return { tikit, 'tikit-email-connector': email };
  }

  private async probeApp(app: AppRegistrationId, tenantId: string): Promise<LiveAppGrants> {
    const credentials = this.credentials[app];
    if (!credentials) return { kind: 'off' };
    const result: Verification = await this.verifier.verifyApplication(credentials, tenantId, applicationPermissionsOf(app), true);
    if (result.kind === 'checked') return { kind: 'checked', granted: result.granted, missing: result.missing };
    if (result.kind === 'rejected' && (result.aadsts === 700016 || result.failure === 'app-not-in-directory')) return { kind: 'not-consented' };
    return { kind: 'unavailable' };
  }
}
