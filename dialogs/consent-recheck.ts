import type { ConsentVerifier } from '../permissions/consent-verifier';
import type { AppCredentials } from '../permissions/entra-tokens';
import type { AppRegistrationId } from '../permissions/types';
import { expectedPermissions, recordVerification } from './consent-outcome';
import { type Outcome, verifiedOutcome } from './outcome-presenter';
import type { PendingConsent, TenantRecords } from './tenant-record';
import { type AccessRequests, grantedText } from './access-requests';

/**
 * Checks application consents without waiting for Microsoft's redirect: their grants show in the
 * app's own token, so "Check now" and `status` can settle them (the admin closed the tab, or
 * Microsoft was unreachable when the redirect came). Delegated consents need the redirect's code.
 */
export class ConsentRecheck {
  constructor(
    private readonly tenants: TenantRecords,
    private readonly verifier: ConsentVerifier,
    private readonly credentials: Partial<Record<AppRegistrationId, AppCredentials>>,
    private readonly now: () => Date,
    private readonly requests: AccessRequests,
  ) {}

  /** One pending consent; undefined while Microsoft does not show it granted (or cannot tell). */
  async checkNow(tenantId: string, pending: PendingConsent): Promise<Outcome | undefined> {
    const credentials = this.credentials[pending.app];
    if (pending.kind === 'delegated' || !credentials) return undefined;
    const result = await this.verifier.verifyApplication(credentials, tenantId, expectedPermissions(pending), true);
    if (result.kind !== 'checked' || result.missing.length > 0) return undefined;
    // Settled once: if the redirect (or another check) recorded it meanwhile, this changes nothing.
    const recorded = await this.tenants.update(tenantId, (record) =>
      record.pendingConsents[pending.id] ? recordVerification(record, pending, result, this.now()) : undefined,
    );
    if (!recorded) return undefined;
    for (const request of recorded.granted) await this.requests.tellRequester(request, grantedText(request));
    return verifiedOutcome(pending, result, recorded.switchedOn);
  }

  /** Every consent kept for a later check after Microsoft was unreachable: the outcomes now settled. */
  async resumeKept(tenantId: string): Promise<Outcome[]> {
    const record = await this.tenants.read(tenantId);
    const outcomes: Outcome[] = [];
    for (const pending of Object.values(record.pendingConsents).filter((p) => p.verifyLater)) {
      const outcome = await this.checkNow(tenantId, pending);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  canCheckNow(pending: PendingConsent): boolean {
    return pending.kind !== 'delegated' && this.credentials[pending.app] !== undefined;
  }
}
