import type { AppRegistrationId } from '../permissions/types';
import { appDisplayName } from '../permissions/catalog';

/** The Azure portal of each cloud, by its login host (MICROSOFT.md §4). */
const PORTAL_BY_LOGIN_HOST: Record<string, string> = {
  'login.microsoftonline.us': 'https://portal.azure.us',
  'login.partner.microsoftonline.cn': 'https://portal.azure.cn',
};

export function portalFor(authorityHost: URL): string {
  return PORTAL_BY_LOGIN_HOST[authorityHost.hostname] ?? 'https://portal.azure.com';
}

/**
 * How an admin removes a grant: Tikit cannot revoke (that needs DelegatedPermissionGrant.ReadWrite.All
 * and AppRoleAssignment.ReadWrite.All, which it does not request), so the bot explains the portal.
 */
export function removalSteps(app: AppRegistrationId): string[] {
  return [
    '1. Sign in to the Azure portal (or Microsoft Entra admin center) as a Global Administrator or Privileged Role Administrator.',
    `2. Open **Enterprise applications** and select **${appDisplayName(app)}**.`,
    '3. Under **Security**, select **Permissions**.',
    '4. Review the permissions granted for your organization, select **Review permissions**, and revoke those you no longer want.',
  ];
}

/**
 * The enterprise application's Permissions page. With the service principal's object id this is the
 * portal's deep link (undocumented but widely used); without it, the Enterprise applications list.
 */
export function permissionsPageUrl(authorityHost: URL, appId: string, servicePrincipalId: string | undefined): string {
  const portal = portalFor(authorityHost);
  if (servicePrincipalId) {
    return `${portal}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Permissions/objectId/${encodeURIComponent(servicePrincipalId)}/appId/${encodeURIComponent(appId)}`;
  }
  return `${portal}/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview`;
}
