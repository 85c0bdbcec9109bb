import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '../bot/config';
import { APP_PACKAGE_DIR, buildManifest, PackageError } from './app-manifest';
import { buildAppZip } from './app-zip';
import { validateTeamsManifest } from './manifest-schema';

/**
 * `npm run package [-- --out <file.zip>]`: fills appPackage/manifest.template.json from the
 * configuration (the same environment variables and checks as `npm start`), validates it against the
 * Teams schema offline and writes the app package zip for Teams admin center or Developer Portal.
 */

const ROOT = path.resolve(__dirname, '..');
export const DEFAULT_ZIP = path.join(APP_PACKAGE_DIR, 'build', 'tikit-consent-assistant.zip');

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function outputPath(argv: readonly string[]): string {
  const at = argv.indexOf('--out');
  if (at === -1) return DEFAULT_ZIP;
  const value = argv[at + 1];
  if (!value) fail('Cannot package: --out needs a file name');
  return path.resolve(value);
}

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

async function main(): Promise<void> {
  const out = outputPath(process.argv.slice(2));
  const config = readConfig();
  const manifest = buildManifest(config, appVersion());
  const problems = await validateTeamsManifest(manifest);
  if (problems.length > 0) {
    fail(`Cannot package: the manifest does not match the Teams ${manifest.manifestVersion} schema:\n  ${problems.join('\n  ')}`);
  }
  const zip = await buildAppZip(manifest, APP_PACKAGE_DIR);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, zip);
  const lines = [
    `Wrote ${displayPath(out)} (app ${manifest.version}, bot ${manifest.id}, valid domain ${manifest.validDomains.join(', ')}).`,
    'Upload it in Teams admin center (Teams apps > Manage apps > Upload new app) or Developer Portal (Apps > Import app).',
  ];
  // Entra accepts http redirect URIs only for localhost, and Teams reaches the bot only over https.
  if (config.publicUrl.protocol !== 'https:') lines.push(`Warning: PUBLIC_URL is ${config.publicUrl.origin}; a deployed bot needs an https address.`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof PackageError) fail(`Cannot package: ${error.message}`);
  fail(`Packaging failed: ${error instanceof Error ? error.message : String(error)}`);
});
