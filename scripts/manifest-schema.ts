import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';

/**
 * Validates a Teams app manifest against the JSON schema that @microsoft/app-manifest bundles
 * (build/json-schemas/teams/v<version>/MicrosoftTeams.schema.json), offline.
 *
 * The schema is read here and handed to `validateAgainstSchema`: without that argument the library
 * resolves the manifest's `$schema` URL itself, and for a URL it does not recognise it downloads the
 * schema. With the schema passed in, it never touches the network.
 */

const PACKAGE_ROOT = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
const TEAMS_SCHEMAS = path.join(PACKAGE_ROOT, 'build', 'json-schemas', 'teams');

export function bundledTeamsSchemaPath(manifestVersion: string): string {
  return path.join(TEAMS_SCHEMAS, `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

export function canonicalSchemaUrl(manifestVersion: string): string {
  return `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
}

/** Every schema violation as one line ("<path> <message>"); empty when the manifest is valid. */
export async function validateTeamsManifest(manifest: object): Promise<string[]> {
  const { manifestVersion, $schema } = manifest as { manifestVersion?: unknown; $schema?: unknown };
  if (typeof manifestVersion !== 'string') return ['/manifestVersion is missing or not a string'];
  const schemaPath = bundledTeamsSchemaPath(manifestVersion);
  // No bundled schema means nothing to check against: that is an error, never a pass.
  if (!existsSync(schemaPath)) throw new Error(`@microsoft/app-manifest bundles no Teams schema for manifestVersion ${manifestVersion}`);
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  const problems = await AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema);
  // Tools (Developer Portal, Agents Toolkit) read `$schema`: it must name the same version.
  if ($schema !== canonicalSchemaUrl(manifestVersion)) problems.push(`/$schema must be ${canonicalSchemaUrl(manifestVersion)}`);
  return problems;
}
