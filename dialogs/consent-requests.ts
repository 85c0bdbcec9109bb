import { randomUUID } from 'node:crypto';
import type { ConversationReference } from 'botbuilder';
import { adminConsentUrl, authorizeUrl } from '../permissions/consent-link';
import { type ConsentStep, planConsent, scopesForDelegatedStep, VERIFICATION_SCOPE } from '../permissions/consent-plan';
import { codeChallengeFor, createCodeVerifier } from '../permissions/pkce';
import { signState, STATE_LIFETIME_SECONDS } from '../permissions/state-token';
import type { AppRegistrationId, FeatureId } from '../permissions/types';
import { addEvent, enabledFeatures, type PendingConsent, type TenantRecord, type TenantRecords } from './tenant-record';

/** Everything a consent link depends on that comes from configuration. */
export interface ConsentSettings {
  authorityHost: URL;
  graphHost: URL;
  /** PUBLIC_URL/api/consent/callback: must be registered on both app registrations. */
  redirectUri: string;
  clientIds: Record<AppRegistrationId, string>;
  stateSecret: string;
}

export interface ConsentLink {
  pending: PendingConsent;
  url: string;
}

export interface Requester {
  tenantId: string;
  userId: string;
  userName: string;
}

/**
 * Creates (or finds) the pending consent for one step and builds its link. The pending consent is
 * stored before any card shows the link; a second press for the same step while one is open reuses
 * it, so double presses and two admins at once lead to one pending consent.
 */
export class ConsentRequests {
  constructor(
    private readonly tenants: TenantRecords,
    private readonly settings: ConsentSettings,
    private readonly now: () => Date,
  ) {}

  async open(
    reference: Partial<ConversationReference>,
    requester: Requester,
    step: ConsentStep,
    journeyFeatures: FeatureId[],
    cardActivityId: string | null,
  ): Promise<ConsentLink> {
    const now = this.now();
    const pending = await this.tenants.update(requester.tenantId, (record) =>
      this.openIn(record, reference, requester, step, journeyFeatures, cardActivityId, now),
    );
    return { pending, url: this.linkFor(pending) };
  }

  /**
   * Plans the consents for `features` on the record as it is now and opens the first one, in one
   * read-modify-write. Undefined when everything is granted already.
   */
  async openFirst(
    reference: Partial<ConversationReference>,
    requester: Requester,
    features: FeatureId[],
    journeyFeatures: FeatureId[],
    cardActivityId: string | null,
  ): Promise<(ConsentLink & { steps: number }) | undefined> {
    const now = this.now();
    const opened = await this.tenants.update(requester.tenantId, (record) => {
      const steps = planConsent(features, record.grants.baseGranted);
      if (!steps[0]) return undefined;
      return { pending: this.openIn(record, reference, requester, steps[0], journeyFeatures, cardActivityId, now), steps: steps.length };
    });
    return opened && { ...opened, url: this.linkFor(opened.pending) };
  }

  /** The open consent for this step (a second press reuses it), or a new one stored in `record`. */
  private openIn(
    record: TenantRecord,
    reference: Partial<ConversationReference>,
    requester: Requester,
    step: ConsentStep,
    journeyFeatures: FeatureId[],
    cardActivityId: string | null,
    now: Date,
  ): PendingConsent {
    dropExpired(record.pendingConsents, now);
    const open = Object.values(record.pendingConsents).find((p) => !p.consumedAt && sameStep(p, step));
    if (open) {
      open.cardActivityId ??= cardActivityId;
      return open;
    }
    const created = this.newPending(requester, step, journeyFeatures, enabledFeatures(record), reference, now);
    created.cardActivityId = cardActivityId;
    record.pendingConsents[created.id] = created;
    addEvent(record, {
      at: now.toISOString(),
      by: requester.userName,
      action: 'consent-link-sent',
      areas: step.areas,
      detail: `${step.kind} consent on ${step.app}`,
    });
    return created;
  }

  /** Remembers which message shows a consent card sent after the link was made. */
  async attachCard(tenantId: string, pendingId: string, cardActivityId: string): Promise<void> {
    await this.tenants.update(tenantId, (record) => {
      const pending = record.pendingConsents[pendingId];
      if (pending) pending.cardActivityId ??= cardActivityId;
    });
  }

  linkFor(pending: PendingConsent): string {
    const state = signState(
      {
        id: pending.id,
        tenantId: pending.reference.conversation?.tenantId ?? '',
        conversationId: pending.conversationId,
        userId: pending.userId,
        app: pending.app,
        areas: pending.areas,
        exp: Math.floor(Date.parse(pending.expiresAt) / 1000),
      },
      this.settings.stateSecret,
    );
    const endpoint = {
      authorityHost: this.settings.authorityHost,
      tenantId: pending.reference.conversation?.tenantId ?? '',
      clientId: this.settings.clientIds[pending.app],
      redirectUri: this.settings.redirectUri,
      state,
    };
    if (pending.kind === 'delegated') {
      const scopes = [...new Set([...pending.scopes, VERIFICATION_SCOPE])];
      return authorizeUrl(endpoint, this.settings.graphHost, scopes, codeChallengeFor(pending.codeVerifier ?? ''));
    }
    return adminConsentUrl(endpoint, this.settings.graphHost);
  }

  private newPending(
    requester: Requester,
    step: ConsentStep,
    journeyFeatures: FeatureId[],
    enabled: FeatureId[],
    reference: Partial<ConversationReference>,
    now: Date,
  ): PendingConsent {
    const delegated = step.kind === 'delegated';
    return {
      id: randomUUID(),
      kind: step.kind,
      app: step.app,
      areas: step.areas,
      journeyFeatures,
      scopes: delegated ? scopesForDelegatedStep(step, enabled) : [],
      codeVerifier: delegated ? createCodeVerifier() : null,
      userId: requester.userId,
      userName: requester.userName,
      conversationId: reference.conversation?.id ?? '',
      reference: { ...reference, conversation: { ...reference.conversation!, tenantId: requester.tenantId } },
      cardActivityId: null,
      consumedAt: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + STATE_LIFETIME_SECONDS * 1000).toISOString(),
    };
  }
}

function sameStep(pending: PendingConsent, step: ConsentStep): boolean {
  return pending.kind === step.kind && pending.app === step.app && [...pending.areas].sort().join() === [...step.areas].sort().join();
}

function dropExpired(pendingConsents: Record<string, PendingConsent>, now: Date): void {
  for (const [id, pending] of Object.entries(pendingConsents)) {
    if (Date.parse(pending.expiresAt) <= now.getTime()) delete pendingConsents[id];
  }
}
