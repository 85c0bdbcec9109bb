import { randomUUID } from 'node:crypto';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { getFeature, isFeatureId } from '../permissions/catalog';
import type { AppRegistrationId, FeatureId } from '../permissions/types';
import { type CardAction, cardResponse, messageResponse, showPressedCardToEveryone, stringField } from './card-action';
import { consentCardFor } from './consent-presenter';
import { standingOf } from './admins';
import type { ConsentRequests } from './consent-requests';
import { OUTSIDE_TENANT_MESSAGE, referenceOf, requesterOf } from './requester';
import { appsFor, featureNames, reviewCards } from './review-presenter';
import type { TenantRecords } from './tenant-record';

export interface EnableOptions {
  features: FeatureId[];
}

/** What the journey remembers between turns (in the conversation's dialog state). */
export interface EnableState {
  journeyId: string;
  features: FeatureId[];
  /** The review cards sent, by app registration: they turn into consent cards in place. */
  cards: Partial<Record<AppRegistrationId, string>>;
}

/** Where a card press hands its result back to the router (dialogs return no value mid-turn). */
export const CARD_RESPONSE = Symbol('card response');

/**
 * The enable journey: review cards (one per app registration) → "Continue to consent" → the consent
 * sign-in card, in place of the review. Waits between presses; questions in between leave it alone.
 */
export class EnableJourney extends Dialog<EnableOptions> {
  static readonly id = 'enable';

  constructor(
    private readonly tenants: TenantRecords,
    private readonly consents: ConsentRequests,
    private readonly now: () => Date,
  ) {
    super(EnableJourney.id);
  }

  override async beginDialog(dc: DialogContext, options?: EnableOptions): Promise<DialogTurnResult> {
    const requester = requesterOf(dc.context);
    if (!requester) {
      await dc.context.sendActivity(OUTSIDE_TENANT_MESSAGE);
      return dc.endDialog();
    }
    const features = options?.features ?? [];
    const record = await this.tenants.read(requester.tenantId);
    const state: EnableState = { journeyId: randomUUID(), features, cards: {} };
    const standing = standingOf(record, requester.userId, this.now()).kind;
    const cards = reviewCards({ journeyId: state.journeyId, features, grants: record.grants, standing });
    const apps = appsFor(features);
    for (const [index, card] of cards.entries()) {
      const sent = await dc.context.sendActivity({ text: `Review: ${featureNames(features)}`, attachments: [card] });
      if (sent?.id) state.cards[apps[index]!] = sent.id;
    }
    dc.activeDialog!.state = state;
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const action = dc.context.turnState.get(CARD_ACTION) as CardAction | undefined;
    const state = dc.activeDialog!.state as EnableState;
    if (action?.verb === 'consent.start') {
      dc.context.turnState.set(CARD_RESPONSE, await this.startConsent(dc, state, action));
    }
    return Dialog.EndOfTurn;
  }

  private async startConsent(dc: DialogContext, state: EnableState, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const requester = requesterOf(dc.context);
    if (!requester) return messageResponse(OUTSIDE_TENANT_MESSAGE);
    if (stringField(action.data, 'journeyId') !== state.journeyId) {
      return messageResponse('This card belongs to an earlier request. Use the newest card, or type "enable" and the feature again.');
    }
    const app = stringField(action.data, 'app');
    const features = state.features.filter((feature) => isFeatureId(feature) && getFeature(feature).apps.includes(app as AppRegistrationId));
    if (features.length === 0) return messageResponse('That button does not match this request. Nothing was changed.');

    const cardActivityId = dc.context.activity.replyToId ?? state.cards[app as AppRegistrationId] ?? null;
    const reference = referenceOf(dc.context);
    const link = await this.consents.openFirst(reference, requester, features, state.features, cardActivityId);
    if (!link) return messageResponse(`Everything ${featureNames(features)} needs is already granted.`);
    const card = consentCardFor(link.pending, link.url, { index: 1, total: link.steps });
    if (cardActivityId) await showPressedCardToEveryone(dc.context, card, cardActivityId);
    return cardResponse(card);
  }
}

/** The card action of this turn, set by the router before it continues the dialog. */
export const CARD_ACTION = Symbol('card action');
