import helpTemplate from './help.json';
import { CardTemplate } from './bind-template';

export interface HelpCardData {
  title: string;
  intro: string;
  capabilities: Array<{ command: string; description: string }>;
  /** Each example becomes a button that sends its text as if the user had typed it. */
  examples: string[];
}

const template = new CardTemplate<HelpCardData>(helpTemplate);

export function helpCard(data: HelpCardData) {
  return template.attachment(data);
}
