/**
 * The configuration contract of PRODUCT.md, read once. Nothing else reads `process.env`.
 * Every invalid value raises a ConfigError naming the variable, so start-up can stop with one line.
 */

export type StorageConfig = { kind: 'memory' } | { kind: 'sqlite'; path: string } | { kind: 'blob'; connectionString: string; container: string };

export type CloudAppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface AppRegistrationConfig {
  appId: string;
  /** Absent in local mode: verification in Graph is then off. */
  secret: string | undefined;
  /** True while the embedded placeholder id is in use (no real registration configured). */
  isPlaceholder: boolean;
}

export interface Config {
  port: number;
  bot: { appId: string; appPassword: string; appType: CloudAppType; appTenantId: string };
  publicUrl: URL;
  tikitApp: AppRegistrationConfig;
  emailApp: AppRegistrationConfig;
  authorityHost: URL;
  graphHost: URL;
  /** Undefined when STATE_SECRET is absent: a secret is then generated and kept in the data folder. */
  stateSecret: string | undefined;
  storage: StorageConfig;
  logLevel: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** Placeholders that let the bot start with no Azure at all; consent links built with them cannot succeed. */
export const PLACEHOLDER_TIKIT_APP_ID = '00000000-0000-0000-0000-00000000711c';
export const PLACEHOLDER_EMAIL_APP_ID = '00000000-0000-0000-0000-0000000e3a11';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const APP_TYPES: readonly CloudAppType[] = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'];
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MIN_STATE_SECRET_LENGTH = 32;

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}

function parsePort(env: Env): number {
  const raw = read(env, 'PORT');
  if (raw === '') return 3978;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 0 (any free port) to 65535, got "${raw}"`);
  }
  return port;
}

function parseUrl(env: Env, name: string, fallback: string, protocols: string[]): URL {
  const raw = read(env, name) || fallback;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute URL, got "${raw}"`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${url.protocol}"`);
  }
  if (url.search || url.hash) throw new ConfigError(name, 'must not carry a query or fragment');
  return url;
}

function parseGuid(env: Env, name: string, fallback: string): string {
  const raw = read(env, name);
  if (raw === '') return fallback;
  if (!GUID.test(raw)) throw new ConfigError(name, `must be a GUID (an Entra application id), got "${raw}"`);
  return raw.toLowerCase();
}

function parseAppRegistration(env: Env, idName: string, secretName: string, placeholder: string) {
  const appId = parseGuid(env, idName, placeholder);
  const secret = read(env, secretName) || undefined;
  const isPlaceholder = appId === placeholder;
  if (secret && isPlaceholder) {
    throw new ConfigError(secretName, `is set but ${idName} is not: set the app registration's id too`);
  }
  return { appId, secret, isPlaceholder };
}

function parseBot(env: Env): Config['bot'] {
  const appId = read(env, 'MicrosoftAppId');
  const appPassword = read(env, 'MicrosoftAppPassword');
  const appTenantId = read(env, 'MicrosoftAppTenantId');
  const appTypeRaw = read(env, 'MicrosoftAppType') || 'MultiTenant';
  const appType = APP_TYPES.find((t) => t.toLowerCase() === appTypeRaw.toLowerCase());
  if (!appType) throw new ConfigError('MicrosoftAppType', `must be one of ${APP_TYPES.join(', ')}, got "${appTypeRaw}"`);
  if (appId !== '' && !GUID.test(appId)) throw new ConfigError('MicrosoftAppId', `must be empty (local mode) or a GUID, got "${appId}"`);
  if (appId !== '' && appType !== 'UserAssignedMSI' && appPassword === '') {
    throw new ConfigError('MicrosoftAppPassword', 'is required when MicrosoftAppId is set');
  }
  if (appType === 'SingleTenant' && appId !== '' && !GUID.test(appTenantId)) {
    throw new ConfigError('MicrosoftAppTenantId', "must be the bot's tenant id (a GUID) when MicrosoftAppType is SingleTenant");
  }
  return { appId, appPassword, appType, appTenantId };
}

