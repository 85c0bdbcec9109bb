import type { ConversationReference } from 'botbuilder';
import type { ConsentStepKind } from '../permissions/consent-plan';
import type { AppRegistrationId, ConsentArea, FeatureId } from '../permissions/types';
import type { VerifiedUser } from './admins';

/**
 * What the bot keeps per tenant, in one record keyed by the tenant id. Only this tenant's turns and
 * this tenant's signed consent callbacks ever read or change it.
 */
export interface TenantRecord {
  tenantId: string;
  /** Conversations in this tenant where the bot is installed or has been spoken to. */
  conversations: Record<string, KnownConversation>;
  /** Whether each feature is switched on in Tikit (absent: never switched on). */
  features: Partial<Record<FeatureId, FeatureState>>;
  /** Bumped on every feature change, so a feature card sent before a change is recognised as stale. */
  settingsVersion: number;
  /** What Microsoft last reported as granted, per app registration and type. */
  grants: GrantSnapshot;
  /** Consent links sent and not yet answered, by their id (the id inside the signed `state`). */
  pendingConsents: Record<string, PendingConsent>;
  /** Who did what, newest last. */
  history: ConsentEvent[];
  /** Users whose directory roles Graph showed (by Entra object id), and when that expires. */
  users: Record<string, VerifiedUser>;
  /** "Confirm you are an admin" sign-ins sent and not yet answered, by the id in their state. */
  adminChecks: Record<string, AdminCheck>;
  /** Requests from non-admins for an admin to enable features, by id. */
  requests: Record<string, AccessRequest>;
}

export interface AdminCheck {
  id: string;
  userId: string;
  userName: string;
  reference: Partial<ConversationReference>;
  codeVerifier: string;
  createdAt: string;
  expiresAt: string;
}

export interface AccessRequest {
  id: string;
  requesterId: string;
  requesterName: string;
  features: FeatureId[];
  /** Where the requester asked: told there when it is granted or declined. */
  reference: Partial<ConversationReference>;
  status: 'open' | 'granted' | 'declined';
  decidedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

export interface KnownConversation {
  reference: Partial<ConversationReference>;
  conversationType: string;
  firstSeen: string;
}

export interface FeatureState {
  enabled: boolean;
  changedAt: string;
  changedBy: string;
}

export interface GrantSnapshot {
  /** Object ids of the apps' service principals in this tenant, once Graph showed them. */
  servicePrincipalIds?: Partial<Record<AppRegistrationId, string>>;
  /** Delegated scopes in an organization-wide (AllPrincipals) grant to the Tikit app. */
  tikitDelegated: string[];
  /** Application permissions (app roles) granted to the Tikit app. */
  tikitApplication: string[];
  /** Application permissions granted to the Tikit Email Connector app. */
  emailApplication: string[];
  /** True once Tikit's base (Required) consent has been given. */
  baseGranted: boolean;
  checkedAt: string | null;
}

export interface PendingConsent {
  id: string;
  kind: ConsentStepKind;
  app: AppRegistrationId;
  /** What this consent grants. */
  areas: ConsentArea[];
  /** Every feature the admin asked for in this journey: what to continue with after this step. */
  journeyFeatures: FeatureId[];
  /** Delegated scopes named in the link (authorize endpoint only). */
  scopes: string[];
  /** PKCE verifier for redeeming the code (authorize endpoint only). */
  codeVerifier: string | null;
  userId: string;
  userName: string;
  conversationId: string;
  reference: Partial<ConversationReference>;
  /** The message holding the consent card, updated in place with the outcome. */
  cardActivityId: string | null;
  /** Set when Microsoft's redirect used this consent's state: it can never be used again. */
  consumedAt: string | null;
  /** Microsoft could not be asked after the redirect: kept, and checked again by `status`. */
  verifyLater?: boolean;
  createdAt: string;
  expiresAt: string;
}

export interface ConsentEvent {
  at: string;
  by: string;
  action:
    | 'consent-link-sent'
    | 'feature-disabled'
    | 'consent-granted'
    | 'consent-incomplete'
    | 'consent-failed'
    | 'consent-unverified'
    | 'consent-withdrawn'
    | 'admin-verified'
    | 'request-opened'
    | 'request-declined'
    | 'request-granted';
  areas: ConsentArea[];
  detail: string;
}

export const MAX_HISTORY = 500;

export function emptyTenantRecord(tenantId: string): TenantRecord {
  return {
    tenantId,
    conversations: {},
    features: {},
    settingsVersion: 0,
    grants: { tikitDelegated: [], tikitApplication: [], emailApplication: [], baseGranted: false, checkedAt: null },
    pendingConsents: {},
    history: [],
    users: {},
    adminChecks: {},
    requests: {},
  };
}

export function enabledFeatures(record: TenantRecord): FeatureId[] {
  return (Object.keys(record.features) as FeatureId[]).filter((id) => record.features[id]?.enabled);
}

export function addEvent(record: TenantRecord, event: ConsentEvent): void {
  record.history.push(event);
  if (record.history.length > MAX_HISTORY) record.history.splice(0, record.history.length - MAX_HISTORY);
}

/**
 * Reads and changes tenant records. `update` hands `change` a fresh copy of the record to modify and
 * saves it; after a concurrent write it calls `change` again on the newer copy, so `change` must
 * depend only on the record it is given.
 */
export interface TenantRecords {
  read(tenantId: string): Promise<TenantRecord>;
  update<T>(tenantId: string, change: (record: TenantRecord) => T): Promise<T>;
}
