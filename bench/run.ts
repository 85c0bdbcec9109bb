import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchCallback } from './callback';
import { benchCardSizes, BUDGET_BYTES, TEAMS_LIMIT_BYTES } from './cards';
import { ROOT } from './processes';
import { benchRecognizer } from './recognizer';
import { benchScaleOut } from './scale-out';
import type { StorageFootprint } from './storage-footprint';
import { benchTurns, startBots, type TurnRow } from './turns';
import { type BenchResults, performanceReport } from './report';

const RESULTS = join(ROOT, 'docs', 'performance.json');
const REPORT = join(ROOT, 'docs', 'performance.md');

/**
 * `npm run bench`: every benchmark in one run, printed, its figures kept in docs/performance.json
 * and written up in docs/performance.md. `npm run bench -- --report-only` writes the report again
 * from the kept figures (after editing bench/profile-notes.md, say) without measuring.
 */
async function main(): Promise<void> {
  if (process.argv.includes('--report-only')) {
    writeFileSync(REPORT, performanceReport(JSON.parse(readFileSync(RESULTS, 'utf8')) as BenchResults));
    console.log('written from docs/performance.json: docs/performance.md');
    return;
  }
  const recognizer = await benchRecognizer();
  console.table({
    recognizer: {
      utterances: recognizer.total,
      accuracy: `${(recognizer.accuracy * 100).toFixed(1)} %`,
      'p50 ms': recognizer.p50Ms.toFixed(4),
      'p99 ms': recognizer.p99Ms.toFixed(4),
    },
  });

  const cards = benchCardSizes();
  console.table(cards.slice(0, 8).map((c) => ({ card: c.card, bytes: c.bytes, 'of 28 KB': `${((c.bytes / TEAMS_LIMIT_BYTES) * 100).toFixed(0)} %` })));

  const startup = await measureStartup();
  console.log(`start-up to serving: ${startup.toFixed(0)} ms`);

  const turns = await benchTurns();
  console.table(turns.rows.map(turnTableRow));
  console.log('the reference (a bot that only reads and writes its state and renders a card) in place of ours:');
  console.table(turns.reference.map(turnTableRow));

  const callback = await benchCallback();
  console.log(`consent callback → confirmation at the connector: p50 ${callback.p50Ms.toFixed(1)} ms, p99 ${callback.p99Ms.toFixed(1)} ms`);

  // Its own process, so the RSS is the store's and not this benchmark's.
  const footprint = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/storage-footprint.ts'], { cwd: ROOT, encoding: 'utf8' }),
  ) as StorageFootprint;
  console.log(
    `10,000 tenants in sqlite: RSS ${footprint.rssMb.toFixed(0)} MB (${footprint.rssBeforeMb.toFixed(0)} MB before), ${footprint.bytesPerTenant} bytes per tenant`,
  );

  const scaleOut = await benchScaleOut();
  console.log(
    `throughput: ${scaleOut.sqliteTurnsPerSecond.toFixed(0)} turns/s on one sqlite instance, ${scaleOut.blobTwoInstancesTurnsPerSecond.toFixed(0)} turns/s on two instances sharing Azurite`,
  );

  const results: BenchResults = {
    recognizer,
    cards,
    budgetBytes: BUDGET_BYTES,
    startupMs: startup,
    turns,
    callback,
    footprint,
    scaleOut,
    date: new Date().toISOString(),
    machine: `Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores`,
  };
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(REPORT, performanceReport(results));
  console.log('written: docs/performance.json, docs/performance.md');
}

async function measureStartup(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { bot, stop } = await startBots();
    samples.push(bot.startupMs);
    await stop();
  }
  return samples.sort((a, b) => a - b)[2]!;
}

function turnTableRow(row: TurnRow) {
  return {
    turn: row.turn,
    conversations: row.concurrency,
    'p50 floor/bot ms': `${row.floorP50.toFixed(2)} / ${row.botP50.toFixed(2)}`,
    'p50 ratio': (row.botP50 / row.floorP50).toFixed(2),
    'p99 floor/bot ms': `${row.floorP99.toFixed(1)} / ${row.botP99.toFixed(1)}`,
    'turns/s floor/bot': `${row.floorPerSecond.toFixed(0)} / ${row.botPerSecond.toFixed(0)}`,
    'throughput ratio': (row.botPerSecond / row.floorPerSecond).toFixed(2),
    'CPU ms/turn floor/bot': `${row.floorCpuMs.toFixed(2)} / ${row.botCpuMs.toFixed(2)}`,
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
