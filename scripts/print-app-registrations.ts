import { type Config, ConfigError, loadConfig } from '../bot/config';
import { type AppRegistrationPlan, buildAppRegistrations, MICROSOFT_GRAPH_APP_ID } from './app-registrations';

/**
 * `npm run app-registration [-- --json]`: what to set on the Tikit and Tikit Email Connector app
 * registrations in Entra ID, from the permission catalog and PUBLIC_URL. Prints a readable summary
 * and, per registration, the JSON to paste into its manifest; `--json` prints only the JSON.
 */

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}

/** Indented JSON with each { id, type } entry on one line, so 30 permissions stay readable. */
function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\{\n\s+"id": ("[^"]+"),\n\s+"type": ("\w+")\n\s+\}/g, '{ "id": $1, "type": $2 }');
}

function summary(plan: AppRegistrationPlan): string {
  const id = plan.configuredAppId ?? 'not set, a placeholder is in use';
  const nameWidth = Math.max(...plan.permissions.map((p) => p.name.length));
  const lines = [
    `${plan.displayName}: ${plan.appIdVariable} ${id}`,
    '  Supported account types: multitenant (signInAudience AzureADMultipleOrgs)',
    `  Redirect URI, platform Web: ${plan.manifest.web.redirectUris.join(', ')}`,
    `  Microsoft Graph (${MICROSOFT_GRAPH_APP_ID}) permissions, ${plan.permissions.length}:`,
    ...plan.permissions.map((p) => `    ${p.type.padEnd(11)} ${p.name.padEnd(nameWidth)}  ${p.graphId}`),
    ...plan.notes.map((note) => `  Note: ${note}`),
    '  Manifest (Entra admin center > App registrations > this app > Manifest): set these properties:',
    ...formatJson(plan.manifest)
      .split('\n')
      .map((line) => `  ${line}`),
  ];
  return lines.join('\n');
}

function warnings(config: Config): string[] {
  const { publicUrl } = config;
  // Entra refuses http redirect URIs except for localhost.
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(publicUrl.hostname);
  if (publicUrl.protocol === 'https:') return [];
  return [
    local
      ? `PUBLIC_URL is ${publicUrl.origin}: fine on this machine; a deployed bot needs its https address.`
      : `PUBLIC_URL is ${publicUrl.origin}: Entra accepts http redirect URIs only for localhost. Use https.`,
  ];
}

function main(): void {
  const config = readConfig();
  const plans = buildAppRegistrations(config);
  if (process.argv.includes('--json')) {
    const json = plans.map(({ app, displayName, appIdVariable, manifest }) => ({ app, displayName, appIdVariable, manifest }));
    process.stdout.write(`${formatJson(json)}\n`);
    return;
  }
  const text = [...warnings(config).map((w) => `Warning: ${w}`), ...plans.map(summary)].join('\n\n');
  process.stdout.write(`${text}\n`);
}

main();
