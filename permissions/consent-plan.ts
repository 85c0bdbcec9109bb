import { delegatedScopesForAreas, getFeature } from './catalog';
import type { AppRegistrationId, ConsentArea, FeatureId } from './types';

/**
 * One consent an admin gives on Microsoft's screen:
 * - base: Tikit's Required set, through the admin-consent endpoint with `.default` (the Tikit
 *   registration lists exactly the Required set as its static permissions);
 * - delegated: features on the Tikit app, through the authorize endpoint with named scopes;
 * - application: the Email Connector app, through the admin-consent endpoint with `.default`
 *   (application permissions cannot be named one by one).
 */
export type ConsentStepKind = 'base' | 'delegated' | 'application';

export interface ConsentStep {
  kind: ConsentStepKind;
  app: AppRegistrationId;
  /** What this step grants: ['required'] for the base, else the features asked for. */
  areas: ConsentArea[];
}

/** The consents, in order, that switch on `requested`: Tikit's base set always comes first. */
export function planConsent(requested: readonly FeatureId[], baseGranted: boolean): ConsentStep[] {
  const steps: ConsentStep[] = baseGranted ? [] : [{ kind: 'base', app: 'tikit', areas: ['required'] }];
  const onTikit = requested.filter((feature) => getFeature(feature).apps.includes('tikit'));
  if (onTikit.length > 0) steps.push({ kind: 'delegated', app: 'tikit', areas: onTikit });
  if (requested.some((feature) => getFeature(feature).apps.includes('tikit-email-connector'))) {
    steps.push({ kind: 'application', app: 'tikit-email-connector', areas: ['email-connector'] });
  }
  return steps;
}

/**
 * The delegated scopes a feature consent names: the features asked for plus those already enabled
 * on the Tikit app, so a new tenant-wide grant never drops what is in use.
 */
export function scopesForDelegatedStep(step: ConsentStep, enabled: readonly FeatureId[]): string[] {
  const enabledOnTikit = enabled.filter((feature) => getFeature(feature).apps.includes('tikit'));
  return delegatedScopesForAreas([...new Set([...step.areas, ...enabledOnTikit])]);
}

/**
 * Named in every feature consent link besides the feature's scopes: reading the grants back needs
 * it (it is in the Required set, so it asks for nothing new), and the code is redeemed for it alone,
 * so a permission missing from the grant is reported by name rather than failing the redemption.
 */
export const VERIFICATION_SCOPE = 'Directory.Read.All';
