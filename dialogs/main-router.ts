import { type AdaptiveCardInvokeResponse, type ConversationState, TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/notice';
import type { FeatureId } from '../permissions/types';
import { isFeatureId } from '../permissions/catalog';
import { answerQuestion } from './answers';
import type { ConsentRecheck } from './consent-recheck';
import type { GrantProbe } from './live-grants';
import { type CardAction, cardResponse, messageResponse } from './card-action';
import type { ConsentRequests } from './consent-requests';
import { disableConfirmation, type FeatureDisabler } from './disable-feature';
import { Journeys } from './journeys';
import { featureSettingsAttachment, settingsChange } from './feature-settings';
import { helpReply, welcomeReply } from './help';
import { historyReply, statusReply } from './status';
import { recognize } from './recognizer';
import { OUTSIDE_TENANT_MESSAGE, requesterOf, tenantIdOf } from './requester';
import { featureNames } from './review-presenter';
import { enabledFeatures, type TenantRecords } from './tenant-record';

export interface RouterDependencies {
  conversationState: ConversationState;
  tenants: TenantRecords;
  consents: ConsentRequests;
  disabler: FeatureDisabler;
  recheck: ConsentRecheck;
  probe: GrantProbe;
  now: () => Date;
}

/**
 * Decides what each turn means and answers it. Every message gets an answer (what is not understood
 * gets help), questions never change anything, and only card presses start consents or change state.
 */
export class MainRouter {
  private readonly journeys: Journeys;

  constructor(private readonly deps: RouterDependencies) {
    this.journeys = new Journeys(deps.conversationState, deps.tenants, deps.consents);
  }

  async onMessage(context: TurnContext, text: string): Promise<void> {
    const recognition = recognize(text);
    switch (recognition.intent) {
      case 'enable':
        return this.startEnable(context, recognition.features);
      case 'disable':
        return this.askDisable(context, recognition.features);
      case 'features':
        return this.showFeatures(context);
      case 'explain':
      case 'feature-permissions':
      case 'features-using':
        await context.sendActivity(answerQuestion(recognition));
        return;
      case 'status':
        return this.showStatus(context);
      case 'history':
        return this.withRecord(context, async (record) => void (await context.sendActivity(historyReply(record))));
      case 'declined':
        await context.sendActivity(`OK, I won't enable ${recognition.features.length ? featureNames(recognition.features) : 'anything'}. Nothing was changed.`);
        return;
      case 'cancel':
        return this.cancel(context);
      case 'help':
        await context.sendActivity(helpReply());
        return;
      default:
        await context.sendActivity(helpReply("Sorry, I didn't understand that", 'Here is what I can do. Type a command or press an example; in a channel, mention me first.'));
    }
  }

  async onCardAction(context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const requester = requesterOf(context);
    if (!requester) return messageResponse(OUTSIDE_TENANT_MESSAGE);
    switch (action.verb) {
      case 'consent.start':
        return this.journeys.continueWith(context, action);
      case 'journey.cancel':
        await this.journeys.cancel(context);
        return cardResponse(cancelledCard());
      case 'features.update':
        return this.updateFeatures(context, action);
      case 'disable.confirm': {
        const card = await this.deps.disabler.confirm(requester, action);
        if (context.activity.replyToId) await context.updateActivity({ type: 'message', id: context.activity.replyToId, attachments: [card] });
        return cardResponse(card);
      }
      case 'disable.keep':
        return cardResponse(noticeCard({ title: 'Kept on', color: 'Default', paragraphs: ['Nothing was changed.'], facts: [], links: [], buttons: [] }));
      case 'consent.check':
        return this.checkConsent(context, action);
      case 'feature.fix': {
        const feature = typeof action.data.feature === 'string' && isFeatureId(action.data.feature) ? action.data.feature : undefined;
        if (!feature) return messageResponse('That button did not name a feature. Nothing was changed.');
        await this.startEnable(context, [feature]);
        return messageResponse('Review the permissions below, then continue to consent.');
      }
      default:
        return messageResponse("I don't know that button: it may come from an older version of this card. Nothing was changed.");
    }
  }

  /** The bot was added to a personal chat, group chat or team: greet and remember the conversation. */
  async onInstalled(context: TurnContext): Promise<void> {
    const tenantId = tenantIdOf(context);
    if (tenantId) {
      const { activityId: _turnSpecific, ...reference } = TurnContext.getConversationReference(context.activity);
      const conversationId = context.activity.conversation.id;
      const seenAt = this.deps.now().toISOString();
      await this.deps.tenants.update(tenantId, (record) => {
        record.conversations[conversationId] ??= { reference, conversationType: context.activity.conversation.conversationType ?? 'personal', firstSeen: seenAt };
      });
    }
    await context.sendActivity(welcomeReply());
  }

  /** Settles consents kept for a later check, then reports each feature with a live look at its grants. */
  private async showStatus(context: TurnContext): Promise<void> {
    const tenantId = tenantIdOf(context);
    if (!tenantId) return void (await context.sendActivity(OUTSIDE_TENANT_MESSAGE));
    for (const outcome of await this.deps.recheck.resumeKept(tenantId)) await context.sendActivity({ text: outcome.text, attachments: [outcome.card] });
    const [record, live] = await Promise.all([this.deps.tenants.read(tenantId), this.deps.probe.probe(tenantId)]);
    await context.sendActivity(statusReply(record, live));
  }

  private async startEnable(context: TurnContext, features: FeatureId[]): Promise<void> {
    if (features.length === 0) return this.showFeatures(context, 'Which feature? Switch it on below, or type e.g. "enable intune connector".');
    await this.journeys.startEnable(context, features);
  }

  private async cancel(context: TurnContext): Promise<void> {
    const ended = await this.journeys.cancel(context);
    await context.sendActivity(ended ? 'Cancelled. Nothing was changed.' : 'There is nothing to cancel.');
  }

  private async askDisable(context: TurnContext, features: FeatureId[]): Promise<void> {
    if (features.length === 0) return this.showFeatures(context, 'Which feature? Switch it off below, or type e.g. "disable email connector".');
    await this.withRecord(context, async (record) => {
      await context.sendActivity(disableConfirmation(features, enabledFeatures(record)));
    });
  }

  private async showFeatures(context: TurnContext, lead?: string): Promise<void> {
    await this.withRecord(context, async (record) => {
      await context.sendActivity({ text: lead ?? 'Consent Management', attachments: [featureSettingsAttachment(record)] });
    });
  }

  private async updateFeatures(context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const record = await this.deps.tenants.read(requesterOf(context)!.tenantId);
    const change = settingsChange(record, action);
    if (change.kind === 'stale') {
      await context.sendActivity('The settings changed since that card was sent, so I did not act on it. Here they are now:');
      return cardResponse(featureSettingsAttachment(record));
    }
    if (change.kind === 'invalid') return messageResponse('That card sent something I cannot read. Nothing was changed.');
    if (change.kind === 'unchanged') return messageResponse('Nothing changed: switch a feature on or off first.');
    if (change.switchedOn.length > 0) await this.startEnable(context, change.switchedOn);
    if (change.switchedOff.length > 0) await context.sendActivity(disableConfirmation(change.switchedOff, enabledFeatures(record)));
    return cardResponse(featureSettingsAttachment(record));
  }

  private async checkConsent(context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const record = await this.deps.tenants.read(requesterOf(context)!.tenantId);
    const pending = typeof action.data.consentId === 'string' ? record.pendingConsents[action.data.consentId] : undefined;
    if (!pending) return messageResponse('I have no open consent for that card: it was completed, cancelled or has expired.');
    const outcome = await this.deps.recheck.checkNow(record.tenantId, pending);
    if (outcome) {
      if (context.activity.replyToId) await context.updateActivity({ type: 'message', id: context.activity.replyToId, attachments: [outcome.card] });
      await context.sendActivity(outcome.text);
      return cardResponse(outcome.card);
    }
    return messageResponse(
      this.deps.recheck.canCheckNow(pending)
        ? 'Microsoft does not show this consent as granted yet. Open the link and accept; new grants can take a minute to appear.'
        : "Microsoft has not sent me the result of this consent yet. Open the link, accept, and I'll confirm here.",
    );
  }

  private async withRecord(context: TurnContext, use: (record: Awaited<ReturnType<TenantRecords['read']>>) => Promise<void>): Promise<void> {
    const tenantId = tenantIdOf(context);
    if (!tenantId) {
      await context.sendActivity(OUTSIDE_TENANT_MESSAGE);
      return;
    }
    await use(await this.deps.tenants.read(tenantId));
  }
}

function cancelledCard() {
  return noticeCard({ title: 'Cancelled', color: 'Default', paragraphs: ['Nothing was changed. Type "enable" and a feature to start again.'], facts: [], links: [], buttons: [] });
}
