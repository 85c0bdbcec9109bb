import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeConnector } from '../test/support/fake-connector';
import { serve, type Served } from './processes';
import { percentile, runLoad, TURN_KINDS } from './turn-load';

export interface TurnRow {
  turn: string;
  concurrency: number;
  floorP50: number;
  botP50: number;
  floorP99: number;
  botP99: number;
  floorPerSecond: number;
  botPerSecond: number;
  errors: number;
}

export const CONCURRENCY = [1, 16, 64];
const TURNS: Record<number, number> = { 1: 300, 16: 1200, 64: 1920 };
const WARM_UP_TURNS = 200;

/** Our bot as `npm start` runs it (built JavaScript, sqlite), beside the echo floor. */
export async function startBots(): Promise<{ floor: Served; bot: Served; connector: FakeConnector; stop(): Promise<void> }> {
  const connector = await new FakeConnector().start();
  const data = mkdtempSync(join(tmpdir(), 'tikit-bench-'));
  const floor = await serve(['--import', 'tsx', 'bench/echo-bot.ts'], {});
  const bot = await serve(['dist/index.js'], { STORAGE: `sqlite:${join(data, 'consent.db')}`, STATE_SECRET: 'bench-state-secret-0123456789abcdef0123' });
  return { floor, bot, connector, stop: async () => (await floor.stop(), await bot.stop(), await connector.stop()) };
}

/** Every representative turn at every concurrency, floor and bot measured side by side. */
export async function benchTurns(): Promise<TurnRow[]> {
  const { floor, bot, connector, stop } = await startBots();
  try {
    for (const served of [floor, bot]) await runLoad(served.url, connector, TURN_KINDS[0]!, 8, WARM_UP_TURNS);
    const rows: TurnRow[] = [];
    for (const concurrency of CONCURRENCY) {
      for (const kind of TURN_KINDS) {
        const onFloor = await runLoad(floor.url, connector, kind, concurrency, TURNS[concurrency]!);
        const onBot = await runLoad(bot.url, connector, kind, concurrency, TURNS[concurrency]!);
        connector.calls.length = 0; // the recorder is not what is measured: keep it small
        rows.push({
          turn: kind.name,
          concurrency,
          floorP50: percentile(onFloor.latenciesMs, 50),
          botP50: percentile(onBot.latenciesMs, 50),
          floorP99: percentile(onFloor.latenciesMs, 99),
          botP99: percentile(onBot.latenciesMs, 99),
          floorPerSecond: (onFloor.latenciesMs.length / onFloor.wallMs) * 1000,
          botPerSecond: (onBot.latenciesMs.length / onBot.wallMs) * 1000,
          errors: onFloor.errors + onBot.errors,
        });
      }
    }
    return rows;
  } finally {
    await stop();
  }
}

if (require.main === module) {
  benchTurns().then((rows) => console.table(rows), (error: unknown) => (console.error(error), process.exit(1)));
}
