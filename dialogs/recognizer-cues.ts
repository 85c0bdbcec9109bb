import { findPhrase, phraseIndex, type Span } from './recognizer-phrases';

/*
 * The words and phrases that carry an admin's intent, on normalised words ("don't" → "dont",
 * "we'd" → "wed"). Kept as data so the recognizer reads as a list of decisions.
 */

export const ENABLE_VERBS = phraseIndex([
  'enable', 'enabled', 'enabling', 'activate', 'activated', 'activating', 'start', 'turn on', 'turned on', 'turning on',
  'turn * on', 'switch on', 'switched on', 'switch * on', 'set up', 'setup', 'setting up', 'start using',
  'begin using', 'like to use', 'want to use', 'start with', 'install', 'add', 'connect', 'grant', 'give consent',
  'consent to', 'consent for', 'opt in', 'opt into', 'roll out', 'get started with', 'sign up for', 'want',
  'go ahead with',
]);

export const DISABLE_VERBS = phraseIndex([
  'disable', 'disabled', 'disabling', 'deactivate', 'deactivated', 'turn off', 'turned off', 'turn * off',
  'switch off', 'switched off', 'switch * off', 'shut off', 'shut * off', 'shut down', 'stop using', 'stop', 'remove', 'uninstall', 'revoke',
  'get rid of', 'opt out', 'no longer', 'anymore', 'any more', 'disconnect', 'withdraw',
]);

/** "no longer", "anymore": a negation that means switching off, not refusing. */
export const STOPPING = phraseIndex(['no longer', 'anymore', 'any more']);
/** Verbs that ask to switch something on or off even when no feature is named ("enable dark mode"). */
export const PLAIN_ACTION = new Set(['enable', 'activate', 'turn', 'switch', 'disable', 'deactivate']);

/** A negation right before an action: "don't enable", "I do not want to", "we won't be enabling". */
const NEGATORS = new Set(['dont', 'never', 'not', 'wont', 'no', 'shouldnt']);
const NEGATION_REACH = 3;

/** Whole-message answers that say no to whatever was offered ("not now, thanks"). */
const DECLINE_WORDS = new Set([
  'no', 'nope', 'nah', 'not', 'now', 'yet', 'later', 'maybe', 'thanks', 'thank', 'you', 'dont', 'pass', 'skip',
]);
const REFUSALS = new Set(['no', 'nope', 'nah', 'not', 'later', 'dont', 'pass', 'skip']);
/** Holding back, wherever it stands: "hold off on the email connector", "don't do anything yet". */
export const HOLD_BACK = phraseIndex([
  'hold off', 'dont do', 'do nothing', 'not now', 'not yet', 'maybe later', 'changed my mind', 'no thanks',
]);
const CANCEL_MESSAGES = new Set(['cancel', 'stop', 'nevermind', 'abort', 'quit', 'exit', 'forget']);
/** What a cancel may name without becoming something else: "cancel the request". */
const CANCEL_OBJECTS = new Set(['request', 'consent', 'process', 'everything', 'journey', 'current']);
/** Words that do not change what a short message means. */
export const FILLERS = new Set([
  'please', 'pls', 'plz', 'thanks', 'thank', 'you', 'ok', 'okay', 'tikit', 'the', 'a', 'that', 'it', 'this', 'now',
  'so', 'hi', 'hey', 'hello', 'yes', 'and', 'for', 'me', 'us', 'permission', 'permissions', 'scope', 'scopes', 'about',
  'just', 'all',
]);

const QUESTION_STARTS = new Set([
  'what', 'whats', 'why', 'which', 'how', 'who', 'when', 'where', 'can', 'could', 'should', 'would', 'is', 'are',
  'does', 'do', 'did', 'will', 'shall', 'may', 'might', 'has', 'have', 'isnt', 'arent', 'doesnt', 'whom', 'whose',
]);
/** Polite commands shaped like questions: "can you enable …", "could you please turn on …". */
const REQUEST_STARTS = phraseIndex([
  'can you', 'could you', 'would you', 'will you', 'can u', 'could u', 'please', 'pls', 'kindly', 'do not', 'do it',
]);
const LEAD_IN = new Set(['ok', 'okay', 'so', 'hi', 'hey', 'hello', 'tikit', 'um', 'well', 'and', 'then', 'yes', 'also']);

export const STATUS = phraseIndex([
  'status', 'state', 'health', 'still granted',
  'still there', 'still working', 'whats enabled', 'what is enabled', 'whats on', 'what is on', 'whats turned on',
  'what is turned on', 'whats active', 'what is active', 'what features are on', 'what features are enabled',
  'which features are enabled', 'which features are on', 'which features are active', 'is everything', 'check',
  'verify', 'did the consent', 'did * work', 'current',
]);
/** Trouble words that are about consent only when a feature is named: "the email connector is broken". */
export const TROUBLE = phraseIndex([
  'stopped working', 'not working', 'isnt working', 'doesnt work', 'broken', 'failing', 'fails', 'failed', 'errors',
]);
/** Said right after a feature in a question: "is the email connector working?", "has intune been …". */
export const STATE_WORDS = new Set([
  'enabled', 'on', 'active', 'working', 'set', 'setup', 'configured', 'granted', 'consented', 'live', 'running',
  'still', 'been', 'ok', 'okay', 'turned', 'switched', 'activated', 'connected', 'installed', 'ready', 'approved',
]);
/** State words clear enough anywhere in an is/are/has question: "is consent granted for …". */
export const CLEAR_STATE_WORDS = new Set([
  'enabled', 'active', 'working', 'configured', 'granted', 'consented', 'connected', 'installed', 'approved', 'live',
]);
export const STATE_QUESTION_STARTS = new Set(['is', 'are', 'has', 'have', 'was', 'were', 'isnt', 'arent']);

