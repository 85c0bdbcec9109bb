import { Template } from 'adaptivecards-templating';
import type { Attachment } from 'botbuilder';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body: unknown[];
  [key: string]: unknown;
}

/**
 * A card template parsed once, at module load, so a turn only pays for the binding.
 * `bind` returns the card JSON; `attachment` wraps it for a message.
 */
export class CardTemplate<Data extends object> {
  private readonly template: Template;

  constructor(json: object) {
    this.template = new Template(json);
  }

  bind(data: Data): AdaptiveCard {
    return this.template.expand({ $root: data }) as AdaptiveCard;
  }

  attachment(data: Data): Attachment {
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: this.bind(data) };
  }
}
