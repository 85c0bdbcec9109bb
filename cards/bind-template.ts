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

/**
 * A card template parsed once, at module load. Binding evaluates every `${…}` expression, the
 * costliest part of rendering a card (profiled: a tenth of a millisecond for a review card), and most
 * turns bind data seen before, so bound cards are remembered by their data. It is a cache of a pure
 * function, bounded, and every caller gets its own copy: it changes no behaviour.
 */
export class CardTemplate<Data extends object> {
  private readonly template: Template;
  private readonly bound = new Map<string, string>();

  constructor(json: object) {
    this.template = new Template(json);
  }

  bind(data: Data): AdaptiveCard {
    const key = JSON.stringify(data);
    let json = this.bound.get(key);
    if (json === undefined) {
      json = JSON.stringify(this.template.expand({ $root: data }));
      if (this.bound.size >= REMEMBERED_BINDINGS) this.bound.delete(this.bound.keys().next().value!);
      this.bound.set(key, json);
    }
    return JSON.parse(json) as AdaptiveCard;
  }

  attachment(data: Data): Attachment {
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: this.bind(data) };
  }
}
