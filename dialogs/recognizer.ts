import type { PermissionLookup } from '../permissions/resolve-permission';
import { FEATURE_IDS, type ConsentArea, type FeatureId } from '../permissions/types';
import {
  ABOUT,
  EVERY_PERMISSION,
  EXPLAIN,
  FEATURES_CARD,
  HELP,
  HISTORY,
  HOLD_BACK,
  isCancelMessage,
  isDeclineMessage,
  isNegatedAction,
  NEEDS,
  PLAIN_ACTION,
  REQUESTS,
  REQUIRED,
  STATUS,
  STOPPING,
  TROUBLE,
  USING,
} from './recognizer-cues';
import { hasPhrase } from './recognizer-phrases';
import { readSignals, type Signals } from './recognizer-signals';
import { prepareText } from './recognizer-text';

export type { PermissionLookup };

/** What an admin's message asks for. Questions never come back as 'enable' or 'disable'. */
export type Recognition =
  | { intent: 'enable'; features: FeatureId[] }
  | { intent: 'disable'; features: FeatureId[] }
  /** Show the feature card with its toggles. */
  | { intent: 'features' }
  /** Why Tikit needs a permission, what it allows, which type it is. */
  | { intent: 'explain'; permission: PermissionLookup }
  /** What a feature (or the Required base set) needs. */
  | { intent: 'feature-permissions'; areas: ConsentArea[] }
  | { intent: 'features-using'; permission: PermissionLookup }
  | { intent: 'status'; features: FeatureId[] }
  | { intent: 'history' }
  | { intent: 'requests' }
  | { intent: 'help' }
  | { intent: 'cancel' }
  /** A negation ("don't enable the intune connector"): never starts a consent. */
  | { intent: 'declined'; features: FeatureId[] }
  | { intent: 'unknown' };

export type Intent = Recognition['intent'];

const ALL_AREAS: ConsentArea[] = ['required', ...FEATURE_IDS];

/** Pure and synchronous: text in, intent and entities out. Never throws. */
export function recognize(text: string): Recognition {
  const prepared = prepareText(text);
  if (prepared.words.length === 0) {
    return prepared.mentioned || prepared.endsWithQuestionMark ? { intent: 'help' } : { intent: 'unknown' };
  }
  const signals = readSignals(prepared);
  return refusal(signals) ?? permissionQuestion(signals) ?? recordsQuestion(signals) ?? featureMessage(signals) ?? generalMessage(signals);
}

function refusal(s: Signals): Recognition | undefined {
  if (isCancelMessage(s.words) && s.features.length === 0) return { intent: 'cancel' };
  if (isDeclineMessage(s.words) || hasPhrase(s.words, HOLD_BACK)) return { intent: 'declined', features: s.features };
  const stopping = hasPhrase(s.words, STOPPING);
  if (s.action && !stopping && isNegatedAction(s.words, s.action.span)) {
    return { intent: 'declined', features: s.features };
  }
  const saysNo = ['no', 'nope', 'nah'].includes(s.words[0]!);
  return saysNo && !s.action && s.features.length > 0 ? { intent: 'declined', features: s.features } : undefined;
}

function permissionQuestion(s: Signals): Recognition | undefined {
  if (!s.permission) return undefined;
  if (hasPhrase(s.words, USING)) return { intent: 'features-using', permission: s.permission };
  if (s.question || s.permissionAlone || hasPhrase(s.words, EXPLAIN)) return { intent: 'explain', permission: s.permission };
  return undefined;
}

function recordsQuestion(s: Signals): Recognition | undefined {
  if (hasPhrase(s.words, HISTORY)) return { intent: 'history' };
  if (hasPhrase(s.words, REQUESTS)) return { intent: 'requests' };
  const trouble = s.features.length > 0 && hasPhrase(s.words, TROUBLE);
  if (s.askedState || trouble || hasPhrase(s.words, STATUS)) return { intent: 'status', features: s.features };
  return undefined;
}

function featureMessage(s: Signals): Recognition | undefined {
  const features: FeatureId[] = s.allFeatures && s.features.length === 0 ? [...FEATURE_IDS] : s.features;
  if (features.length === 0) return undefined;
  if (s.question) return s.action?.kind === 'disable' ? { intent: 'features' } : { intent: 'feature-permissions', areas: features };
  if (s.action) return { intent: s.action.kind, features };
  const asksAbout = hasPhrase(s.words, NEEDS) || hasPhrase(s.words, ABOUT);
  if (asksAbout || (s.strongFeature && s.featuresAlone) || s.allFeatures) {
    return { intent: 'feature-permissions', areas: features };
  }
  return undefined;
}

function generalMessage(s: Signals): Recognition {
  const asks = s.question || hasPhrase(s.words, NEEDS);
  if (asks && hasPhrase(s.words, REQUIRED)) return { intent: 'feature-permissions', areas: ['required'] };
  if (asks && hasPhrase(s.words, EVERY_PERMISSION)) return { intent: 'feature-permissions', areas: [...ALL_AREAS] };
  const plainAction = s.action !== undefined && PLAIN_ACTION.has(s.words[s.action.span.start]!);
  if (hasPhrase(s.words, FEATURES_CARD) || plainAction) return { intent: 'features' };
  if (hasPhrase(s.words, HELP)) return { intent: 'help' };
  return { intent: 'unknown' };
}
