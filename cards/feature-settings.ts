import settingsTemplate from './feature-settings.json';
import { CardTemplate } from './bind-template';

export interface FeatureToggle {
  /** The input id: the toggle's value comes back under it ("true"/"false"). */
  id: string;
  name: string;
  /** "On", "Off", or e.g. "On · grants missing". */
  state: string;
  value: 'true' | 'false';
  description: string;
}

export interface FeatureSettingsCardData {
  intro: string;
  features: FeatureToggle[];
  footer: string;
  updateData: Record<string, unknown>;
}

const template = new CardTemplate<FeatureSettingsCardData>(settingsTemplate);

/** Mirrors Tikit's Consent Management page: a toggle per feature and an Update Consent button. */
export function featureSettingsCard(data: FeatureSettingsCardData) {
  return template.attachment(data);
}
