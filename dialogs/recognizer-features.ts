import { allFeatures } from '../permissions/catalog';
import { editDistance } from '../permissions/edit-distance';
import type { FeatureId } from '../permissions/types';
import { hasPhrase, phraseIndex } from './recognizer-phrases';

/** A feature named in a message, at word positions [start, end). */
export interface FeatureMention {
  readonly feature: FeatureId;
  readonly start: number;
  readonly end: number;
  /** A word that is only a feature in context ("email", "meetings"), unlike "email connector". */
  readonly weak: boolean;
}

interface Alias {
  readonly feature: FeatureId;
  readonly words: readonly string[];
  readonly weak: boolean;
}

/** Spellings admins use beyond the catalog's names. "calendar" is no alias: two features use it. */
const EXTRA_ALIASES: Readonly<Record<FeatureId, { strong: string[]; weak: string[] }>> = {
  'teams-meetings': { strong: ['team meetings', 'team meeting'], weak: ['meetings', 'meeting'] },
  'my-work': { strong: ['my work page'], weak: [] },
  'email-connector': {
    strong: ['mail connector', 'email connectors', 'email integration', 'mailbox connector', 'tikit email connector'],
    weak: ['email', 'emails', 'mail', 'mailbox'],
  },
  'intune-connector': { strong: ['intune', 'intune devices'], weak: [] },
  'teams-app-management': {
    strong: ['app management', 'teams apps management', 'team app management', 'apps management'],
    weak: ['teams apps', 'teams app'],
  },
};

const ALIASES: readonly Alias[] = allFeatures().flatMap((feature) => {
  const extra = EXTRA_ALIASES[feature.id];
  const strong = [feature.displayName, ...feature.aliases, ...extra.strong].map((text) => text.toLowerCase());
  return [
    ...[...new Set(strong)].map((text) => ({ feature: feature.id, words: text.split(' '), weak: false })),
    ...extra.weak.map((text) => ({ feature: feature.id, words: text.split(' '), weak: true })),
  ];
});

/** Aliases by their words run together, so "my-work", "mywork" and "In Tune" all match. */
const BY_KEY: ReadonlyMap<string, Alias> = new Map(ALIASES.map((alias) => [alias.words.join(''), alias]));
const MAX_ALIAS_WORDS = 4;

export function findFeatureMentions(words: readonly string[]): FeatureMention[] {
  const mentions: FeatureMention[] = [];
  for (let i = 0; i < words.length;) {
    const mention = mentionAt(words, i);
    if (!mention) {
      i += 1;
      continue;
    }
    mentions.push(mention);
    i = mention.end;
  }
  return mentions;
}

/** The longest exact alias at word i; failing a strong one, an alias with a typo in a word. */
function mentionAt(words: readonly string[], i: number): FeatureMention | undefined {
  let exact: FeatureMention | undefined;
  let key = '';
  for (let length = 1; length <= MAX_ALIAS_WORDS && i + length <= words.length; length++) {
    key += words[i + length - 1];
    const alias = BY_KEY.get(key);
    if (alias) exact = { feature: alias.feature, start: i, end: i + length, weak: alias.weak };
  }
  if (exact && !exact.weak) return exact;
  const fuzzy = typoMentionAt(words, i);
  return fuzzy && (!exact || fuzzy.end > exact.end) ? fuzzy : exact;
}

function typoMentionAt(words: readonly string[], i: number): FeatureMention | undefined {
  let best: FeatureMention | undefined;
  for (const alias of ALIASES) {
    const end = i + alias.words.length;
    if (end > words.length || (best && end <= best.end)) continue;
    if (alias.weak && alias.words.join('').length < 5) continue;
    if (alias.words.every((word, k) => closeWord(words[i + k]!, word))) {
      best = { feature: alias.feature, start: i, end, weak: alias.weak };
    }
  }
  return best;
}

/** Same first letter, and one typo in four letters or more, two in eight or more. */
function closeWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  if (typed[0] !== word[0] || word.length < 4) return false;
  const allowance = word.length >= 8 ? 2 : 1;
  return editDistance(typed, word, allowance) <= allowance;
}

const ALL_FEATURES = phraseIndex([
  'all features',
  'all the features',
  'all of the features',
  'all of them',
  'all five',
  'every feature',
  'each feature',
  'all feature',
  'everything',
  'enable all',
  'activate all',
  'turn on all',
  'switch on all',
  'disable all',
  'deactivate all',
  'turn off all',
  'switch off all',
  'remove all',
  'turn all on',
  'turn all off',
]);

/** "enable everything", "all features": every optional feature at once. */
export function mentionsAllFeatures(words: readonly string[]): boolean {
  return hasPhrase(words, ALL_FEATURES);
}
