import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallbackBench } from './callback';
import type { CardSize } from './cards';
import type { RecognizerBench } from './recognizer';
import type { ScaleOutBench } from './scale-out';
import type { StorageFootprint } from './storage-footprint';
import type { TurnRow } from './turns';

export interface BenchResults {
  recognizer: RecognizerBench;
  cards: CardSize[];
  budgetBytes: number;
  startupMs: number;
  turns: TurnRow[];
  callback: CallbackBench;
  footprint: StorageFootprint;
  scaleOut: ScaleOutBench;
}

const f = (n: number, digits = 2) => n.toFixed(digits);

const P50_TARGET = 1.15;
const THROUGHPUT_TARGET = 0.85;

function targetVerdicts(turns: TurnRow[]): string {
  return turns
    .filter((t) => t.concurrency === 16)
    .map((t) => {
      const p50 = t.botP50 / t.floorP50;
      const throughput = t.botPerSecond / t.floorPerSecond;
      const met = p50 <= P50_TARGET && throughput >= THROUGHPUT_TARGET;
      const failed = t.errors > 0 ? ` (${t.errors} turns answered with an error)` : '';
      return `- ${t.turn}: p50 ${f(p50)}×, throughput ${f(throughput)}× — ${met ? 'met' : 'not met'}${failed}`;
    })
    .join('\n');
}

/** docs/performance.md: the figures of one `npm run bench`, with the machine they came from. */
export function performanceReport(r: BenchResults): string {
  const turnRows = r.turns.map(
    (t) =>
      `| ${t.turn} | ${t.concurrency} | ${f(t.floorP50)} | ${f(t.botP50)} | **${f(t.botP50 / t.floorP50)}×** | ${f(t.floorP99, 1)} | ${f(t.botP99, 1)} | ${f(t.floorPerSecond, 0)} | ${f(t.botPerSecond, 0)} | **${f(t.botPerSecond / t.floorPerSecond)}×** | ${f(t.floorCpuMs)} | ${f(t.botCpuMs)} |`,
  );
  const overBudget = r.cards.filter((c) => c.bytes > r.budgetBytes);
  return `# Performance

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${process.platform}/${process.arch}).
Absolute times on a shared machine drift; the ratios were measured side by side.

## Turns over HTTP, against the floor

The floor is an echo bot on the same stack (restify + bodyParser + CloudAdapter, local mode),
started by the benchmark beside the real bot (\`dist/index.js\`, sqlite). A turn runs from the
activity POSTed to its HTTP answer; both bots await their replies to the local fake connector
before answering, so every reply has arrived by then. Each conversation is its own tenant. Both
processes are warmed up on every kind of turn first; then each row runs floor, bot, bot, floor and
pools the two runs of each side, so the machine's drift cancels out. CPU is the server process's
user + system time per turn (\`/proc\`), the steadiest figure on a shared machine.

- **question**: "why does Tikit need Mail.Send?" (a permission card).
- **enable**: \`enable intune connector\` in a new chat of a new tenant (its first journey: the
  review card).
- **feature card**: \`features\` (reads the tenant record, the settings card).
- **button press**: **Continue to consent** on the review card of a new tenant, prepared before the
  clock starts: the first press, which stores a pending consent and answers with the consent card
  (an invoke: the floor answers it with a fixed message and no work).

| turn | conversations | floor p50 ms | bot p50 ms | p50 ratio | floor p99 ms | bot p99 ms | floor turns/s | bot turns/s | throughput ratio | floor CPU ms/turn | bot CPU ms/turn |
|---|---|---|---|---|---|---|---|---|---|---|---|
${turnRows.join('\n')}

Against the targets at 16 conversations (p50 ≤ 1.15× and throughput ≥ 0.85× the floor):
${targetVerdicts(r.turns)}

${readFileSync(join(__dirname, 'profile-notes.md'), 'utf8').trim()}
## Consent callback

Microsoft's redirect to the confirmation reaching the connector (card updated in place), with the
fake Entra ID and Graph answering at once: p50 ${f(r.callback.p50Ms, 1)} ms, p99 ${f(r.callback.p99Ms, 1)} ms over ${r.callback.runs} consents.

## Recognizer

${r.recognizer.total} labelled utterances: ${f(r.recognizer.accuracy * 100, 1)} % recognised right;
p50 ${f(r.recognizer.p50Ms, 4)} ms, p99 ${f(r.recognizer.p99Ms, 4)} ms per utterance (target p99 < 0.2 ms).

## Card sizes

Largest cards (JSON as sent; Teams' limit 28 KB, our budget ${r.budgetBytes / 1024} KB): ${overBudget.length === 0 ? 'none over budget' : `${overBudget.length} over budget`}.

| card | bytes |
|---|---|
${r.cards
  .slice(0, 10)
  .map((c) => `| ${c.card} | ${c.bytes} |`)
  .join('\n')}

## Memory and storage

${r.footprint.tenants.toLocaleString('en-US')} tenants' records written to sqlite through the bot's own store: RSS ${f(r.footprint.rssMb, 0)} MB
(${f(r.footprint.rssBeforeMb, 0)} MB before writing), ${r.footprint.bytesPerTenant} bytes per tenant on disk.

## Start-up

Process start to the first healthy answer (\`node dist/index.js\`, sqlite): ${f(r.startupMs, 0)} ms (median of 5).

## Scale-out

${r.scaleOut.turns} turns, 16 at a time (install + question in new conversations over 8 tenants):
${f(r.scaleOut.sqliteTurnsPerSecond, 0)} turns/s on one instance on sqlite,
${f(r.scaleOut.blobTwoInstancesTurnsPerSecond, 0)} turns/s on two instances sharing one Azurite container
(Azurite is one emulator process on loopback: it says nothing about real Azure Storage latency).
`;
}
