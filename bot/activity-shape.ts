/**
 * Whether an HTTP body looks like a Bot Framework activity the adapter can process. The adapter
 * itself throws on some malformed shapes; checking first lets the server answer 400 instead.
 */
export function looksLikeActivity(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  const activity = body as Record<string, unknown>;
  if (typeof activity.type !== 'string' || activity.type === '') return false;
  if (!isObjectWithStringId(activity.conversation)) return false;
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\//i.test(activity.serviceUrl)) return false;
  if (activity.from !== undefined && !isObjectWithStringId(activity.from)) return false;
  if (activity.recipient !== undefined && !isObjectWithStringId(activity.recipient)) return false;
  if (activity.text !== undefined && typeof activity.text !== 'string') return false;
  if (activity.entities !== undefined && !Array.isArray(activity.entities)) return false;
  return true;
}

function isObjectWithStringId(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string';
}
