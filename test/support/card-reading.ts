import type { Activity, Attachment } from 'botbuilder';

/** Reading cards as a person sees them: their text, and their buttons by title or verb. */

export interface CardButton {
  type: string;
  title: string;
  verb?: string;
  url?: string;
  data?: Record<string, unknown>;
}

export function cardOf(activity: Partial<Activity> | undefined): Record<string, unknown> {
  const attachment: Attachment | undefined = activity?.attachments?.[0];
  if (attachment?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error('expected an Adaptive Card');
  return attachment.content as Record<string, unknown>;
}

/** Every TextBlock text, fact and input title of a card, joined. */
export function visibleText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value']) if (typeof element[key] === 'string' && key !== 'value') parts.push(element[key] as string);
    if (element.type === 'Fact' || ('title' in element && 'value' in element && typeof element.value === 'string')) parts.push(element.value as string);
    for (const [key, child] of Object.entries(element)) if (key !== 'data' && typeof child === 'object') walk(child);
  };
  walk(card);
  return parts.join('\n');
}

export function buttons(card: Record<string, unknown>): CardButton[] {
  return ((card.actions as CardButton[] | undefined) ?? []).map((a) => ({ ...a }));
}

export function button(card: Record<string, unknown>, title: string): CardButton {
  const found = buttons(card).find((b) => b.title === title);
  if (!found)
    throw new Error(
      `no button "${title}" on the card; it has: ${buttons(card)
        .map((b) => b.title)
        .join(', ')}`,
    );
  return found;
}
