import { recognize } from '../dialogs/recognizer';
import { allCases, mismatch, type UtteranceCase } from '../test/recognizer/utterance-cases';

export interface RecognizerBench {
  /** Share of labelled utterances recognised right (intent and entities), 0..1. */
  accuracy: number;
  total: number;
  p50Ms: number;
  p99Ms: number;
}

const WARM_UP_ROUNDS = 20;
const TIMED_ROUNDS = 20;

/** Accuracy and per-utterance latency of the recognizer on the labelled utterance files. */
export async function benchRecognizer(): Promise<RecognizerBench> {
  const cases = allCases();
  const wrong = cases.filter((c) => mismatch(c, recognize(c.text)) !== undefined).length;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const c of cases) recognize(c.text);
  const timings = timeEach(cases);
  return {
    accuracy: (cases.length - wrong) / cases.length,
    total: cases.length,
    p50Ms: percentile(timings, 0.5),
    p99Ms: percentile(timings, 0.99),
  };
}

function timeEach(cases: readonly UtteranceCase[]): number[] {
  const timings: number[] = [];
  for (let round = 0; round < TIMED_ROUNDS; round++) {
    for (const c of cases) {
      const started = process.hrtime.bigint();
      recognize(c.text);
      timings.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return timings.sort((a, b) => a - b);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

if (require.main === module) {
  void benchRecognizer().then((result) => {
    console.log(
      `recognizer: ${(result.accuracy * 100).toFixed(1)}% right of ${result.total} utterances; ` +
        `p50 ${result.p50Ms.toFixed(4)} ms, p99 ${result.p99Ms.toFixed(4)} ms per utterance`,
    );
  });
}
