/** Where an action sits in the card, and the action itself. */
export interface FoundAction {
  path: string;
  action: Record<string, unknown>;
}

/**
 * Every action anywhere in a card: card and ActionSet `actions`, `selectAction`s, actions inside
 * Action.ShowCard cards and in `fallback`s. Any object whose `type` starts with "Action." counts,
 * so a new place that can hold actions cannot be missed.
 */
export function findActions(node: unknown, path = ''): FoundAction[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => findActions(item, `${path}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const here = typeof record.type === 'string' && record.type.startsWith('Action.') ? [{ path: path || '/', action: record }] : [];
  // `data` is the bot's payload, not card structure; a payload may legitimately say "type".
  const children = Object.entries(record).filter(([key]) => key !== 'data');
  return [...here, ...children.flatMap(([key, value]) => findActions(value, `${path}/${key}`))];
}
