import { type AdaptiveCardInvokeResponse, type TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/notice';
import { isFeatureId } from '../permissions/catalog';
import type { FeatureId } from '../permissions/types';
import { standingOf } from './admins';
import { type CardAction, cardResponse, messageResponse, showPressedCardToEveryone, stringField } from './card-action';
import type { Requester } from './consent-requests';
import { disableConfirmation } from './disable-feature';
import { featureSettingsAttachment, settingsChange } from './feature-settings';
import type { Journeys } from './journeys';
import { OUTSIDE_TENANT_MESSAGE, referenceOf, requesterOf } from './requester';
import { enabledFeatures } from './tenant-record';
import type { RouterDependencies } from './turn-services';

const NOTHING_CHANGED = 'That button did not name anything I know. Nothing was changed.';

function closed(title: string, text: string) {
  return noticeCard({ title, color: 'Default', paragraphs: [text], facts: [], links: [], buttons: [] });
}

function featuresIn(data: Record<string, unknown>): FeatureId[] {
  return Array.isArray(data.features) ? [...new Set(data.features.filter((f): f is FeatureId => typeof f === 'string' && isFeatureId(f)))] : [];
}

/**
 * Card presses (Action.Execute). Each answers the presser on the card; actions only an admin may
 * take (turning a feature off, answering a colleague's request) first check the presser's roles.
 */
export class CardActionRouter {
  constructor(
    private readonly deps: RouterDependencies,
    private readonly journeys: Journeys,
  ) {}

  async handle(context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const requester = requesterOf(context);
    if (!requester) return messageResponse(OUTSIDE_TENANT_MESSAGE);
    switch (action.verb) {
      case 'consent.start':
        return this.journeys.continueWith(context, action);
      case 'journey.cancel':
        await this.journeys.cancel(context);
        return cardResponse(closed('Cancelled', 'Nothing was changed. Type "enable" and a feature to start again.'));
      case 'consent.check':
        return this.checkConsent(requester, context, action);
      case 'features.update':
        return this.updateFeatures(requester, context, action);
      case 'feature.fix':
        return this.fix(context, action);
      case 'disable.confirm':
        return (await this.adminGate(context, requester, 'Only a verified administrator can turn a feature off.')) ?? this.disable(requester, context, action);
      case 'disable.keep':
        return cardResponse(closed('Kept on', 'Nothing was changed.'));
      case 'request.create':
        return this.ask(requester, context, action);
      case 'request.approve':
        return (await this.adminGate(context, requester, 'Only a verified administrator can act on requests.')) ?? this.approve(requester, context, action);
      case 'request.decline':
        return (await this.adminGate(context, requester, 'Only a verified administrator can act on requests.')) ?? this.decline(requester, action);
      default:
        return messageResponse("I don't know that button: it may come from an older version of this card. Nothing was changed.");
    }
  }

  /** Undefined when the presser is a verified admin; otherwise the answer that stops the action. */
  private async adminGate(context: TurnContext, requester: Requester, why: string): Promise<AdaptiveCardInvokeResponse | undefined> {
    const record = await this.deps.tenants.read(requester.tenantId);
    const standing = standingOf(record, requester.userId, this.deps.now());
    if (standing.kind === 'admin') return undefined;
    if (standing.kind === 'not-admin') return messageResponse(`${why} Your account holds none of the admin roles.`);
    const reference = referenceOf(context);
    const offer = await this.deps.adminChecks.offer(reference, requester, `${why} Confirm that you are one first.`);
    await context.sendActivity({ text: offer.text, attachments: [offer.card] });
    return messageResponse('Confirm you are an administrator first: see the card below.');
  }

  private async disable(requester: Requester, context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const card = await this.deps.disabler.confirm(requester, action);
    await showPressedCardToEveryone(context, card);
    return cardResponse(card);
  }

  private async ask(requester: Requester, context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const features = featuresIn(action.data);
    if (features.length === 0) return messageResponse(NOTHING_CHANGED);
    const reference = referenceOf(context);
    const text = await this.deps.requests.ask(reference, requester, features);
    await context.sendActivity(text);
    return messageResponse(text);
  }

  private async approve(requester: Requester, context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const features = await this.deps.requests.featuresOf(requester.tenantId, stringField(action.data, 'requestId') ?? '');
    if (!features) return messageResponse('That request is no longer open: it was answered, or it expired.');
    await this.journeys.startEnable(context, features);
    return messageResponse('Review the permissions below, then continue to consent. The requester hears when it is granted.');
  }

  private async decline(requester: Requester, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const text = await this.deps.requests.decline(requester, stringField(action.data, 'requestId') ?? '');
    return cardResponse(closed('Request answered', text));
  }

  private async fix(context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const feature = typeof action.data.feature === 'string' && isFeatureId(action.data.feature) ? action.data.feature : undefined;
    if (!feature) return messageResponse(NOTHING_CHANGED);
    await this.journeys.startEnable(context, [feature]);
    return messageResponse('Review the permissions below, then continue to consent.');
  }

  private async updateFeatures(requester: Requester, context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const record = await this.deps.tenants.read(requester.tenantId);
    const change = settingsChange(record, action);
    if (change.kind === 'stale') {
      await context.sendActivity('The settings changed since that card was sent, so I did not act on it. Here they are now:');
      return cardResponse(featureSettingsAttachment(record));
    }
    if (change.kind === 'invalid') return messageResponse('That card sent something I cannot read. Nothing was changed.');
    if (change.kind === 'unchanged') return messageResponse('Nothing changed: switch a feature on or off first.');
    if (change.switchedOn.length > 0) await this.journeys.startEnable(context, change.switchedOn);
    if (change.switchedOff.length > 0) await context.sendActivity(disableConfirmation(change.switchedOff, enabledFeatures(record)));
    return cardResponse(featureSettingsAttachment(record));
  }

  private async checkConsent(requester: Requester, context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const record = await this.deps.tenants.read(requester.tenantId);
    const pending = record.pendingConsents[stringField(action.data, 'consentId') ?? ''];
    if (!pending) return messageResponse('I have no open consent for that card: it was completed, cancelled or has expired.');
    const outcome = await this.deps.recheck.checkNow(record.tenantId, pending);
    if (outcome) {
      await showPressedCardToEveryone(context, outcome.card);
      await context.sendActivity(outcome.text);
      return cardResponse(outcome.card);
    }
    return messageResponse(
      this.deps.recheck.canCheckNow(pending)
        ? 'Microsoft does not show this consent as granted yet. Open the link and accept; new grants can take a minute to appear.'
        : "Microsoft has not sent me the result of this consent yet. Open the link, accept, and I'll confirm here.",
    );
  }
}
