import { Writable } from 'node:stream';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import type { RetryPolicy } from '../../permissions/consent-verifier';
import { MemoryStore } from '../../bot/storage/memory-storage';
import { TenantRecordStore } from '../../bot/tenant-record-store';
import { type RunningApp, startApp } from '../../index';
import { FakeConnector } from './fake-connector';
import { assertNoSecretsLogged, secretsIn } from './log-scan';

export interface BotHarness {
  app: RunningApp;
  /** The bot's own store, to seed and inspect tenant records as they are kept. */
  storage: MemoryStore;
  tenants: TenantRecordStore;
  connector: FakeConnector;
  url: string;
  logs: string[];
  /** POSTs an activity to /api/messages as Teams would; returns the HTTP status and body. */
  send(activity: Partial<Activity>): Promise<{ status: number; body: string }>;
  stop(): Promise<void>;
}

/** Starts the real bot (the same composition root as `npm start`) on a free loopback port. */
export interface BotOptions {
  now?: () => Date;
  /** Verification's waits for replication; short by default so flows stay quick. */
  retry?: RetryPolicy;
}

export async function startBot(env: Record<string, string> = {}, options: BotOptions = {}): Promise<BotHarness> {
  const connector = await new FakeConnector().start();
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const fullEnv = { STORAGE: 'memory', LOG_LEVEL: 'debug', STATE_SECRET: 'test-state-secret-0123456789abcdef0123', ...env, PORT: '0' };
  const config = loadConfig(fullEnv);
  const storage = new MemoryStore();
  const retry = options.retry ?? { delaysMs: [20, 40, 80], sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) };
  const app = await startApp(config, {
    logger: createLogger(config.logLevel, sink),
    host: '127.0.0.1',
    storage,
    retry,
    ...(options.now ? { now: options.now } : {}),
  });
  const url = `http://127.0.0.1:${app.port}`;
  return {
    app,
    storage,
    tenants: new TenantRecordStore(storage),
    connector,
    url,
    logs,
    send: (activity) => postJson(`${url}/api/messages`, activity),
    stop: async () => {
      await app.stop();
      await connector.stop();
      assertNoSecretsLogged(logs, secretsIn(fullEnv));
    },
  };
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

/** Global Administrator's role template id (MICROSOFT.md §2). */
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';

/**
 * Records a user as a verified admin, as a finished admin check would have: for flows about what
 * admins do next, not about how they were verified (test/flows/admins.test.ts covers that).
 */
export async function seedVerifiedAdmin(
  bot: BotHarness,
  tenantId: string,
  user: { aadObjectId: string; name: string },
  until = new Date(Date.now() + 3600_000),
): Promise<void> {
  await bot.tenants.update(tenantId, (record) => {
    record.users[user.aadObjectId] = {
      name: user.name,
      adminRoleIds: [GLOBAL_ADMINISTRATOR],
      verifiedAt: new Date().toISOString(),
      expiresAt: until.toISOString(),
      reference: {},
    };
  });
}
