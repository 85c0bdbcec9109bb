import { type ConversationReference, TurnContext } from 'botbuilder';
import type { Requester } from './consent-requests';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Teams' tenant id of the activity, if it carries a well-formed one. */
export function tenantIdOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const id = channelData?.tenant?.id ?? context.activity.conversation?.tenantId;
  return typeof id === 'string' && GUID.test(id) ? id.toLowerCase() : undefined;
}

/** Who is asking, as Teams identifies them: tenant and Entra object id. Undefined outside a tenant. */
export function requesterOf(context: TurnContext): Requester | undefined {
  const tenantId = tenantIdOf(context);
  const userId = context.activity.from?.aadObjectId;
  if (!tenantId || typeof userId !== 'string' || !GUID.test(userId)) return undefined;
  return { tenantId, userId: userId.toLowerCase(), userName: context.activity.from.name || 'an administrator' };
}

export const OUTSIDE_TENANT_MESSAGE =
  'I can only do this in Microsoft Teams, signed in to your organization: this message did not say which organization (tenant) it came from.';

/** Where to reach this conversation later (proactive posts): the reference without this turn's activity id. */
export function referenceOf(context: TurnContext): Partial<ConversationReference> {
  const { activityId: _turnSpecific, ...reference } = TurnContext.getConversationReference(context.activity);
  return reference;
}
