import { describe, expect, it } from 'vitest';
import { recognize } from '../../dialogs/recognizer';
import { INTENTS } from './intents';
import { EXAMPLE_UTTERANCES, mismatch, OWN_UTTERANCES, readCases } from './utterance-cases';

const REQUIRED_ACCURACY = 0.98;

describe('recognizer accuracy on labelled utterances', () => {
  const own = readCases(OWN_UTTERANCES);
  const examples = readCases(EXAMPLE_UTTERANCES);
  const cases = [...own, ...examples];

  it('has at least 320 utterances of our own, covering every intent, plus the 30 product examples', () => {
    expect(own.length).toBeGreaterThanOrEqual(320);
    expect(examples).toHaveLength(30);
    const intents = new Set(own.map((c) => c.intent));
    for (const intent of INTENTS) expect(intents, intent).toContain(intent);
  });

  it(`recognises at least ${REQUIRED_ACCURACY * 100}% right, intent and entities`, () => {
    const misses = cases.flatMap((c) => {
      const why = mismatch(c, recognize(c.text));
      return why ? [`[${c.source}] ${JSON.stringify(c.text)}: ${why}`] : [];
    });
    if (misses.length > 0) console.log(`recognizer misses (${misses.length}/${cases.length}):\n${misses.join('\n')}`);
    const accuracy = (cases.length - misses.length) / cases.length;
    expect(accuracy, misses.join('\n')).toBeGreaterThanOrEqual(REQUIRED_ACCURACY);
  });

  it('gets every product example right', () => {
    const misses = examples.filter((c) => mismatch(c, recognize(c.text)) !== undefined).map((c) => c.text);
    expect(misses).toEqual([]);
  });
});
