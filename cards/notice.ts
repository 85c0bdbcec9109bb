import noticeTemplate from './notice.json';
import { CardTemplate } from './bind-template';

export interface NoticeCardData {
  title: string;
  color: 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';
  paragraphs: string[];
  facts: Array<{ title: string; value: string }>;
  links: Array<{ title: string; url: string }>;
  buttons: Array<{ title: string; verb: string; data: Record<string, unknown> }>;
}

const template = new CardTemplate<NoticeCardData>(noticeTemplate);

/** A titled message with optional facts, links and buttons: outcomes, confirmations, cancellations. */
export function noticeCard(data: NoticeCardData) {
  return template.attachment(data);
}
