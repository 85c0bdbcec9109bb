import type { Attachment } from 'botbuilder';
import { featureSettingsCard } from '../cards/feature-settings';
import { allFeatures } from '../permissions/catalog';
import type { FeatureId } from '../permissions/types';
import type { CardAction } from './card-action';
import type { TenantRecord } from './tenant-record';

/** The feature card, mirroring Tikit's Consent Management page: a toggle per feature, current state shown. */
export function featureSettingsAttachment(record: TenantRecord): Attachment {
  return featureSettingsCard({
    intro: 'Switch on the features you want, then select Update Consent. I show what each one needs before anything is granted.',
    features: allFeatures().map((feature) => {
      const on = record.features[feature.id]?.enabled === true;
      return { id: feature.id, name: feature.displayName, state: on ? 'On' : 'Off', value: on ? 'true' : 'false', description: feature.description };
    }),
    footer: "Turning a feature off here does not remove its permissions in Microsoft Entra; I'll tell you how.",
    updateData: { settingsVersion: record.settingsVersion },
  });
}

export type SettingsChange =
  { kind: 'stale' } | { kind: 'invalid' } | { kind: 'unchanged' } | { kind: 'changed'; switchedOn: FeatureId[]; switchedOff: FeatureId[] };

/**
 * What an Update Consent press asks for, compared with the record now. A card sent before the
 * settings last changed is stale: acting on it could undo someone else's change.
 */
export function settingsChange(record: TenantRecord, action: CardAction): SettingsChange {
  if (action.data.settingsVersion !== record.settingsVersion) return { kind: 'stale' };
  const switchedOn: FeatureId[] = [];
  const switchedOff: FeatureId[] = [];
  for (const feature of allFeatures()) {
    const wanted = action.data[feature.id];
    if (wanted !== 'true' && wanted !== 'false') return { kind: 'invalid' };
    const on = record.features[feature.id]?.enabled === true;
    if (wanted === 'true' && !on) switchedOn.push(feature.id);
    if (wanted === 'false' && on) switchedOff.push(feature.id);
  }
  if (switchedOn.length === 0 && switchedOff.length === 0) return { kind: 'unchanged' };
  return { kind: 'changed', switchedOn, switchedOff };
}
