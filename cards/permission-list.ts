import listTemplate from './permission-list.json';
import { CardTemplate } from './bind-template';

/** One permission in a list: compact, one line of name/type/risk and one of what and why. */
export interface PermissionListEntry {
  name: string;
  type: string;
  /** e.g. "Critical risk". */
  risk: string;
  allows: string;
  reason: string;
}

/** A consent area's permissions: "Intune Connector" on "the Tikit app". */
export interface PermissionListSection {
  heading: string;
  note: string;
  permissions: PermissionListEntry[];
}

export interface PermissionListCardData {
  title: string;
  intro: string;
  sections: PermissionListSection[];
  /** Buttons that send their value as if typed, e.g. "enable intune connector". */
  buttons: Array<{ title: string; value: string }>;
  /** Plain text for clients that cannot show cards. */
  summary: string;
}

const template = new CardTemplate<PermissionListCardData>(listTemplate);

/** What a feature, or Tikit's Required base set, asks for. */
export function permissionListCard(data: PermissionListCardData) {
  return template.attachment(data);
}
