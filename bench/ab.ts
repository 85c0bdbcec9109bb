import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeConnector } from '../test/support/fake-connector';
import { serve } from './processes';
import { runLoad, TURN_KINDS } from './turn-load';

/**
 * A/B of two builds of the bot by CPU per turn, the steadiest figure on a shared machine:
 *
 *   npx tsx bench/ab.ts <entry A> <entry B> [turn kinds, comma-separated] [rounds]
 *
 * An entry is what `node` runs, with environment overrides first, e.g. `dist-before/index.js` or
 * `STORAGE=memory dist/index.js`. A and B alternate for each round; medians are compared.
 */
const CONCURRENCY = 8;
const WARM_UP_TURNS = 1500;
const MEASURED_TURNS = 1500;

async function cpuPerTurn(entry: string, kinds: string[], connector: FakeConnector): Promise<number[]> {
  const data = mkdtempSync(join(tmpdir(), 'tikit-ab-'));
  const words = entry.split(' ');
  const env: Record<string, string> = { STORAGE: `sqlite:${join(data, 'consent.db')}`, STATE_SECRET: 'bench-state-secret-0123456789abcdef0123' };
  while (words[0]?.includes('=')) {
    const [name, value] = words.shift()!.split('=');
    env[name!] = value!;
  }
  const served = await serve(words, env);
  try {
    const target = { url: served.url, pid: served.child.pid };
    for (const kind of TURN_KINDS) await runLoad(target, connector, kind, CONCURRENCY, WARM_UP_TURNS);
    const figures: number[] = [];
    for (const name of kinds) {
      const kind = TURN_KINDS.find((k) => k.name === name);
      if (!kind) throw new Error(`no turn kind "${name}": ${TURN_KINDS.map((k) => k.name).join(', ')}`);
      figures.push((await runLoad(target, connector, kind, CONCURRENCY, MEASURED_TURNS)).cpuMsPerTurn);
      connector.calls.length = 0;
    }
    return figures;
  } finally {
    await served.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const [a, b, kindList = TURN_KINDS.map((k) => k.name).join(','), rounds = '4'] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: npx tsx bench/ab.ts <entry A> <entry B> [turn kinds] [rounds]');
  const kinds = kindList.split(',');
  const connector = await new FakeConnector().start();
  const runs: Record<'A' | 'B', number[][]> = { A: [], B: [] };
  try {
    for (let round = 0; round < Number(rounds); round++) {
      runs.A.push(await cpuPerTurn(a, kinds, connector));
      runs.B.push(await cpuPerTurn(b, kinds, connector));
    }
  } finally {
    await connector.stop();
  }
  console.table(
    kinds.map((kind, i) => {
      const [ofA, ofB] = [runs.A.map((r) => r[i]!), runs.B.map((r) => r[i]!)];
      return {
        turn: kind,
        'A ms/turn': median(ofA).toFixed(3),
        'B ms/turn': median(ofB).toFixed(3),
        'B/A': (median(ofB) / median(ofA)).toFixed(3),
        'A runs': ofA.map((v) => v.toFixed(2)).join(' '),
        'B runs': ofB.map((v) => v.toFixed(2)).join(' '),
      };
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
