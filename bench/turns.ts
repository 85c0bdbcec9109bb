import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeConnector } from '../test/support/fake-connector';
import { serve, type Served } from './processes';
import { type LoadResult, percentile, runLoad, TURN_KINDS, type TurnKind } from './turn-load';

export interface TurnRow {
  turn: string;
  concurrency: number;
  floorP50: number;
  botP50: number;
  floorP99: number;
  botP99: number;
  floorPerSecond: number;
  botPerSecond: number;
  floorCpuMs: number;
  botCpuMs: number;
  errors: number;
}

export const CONCURRENCY = [1, 16, 64];
// Turns per side (split over its two runs).
const TURNS: Record<number, number> = { 1: 400, 16: 1600, 64: 2560 };
// Per kind, on each process: its first few thousand turns run on code V8 has not optimised yet
// (seen here: a kind's first 3,000 turns after 400 of warm-up cost 1.3–1.5× the CPU of the next 3,000).
const WARM_UP_TURNS = 1500;

/** Our bot as `npm start` runs it (built JavaScript, sqlite), beside the echo floor. */
export async function startBots(): Promise<{ floor: Served; bot: Served; connector: FakeConnector; stop(): Promise<void> }> {
  const connector = await new FakeConnector().start();
  const data = mkdtempSync(join(tmpdir(), 'tikit-bench-'));
  const floor = await serve(['--import', 'tsx', 'bench/echo-bot.ts'], {});
  const bot = await serve(['dist/index.js'], { STORAGE: `sqlite:${join(data, 'consent.db')}`, STATE_SECRET: 'bench-state-secret-0123456789abcdef0123' });
  return {
    floor,
    bot,
    connector,
    stop: async () => {
      await floor.stop();
      await bot.stop();
      await connector.stop();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

const targetOf = (served: Served) => ({ url: served.url, pid: served.child.pid });

/** Two runs of each side in the order floor, bot, bot, floor, pooled: drift of the machine cancels out. */
async function sideBySide(floor: Served, bot: Served, connector: FakeConnector, kind: TurnKind, concurrency: number) {
  const turns = TURNS[concurrency]! / 2;
  const runs = { floor: [] as LoadResult[], bot: [] as LoadResult[] };
  for (const side of ['floor', 'bot', 'bot', 'floor'] as const) {
    runs[side].push(await runLoad(targetOf(side === 'floor' ? floor : bot), connector, kind, concurrency, turns));
    connector.calls.length = 0; // the recorder is not what is measured: keep it small
  }
  return { floor: pooled(runs.floor), bot: pooled(runs.bot) };
}

function pooled(runs: LoadResult[]) {
  const latenciesMs = runs.flatMap((r) => r.latenciesMs);
  return {
    latenciesMs,
    perSecond: (latenciesMs.length / runs.reduce((sum, r) => sum + r.wallMs, 0)) * 1000,
    cpuMs: runs.reduce((sum, r) => sum + r.cpuMsPerTurn, 0) / runs.length,
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

/** One row: `kind` at `concurrency` on the floor and on `bot`, side by side. */
async function measureRow(floor: Served, bot: Served, connector: FakeConnector, kind: TurnKind, concurrency: number): Promise<TurnRow> {
  const measured = await sideBySide(floor, bot, connector, kind, concurrency);
  return {
    turn: kind.name,
    concurrency,
    floorP50: percentile(measured.floor.latenciesMs, 50),
    botP50: percentile(measured.bot.latenciesMs, 50),
    floorP99: percentile(measured.floor.latenciesMs, 99),
    botP99: percentile(measured.bot.latenciesMs, 99),
    floorPerSecond: measured.floor.perSecond,
    botPerSecond: measured.bot.perSecond,
    floorCpuMs: measured.floor.cpuMs,
    botCpuMs: measured.bot.cpuMs,
    errors: measured.floor.errors + measured.bot.errors,
  };
}

/** Where the targets are judged, and where the reference bot is measured. */
export const TARGET_CONCURRENCY = 16;

export interface TurnBench {
  /** Our bot against the floor, every turn at every concurrency. */
  rows: TurnRow[];
  /** The reference (bench/echo-bot.ts, FLOOR=stateful) in our bot's place, at TARGET_CONCURRENCY. */
  reference: TurnRow[];
}

/** Every representative turn at every concurrency, floor and bot measured side by side; then the reference. */
export async function benchTurns(): Promise<TurnBench> {
  const { floor, bot, connector, stop } = await startBots();
  const reference = await serve(['--import', 'tsx', 'bench/echo-bot.ts'], { FLOOR: 'stateful' });
  try {
    // Each just before its rows: the reference, warmed first and left idle, measured slower.
    const warmUp = async (served: Served) => {
      for (const kind of TURN_KINDS) await runLoad(targetOf(served), connector, kind, 8, WARM_UP_TURNS);
    };
    await warmUp(floor);
    await warmUp(bot);
    const rows: TurnRow[] = [];
    for (const concurrency of CONCURRENCY) for (const kind of TURN_KINDS) rows.push(await measureRow(floor, bot, connector, kind, concurrency));
    await warmUp(reference);
    const referenceRows: TurnRow[] = [];
    for (const kind of TURN_KINDS) referenceRows.push(await measureRow(floor, reference, connector, kind, TARGET_CONCURRENCY));
    return { rows, reference: referenceRows };
  } finally {
    await reference.stop();
    await stop();
  }
}

if (require.main === module) {
  benchTurns().then(
    (bench) => console.table([...bench.rows, ...bench.reference]),
    (error: unknown) => (console.error(error), process.exit(1)),
  );
}
