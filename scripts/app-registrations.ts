import type { Config } from '../bot/config';
import { allPermissionRows, appDisplayName, delegatedScopesForAreas, requiredPermissions } from '../permissions/catalog';
import { type AppRegistrationId, FEATURE_IDS, type PermissionRow } from '../permissions/types';

/**
 * What the two Entra ID app registrations must hold, derived from the permission catalog:
 * - Tikit: exactly the seed's Required rows (delegated and application). The bot's base consent asks
 *   for `https://graph.microsoft.com/.default`, which grants every permission listed on the
 *   registration, so this list is what makes `.default` mean "Required" and nothing more. The
 *   features' delegated scopes are deliberately absent: the bot names them on the authorize endpoint
 *   when a feature is enabled (dynamic, incremental consent), which needs no listing; listing them
 *   would make the base consent grant them too (MICROSOFT.md §1).
 * - Tikit Email Connector: its application permissions (Mail.Read, Mail.Send), granted with `.default`
 *   on the admin-consent endpoint, the only way to ask for application permissions.
 * Both redirect to PUBLIC_URL/api/consent/callback, registered as a Web redirect URI.
 */

export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface ResourceAccess {
  id: string;
  /** Entra's words: Scope = delegated permission, Role = application permission (app role). */
  type: 'Scope' | 'Role';
}

/** The properties to set in the registration's manifest (Microsoft Graph app manifest format). */
export interface AppRegistrationManifest {
  /** Multitenant: every customer tenant consents to the same registration. */
  signInAudience: 'AzureADMultipleOrgs';
  requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: ResourceAccess[] }>;
  web: { redirectUris: string[] };
}

export interface AppRegistrationPlan {
  app: AppRegistrationId;
  displayName: string;
  /** The environment variable that holds this registration's application (client) id. */
  appIdVariable: 'TIKIT_APP_ID' | 'TIKIT_EMAIL_APP_ID';
  /** Undefined while the embedded placeholder is configured. */
  configuredAppId: string | undefined;
  permissions: ReadonlyArray<Pick<PermissionRow, 'name' | 'type' | 'graphId'>>;
  manifest: AppRegistrationManifest;
  notes: string[];
}

/** The bot's consent callback under PUBLIC_URL (which may carry a path), as index.ts registers it. */
export function consentRedirectUri(publicUrl: URL): string {
  const base = publicUrl.pathname.endsWith('/') ? publicUrl.href : `${publicUrl.href}/`;
  return new URL('api/consent/callback', base).toString();
}

function resourceAccess(rows: readonly PermissionRow[]): ResourceAccess[] {
  const unique = new Map<string, ResourceAccess>();
  for (const row of rows) unique.set(`${row.type}:${row.graphId}`, { id: row.graphId, type: row.type === 'Delegated' ? 'Scope' : 'Role' });
  return [...unique.values()];
}

function plan(app: AppRegistrationId, rows: readonly PermissionRow[], config: RegistrationConfig, notes: string[]): AppRegistrationPlan {
  const registration = app === 'tikit' ? config.tikitApp : config.emailApp;
  return {
    app,
    displayName: appDisplayName(app),
    appIdVariable: app === 'tikit' ? 'TIKIT_APP_ID' : 'TIKIT_EMAIL_APP_ID',
    configuredAppId: registration.isPlaceholder ? undefined : registration.appId,
    permissions: rows.map(({ name, type, graphId }) => ({ name, type, graphId })),
    manifest: {
      signInAudience: 'AzureADMultipleOrgs',
      requiredResourceAccess: [{ resourceAppId: MICROSOFT_GRAPH_APP_ID, resourceAccess: resourceAccess(rows) }],
      web: { redirectUris: [consentRedirectUri(config.publicUrl)] },
    },
    notes,
  };
}

export type RegistrationConfig = Pick<Config, 'publicUrl' | 'tikitApp' | 'emailApp'>;

/** The delegated scopes the features add on the Tikit app beyond the Required set. */
export function featureScopesRequestedByName(): string[] {
  const required = new Set(
    requiredPermissions()
      .filter((row) => row.type === 'Delegated')
      .map((row) => row.name),
  );
  return delegatedScopesForAreas(FEATURE_IDS).filter((name) => !required.has(name));
}

export function buildAppRegistrations(config: RegistrationConfig): AppRegistrationPlan[] {
  const tikitRows = requiredPermissions().filter((row) => row.app === 'tikit');
  const emailRows = allPermissionRows().filter((row) => row.app === 'tikit-email-connector');
  return [
    plan('tikit', tikitRows, config, [
      'Lists exactly the Required set: the base consent asks for .default, which grants everything listed here.',
      `Not listed, on purpose: the features' delegated scopes (${featureScopesRequestedByName().join(', ')}). ` +
        'The bot names them when a feature is enabled (incremental consent); listing them would make the base consent grant them too.',
    ]),
    plan('tikit-email-connector', emailRows, config, [
      'Application permissions: granted through the admin-consent endpoint with .default, by a Global Administrator or Privileged Role Administrator.',
    ]),
  ];
}
