import { editDistance } from './edit-distance';
import { CATALOG_KEYS, NEIGHBOUR_KEYS, permissionKey, RESOURCE_KEYS } from './permission-key';
import { resolvePermissionName, type PermissionLookup } from './resolve-permission';

/** A permission named in a sentence; start/end are character offsets of the words naming it. */
export type PermissionMention = PermissionLookup & { start: number; end: number };

export type PermissionInText = PermissionLookup | { kind: 'none' };

interface Word {
  text: string;
  key: string;
  start: number;
  end: number;
}

const MAX_WORDS = 200;
/** Only the start of a long paste is read: a question about a permission is short. */
const MAX_TEXT = 2_000;
/** The longest resource name ("DeviceManagementManagedDevices") is 30 letters. */
const MAX_RESOURCE = 40;
/** The longest Tikit name spelled with spaces is seven words ("device management managed devices …"). */
const MAX_WINDOW = 7;
/** Words that continue a resource word into a permission name: "mail send", "calendars read". */
const NAME_PARTS = new Set([
  'read',
  'write',
  'readwrite',
  'send',
  'all',
  'basic',
  'readbasic',
  'shared',
  'create',
  'submit',
  'manage',
  'full',
  'control',
  'fullcontrol',
  'selected',
]);

export function findPermissionInText(text: string): PermissionInText {
  const first = findPermissionMentions(text)[0];
  if (!first) return { kind: 'none' };
  return first.kind === 'found' ? { kind: 'found', name: first.name } : { kind: 'unknown', query: first.query, suggestions: first.suggestions };
}

/**
 * Every permission a sentence names, left to right: exact names in any spelling first; only when
 * there is none, names with typos or real Graph names Tikit does not request (kind 'unknown').
 */
export function findPermissionMentions(text: string): PermissionMention[] {
  const words = splitWords(text);
  const exact = exactMentions(words);
  if (exact.length > 0) return exact;
  for (let i = 0; i < words.length; i++) {
    const loose = looseMention(words, i);
    if (loose) return [loose];
  }
  return [];
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.slice(0, MAX_TEXT).matchAll(/\S+/g)) {
    const inner = /[A-Za-z0-9_](?:.*[A-Za-z0-9_])?/.exec(match[0]);
    if (!inner) continue;
    const start = match.index + inner.index;
    words.push({ text: inner[0], key: permissionKey(inner[0]), start, end: start + inner[0].length });
    if (words.length >= MAX_WORDS) break;
  }
  return words;
}

/** Longest exact name starting at each word, taken left to right without overlaps. */
function exactMentions(words: readonly Word[]): PermissionMention[] {
  const mentions: PermissionMention[] = [];
  for (let i = 0; i < words.length;) {
    const found = longestExactAt(words, i);
    if (!found) {
      i += 1;
      continue;
    }
    mentions.push(found.mention);
    i += found.length;
  }
  return mentions;
}

function longestExactAt(words: readonly Word[], i: number) {
  let key = '';
  let best: { key: string; length: number } | undefined;
  for (let length = 1; length <= MAX_WINDOW && i + length <= words.length; length++) {
    key += words[i + length - 1]!.key;
    if (CATALOG_KEYS.has(key) || NEIGHBOUR_KEYS.has(key)) best = { key, length };
  }
  if (!best) return undefined;
  // Suggestions cost more than the scan: build the lookup only for the window that wins.
  const span = { start: words[i]!.start, end: words[i + best.length - 1]!.end };
  return { mention: { ...exactLookup(best.key), ...span }, length: best.length };
}

function exactLookup(key: string): PermissionLookup {
  const ours = CATALOG_KEYS.get(key);
  return ours ? { kind: 'found', name: ours } : resolvePermissionName(NEIGHBOUR_KEYS.get(key)!);
}

/** A name-shaped word or a "resource + name parts" phrase, resolved with typo tolerance. */
function looseMention(words: readonly Word[], i: number): PermissionMention | undefined {
  const word = words[i]!;
  const span = { start: word.start, end: word.end };
  if (isDottedGraphName(word.text)) return { ...resolvePermissionName(word.text), ...span };
  if (startsWithResource(word.key)) {
    const lookup = resolvePermissionName(word.text);
    return lookup.kind === 'found' || /[a-z][A-Z]/.test(word.text) ? { ...lookup, ...span } : undefined;
  }
  return phraseMention(words, i);
}

/** "mail sned", "sites full control": a resource word followed by name parts. */
function phraseMention(words: readonly Word[], i: number): PermissionMention | undefined {
  if (!isResourceWord(words[i]!.key)) return undefined;
  let last = i;
  while (last + 1 < words.length && last - i < MAX_WINDOW - 1 && isNamePart(words[last + 1]!.key)) last++;
  if (last === i) return undefined;
  const phrase = words
    .slice(i, last + 1)
    .map((word) => word.text)
    .join(' ');
  return { ...resolvePermissionName(phrase), start: words[i]!.start, end: words[last]!.end };
}

/** "Mail.ReadWrite", "Sites.FullControl.All"; not "web.tikit.ai" or "v1.0". */
function isDottedGraphName(text: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+$/.test(text)) return false;
  const parts = text.split('.').map(permissionKey);
  return RESOURCE_KEYS.has(parts[0]!) || parts.some((part) => NAME_PARTS.has(part)) || /[a-z][A-Z]/.test(text);
}

/** "MailSend", "mailsned", "MailReadWrite": a resource glued to at least three more letters. */
function startsWithResource(key: string): boolean {
  for (let length = 4; length <= Math.min(key.length - 3, MAX_RESOURCE); length++) {
    if (RESOURCE_KEYS.has(key.slice(0, length))) return true;
  }
  return false;
}

function isResourceWord(key: string): boolean {
  return RESOURCE_KEYS.has(key) || RESOURCE_KEYS.has(`${key}s`);
}

/** A name part, or one with a single typo ("sned", "wrte") when long enough to tell. */
function isNamePart(key: string): boolean {
  if (NAME_PARTS.has(key)) return true;
  return key.length >= 4 && [...NAME_PARTS].some((part) => part.length >= 4 && editDistance(key, part, 1) <= 1);
}
