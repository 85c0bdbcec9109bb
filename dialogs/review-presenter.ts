import type { Attachment } from 'botbuilder';
import { reviewCard, type ReviewPermission } from '../cards/review';
import { appDisplayName, getFeature, requiredPermissions, rowsFor } from '../permissions/catalog';
import type { AppRegistrationId, FeatureId, PermissionRow } from '../permissions/types';
import { whoCanGrant } from '../permissions/consent-errors';
import type { AdminStanding } from './admins';
import { RISK_COLORS } from './risk-color';
import type { GrantSnapshot } from './tenant-record';

export interface ReviewRequest {
  journeyId: string;
  features: FeatureId[];
  grants: GrantSnapshot;
  /** What the bot knows of the reader's admin roles: it decides which buttons they get. */
  standing: AdminStanding['kind'];
}

/** The app registrations a set of features lives on, Tikit first. */
export function appsFor(features: readonly FeatureId[]): AppRegistrationId[] {
  const apps = new Set(features.flatMap((feature) => getFeature(feature).apps));
  return (['tikit', 'tikit-email-connector'] as const).filter((app) => apps.has(app));
}

export function isGranted(row: PermissionRow, grants: GrantSnapshot): boolean {
  if (row.app === 'tikit-email-connector') return grants.emailApplication.includes(row.name);
  return (row.type === 'Delegated' ? grants.tikitDelegated : grants.tikitApplication).includes(row.name);
}

function featureNames(features: readonly FeatureId[]): string {
  const names = features.map((feature) => getFeature(feature).displayName);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function present(row: PermissionRow, grants: GrantSnapshot): ReviewPermission {
  const granted = isGranted(row, grants);
  return {
    name: row.name,
    type: row.type,
    allows: row.allows,
    reason: row.reason,
    status: granted ? 'Already granted' : 'To grant',
    statusColor: granted ? 'Good' : 'Accent',
    risk: row.risk,
    riskColor: RISK_COLORS[row.risk],
    couldDo: row.couldDo,
  };
}

function baseNotice(grants: GrantSnapshot): string {
  if (grants.baseGranted) return '';
  return `Tikit's base permissions (the ${requiredPermissions().length} "Required" ones every organization grants for sign-in, roles, setup, attachments and people pickers) are not granted in your organization yet. The consent starts with them, then continues with this feature. Ask "what permissions are required?" to see them.`;
}

/** One review card per app registration involved, listing what the features need and why. */
export function reviewCards(request: ReviewRequest): Attachment[] {
  return appsFor(request.features).map((app) => {
    const features = request.features.filter((feature) => getFeature(feature).apps.includes(app));
    const rows = [...rowsFor(features, app, 'Delegated'), ...rowsFor(features, app, 'Application')];
    const permissions = rows.map((row) => present(row, request.grants));
    const allGranted = request.grants.baseGranted && permissions.every((p) => p.status === 'Already granted');
    const whoCan = `Only ${whoCanGrant(app === 'tikit' ? 'delegated' : 'application')} can grant this.`;
    const notAdmin =
      request.standing === 'not-admin' ? `Your account holds none of the admin roles. ${whoCan} Press "Ask an admin" and I will ask them for you.` : '';
    return reviewCard({
      journeyId: request.journeyId,
      title: `Enable ${featureNames(features)}: review`,
      subtitle: `${permissions.length} permission${permissions.length === 1 ? '' : 's'} on the ${appDisplayName(app)} app registration`,
      notice: [baseNotice(request.grants), notAdmin].filter((n) => n !== '').join('\n\n'),
      permissions,
      footer: allGranted
        ? 'Everything listed is already granted: nothing more to consent to.'
        : `Nothing changes until an administrator accepts on Microsoft's own consent screen. ${whoCan}`,
      continueData: request.standing === 'not-admin' ? null : { app, features },
      askData: request.standing === 'admin' ? null : { features },
      cancelData: {},
    });
  });
}

export { featureNames };