function parseStorage(env: Env): StorageConfig {
  const raw = read(env, 'STORAGE') || 'sqlite:./data/consent.db';
  if (raw === 'memory') return { kind: 'memory' };
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length);
    if (path === '') throw new ConfigError('STORAGE', 'sqlite needs a file path, e.g. sqlite:./data/consent.db');
    return { kind: 'sqlite', path };
  }
  if (raw === 'blob' || raw === 'blob:') {
    const connectionString = read(env, 'BLOB_CONNECTION_STRING');
    const container = read(env, 'BLOB_CONTAINER');
    if (connectionString === '') throw new ConfigError('BLOB_CONNECTION_STRING', 'is required when STORAGE=blob');
    if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(container)) {
      throw new ConfigError('BLOB_CONTAINER', 'must be a container name: 3-63 lowercase letters, digits and single hyphens');
    }
    if (read(env, 'STATE_SECRET') === '') {
      throw new ConfigError('STATE_SECRET', 'is required when STORAGE=blob: every instance must sign consent state with the same key');
    }
    return { kind: 'blob', connectionString, container };
  }
  throw new ConfigError('STORAGE', `must be sqlite:<path>, memory or blob, got "${raw}"`);
}

function parseStateSecret(env: Env): string | undefined {
  const raw = read(env, 'STATE_SECRET');
  if (raw === '') return undefined;
  if (raw.length < MIN_STATE_SECRET_LENGTH) {
    throw new ConfigError('STATE_SECRET', `must be at least ${MIN_STATE_SECRET_LENGTH} characters (e.g. openssl rand -hex 32)`);
  }
  return raw;
}

function parseLogLevel(env: Env): string {
  const raw = read(env, 'LOG_LEVEL').toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(raw)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  return raw;
}

export function loadConfig(env: Env): Config {
  return {
    port: parsePort(env),
    bot: parseBot(env),
    publicUrl: parseUrl(env, 'PUBLIC_URL', 'http://localhost:3978', ['http:', 'https:']),
    tikitApp: parseAppRegistration(env, 'TIKIT_APP_ID', 'TIKIT_APP_SECRET', PLACEHOLDER_TIKIT_APP_ID),
    emailApp: parseAppRegistration(env, 'TIKIT_EMAIL_APP_ID', 'TIKIT_EMAIL_APP_SECRET', PLACEHOLDER_EMAIL_APP_ID),
    // msal-node refuses non-https authorities, so both hosts must be https.
    authorityHost: parseUrl(env, 'AUTHORITY_HOST', 'https://login.microsoftonline.com', ['https:']),
    graphHost: parseUrl(env, 'GRAPH_HOST', 'https://graph.microsoft.com', ['https:']),
    stateSecret: parseStateSecret(env),
    storage: parseStorage(env),
    logLevel: parseLogLevel(env),
  };
}

/** What is safe to log about the configuration: no secrets, only whether they are set. */
export function redactedConfig(config: Config): Record<string, unknown> {
  return {
    port: config.port,
    localMode: config.bot.appId === '',
    botAppType: config.bot.appType,
    publicUrl: config.publicUrl.origin + config.publicUrl.pathname,
    tikitAppId: config.tikitApp.appId,
    tikitSecretSet: config.tikitApp.secret !== undefined,
    emailAppId: config.emailApp.appId,
    emailSecretSet: config.emailApp.secret !== undefined,
    authorityHost: config.authorityHost.origin,
    graphHost: config.graphHost.origin,
    stateSecretSet: config.stateSecret !== undefined,
    storage: storageLabel(config.storage),
  };
}

/** Where state lives, for the start-up log: the blob container's name, never its connection string. */
function storageLabel(storage: StorageConfig): string {
  if (storage.kind === 'sqlite') return `sqlite:${storage.path}`;
  if (storage.kind === 'blob') return `blob:${storage.container}`;
  return storage.kind;
}
