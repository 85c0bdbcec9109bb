import type { Attachment } from 'botbuilder';
import { helpCard, type HelpCardData } from '../../cards/help';
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

// Mirrors the bot's real help (dialogs/help.ts), kept here so card tests do not depend on dialogs.
const helpCapabilities: HelpCardData['capabilities'] = [
  { command: 'features', description: 'See every Tikit feature, whether it is on, and change it' },
  { command: 'enable <feature>', description: 'Review the permissions a feature needs, then consent' },
  { command: 'disable <feature>', description: 'Turn a feature off and learn how to remove its grants' },
  { command: 'why <permission>', description: 'Why Tikit needs a Microsoft Graph permission' },
  { command: 'status', description: 'What is enabled and whether the grants are still in place' },
];
const helpExamples = ['features', 'enable intune connector', 'why does Tikit need Mail.Send?', 'what permissions are required?'];

export const cardFixtures: CardFixtures = {
  help: {
    default: {
      build: () =>
        helpCard({
          title: 'Here is what I can do',
          intro: 'Type a command or press an example. In a channel, mention me first.',
          capabilities: helpCapabilities,
          examples: helpExamples,
        }),
      mustShow: ['Here is what I can do', 'enable <feature>', 'why does Tikit need Mail.Send?'],
    },
    welcome: {
      build: () =>
        helpCard({
          title: 'Hi, I am the Tikit Consent Assistant',
          intro:
            "I help Microsoft 365 administrators turn on Tikit features: I explain every Microsoft Graph permission a feature needs and why, send you Microsoft's consent sign-in, and check with Microsoft that the grants are really in place.",
          capabilities: helpCapabilities,
          examples: helpExamples,
        }),
      mustShow: ['Hi, I am the Tikit Consent Assistant', 'Microsoft Graph permission'],
    },
    unrecognised: {
      // What an unrecognised message gets back: never a silent turn.
      build: () =>
        helpCard({
          title: "Sorry, I didn't understand “turn on the lights”",
          intro: 'Here is what I can do. Type a command or press an example.',
          capabilities: helpCapabilities,
          examples: helpExamples,
        }),
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
