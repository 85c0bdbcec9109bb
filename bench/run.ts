import { benchRecognizer } from './recognizer';

/** `npm run bench`: every benchmark of the project, printed as a table. */
async function main(): Promise<void> {
  const recognizer = await benchRecognizer();
  console.table({
    recognizer: {
      utterances: recognizer.total,
      accuracy: `${(recognizer.accuracy * 100).toFixed(1)} %`,
      'p50 ms': recognizer.p50Ms.toFixed(4),
      'p99 ms': recognizer.p99Ms.toFixed(4),
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
