import { Template } from 'adaptivecards-templating';
import type { Attachment } from 'botbuilder';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  [key: string]: unknown;
}

/** Distinct bindings remembered per template; the oldest is dropped beyond this. */
const REMEMBERED_BINDINGS = 256;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * A card template parsed once, at module load. Binding evaluates every `${…}` expression, the
 * costliest part of rendering a card (profiled: a tenth of a millisecond for a review card), and most
 * turns bind data seen before, so bound cards are remembered by their data. It is a cache of a pure
 * function, bounded. The card returned is shared and deeply frozen (copying it per turn cost as much
 * as binding): a caller that needs a variant copies the part it changes.
 */
export class CardTemplate<Data extends object> {
  private readonly template: Template;
  private readonly bound = new Map<string, AdaptiveCard>();

  constructor(json: object) {
    this.template = new Template(json);
  }

  bind(data: Data): AdaptiveCard {
    const key = JSON.stringify(data);
    let card = this.bound.get(key);
    if (card === undefined) {
      // Through JSON so that nothing of `data` is shared with the frozen card.
      card = deepFreeze(JSON.parse(JSON.stringify(this.template.expand({ $root: data }))) as AdaptiveCard);
      if (this.bound.size >= REMEMBERED_BINDINGS) this.bound.delete(this.bound.keys().next().value!);
      this.bound.set(key, card);
    }
    return card;
  }

  attachment(data: Data): Attachment {
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: this.bind(data) };
  }
}
