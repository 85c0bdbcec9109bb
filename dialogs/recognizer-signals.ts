import { findPermissionMentions, type PermissionMention } from '../permissions/find-permission-in-text';
import type { PermissionLookup } from '../permissions/resolve-permission';
import { FEATURE_IDS, type FeatureId } from '../permissions/types';
import { findFeatureMentions, mentionsAllFeatures, type FeatureMention } from './recognizer-features';
import { CLEAR_STATE_WORDS, FILLERS, firstAction, isQuestion, STATE_QUESTION_STARTS, STATE_WORDS, STATUS } from './recognizer-cues';
import { hasPhrase, type Span } from './recognizer-phrases';
import type { PreparedText } from './recognizer-text';

/** What a message names and how it is put, before any decision. */
export interface Signals {
  readonly words: readonly string[];
  readonly question: boolean;
  readonly action: { kind: 'enable' | 'disable'; span: Span } | undefined;
  /** Features named, in catalog order. */
  readonly features: FeatureId[];
  /** At least one feature named unambiguously ("email connector", not just "email"). */
  readonly strongFeature: boolean;
  readonly allFeatures: boolean;
  readonly permission: PermissionLookup | undefined;
  /** The message is little more than the permission's name ("Mail.Send?"). */
  readonly permissionAlone: boolean;
  /** The message is little more than feature names ("intune connector"). */
  readonly featuresAlone: boolean;
  /** A question about a feature's state: "is the email connector working?". */
  readonly askedState: boolean;
}

export function readSignals(prepared: PreparedText): Signals {
  const words = prepared.words.map((word) => word.w);
  const action = firstAction(words);
  const verbal = action !== undefined || hasPhrase(words, STATUS);
  const { features, permission } = settleOverlaps(prepared, findFeatureMentions(words), verbal);
  const question = isQuestion(words, prepared.endsWithQuestionMark);
  return {
    words,
    question,
    action,
    features: FEATURE_IDS.filter((id) => features.some((mention) => mention.feature === id)),
    strongFeature: features.some((mention) => !mention.weak),
    allFeatures: mentionsAllFeatures(words),
    permission: permission ? lookupOf(permission) : undefined,
    permissionAlone: permission ? isAlone(prepared, permission) : false,
    featuresAlone: words.every((word, i) => FILLERS.has(word) || features.some((m) => i >= m.start && i < m.end)),
    askedState: question && features.length > 0 && asksState(words, features),
  };
}

/**
 * A word can name a feature and a permission at once ("email"). A full feature name wins
 * ("email connector"); a bare word is the feature when the message acts on features
 * ("enable email") and the permission otherwise ("why do you need email").
 */
function settleOverlaps(prepared: PreparedText, mentions: FeatureMention[], verbal: boolean) {
  const charSpan = (mention: FeatureMention) => ({
    start: prepared.words[mention.start]!.start,
    end: prepared.words[mention.end - 1]!.end,
  });
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
  const permissions = findPermissionMentions(prepared.text);
  const permission = permissions.find((candidate) => !mentions.some((mention) => overlaps(charSpan(mention), candidate) && (!mention.weak || verbal)));
  const features = mentions.filter((mention) => !permission || !overlaps(charSpan(mention), permission));
  return { features, permission };
}

/** "is the email connector working?", "is consent granted for intune?", "has intune been consented". */
function asksState(words: readonly string[], features: readonly FeatureMention[]): boolean {
  if (features.some((mention) => STATE_WORDS.has(words[mention.end] ?? ''))) return true;
  return STATE_QUESTION_STARTS.has(words[0] ?? '') && words.some((word) => CLEAR_STATE_WORDS.has(word));
}

function lookupOf(mention: PermissionMention): PermissionLookup {
  return mention.kind === 'found' ? { kind: 'found', name: mention.name } : { kind: 'unknown', query: mention.query, suggestions: mention.suggestions };
}

function isAlone(prepared: PreparedText, mention: PermissionMention): boolean {
  return prepared.words.every((word) => (word.start >= mention.start && word.end <= mention.end) || FILLERS.has(word.w));
}
