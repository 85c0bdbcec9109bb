import { type Activity, type ConversationState, type InvokeResponse, TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { messageResponse, readCardAction } from '../dialogs/card-action';
import { isStorageFailure } from './storage/storage-errors';
import { STORAGE_FAILED_MESSAGE } from './turn-error';
import type { MainRouter } from '../dialogs/main-router';

/**
 * The Teams edge of a turn: strips the bot's @mention, hands messages and installs to the router,
 * and saves the conversation state once, after the whole turn.
 */
export class TeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly router: MainRouter,
    private readonly conversationState: ConversationState,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.router.onMessage(context, messageText(context.activity));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botWasAdded = (context.activity.membersAdded ?? []).some((member) => member.id === botId);
      if (botWasAdded) await this.router.onInstalled(context);
      await next();
    });
  }

  /** Card presses (Action.Execute). Parsed here without trusting their shape: a malformed one gets 400. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const action = readCardAction(context.activity.value);
    if (!action) {
      return {
        status: 400,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'Not an Action.Execute this bot understands.' },
        },
      };
    }
    try {
      const response = await this.router.onCardAction(context, action);
      return { status: response.statusCode, body: response };
    } catch (error) {
      // A press that could not be saved is answered on the card itself; Teams shows nothing otherwise.
      if (!isStorageFailure(error)) throw error;
      return { status: 200, body: messageResponse(STORAGE_FAILED_MESSAGE) };
    }
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context);
  }
}

/**
 * The user's words without the bot's @mention (channels and group chats put `<at>Name</at>` in the
 * text). Written defensively rather than with TurnContext.removeRecipientMention, which throws on a
 * mention entity without `mentioned`.
 */
export function messageText(activity: Partial<Activity>): string {
  if (typeof activity.text !== 'string') return ''; // Action.Submit carries `value` and no text.
  let text = activity.text;
  for (const entity of activity.entities ?? []) {
    const mention = entity as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } };
    if (mention.type === 'mention' && typeof mention.text === 'string' && mention.mentioned?.id === activity.recipient?.id) {
      text = text.split(mention.text).join(' ');
    }
  }
  return text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
