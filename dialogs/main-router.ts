import { type AdaptiveCardInvokeResponse, type TurnContext } from 'botbuilder';
import type { FeatureId } from '../permissions/types';
import { openRequests, requestCard } from './access-requests';
import { answerQuestion } from './answers';
import type { CardAction } from './card-action';
import { CardActionRouter } from './card-action-router';
import { disableConfirmation } from './disable-feature';
import { helpReply, welcomeReply } from './help';
import { Journeys } from './journeys';
import { recognize } from './recognizer';
import { OUTSIDE_TENANT_MESSAGE, referenceOf, tenantIdOf } from './requester';
import { featureNames } from './review-presenter';
import { historyReply, statusReply } from './status';
import { enabledFeatures } from './tenant-record';
import { type RouterDependencies, showFeatures, withRecord } from './turn-services';

export type { RouterDependencies } from './turn-services';

const MAX_REQUEST_CARDS = 5;

/**
 * Decides what each message means and answers it. Every message gets an answer (what is not
 * understood gets help); questions never change anything; only card presses start consents.
 */
export class MainRouter {
  private readonly journeys: Journeys;
  private readonly cardActions: CardActionRouter;

  constructor(private readonly deps: RouterDependencies) {
    this.journeys = new Journeys(deps.conversationState, deps.tenants, deps.consents, deps.now);
    this.cardActions = new CardActionRouter(deps, this.journeys);
  }

  async onMessage(context: TurnContext, text: string): Promise<void> {
    const recognition = recognize(text);
    switch (recognition.intent) {
      case 'enable':
        return this.startEnable(context, recognition.features);
      case 'disable':
        return this.askDisable(context, recognition.features);
      case 'features':
        return showFeatures(context, this.deps.tenants);
      case 'explain':
      case 'feature-permissions':
      case 'features-using':
        await context.sendActivity(answerQuestion(recognition));
        return;
      case 'status':
        return this.showStatus(context);
      case 'history':
        return withRecord(context, this.deps.tenants, async (record) => void (await context.sendActivity(historyReply(record))));
      case 'requests':
        return this.showRequests(context);
      case 'declined':
        await context.sendActivity(`OK, I won't enable ${recognition.features.length ? featureNames(recognition.features) : 'anything'}. Nothing was changed.`);
        return;
      case 'cancel':
        await context.sendActivity((await this.journeys.cancel(context)) ? 'Cancelled. Nothing was changed.' : 'There is nothing to cancel.');
        return;
      case 'help':
        await context.sendActivity(helpReply());
        return;
      default:
        await context.sendActivity(
          helpReply("Sorry, I didn't understand that", 'Here is what I can do. Type a command or press an example; in a channel, mention me first.'),
        );
    }
  }

  onCardAction(context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    return this.cardActions.handle(context, action);
  }

  /** The bot was added to a personal chat, group chat or team: greet and remember the conversation. */
  async onInstalled(context: TurnContext): Promise<void> {
    const tenantId = tenantIdOf(context);
    if (tenantId) {
      const reference = referenceOf(context);
      const conversationId = context.activity.conversation.id;
      const seenAt = this.deps.now().toISOString();
      await this.deps.tenants.update(tenantId, (record) => {
        record.conversations[conversationId] ??= {
          reference,
          conversationType: context.activity.conversation.conversationType ?? 'personal',
          firstSeen: seenAt,
        };
      });
    }
    await context.sendActivity(welcomeReply());
  }

  private async startEnable(context: TurnContext, features: FeatureId[]): Promise<void> {
    if (features.length === 0) return showFeatures(context, this.deps.tenants, 'Which feature? Switch it on below, or type e.g. "enable intune connector".');
    await this.journeys.startEnable(context, features);
  }

  private async askDisable(context: TurnContext, features: FeatureId[]): Promise<void> {
    if (features.length === 0) return showFeatures(context, this.deps.tenants, 'Which feature? Switch it off below, or type e.g. "disable email connector".');
    await withRecord(context, this.deps.tenants, async (record) => {
      await context.sendActivity(disableConfirmation(features, enabledFeatures(record)));
    });
  }

  /** Settles consents kept for a later check, then reports each feature with a live look at its grants. */
  private async showStatus(context: TurnContext): Promise<void> {
    const tenantId = tenantIdOf(context);
    if (!tenantId) return void (await context.sendActivity(OUTSIDE_TENANT_MESSAGE));
    for (const outcome of await this.deps.recheck.resumeKept(tenantId)) await context.sendActivity({ text: outcome.text, attachments: [outcome.card] });
    const [record, live] = await Promise.all([this.deps.tenants.read(tenantId), this.deps.probe.probe(tenantId)]);
    await context.sendActivity(statusReply(record, live));
  }

  private async showRequests(context: TurnContext): Promise<void> {
    await withRecord(context, this.deps.tenants, async (record) => {
      const open = openRequests(record, this.deps.now());
      if (open.length === 0) return void (await context.sendActivity('There are no open requests in your organization.'));
      const shown = open.slice(0, MAX_REQUEST_CARDS);
      const more = open.length > shown.length ? ` Showing the oldest ${shown.length}.` : '';
      await context.sendActivity(`${open.length} open request${open.length === 1 ? '' : 's'}.${more}`);
      for (const request of shown) await context.sendActivity({ attachments: [requestCard(request)] });
    });
  }
}
