import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, postJson, startBot } from '../support/bot-harness';
import { cardOf, visibleText } from '../support/card-reading';
import { conversation, execute, message, type TeamsConversation, teamsUser } from '../support/teams-activities';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot.stop());

async function stillServing(): Promise<void> {
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
}

function newChat(): TeamsConversation {
  return conversation('personal', randomUUID());
}

describe('hostile and broken messages get a clear answer and change nothing', () => {
  it.each([
    ['200 kB of text', `enable intune ${'a'.repeat(200 * 1024)}`],
    ['control characters', 'ena\u0000ble\u0007 \u001b[31mintune\u0008 connector'],
    ['lone surrogates (invalid Unicode)', 'why does Tikit need \uD800Mail.Send\uDFFF?'],
    ['markup', '<script>alert(1)</script><at>Tikit</at> <img src=x onerror=alert(1)>'],
    ['only whitespace', ' \n\t '],
    ['a right-to-left override and zero-width characters', 'why\u202E \u200Bdoes tikit need mail\u200D.send'],
  ])('when a message has %s, then the bot answers and keeps serving', async (_name, text) => {
    const chat = newChat();
    const sent = await bot.send(message(bot.connector.url, chat, teamsUser(), text));
    expect(sent.status).toBe(200);
    expect(bot.connector.posted(chat.id).length).toBeGreaterThan(0);
    const record = await bot.tenants.read(chat.tenantId);
    expect(record.pendingConsents).toEqual({});
    expect(record.features).toEqual({});
    await stillServing();
  });

  it('when the text is not a string or the mention entity is malformed, then it is a 400 or an answer, never a crash', async () => {
    const chat = newChat();
    const base = message(bot.connector.url, chat, teamsUser(), 'help');
    expect((await postJson(`${bot.url}/api/messages`, { ...base, text: 42 })).status).toBe(400);
    expect((await postJson(`${bot.url}/api/messages`, { ...base, entities: [{ type: 'mention' }, null, 7] })).status).toBe(200);
    expect((await postJson(`${bot.url}/api/messages`, { ...base, channelData: 'not an object' })).status).toBeLessThan(500);
    await stillServing();
  });

  it('when a Submit arrives with a value and no text, then the bot answers with help', async () => {
    const chat = newChat();
    const submit = { ...message(bot.connector.url, chat, teamsUser(), ''), text: undefined, value: { verb: 'consent.start', features: ['x'] } };
    expect((await bot.send(submit)).status).toBe(200);
    expect(visibleText(cardOf(bot.connector.posted(chat.id)[0]))).toContain("Sorry, I didn't understand");
  });
});

describe('hostile card actions', () => {
  it.each([
    ['no value', { value: undefined }],
    ['an action that is not Action.Execute', { value: { action: { type: 'Action.Submit', verb: 'consent.start' } } }],
    ['a verb that is not a string', { value: { action: { type: 'Action.Execute', verb: { $ne: 1 } } } }],
    ['a 10 kB verb', { value: { action: { type: 'Action.Execute', verb: 'v'.repeat(10_000) } } }],
  ])('when an invoke has %s, then it gets a 400 and nothing changes', async (_name, patch) => {
    const chat = newChat();
    const sent = await bot.send({ ...execute(bot.connector.url, chat, teamsUser(), 'x', {}), ...patch });
    expect(sent.status).toBe(400);
    await stillServing();
  });

  it('when an invoke comes from a conversation the bot never saw, then it answers plainly and starts nothing', async () => {
    const chat = newChat();
    const sent = await bot.send(
      execute(bot.connector.url, chat, teamsUser(), 'consent.start', { journeyId: randomUUID(), app: 'tikit', features: ['intune-connector'] }, 'activity-404'),
    );
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('cancelled or replaced'),
    });
    expect((await bot.tenants.read(chat.tenantId)).pendingConsents).toEqual({});
  });

  it('when an invoke has tampered data (features that do not exist, wrong types), then nothing changes', async () => {
    const chat = newChat();
    const user = teamsUser();
    await bot.send(message(bot.connector.url, chat, user, 'features'));
    for (const data of [{ 'intune-connector': true, settingsVersion: 0 }, { settingsVersion: '0' }, { features: ['../../etc'], settingsVersion: 0 }]) {
      const sent = await bot.send(execute(bot.connector.url, chat, user, 'features.update', data));
      expect(sent.status).toBe(200);
    }
    const disable = await bot.send(execute(bot.connector.url, chat, user, 'disable.confirm', { features: ['__proto__', 'constructor', 42] }));
    expect(JSON.parse(disable.body).value).toBeDefined();
    const record = await bot.tenants.read(chat.tenantId);
    expect(record.features).toEqual({});
    expect(record.settingsVersion).toBe(0);
  });

  it('when a message has no tenant, then the bot says it only works inside an organization', async () => {
    const chat = newChat();
    const activity = message(bot.connector.url, chat, teamsUser(), 'status');
    activity.channelData = {};
    activity.conversation = { ...activity.conversation!, tenantId: undefined as unknown as string };
    expect((await bot.send(activity)).status).toBe(200);
    expect(bot.connector.posted(chat.id)[0]!.text).toContain('which organization');
  });
});
