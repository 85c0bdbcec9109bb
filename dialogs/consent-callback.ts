import type { TurnContext } from 'botbuilder';
import { failureReason } from '../permissions/consent-errors';
import { planConsent } from '../permissions/consent-plan';
import type { ConsentVerifier, Verification } from '../permissions/consent-verifier';
import type { AppCredentials } from '../permissions/entra-tokens';
import { type ConsentState, verifyState } from '../permissions/state-token';
import type { AppRegistrationId } from '../permissions/types';
import { type AccessRequests, grantedText } from './access-requests';
import type { AdminChecks } from './admin-checks';
import { consentCardFor } from './consent-presenter';
import { NOT_TOLD, type Notify, tellChat } from './tell-chat';
import type { ConsentRequests } from './consent-requests';
import { expectedPermissions, recordVerification } from './consent-outcome';
import { failedOutcome, incompleteOutcome, type Outcome, unavailableOutcome, unverifiableOutcome, verifiedOutcome } from './outcome-presenter';
import { enabledFeatures, addEvent, type PendingConsent, type TenantRecords } from './tenant-record';

/** Microsoft's redirect, as query strings (anything else was dropped by the HTTP edge). */
export type CallbackQuery = Partial<Record<'state' | 'code' | 'error' | 'error_description' | 'admin_consent' | 'tenant', string>>;

/** What the browser is shown: small, neutral, and never the reason a forged link failed in detail. */
export interface CallbackPage {
  status: number;
  title: string;
  message: string;
}

export interface CallbackDependencies {
  tenants: TenantRecords;
  consents: ConsentRequests;
  verifier: ConsentVerifier;
  /** Credentials per app; an app without a secret cannot be verified (local mode). */
  credentials: Partial<Record<AppRegistrationId, AppCredentials>>;
  stateSecret: string;
  redirectUri: string;
  now: () => Date;
  adminChecks: AdminChecks;
  requests: AccessRequests;
  /** Runs `logic` in the conversation of `reference` (proactive messaging through the adapter). */
  notify: Notify;
}

const SECRET_VARIABLE: Record<AppRegistrationId, string> = { tikit: 'TIKIT_APP_SECRET', 'tikit-email-connector': 'TIKIT_EMAIL_APP_SECRET' };

export class ConsentCallback {
  constructor(private readonly deps: CallbackDependencies) {}

  async handle(query: CallbackQuery): Promise<CallbackPage> {
    const check = verifyState(query.state, this.deps.stateSecret, this.deps.now());
    if (!check.ok) {
      const expired = check.reason === 'expired';
      return page(
        400,
        expired ? 'This consent link has expired' : 'This consent link is not valid',
        'Nothing was changed. Start again from Microsoft Teams: ask the Tikit Consent Assistant to enable the feature.',
      );
    }
    const state = check.state;
    // Microsoft warns that `tenant` can be forged; it must at least agree with the signed state.
    if (query.tenant !== undefined && query.tenant.toLowerCase() !== state.tenantId) {
      return page(403, 'Consent reported for another organization', 'This consent link belongs to a different organization. Nothing was changed.');
    }
    if (state.purpose === 'admin-check') return this.deps.adminChecks.complete(state, query);
    const pending = await this.consume(state);
    if (!pending)
      return page(
        409,
        'This consent link was already used',
        'Each link works once, and this one was used, cancelled or replaced. Nothing was changed; check the chat in Teams.',
      );

    const outcome = await this.outcomeFor(query, pending);
    const told = await tellChat(this.deps.notify, pending.reference, async (context) => {
      if (pending.cardActivityId) await context.updateActivity({ type: 'message', id: pending.cardActivityId, attachments: [outcome.card] });
      else await context.sendActivity({ attachments: [outcome.card] });
      await context.sendActivity(outcome.text);
      await this.continueJourney(context, pending);
    });
    return page(200, outcome.page.title, `${outcome.page.message}${told ? '' : NOT_TOLD}`);
  }

  /** Marks the pending consent used, exactly once, if the signed state matches what was stored. */
  private async consume(state: ConsentState): Promise<PendingConsent | undefined> {
    const at = this.deps.now().toISOString();
    return this.deps.tenants.update(state.tenantId, (record) => {
      const pending = record.pendingConsents[state.id];
      const matches =
        pending && !pending.consumedAt && pending.conversationId === state.conversationId && pending.userId === state.userId && pending.app === state.app;
      if (!matches) return undefined;
      pending.consumedAt = at;
      return { ...pending };
    });
  }

  private async outcomeFor(query: CallbackQuery, pending: PendingConsent): Promise<Outcome & { page: { title: string; message: string } }> {
    const tenantId = pending.reference.conversation?.tenantId ?? '';
    if (query.error !== undefined) {
      // Branch on `error` first: admin_consent=True also comes with failures.
      const reason = failureReason(query.error, query.error_description);
      const outcome = failedOutcome(pending, reason, undefined, await this.retryUrl(pending));
      await this.finish(tenantId, pending, 'consent-failed', reason);
      return { ...outcome, page: { title: 'Consent was not given', message: outcome.text } };
    }
    const credentials = this.deps.credentials[pending.app];
    if (!credentials) {
      await this.finish(tenantId, pending, 'consent-unverified', 'verification off: no app secret');
      const outcome = unverifiableOutcome(pending, SECRET_VARIABLE[pending.app]);
      return { ...outcome, page: { title: 'Consent received, not verified', message: outcome.text } };
    }
    const result = await this.verify(query, pending, credentials, tenantId);
    return this.record(tenantId, pending, result);
  }

