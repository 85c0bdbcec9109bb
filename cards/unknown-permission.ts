import unknownTemplate from './unknown-permission.json';
import { CardTemplate } from './bind-template';

export interface UnknownPermissionCardData {
  /** e.g. "Tikit does not request Mail.ReadWrite." */
  title: string;
  text: string;
  /** "Did you mean" buttons that send their value as if typed. */
  buttons: Array<{ title: string; value: string }>;
  /** Plain text for clients that cannot show cards. */
  summary: string;
}

const template = new CardTemplate<UnknownPermissionCardData>(unknownTemplate);

/** A permission Tikit does not ask for, with the nearest ones it does ask for. */
export function unknownPermissionCard(data: UnknownPermissionCardData) {
  return template.attachment(data);
}
