import type { AdaptiveCardInvokeResponse, ConversationState, TurnContext } from 'botbuilder';
import { DialogSet, type DialogContext } from 'botbuilder-dialogs';
import { noticeCard } from '../cards/notice';
import type { FeatureId } from '../permissions/types';
import { type CardAction, messageResponse } from './card-action';
import type { ConsentRequests } from './consent-requests';
import { CARD_ACTION, CARD_RESPONSE, EnableJourney, type EnableState } from './enable-journey';
import { tenantIdOf } from './requester';
import { addEvent, type TenantRecords } from './tenant-record';

/**
 * The conversation's journey in progress (one at a time, kept in the dialog state): starting one
 * replaces the last, card presses continue it, `cancel` ends it and closes its consent links.
 */
export class Journeys {
  private readonly dialogs: DialogSet;

  constructor(
    conversationState: ConversationState,
    private readonly tenants: TenantRecords,
    consents: ConsentRequests,
    private readonly now: () => Date,
  ) {
    this.dialogs = new DialogSet(conversationState.createProperty('dialogState'));
    this.dialogs.add(new EnableJourney(tenants, consents, now));
  }

  async startEnable(context: TurnContext, features: FeatureId[]): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    await this.end(dc, 'Replaced by a newer request below.');
    await dc.beginDialog(EnableJourney.id, { features });
  }

  async continueWith(context: TurnContext, action: CardAction): Promise<AdaptiveCardInvokeResponse> {
    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog?.id !== EnableJourney.id) {
      return messageResponse('This request was cancelled or replaced. Type "enable" and the feature to start again.');
    }
    context.turnState.set(CARD_ACTION, action);
    await dc.continueDialog();
    return (context.turnState.get(CARD_RESPONSE) as AdaptiveCardInvokeResponse | undefined) ?? messageResponse('Nothing to do for that button.');
  }

  /** True when there was a journey to cancel. */
  async cancel(context: TurnContext): Promise<boolean> {
    return this.end(await this.dialogs.createContext(context), 'Cancelled. Nothing was changed.');
  }

  /** Ends the journey in progress: its consent links stop working and its cards say why. */
  private async end(dc: DialogContext, why: string): Promise<boolean> {
    if (dc.activeDialog?.id !== EnableJourney.id) return false;
    const cardIds = Object.values((dc.activeDialog.state as EnableState).cards);
    const tenantId = tenantIdOf(dc.context);
    const conversationId = dc.context.activity.conversation.id;
    const by = dc.context.activity.from?.name || 'someone';
    const at = this.now().toISOString();
    if (tenantId) {
      await this.tenants.update(tenantId, (record) => {
        // Only the consents this conversation opened: a link shared with another chat stays usable.
        for (const [id, pending] of Object.entries(record.pendingConsents)) {
          const ours = pending.conversationId === conversationId && pending.cardActivityId !== null && cardIds.includes(pending.cardActivityId);
          if (!ours || pending.consumedAt) continue;
          delete record.pendingConsents[id];
          addEvent(record, { at, by, action: 'consent-withdrawn', areas: pending.areas, detail: why });
        }
      });
    }
    const card = noticeCard({ title: 'Request closed', color: 'Default', paragraphs: [why], facts: [], links: [], buttons: [] });
    // The pressed card (if any) gets the invoke's own answer; the others are closed here.
    for (const id of cardIds) if (id !== dc.context.activity.replyToId) await dc.context.updateActivity({ type: 'message', id, attachments: [card] });
    await dc.cancelAllDialogs();
    return true;
  }
}
