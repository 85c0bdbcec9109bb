import type { AdaptiveCardInvokeResponse, Attachment, TurnContext } from 'botbuilder';

/** A button press on one of our cards (Action.Execute): its verb and the data the card carried. */
export interface CardAction {
  verb: string;
  data: Record<string, unknown>;
}

const MAX_VERB_LENGTH = 64;

/** Reads an `adaptiveCard/action` invoke value without trusting its shape: anything off is undefined. */
export function readCardAction(value: unknown): CardAction | undefined {
  const action = (value as { action?: unknown } | null | undefined)?.action as { type?: unknown; verb?: unknown; data?: unknown } | undefined;
  if (!action || typeof action !== 'object' || action.type !== 'Action.Execute') return undefined;
  if (typeof action.verb !== 'string' || action.verb.length === 0 || action.verb.length > MAX_VERB_LENGTH) return undefined;
  const data = action.data && typeof action.data === 'object' && !Array.isArray(action.data) ? action.data : {};
  return { verb: action.verb, data: data as Record<string, unknown> };
}

export function stringField(data: Record<string, unknown>, name: string): string | undefined {
  const value = data[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

/** The answer to a press: this card replaces the pressed one for the person who pressed it. */
export function cardResponse(card: Attachment): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
}

/** The answer to a press that leaves the card as it is and shows a short message. */
export function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as unknown as Record<string, unknown> };
}

/**
 * Shows `card` in place of the pressed card to everyone in the conversation. The invoke's own answer
 * already replaces it for the presser; in a 1:1 chat that is everyone, so the second call is skipped.
 */
export async function showPressedCardToEveryone(context: TurnContext, card: Attachment, id = context.activity.replyToId): Promise<void> {
  if (!id) return;
  const onlyThePresser = context.activity.conversation.conversationType === 'personal' && id === context.activity.replyToId;
  if (!onlyThePresser) await context.updateActivity({ type: 'message', id, attachments: [card] });
}
