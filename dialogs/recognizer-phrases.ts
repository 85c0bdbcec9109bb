/**
 * Word-sequence matching for the recognizer's cue lists. A phrase is written as words separated by
 * spaces ("turn on"); `*` stands for one to three words ("turn * on" matches "turn my work on").
 * Phrases are indexed by their first word so a message is scanned once per list.
 */
export type PhraseIndex = ReadonlyMap<string, readonly (readonly string[])[]>;

/** Word positions [start, end) of a match. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const MAX_WILDCARD = 3;

export function phraseIndex(phrases: readonly string[]): PhraseIndex {
  const index = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const parts = phrase.split(' ');
    index.set(parts[0]!, [...(index.get(parts[0]!) ?? []), parts]);
  }
  return index;
}

/** The first match at or after `from`, the longest where several start at the same word. */
export function findPhrase(words: readonly string[], index: PhraseIndex, from = 0): Span | undefined {
  for (let start = from; start < words.length; start++) {
    let best = -1;
    for (const parts of index.get(words[start]!) ?? []) best = Math.max(best, matchAt(words, start, parts, 0));
    if (best > start) return { start, end: best };
  }
  return undefined;
}

export function hasPhrase(words: readonly string[], index: PhraseIndex): boolean {
  return findPhrase(words, index) !== undefined;
}

/** End position of `parts` matched from word `at`, or -1. */
function matchAt(words: readonly string[], at: number, parts: readonly string[], part: number): number {
  if (part === parts.length) return at;
  if (parts[part] !== '*') return words[at] === parts[part] ? matchAt(words, at + 1, parts, part + 1) : -1;
  for (let skip = 1; skip <= MAX_WILDCARD && at + skip <= words.length; skip++) {
    const end = matchAt(words, at + skip, parts, part + 1);
    if (end >= 0) return end;
  }
  return -1;
}
