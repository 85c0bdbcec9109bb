import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognize, type Recognition } from '../../dialogs/recognizer';
import { permissionNames } from '../../permissions/catalog';
import { CONSENT_AREAS, FEATURE_IDS } from '../../permissions/types';
import { INTENTS } from './intents';

const COMMANDS = [
  'enable the intune connector',
  'turn on my work',
  'activate the email connector',
  'set up teams meetings',
  'switch on teams app management',
  'enable everything',
  'start using intune',
  'install the email connector',
  'turn the email connector on',
  'enable my work and intune',
];
const QUESTION_LEADS = [
  'can I ',
  'can we ',
  'should I ',
  'should we ',
  'what happens if I ',
  'is it safe to ',
  'how do I ',
  'do I need to ',
  'what if we ',
  'would it be wise to ',
  'why would I ',
  'is it ok to ',
  'could I ',
  'when should I ',
];
const NEGATIONS = ["don't ", 'do not ', 'never ', 'please do not ', "we don't want to ", 'I do not want you to ', "no, don't ", 'DONT '];

describe('safety: only a plain command starts a consent', () => {
  it.each(COMMANDS)('the command %j is an enable', (command) => {
    expect(recognize(command).intent).toBe('enable');
  });

  it.each(COMMANDS.flatMap((command) => NEGATIONS.map((lead) => lead + command)))('a negation is declined: %j', (text) => {
    expect(recognize(text).intent).toBe('declined');
  });

  it.each(COMMANDS.flatMap((command) => QUESTION_LEADS.flatMap((lead) => [lead + command, `${lead + command}?`])))(
    'a question is never an enable: %j',
    (text) => {
      expect(['enable', 'disable']).not.toContain(recognize(text).intent);
    },
  );

  it.each([
    ["don't enable the intune connector", ['intune-connector']],
    ['never turn on my work', ['my-work']],
    ['not now', []],
    ['no thanks', []],
  ])('the refusal %j names what it refuses', (text, features) => {
    expect(recognize(text)).toEqual({ intent: 'declined', features });
  });

  it.each([
    ['can I enable intune?', { intent: 'feature-permissions', areas: ['intune-connector'] }],
    ['what happens if I enable intune', { intent: 'feature-permissions', areas: ['intune-connector'] }],
    ['should I turn on my work?', { intent: 'feature-permissions', areas: ['my-work'] }],
    ['is intune enabled?', { intent: 'status', features: ['intune-connector'] }],
    ['can you enable the email connector please', { intent: 'enable', features: ['email-connector'] }],
  ])('%j → %j', (text, expected) => {
    expect(recognize(text)).toEqual(expected);
  });
});

describe('entities', () => {
  it.each([
    ['turn on My Work and the email connector', ['my-work', 'email-connector']],
    ['enable everything', [...FEATURE_IDS]],
    ['enable all features', [...FEATURE_IDS]],
    ['<at>Tikit</at> enable intune conector', ['intune-connector']],
    ['enable emial connector', ['email-connector']],
    ['turn on my wrok', ['my-work']],
    ['activate InTune', ['intune-connector']],
    ['enable app management', ['teams-app-management']],
    ['enable meetings', ['teams-meetings']],
  ])('%j enables %j', (text, features) => {
    expect(recognize(text)).toEqual({ intent: 'enable', features });
  });

  it('does not take "calendar" for a feature: two features use the calendar', () => {
    expect(recognize('enable calendar').intent).toBe('features');
  });

  it('tells the email feature from the email scope by what the message does', () => {
    expect(recognize('enable email')).toEqual({ intent: 'enable', features: ['email-connector'] });
    expect(recognize('why do you need email')).toEqual({ intent: 'explain', permission: { kind: 'found', name: 'email' } });
    expect(recognize('why does the email connector need Mail.Send?')).toEqual({
      intent: 'explain',
      permission: { kind: 'found', name: 'Mail.Send' },
    });
  });

  it('answers a permission Tikit does not request with suggestions', () => {
    expect(recognize('why does Tikit need Mail.ReadWrite?')).toEqual({
      intent: 'explain',
      permission: { kind: 'unknown', query: 'Mail.ReadWrite', suggestions: ['Mail.Read', 'Mail.Send'] },
    });
  });

  it('understands a mention, entities, odd spacing and casing', () => {
    const expected = { intent: 'explain', permission: { kind: 'found', name: 'Mail.Send' } };
    expect(recognize('<at>Tikit Consent Assistant</at>&nbsp;why does Tikit need Mail.Send?')).toEqual(expected);
    expect(recognize('  WHY   does tikit need mail.send ')).toEqual(expected);
    expect(recognize('<p>why does <b>Tikit</b> need Mail.Send?</p>')).toEqual(expected);
    expect(recognize('&lt;at&gt;Tikit&lt;/at&gt; why does Tikit need Mail.Send?')).toEqual(expected);
    expect(recognize('&lt;at&gt;Tikit&lt;/at&gt;')).toEqual({ intent: 'help' });
  });
});

