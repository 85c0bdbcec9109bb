import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState } from 'botbuilder';
import { MainRouter } from './dialogs/main-router';
import { type Config, ConfigError, loadConfig, redactedConfig } from './bot/config';
import { createLogger, type Logger } from './bot/logger';
import { createHttpServer } from './bot/server';
import { resolveStateSecret } from './bot/state-secret';
import { createStorage } from './bot/storage/create-storage';
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
}

export interface RunningApp {
  port: number;
  stop(): Promise<void>;
}

export async function startApp(config: Config, edges: AppEdges = {}): Promise<RunningApp> {
  const logger = edges.logger ?? createLogger(config.logLevel);
  const now = edges.now ?? (() => new Date());
  const storage = createStorage(config.storage);
  resolveStateSecret(config);

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
  const router = new MainRouter({ tenants: new TenantRecordStore(storage), now });
  const bot = new TeamsBot(router, conversationState);
  const server = createHttpServer({ adapter, bot, logger });
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