export const HISTORY = phraseIndex([
  'history', 'audit', 'log', 'logs', 'who consented', 'who enabled', 'who granted', 'who turned', 'who disabled',
  'who switched', 'who activated', 'who approved', 'who set up', 'who installed', 'who added', 'who removed',
  'who revoked', 'who accepted', 'when was', 'when did', 'what changed', 'changes', 'changelog',
]);
export const REQUESTS = phraseIndex(['requests', 'request', 'pending']);

export const HELP = phraseIndex([
  'help', 'hi', 'hello', 'hey', 'hiya', 'howdy', 'greetings', 'good morning', 'good afternoon', 'good evening',
  'what can you do', 'what can this bot do', 'what do you do', 'how does this work', 'how does it work',
  'how do i use', 'how to use', 'who are you', 'what are you', 'commands', 'menu', 'my options', 'get started',
  'getting started', 'what is this', 'start',
]);

export const FEATURES_CARD = phraseIndex([
  'features', 'feature', 'settings', 'toggles', 'toggle', 'sliders', 'consent management', 'manage consent',
  'update consent', 'what can i enable', 'what can be enabled', 'what can i turn on',
]);

/** Asking what something needs: "what does My Work need", "permissions for intune". */
export const NEEDS = phraseIndex([
  'need', 'needs', 'needed', 'require', 'requires', 'required', 'requirements', 'permissions', 'permission', 'scopes',
  'scope', 'access', 'ask for', 'asks for', 'involve', 'involves', 'include', 'includes', 'what happens', 'safe',
  'risk', 'risky', 'consent to', 'consented',
]);
/** Asking about a feature itself: "tell me about the intune connector". */
export const ABOUT = phraseIndex(['tell', 'about', 'explain', 'describe', 'details', 'info', 'information', 'what', 'whats']);

/** The base set: "what's required", "base permissions", "what's needed for setup". */
export const REQUIRED = phraseIndex([
  'required', 'base', 'baseline', 'minimum', 'basic setup', 'basic', 'core', 'setup', 'base consent', 'mandatory',
]);
export const EVERY_PERMISSION = phraseIndex(['permissions', 'scopes', 'all permissions', 'every permission']);

/** Asking which features use a permission. */
export const USING = phraseIndex([
  'feature', 'features', 'area', 'areas', 'part', 'used by', 'what uses', 'what needs', 'what requires', 'who uses',
  'who needs', 'where is',
  'where does', 'depend on', 'depends on', 'belong to', 'belongs to',
]);
/** Asking about a permission: why, what for, how risky, which type. */
export const EXPLAIN = phraseIndex([
  'why', 'what', 'whats', 'explain', 'tell', 'reason', 'purpose', 'mean', 'means', 'meaning', 'risky', 'risk',
  'dangerous', 'safe', 'describe', 'details', 'info', 'define', 'used', 'needed', 'need', 'needs', 'for',
  'delegated', 'application', 'do with', 'allow', 'allows',
]);

export function isQuestion(words: readonly string[], endsWithQuestionMark: boolean): boolean {
  let first = 0;
  while (first < words.length - 1 && LEAD_IN.has(words[first]!)) first++;
  const rest = words.slice(first);
  const request = findPhrase(rest, REQUEST_STARTS);
  if (request?.start === 0) return false;
  return QUESTION_STARTS.has(rest[0] ?? '') || endsWithQuestionMark;
}

/** The first enable or disable verb, whichever comes first. */
export function firstAction(words: readonly string[]): { kind: 'enable' | 'disable'; span: Span } | undefined {
  const stopping = findPhrase(words, STOPPING);
  if (stopping) return { kind: 'disable', span: stopping };
  const enable = findPhrase(words, ENABLE_VERBS);
  const disable = findPhrase(words, DISABLE_VERBS);
  if (enable && (!disable || enable.start < disable.start)) return { kind: 'enable', span: enable };
  return disable ? { kind: 'disable', span: disable } : undefined;
}

/** "don't enable X", "never turn on X", "I do not want to activate X". */
export function isNegatedAction(words: readonly string[], action: Span): boolean {
  const from = Math.max(0, action.start - NEGATION_REACH);
  return words.slice(from, action.start).some((word) => NEGATORS.has(word));
}

export function isDeclineMessage(words: readonly string[]): boolean {
  return (
    words.length <= 5 && words.some((word) => REFUSALS.has(word)) && words.every((word) => DECLINE_WORDS.has(word))
  );
}

export function isCancelMessage(words: readonly string[]): boolean {
  const meaningful = words.filter((word) => !FILLERS.has(word) && !CANCEL_OBJECTS.has(word));
  return meaningful.length > 0 && meaningful.length <= 2 && CANCEL_MESSAGES.has(meaningful.join(''));
}
