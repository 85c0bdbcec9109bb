import { TurnContext } from 'botbuilder';
import { helpReply, welcomeReply } from './help';
import type { TenantRecords } from './tenant-record';

export interface RouterDependencies {
  tenants: TenantRecords;
  now: () => Date;
}

/** Teams' tenant id of the activity, if it carries one. */
export function tenantIdOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/**
 * Decides what each turn means and answers it. Every message gets an answer: what is not understood
 * gets help, never a silent turn.
 */
export class MainRouter {
  constructor(private readonly deps: RouterDependencies) {}

  async onMessage(context: TurnContext, _text: string): Promise<void> {
    await context.sendActivity(helpReply());
  }

  /** The bot was added to a personal chat, group chat or team: greet and remember the conversation. */
  async onInstalled(context: TurnContext): Promise<void> {
    await this.rememberConversation(context);
    await context.sendActivity(welcomeReply());
  }

  private async rememberConversation(context: TurnContext): Promise<void> {
    const tenantId = tenantIdOf(context);
    if (!tenantId) return;
    const { activityId: _turnSpecific, ...reference } = TurnContext.getConversationReference(context.activity);
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
}
