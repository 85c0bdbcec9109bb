import permissionTemplate from './permission.json';
import { CardTemplate } from './bind-template';

export type RiskColor = 'Default' | 'Good' | 'Warning' | 'Attention';

/** A button that sends its value as if the user had typed it. */
export interface AskButton {
  title: string;
  value: string;
}

/** One way Tikit holds the permission: a name can be held as Delegated and as Application. */
export interface PermissionGrantView {
  type: string;
  allows: string;
  reason: string;
  /** The consent areas that ask for it, e.g. "Required, Teams App Management". */
  usedBy: string;
  /** The app registration that holds it, e.g. "Tikit Email Connector". */
  app: string;
  /** "Critical", "High", "Medium" or "Low". */
  risk: string;
  riskColor: RiskColor;
  couldDo: string;
}

export interface PermissionCardData {
  name: string;
  /** e.g. "Held as a Delegated and an Application permission". */
  heldAs: string;
  grants: PermissionGrantView[];
  buttons: AskButton[];
  /** Plain text for clients that cannot show cards. */
  summary: string;
}

const template = new CardTemplate<PermissionCardData>(permissionTemplate);

/** Why Tikit needs one Microsoft Graph permission: each grant, its reason, app and risk. */
export function permissionCard(data: PermissionCardData) {
  return template.attachment(data);
}