  private async verify(query: CallbackQuery, pending: PendingConsent, credentials: AppCredentials, tenantId: string): Promise<Verification> {
    if (pending.kind !== 'delegated') return this.deps.verifier.verifyApplication(credentials, tenantId, expectedPermissions(pending));
    if (!query.code || !pending.codeVerifier) return { kind: 'rejected', failure: 'unknown' };
    return this.deps.verifier.verifyDelegated(credentials, tenantId, pending.scopes, {
      code: query.code,
      redirectUri: this.deps.redirectUri,
      codeVerifier: pending.codeVerifier,
    });
  }

  private async record(tenantId: string, pending: PendingConsent, result: Verification): Promise<Outcome & { page: { title: string; message: string } }> {
    switch (result.kind) {
      case 'checked': {
        const { switchedOn, granted } = await this.deps.tenants.update(tenantId, (record) =>
          recordVerification(record, { ...pending }, result, this.deps.now()),
        );
        for (const request of granted) await this.deps.requests.tellRequester(request, grantedText(request));
        const outcome =
          result.missing.length === 0 ? verifiedOutcome(pending, result, switchedOn) : incompleteOutcome(pending, result, await this.retryUrl(pending));
        return {
          ...outcome,
          page: {
            title: result.missing.length === 0 ? 'Consent verified' : 'Consent incomplete',
            message: `${outcome.text} You can close this tab and return to Microsoft Teams.`,
          },
        };
      }
      case 'rejected': {
        await this.finish(tenantId, pending, 'consent-failed', result.failure);
        const outcome = failedOutcome(pending, result.failure, result.aadsts, await this.retryUrl(pending));
        return { ...outcome, page: { title: 'Consent could not be verified', message: outcome.text } };
      }
      case 'wrong-tenant': {
        await this.finish(tenantId, pending, 'consent-failed', 'signed in to another organization');
        const outcome = failedOutcome(pending, 'wrong-directory', undefined, await this.retryUrl(pending));
        return { ...outcome, page: { title: 'Signed in to another organization', message: outcome.text } };
      }
      case 'unavailable': {
        // Kept (consumed) so `status` can check again: nothing recorded is lost.
        await this.keepForLater(tenantId, pending);
        const outcome = unavailableOutcome(pending);
        return { ...outcome, page: { title: 'Not verified yet', message: outcome.text } };
      }
    }
  }

  private async keepForLater(tenantId: string, pending: PendingConsent): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.tenants.update(tenantId, (record) => {
      const kept = record.pendingConsents[pending.id];
      if (kept) kept.verifyLater = true;
      addEvent(record, {
        at,
        by: pending.userName,
        action: 'consent-unverified',
        areas: pending.areas,
        detail: 'Microsoft could not be reached; kept to check again',
      });
    });
  }

  private async finish(tenantId: string, pending: PendingConsent, action: 'consent-failed' | 'consent-unverified', detail: string): Promise<void> {
    const at = this.deps.now().toISOString();
    await this.deps.tenants.update(tenantId, (record) => {
      delete record.pendingConsents[pending.id];
      addEvent(record, { at, by: pending.userName, action, areas: pending.areas, detail });
    });
  }

  /** A fresh link for the same step, so "try again" is one click. */
  private async retryUrl(pending: PendingConsent): Promise<string | undefined> {
    const requester = { tenantId: pending.reference.conversation?.tenantId ?? '', userId: pending.userId, userName: pending.userName };
    const link = await this.deps.consents.open(pending.reference, requester, pending, pending.journeyFeatures, pending.cardActivityId);
    return link.url;
  }

  /** After the base consent, the journey goes on with the features the admin asked for. */
  private async continueJourney(context: TurnContext, pending: PendingConsent): Promise<void> {
    if (pending.kind !== 'base') return;
    const tenantId = pending.reference.conversation?.tenantId ?? '';
    const record = await this.deps.tenants.read(tenantId);
    if (!record.grants.baseGranted) return;
    const remaining = pending.journeyFeatures.filter((feature) => !enabledFeatures(record).includes(feature));
    const steps = planConsent(remaining, true);
    const requester = { tenantId, userId: pending.userId, userName: pending.userName };
    for (const [index, step] of steps.entries()) {
      const link = await this.deps.consents.open(pending.reference, requester, step, pending.journeyFeatures, null);
      const sent = await context.sendActivity({ attachments: [consentCardFor(link.pending, link.url, { index: index + 2, total: steps.length + 1 })] });
      if (sent?.id) await this.deps.consents.attachCard(tenantId, link.pending.id, sent.id);
    }
  }
}

function page(status: number, title: string, message: string): CallbackPage {
  return { status, title, message };
}
