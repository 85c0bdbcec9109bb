import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAzurite } from '../test/support/azurite';
import { type BotProcess, startBotProcess } from '../test/support/bot-process';
import { FakeConnector } from '../test/support/fake-connector';
import { botInstalled, conversation, message, type TeamsConversation, teamsUser } from '../test/support/teams-activities';

/**
 * Turn throughput of one instance on SQLite beside two instances sharing Azure Blob Storage
 * (Azurite on loopback), each bot a real `index.ts` process. A workload of TURNS turns, CONCURRENCY
 * at a time: in each new conversation an install (the tenant record, written with its eTag) then a
 * question (conversation state), over TENANTS tenants so tenant records see some contention.
 */
const TURNS = 400;
const WARM_UP_TURNS = 32;
const CONCURRENCY = 16;
const TENANTS = 8;
const STATE_SECRET = 'bench-state-secret-0123456789abcdef0123';

export interface ScaleOutBench {
  sqliteTurnsPerSecond: number;
  blobTwoInstancesTurnsPerSecond: number;
  turns: number;
}

type Turn = (instance: BotProcess) => Promise<number>;

export async function benchScaleOut(): Promise<ScaleOutBench> {
  const connector = await new FakeConnector().start();
  const folder = mkdtempSync(join(tmpdir(), 'tikit-scale-out-bench-'));
  try {
    const sqliteTurnsPerSecond = await measure(connector, [{ STORAGE: `sqlite:${join(folder, 'bench.db')}` }]);
    const azurite = await startAzurite();
    try {
      const blob = { STORAGE: 'blob', BLOB_CONNECTION_STRING: azurite.connectionString, BLOB_CONTAINER: 'bench' };
      const blobTwoInstancesTurnsPerSecond = await measure(connector, [blob, blob]);
      return { sqliteTurnsPerSecond, blobTwoInstancesTurnsPerSecond, turns: TURNS };
    } finally {
      await azurite.stop();
    }
  } finally {
    await connector.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Starts one bot process per environment, warms them up, then times TURNS turns spread over them. */
async function measure(connector: FakeConnector, envs: Array<Record<string, string>>): Promise<number> {
  const instances = await Promise.all(envs.map((env) => startBotProcess({ ...env, STATE_SECRET, LOG_LEVEL: 'info' })));
  try {
    await run(instances, workload(connector, WARM_UP_TURNS));
    const started = performance.now();
    await run(instances, workload(connector, TURNS));
    const seconds = (performance.now() - started) / 1000;
    // A turn that failed inside the bot still answers 200: its log says so.
    const failed = instances.reduce((sum, instance) => sum + instance.stdout().split('"msg":"turn failed"').length - 1, 0);
    if (failed > 0) throw new Error(`${failed} turns failed: the benchmark would measure failures`);
    return TURNS / seconds;
  } finally {
    await Promise.all(instances.map((instance) => instance.terminate()));
  }
}

/** Pairs of turns per conversation (install, then a question), conversations spread over the tenants. */
function workload(connector: FakeConnector, turns: number): Turn[][] {
  const tenants = Array.from({ length: TENANTS }, () => randomUUID());
  const admin = teamsUser();
  return Array.from({ length: turns / 2 }, (_, i) => {
    const chat: TeamsConversation = conversation(i % 2 ? 'personal' : 'channel', tenants[i % TENANTS]);
    return [
      (instance) => post(instance, botInstalled(connector.url, chat, admin)),
      (instance) => post(instance, message(connector.url, chat, admin, 'why does Tikit need Mail.Send?')),
    ];
  });
}

/** CONCURRENCY conversations at a time; every turn goes to the next instance (a round-robin balancer). */
async function run(instances: BotProcess[], conversations: Turn[][]): Promise<void> {
  let nextConversation = 0;
  let nextInstance = 0;
  const worker = async () => {
    while (nextConversation < conversations.length) {
      for (const turn of conversations[nextConversation++]!) {
        const status = await turn(instances[nextInstance++ % instances.length]!);
        if (status !== 200) throw new Error(`a turn answered ${status}: the benchmark would measure failures`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function post(instance: BotProcess, activity: unknown): Promise<number> {
  const response = await fetch(`${instance.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.arrayBuffer();
  return response.status;
}

if (require.main === module) {
  benchScaleOut().then(
    (result) => {
      console.table({
        'one instance, sqlite': { turns: result.turns, 'turns/s': result.sqliteTurnsPerSecond.toFixed(1) },
        'two instances, blob (Azurite)': { turns: result.turns, 'turns/s': result.blobTwoInstancesTurnsPerSecond.toFixed(1) },
      });
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
