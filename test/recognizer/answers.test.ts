import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { answerQuestion, describeAreas, describeUses, explainPermission } from '../../dialogs/answers';
import { recognize } from '../../dialogs/recognizer';
import { permissionNames, rowsForName } from '../../permissions/catalog';
import { CONSENT_AREAS, type ConsentArea } from '../../permissions/types';
import { rendererParseProblems } from '../support/card-parser';
import { buttons, cardOf, visibleText } from '../support/card-reading';
import { cardSchemaErrors } from '../support/card-schema';

const SIZE_BUDGET_BYTES = 20 * 1024;
const found = (name: string) => ({ kind: 'found', name }) as const;

function ask(text: string): Partial<Activity> {
  const recognition = recognize(text);
  if (recognition.intent !== 'explain' && recognition.intent !== 'feature-permissions' && recognition.intent !== 'features-using') {
    throw new Error(`"${text}" is not a question about the catalog: ${recognition.intent}`);
  }
  return answerQuestion(recognition);
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ');
/** The card's text as a person reads it: markdown bold rendered, lines joined. */
const shown = (activity: Partial<Activity>) => oneLine(visibleText(cardOf(activity)).replace(/\*\*/g, ''));

describe('answers to "why does Tikit need …?"', () => {
  it('shows both grants of Mail.Read: Delegated for My Work on Tikit, Application for the Email Connector on Tikit Email Connector', () => {
    const text = shown(ask('why does Tikit need Mail.Read?'));
    const [delegated, application] = [
      rowsForName('Mail.Read').find((r) => r.type === 'Delegated')!,
      rowsForName('Mail.Read').find((r) => r.type === 'Application')!,
    ];
    expect(text).toContain('Delegated · Read user mail');
    expect(text).toContain(delegated.reason);
    expect(text).toContain('My Work');
    expect(text).toContain('Application · Read mail in all mailboxes');
    expect(text).toContain(application.reason);
    expect(text).toContain('Email Connector');
    expect(text).toContain('Tikit Email Connector');
    expect(text).toContain('Critical');
    expect(text).toContain(oneLine(application.couldDo));
  });

  it('names the consent areas and the app of a Required permission', () => {
    const text = shown(ask('why does Tikit need AppCatalog.Submit?'));
    expect(text).toContain('Required, Teams App Management');
    expect(text).toContain('Used for Tikit Virtual Agent to read the App Catalog');
  });

  it('says plainly when Tikit does not request a permission, and offers the nearest ones as buttons', () => {
    const reply = ask('why does Tikit need Mail.ReadWrite?');
    const card = cardOf(reply);
    expect(shown(reply)).toContain('Tikit does not request Mail.ReadWrite.');
    expect(shown(reply)).toContain('Did you mean Mail.Read or Mail.Send?');
    expect(buttons(card).map((b) => [b.title, b.data])).toEqual([
      ['Mail.Read', { msteams: { type: 'imBack', value: 'why does Tikit need Mail.Read?' } }],
      ['Mail.Send', { msteams: { type: 'imBack', value: 'why does Tikit need Mail.Send?' } }],
    ]);
    expect(reply.summary).toMatch(/^Tikit does not request Mail\.ReadWrite\. .*Mail\.Read or Mail\.Send/);
  });

  it('a suggestion button asks a question the bot answers with that permission', () => {
    const value = (buttons(cardOf(ask('why does Tikit need Calendars.Read?')))[0]!.data as { msteams: { value: string } }).msteams.value;
    expect(shown(ask(value))).toContain('Calendars.ReadWrite');
  });
});

describe('answers to "what does a feature need?"', () => {
  it('lists the Intune Connector permissions with type, what they allow and why', () => {
    const reply = ask('what does the intune connector need?');
    const text = shown(reply);
    for (const name of [
      'DeviceManagementManagedDevices.PrivilegedOperations.All',
      'DeviceManagementManagedDevices.Read.All',
      'Device.Read.All',
      'DeviceManagementRBAC.Read.All',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toContain('Used for performing remote actions via inTune');
    expect(text).toContain('Intune Connector · Tikit app');
    expect(buttons(cardOf(reply)).map((b) => b.title)).toEqual(['Enable Intune Connector']);
    expect(reply.summary).toMatch(/^Intune Connector needs DeviceManagementManagedDevices/);
  });

  it('lists the whole Required set, every row once', () => {
    const text = shown(ask('what permissions are required?'));
    expect(text).toContain("Tikit's Required permissions");
    expect(text).toContain('30 permissions');
    expect(text.match(/User\.Read\.All · /g)).toHaveLength(2);
  });

  it('shows the Email Connector on its own app registration', () => {
    expect(shown(ask('what does the email connector need?'))).toContain('Email Connector · Tikit Email Connector app');
  });
});

describe('answers to "which features use …?"', () => {
  it('names the features that use Calendars.ReadWrite', () => {
    const text = shown(ask('which features use Calendars.ReadWrite?'));
    expect(text).toContain('Calendars.ReadWrite is used by Teams Meetings and My Work.');
  });

  it('says a base permission belongs to the Required set and no feature', () => {
    expect(shown(ask('which features use User.Read?'))).toContain("No optional feature: User.Read is in Tikit's Required base set");
  });

  it('says which features use Mail.Read and how', () => {
    const text = shown(ask('what features need Mail.Read'));
    expect(text).toContain('Mail.Read is used by My Work and Email Connector.');
    expect(text).toContain('Email Connector · Application on the Tikit Email Connector app');
  });

  it('offers features for a name Tikit does not request', () => {
    const reply = ask('which features use Mail.ReadWrite?');
    expect(shown(reply)).toContain('Tikit does not request Mail.ReadWrite.');
    expect(buttons(cardOf(reply))[0]!.data).toEqual({ msteams: { type: 'imBack', value: 'which features use Mail.Read?' } });
  });
});

describe('every answer card', () => {
  const everyAnswer: Array<[string, Partial<Activity>]> = [
    ...permissionNames().flatMap((name) => [
      [`explain ${name}`, explainPermission(found(name))] as [string, Partial<Activity>],
      [`uses of ${name}`, describeUses(found(name))] as [string, Partial<Activity>],
    ]),
    ...CONSENT_AREAS.map((area) => [`areas ${area}`, describeAreas([area])] as [string, Partial<Activity>]),
    ['all areas', describeAreas([...CONSENT_AREAS] as ConsentArea[])],
    ['unknown, no suggestion', explainPermission({ kind: 'unknown', query: 'RoleManagement.ReadWrite.Directory', suggestions: [] })],
    ['unknown, odd characters', explainPermission({ kind: 'unknown', query: '${x} **y**', suggestions: [] })],
  ];

  it.each(everyAnswer)('%s: bound, valid, under 20 KB, with a plain-text summary', (_name, reply) => {
    const card = cardOf(reply);
    const json = JSON.stringify(card);
    expect(json).not.toContain('${');
    expect(Buffer.byteLength(json, 'utf8')).toBeLessThan(SIZE_BUDGET_BYTES);
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(rendererParseProblems(card)).toEqual([]);
    expect(reply.summary?.length).toBeGreaterThan(20);
    expect(card.fallbackText).toBe(reply.summary);
    expect(buttons(card).length).toBeLessThanOrEqual(3);
  });
});
