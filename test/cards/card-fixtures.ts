import type { Attachment } from 'botbuilder';
import { helpReply, welcomeReply } from '../../dialogs/help';
import { answerCardFixtures } from './answer-card-fixtures';
import { journeyCardFixtures } from './journey-card-fixtures';

/**
 * Every card template with realistic data, built through the card's own function exactly as the bot
 * builds it. Adding a card = adding one entry below, keyed by the template's file name
 * (cards/<name>.json). cards.test.ts fails for a template without an entry.
 *
 * The fixture named `default` renders to docs/cards/<name>.png, any other to <name>-<fixture>.png.
 */
export interface CardFixture {
  build: () => Attachment;
  /** Text a person must see on the rendered card: the title at least, and what the card is for. */
  mustShow: string[];
}

export type CardFixtures = Record<string, Record<string, CardFixture>>;

export const cardFixtures: CardFixtures = {
  // The help cards exactly as the bot sends them.
  help: {
    default: { build: () => helpReply().attachments[0]!, mustShow: ['Here is what I can do', 'enable <feature>', 'why does Tikit need Mail.Send?'] },
    welcome: { build: () => welcomeReply().attachments[0]!, mustShow: ['Hi, I am the Tikit Consent Assistant', 'Microsoft Graph permission'] },
    // What an unrecognised message gets back: never a silent turn.
    unrecognised: {
      build: () => helpReply("Sorry, I didn't understand that", 'Here is what I can do.').attachments[0]!,
      mustShow: ["Sorry, I didn't understand", 'status'],
    },
  },
};

Object.assign(cardFixtures, journeyCardFixtures, answerCardFixtures);

export interface NamedFixture extends CardFixture {
  card: string;
  fixture: string;
  /** File-name friendly id: `<card>` for the default fixture, else `<card>-<fixture>`. */
  id: string;
}

export function listFixtures(fixtures: CardFixtures = cardFixtures): NamedFixture[] {
  return Object.entries(fixtures).flatMap(([card, byName]) =>
    Object.entries(byName).map(([fixture, f]) => ({
      ...f,
      card,
      fixture,
      id: fixture === 'default' ? card : `${card}-${fixture}`,
    })),
  );
}
