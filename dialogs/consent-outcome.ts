import { rowsFor } from '../permissions/catalog';
import type { Verification } from '../permissions/consent-verifier';
import type { ConsentArea, FeatureId } from '../permissions/types';
import { isFeatureId } from '../permissions/catalog';
import { settleGrantedRequests } from './access-requests';
import { recordRoles } from './admins';
import { type AccessRequest, addEvent, type PendingConsent, type TenantRecord } from './tenant-record';

type Checked = Extract<Verification, { kind: 'checked' }>;

/** The permission names a consent step must leave granted, as Microsoft names them. */
export function expectedPermissions(pending: PendingConsent): string[] {
  switch (pending.kind) {
    case 'delegated':
      return pending.scopes;
    case 'base':
      // Delegated base rows can only be read with an admin's token: confirmed at the next sign-in.
      return rowsFor(['required'], 'tikit', 'Application').map((row) => row.name);
    case 'application':
      return rowsFor(pending.areas, pending.app, 'Application').map((row) => row.name);
  }
}

/** Features this consent switches on when complete. */
export function featuresOf(areas: readonly ConsentArea[]): FeatureId[] {
  return areas.filter((area): area is FeatureId => isFeatureId(area));
}

export interface Recorded {
  switchedOn: FeatureId[];
  /** Colleagues' requests this consent fulfilled: their requesters are told. */
  granted: AccessRequest[];
}

/**
 * Records what Microsoft reported for a consent: the grants as read, and the features on only when
 * every permission they need is granted organization-wide.
 */
export function recordVerification(record: TenantRecord, pending: PendingConsent, result: Checked, at: Date): Recorded {
  const grants = record.grants;
  grants.checkedAt = at.toISOString();
  if (result.servicePrincipalId) grants.servicePrincipalIds = { ...grants.servicePrincipalIds, [pending.app]: result.servicePrincipalId };
  if (pending.kind === 'delegated' && result.tenantWideDelegated) grants.tikitDelegated = result.tenantWideDelegated;
  if (pending.kind === 'base') grants.tikitApplication = union(grants.tikitApplication, result.granted);
  if (pending.kind === 'application') grants.emailApplication = union(grants.emailApplication, result.granted);
  const complete = result.missing.length === 0;
  if (pending.kind === 'base') grants.baseGranted = complete;

  const switchedOn = complete ? featuresOf(pending.areas) : [];
  for (const feature of switchedOn) record.features[feature] = { enabled: true, changedAt: at.toISOString(), changedBy: pending.userName };
  if (switchedOn.length > 0) record.settingsVersion += 1;
  addEvent(record, {
    at: at.toISOString(),
    by: result.admin?.userName ?? pending.userName,
    action: complete ? 'consent-granted' : 'consent-incomplete',
    areas: pending.areas,
    detail: complete ? `verified: ${result.granted.length} granted` : `missing: ${result.missing.join(', ')}`,
  });
  delete record.pendingConsents[pending.id];
  // The signer's roles, read with their own token: only for the Teams user who asked.
  if (result.admin && result.admin.userId === pending.userId) {
    recordRoles(record, { userId: pending.userId, userName: pending.userName }, result.admin.roleTemplateIds, pending.reference, at);
  }
  return { switchedOn, granted: switchedOn.length > 0 ? settleGrantedRequests(record, result.admin?.userName ?? pending.userName, at) : [] };
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])];
}
