import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationReference, ConversationState, type TurnContext } from 'botbuilder';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessRequests } from './dialogs/access-requests';
import { AdminChecks } from './dialogs/admin-checks';
import { ConsentCallback } from './dialogs/consent-callback';
import { ConsentRecheck } from './dialogs/consent-recheck';
import { ConsentRequests } from './dialogs/consent-requests';
import { ConsentVerifier, DEFAULT_RETRY_DELAYS_MS, type RetryPolicy } from './permissions/consent-verifier';
import { type AppCredentials, EntraTokens } from './permissions/entra-tokens';
import type { AppRegistrationId } from './permissions/types';
import { FeatureDisabler } from './dialogs/disable-feature';
import { GrantProbe } from './dialogs/live-grants';
import { MainRouter } from './dialogs/main-router';
import { type Config, ConfigError, loadConfig, redactedConfig } from './bot/config';
import { createLogger, type Logger } from './bot/logger';
import { createHttpServer } from './bot/server';
import { resolveStateSecret } from './bot/state-secret';
import { type ClosableStorage, createStorage } from './bot/storage/create-storage';
import { TeamsBot } from './bot/teams-bot';
import { TenantRecordStore } from './bot/tenant-record-store';
import { createTurnErrorHandler } from './bot/turn-error';
import { turnLogging } from './bot/turn-logging';

/** The only composition root: builds the whole graph from a configuration and its edges. */

export interface AppEdges {
  logger?: Logger;
  now?: () => Date;
  /** Loopback for tests; all interfaces otherwise. */
  host?: string;
  /** A store the caller holds (tests seed and inspect it); built from STORAGE otherwise. */
  storage?: ClosableStorage;
  /** How verification waits for Microsoft's replication; tests shorten it. */
  retry?: RetryPolicy;
}

export interface RunningApp {
  port: number;
  stop(): Promise<void>;
}

export async function startApp(config: Config, edges: AppEdges = {}): Promise<RunningApp> {
  const logger = edges.logger ?? createLogger(config.logLevel);
  const now = edges.now ?? (() => new Date());
  const storage = edges.storage ?? (await createStorage(config.storage));
  const stateSecret = resolveStateSecret(config);

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.bot.appId,
      MicrosoftAppPassword: config.bot.appPassword,
      MicrosoftAppType: config.bot.appType,
      MicrosoftAppTenantId: config.bot.appTenantId,
    }),
  );
  adapter.onTurnError = createTurnErrorHandler(logger.child({ module: 'turn' }));
  adapter.use(turnLogging(logger.child({ module: 'turn' })));

  const conversationState = new ConversationState(storage);
  const tenants = new TenantRecordStore(storage);
  const redirectUri = new URL('api/consent/callback', withTrailingSlash(config.publicUrl)).toString();
  const clientIds = { tikit: config.tikitApp.appId, 'tikit-email-connector': config.emailApp.appId };
  const consentSettings = { authorityHost: config.authorityHost, graphHost: config.graphHost, redirectUri, clientIds, stateSecret };
  const consents = new ConsentRequests(tenants, consentSettings, now);
  const verifier = new ConsentVerifier(new EntraTokens(config.authorityHost), config.graphHost, edges.retry ?? { delaysMs: DEFAULT_RETRY_DELAYS_MS, sleep });
  const credentials = credentialsOf(config);
  const notify = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) =>
    // An empty string, never undefined, is the app id in local mode (MICROSOFT.md §6).
    adapter.continueConversationAsync(config.bot.appId, reference, logic);
  const requests = new AccessRequests(tenants, notify, now);
  const adminChecks = new AdminChecks({ tenants, settings: consentSettings, verifier, credentials: credentials.tikit, now, notify });
  const consentCallback = new ConsentCallback({
    tenants,
    consents,
    verifier,
    credentials,
    stateSecret,
    redirectUri,
    now,
    adminChecks,
    requests,
    notify,
  });
  const disabler = new FeatureDisabler(tenants, { authorityHost: config.authorityHost, clientIds }, now);
  const probe = new GrantProbe(verifier, credentials);
  const recheck = new ConsentRecheck(tenants, verifier, credentials, now, requests);
  const router = new MainRouter({ conversationState, tenants, consents, disabler, recheck, probe, requests, adminChecks, now });
  const bot = new TeamsBot(router, conversationState);
  const server = createHttpServer({ adapter, bot, consentCallback, logger });
  const port = await server.listen(config.port, edges.host);
  logger.info({ config: redactedConfig(config), port }, 'serving /api/messages');

  return {
    port,
    stop: async () => {
      await server.close();
      await storage.close();
      logger.info('stopped');
    },
  };
}

function credentialsOf(config: Config): Partial<Record<AppRegistrationId, AppCredentials>> {
  const credentials: Partial<Record<AppRegistrationId, AppCredentials>> = {};
  if (config.tikitApp.secret) credentials.tikit = { appId: config.tikitApp.appId, secret: config.tikitApp.secret };
  if (config.emailApp.secret) credentials['tikit-email-connector'] = { appId: config.emailApp.appId, secret: config.emailApp.secret };
  return credentials;
}

/** PUBLIC_URL may carry a path (behind a proxy); the callback goes under it. */
function withTrailingSlash(url: URL): URL {
  return new URL(url.pathname.endsWith('/') ? url.href : `${url.href}/`);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
  const app = await startApp(config);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
