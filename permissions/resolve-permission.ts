import { editDistance } from './edit-distance';
import { CATALOG_KEYS, NEIGHBOUR_KEYS, permissionKey, resourceKey } from './permission-key';

export type PermissionLookup = { kind: 'found'; name: string } | { kind: 'unknown'; query: string; suggestions: string[] };

const MAX_SUGGESTIONS = 3;
/** Longer input cannot be a permission name; cap it so a pasted essay costs nothing. */
const MAX_QUERY_LENGTH = 120;

/** Typos allowed in a name of this key length: none in short names ("mail" is not "email"). */
function typoAllowance(keyLength: number): number {
  if (keyLength < 5) return 0;
  return keyLength < 10 ? 1 : 2;
}

/**
 * Resolves what someone typed to one of Tikit's permission names. A real Graph permission that
 * Tikit does not request (Mail.ReadWrite) is never bent into one it does (Mail.Read): it comes back
 * 'unknown', with Tikit's nearest names as suggestions.
 */
export function resolvePermissionName(query: string): PermissionLookup {
  const shown = query.slice(0, MAX_QUERY_LENGTH).trim();
  const key = permissionKey(shown);
  const exact = CATALOG_KEYS.get(key);
  if (exact) return { kind: 'found', name: exact };
  const neighbour = NEIGHBOUR_KEYS.get(key);
  if (neighbour) return unknown(neighbour, key);
  const corrected = correctTypo(key);
  return corrected ? { kind: 'found', name: corrected } : unknown(shown, key);
}

function unknown(query: string, key: string): PermissionLookup {
  return { kind: 'unknown', query, suggestions: suggestPermissions(key) };
}

/** Tikit's one name within the typo allowance, unless another real Graph name is as close. */
function correctTypo(key: string): string | undefined {
  const allowance = typoAllowance(key.length);
  if (allowance === 0) return undefined;
  const ours = nearest(key, CATALOG_KEYS, allowance);
  if (ours.names.length !== 1) return undefined;
  const theirs = nearest(key, NEIGHBOUR_KEYS, ours.distance);
  return theirs.names.length === 0 ? ours.names[0] : undefined;
}

function nearest(key: string, candidates: ReadonlyMap<string, string>, max: number) {
  let distance = max + 1;
  let names: string[] = [];
  for (const [candidateKey, name] of candidates) {
    const d = editDistance(key, candidateKey, distance);
    if (d < distance) [distance, names] = [d, [name]];
    else if (d === distance && d <= max) names.push(name);
  }
  return { distance, names: distance <= max ? names : [] };
}

/** Tikit's names with their keys and resource keys, worked out once. */
const CATALOG_ENTRIES = [...CATALOG_KEYS].map(([key, name]) => ({
  name,
  key,
  resource: name.includes('.') ? resourceKey(name) : undefined,
}));

/** Ranking needs only near distances; anything past this counts as far. */
const FAR = 24;

/**
 * Up to three of Tikit's names worth offering: first those of the same resource (Mail.ReadWrite →
 * Mail.Read, Mail.Send), nearest first; then any other name within a few edits.
 */
export function suggestPermissions(key: string): string[] {
  const resource = longestResourcePrefix(key);
  const near = Math.max(3, Math.floor(key.length / 3));
  return CATALOG_ENTRIES.flatMap((entry) => {
    const sameResource = resource !== undefined && entry.resource === resource;
    const distance = editDistance(key, entry.key, sameResource ? FAR : near);
    return sameResource || distance <= near ? [{ name: entry.name, sameResource, distance }] : [];
  })
    .sort((a, b) => Number(b.sameResource) - Number(a.sameResource) || a.distance - b.distance)
    .slice(0, MAX_SUGGESTIONS)
    .map((entry) => entry.name);
}

/** The longest of Tikit's resources the query starts with: "teammember…" is TeamMember, not Team. */
function longestResourcePrefix(key: string): string | undefined {
  let longest: string | undefined;
  for (const { resource } of CATALOG_ENTRIES) {
    if (resource && key.startsWith(resource) && resource.length > (longest?.length ?? 0)) longest = resource;
  }
  return longest;
}
