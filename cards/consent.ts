import consentTemplate from './consent.json';
import { CardTemplate } from './bind-template';

export interface ConsentCardData {
  title: string;
  /** e.g. "Step 1 of 2 · Tikit's base permissions". */
  stepLabel: string;
  explanation: string;
  /** What the admin does on Microsoft's screen, one line each, in order. */
  instructions: string[];
  expiry: string;
  consentUrl: string;
  checkData: Record<string, unknown>;
  cancelData: Record<string, unknown>;
}

const template = new CardTemplate<Omit<ConsentCardData, 'instructions'> & { instructions: string }>(consentTemplate);

export function consentCard(data: ConsentCardData) {
  // Blank lines make each step its own paragraph in Teams' markdown.
  return template.attachment({ ...data, instructions: data.instructions.join('\n\n') });
}
