import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Microsoft's own "Microsoft Teams - Light" host config (vendored, see test/cards/host-config/README.md),
 * with a font stack that falls back to fonts a Linux CI box has, since Segoe UI is Windows-only.
 * Both the Node parser check and the Chromium renderer use it, so "too many actions" means Teams' limit.
 */
const HOST_CONFIG_FILE = path.join(__dirname, '..', 'cards', 'host-config', 'microsoft-teams-light.json');

export const TEAMS_FONT_STACK =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', 'DejaVu Sans', sans-serif";

export interface TeamsHostConfig {
  actions: { maxActions: number };
  fontTypes: { default: { fontFamily: string } };
  [key: string]: unknown;
}

export function teamsHostConfig(): TeamsHostConfig {
  const config = JSON.parse(readFileSync(HOST_CONFIG_FILE, 'utf8')) as TeamsHostConfig;
  config.fontTypes.default.fontFamily = TEAMS_FONT_STACK;
  return config;
}
