import usingTemplate from './features-using.json';
import { CardTemplate } from './bind-template';

/** One grant of the permission and the consent areas that ask for it. */
export interface PermissionUse {
  /** e.g. "Teams Meetings, My Work", or "Required" for the base set. */
  areas: string;
  type: string;
  app: string;
  reason: string;
}

export interface FeaturesUsingCardData {
  title: string;
  intro: string;
  uses: PermissionUse[];
  /** Buttons that send their value as if typed, e.g. "what does My Work need?". */
  buttons: Array<{ title: string; value: string }>;
  /** Plain text for clients that cannot show cards. */
  summary: string;
}

const template = new CardTemplate<FeaturesUsingCardData>(usingTemplate);

/** Which features (and whether the Required base set) use one permission. */
export function featuresUsingCard(data: FeaturesUsingCardData) {
  return template.attachment(data);
}
