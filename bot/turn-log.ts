import type { Activity } from 'botbuilder';

/** The ids every log line of a turn carries; never the text, tokens or card data. */
export function turnLogFields(activity: Partial<Activity> | undefined): Record<string, string | undefined> {
  const channelData = activity?.channelData as { tenant?: { id?: unknown } } | undefined;
  const tenant = channelData?.tenant?.id;
  return {
    tenantId: typeof tenant === 'string' ? tenant : activity?.conversation?.tenantId,
    conversationId: activity?.conversation?.id,
    activityId: activity?.id,
    activityType: activity?.type,
  };
}
