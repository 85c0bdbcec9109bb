import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../bot/config';

/**
 * The Teams app manifest, from appPackage/manifest.template.json and the bot's configuration.
 * The template holds `${{NAME}}` placeholders; they are filled in the parsed JSON (never by text
 * substitution, so a value cannot change the document's structure), and none may remain.
 */

export const APP_PACKAGE_DIR = path.resolve(__dirname, '..', 'appPackage');
export const MANIFEST_TEMPLATE_PATH = path.join(APP_PACKAGE_DIR, 'manifest.template.json');

export type PackageProblem = 'local-mode' | 'bad-version' | 'unfilled-placeholder' | 'bad-icon';

export class PackageError extends Error {
  constructor(
    readonly reason: PackageProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

/** The fields this project reads; the rest of the manifest passes through as the template has it. */
export interface AppManifestJson {
  $schema: string;
  manifestVersion: string;
  version: string;
  id: string;
  icons: { color: string; outline: string };
  bots: Array<{ botId: string; scopes: string[]; commandLists?: Array<{ scopes: string[]; commands: Array<{ title: string }> }> }>;
  validDomains: string[];
  [field: string]: unknown;
}

export interface ManifestValues {
  BOT_ID: string;
  PUBLIC_DOMAIN: string;
  APP_VERSION: string;
}

const PLACEHOLDER = /\$\{\{([A-Z_]+)\}\}/g;
const TEAMS_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** What goes into the template: the Azure Bot's app id, PUBLIC_URL's host, the app's version. */
export function manifestValues(config: Config, appVersion: string): ManifestValues {
  if (config.bot.appId === '') {
    throw new PackageError(
      'local-mode',
      "MicrosoftAppId is empty: local mode has no bot id to package. Set MicrosoftAppId and MicrosoftAppPassword to your Azure Bot's.",
    );
  }
  // Teams accepts only plain major.minor.patch, and a re-upload needs a higher version.
  if (!TEAMS_VERSION.test(appVersion)) {
    throw new PackageError('bad-version', `the app version must be major.minor.patch (Teams accepts nothing else), got "${appVersion}"`);
  }
  return { BOT_ID: config.bot.appId.toLowerCase(), PUBLIC_DOMAIN: config.publicUrl.hostname, APP_VERSION: appVersion };
}

function fillValue(value: unknown, values: ManifestValues): unknown {
  if (typeof value === 'string') {
    return value.replace(PLACEHOLDER, (whole, name: string) => {
      if (!(name in values)) throw new PackageError('unfilled-placeholder', `the template uses ${whole}, which nothing fills`);
      return values[name as keyof ManifestValues];
    });
  }
  if (Array.isArray(value)) return value.map((item) => fillValue(item, values));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fillValue(item, values)]));
  }
  return value;
}

/** Fills every placeholder of a parsed template. */
export function fillManifestTemplate(template: unknown, values: ManifestValues): AppManifestJson {
  return fillValue(template, values) as AppManifestJson;
}

export function readManifestTemplate(templatePath = MANIFEST_TEMPLATE_PATH): unknown {
  return JSON.parse(readFileSync(templatePath, 'utf8')) as unknown;
}

/** The manifest for this configuration; refuses local mode (no bot id). */
export function buildManifest(config: Config, appVersion: string, template: unknown = readManifestTemplate()): AppManifestJson {
  return fillManifestTemplate(template, manifestValues(config, appVersion));
}