describe('robustness', () => {
  it.each([
    ['a 200 kB paste', 'enable intune '.repeat(15_000)],
    ['control characters', 'enable\u0000 intune\u0007\u001b[31m connector'],
    ['lone surrogates', '\uD800enable \uDC00intune\uDBFF'],
    ['a huge single word', 'x'.repeat(200_000)],
    ['an unclosed mention', '<at>Tikit enable intune'],
    ['a bad entity', '&#xFFFFFFF; &#0; &bogus; enable intune'],
  ])('does not throw and stays fast on %s', (_name, text) => {
    const started = process.hrtime.bigint();
    const result = recognize(text);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(50);
    expect(problemsOf(result)).toEqual([]);
  });

  it('reads past a lone surrogate and control characters', () => {
    expect(recognize('\uD800enable \u0007intune')).toEqual({ intent: 'enable', features: ['intune-connector'] });
  });

  it('never throws and always answers a well-formed recognition', () => {
    const words = fc.constantFrom(
      'enable',
      'disable',
      "don't",
      'why',
      'what',
      'is',
      'my',
      'work',
      'intune',
      'email',
      'connector',
      'Mail.Send',
      'features',
      'status',
      'help',
      '?',
      '<at>Tikit</at>',
      'not',
      'all',
      'required',
      'teams',
      'meetings',
      'Mail.ReadWrite',
    );
    const sentence = fc.array(fc.oneof(words, fc.string({ maxLength: 8 })), { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.oneof(sentence, fc.string({ maxLength: 400, unit: 'binary' })), (text) => {
        expect(problemsOf(recognize(text))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

/** What is wrong with a recognition's shape: unknown intents, ids, empty or repeated lists. */
function problemsOf(recognition: Recognition): string[] {
  const problems: string[] = [];
  const unique = (list: readonly string[]) => new Set(list).size === list.length;
  if ('features' in recognition) {
    if (!recognition.features.every((id) => (FEATURE_IDS as readonly string[]).includes(id)) || !unique(recognition.features)) problems.push('features');
    if ((recognition.intent === 'enable' || recognition.intent === 'disable') && recognition.features.length === 0) problems.push('no feature to act on');
  }
  if ('areas' in recognition && (recognition.areas.length === 0 || !unique(recognition.areas) || !recognition.areas.every((a) => CONSENT_AREAS.includes(a))))
    problems.push('areas');
  if ('permission' in recognition) {
    const lookup = recognition.permission;
    if (lookup.kind === 'found' && !permissionNames().includes(lookup.name)) problems.push('permission');
    if (lookup.kind === 'unknown' && (lookup.suggestions.length > 3 || !lookup.suggestions.every((n) => permissionNames().includes(n))))
      problems.push('suggestions');
  }
  if (!INTENTS.includes(recognition.intent)) problems.push('intent');
  return problems;
}
