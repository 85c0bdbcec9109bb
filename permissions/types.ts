/** The optional features an admin can switch on; each needs its own consent. */
export const FEATURE_IDS = ['teams-meetings', 'my-work', 'email-connector', 'intune-connector', 'teams-app-management'] as const;

export type FeatureId = (typeof FEATURE_IDS)[number];

/** A consent area is a feature, or the base set every tenant needs ("Required" in the seed). */
export type ConsentArea = 'required' | FeatureId;

export const CONSENT_AREAS: readonly ConsentArea[] = ['required', ...FEATURE_IDS];

export type PermissionType = 'Delegated' | 'Application';

/** The two Entra ID app registrations that hold Tikit's permissions. */
export type AppRegistrationId = 'tikit' | 'tikit-email-connector';

/**
 * How much harm a misused grant could do:
 * low: sign-in, or the signed-in user's own basic data;
 * medium: reads organization data, or writes the user's own data, bounded by the signed-in user;
 * high: writes organization data, or reads it broadly with no user signed in;
 * critical: the content of every mailbox or site with no user signed in, or destructive device actions.
 */
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export const RISK_LEVELS: readonly RiskLevel[] = ['low', 'medium', 'high', 'critical'];

/** One row of the seed's "Detailed Consent Permissions" table, cleaned, plus our assessment. */
export interface PermissionRow {
  /** The Microsoft Graph name, without the seed's stray spaces. */
  readonly name: string;
  readonly type: PermissionType;
  /** The seed's "Summary" column: what Microsoft says it allows. */
  readonly allows: string;
  /** The seed's "Reason" column, verbatim: why Tikit needs it. */
  readonly reason: string;
  readonly areas: readonly ConsentArea[];
  readonly app: AppRegistrationId;
  /** Graph oauth2PermissionScope id (Delegated) or appRole id (Application). */
  readonly graphId: string;
  readonly risk: RiskLevel;
  /** What someone holding this grant could do with it. */
  readonly couldDo: string;
}

export interface Feature {
  readonly id: FeatureId;
  readonly displayName: string;
  /** Spellings the seed uses for this feature. */
  readonly aliases: readonly string[];
  /** What the feature does for users. */
  readonly description: string;
  readonly apps: readonly AppRegistrationId[];
}

export interface AppRegistration {
  readonly id: AppRegistrationId;
  readonly displayName: string;
}
