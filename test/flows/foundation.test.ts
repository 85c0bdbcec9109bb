import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attachment } from 'botbuilder';
import { type BotHarness, postJson, startBot } from '../support/bot-harness';
import { botInstalled, conversation, message, teamsUser } from '../support/teams-activities';

function cardText(attachment: Attachment | undefined): string {
  return JSON.stringify(attachment?.content ?? {});
}

describe('the bot on its HTTP endpoint, in local mode', () => {
  let bot: BotHarness;
  const admin = teamsUser('Megan Bowen');

  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());

  it('when a user writes something it does not understand in a 1:1 chat, then it answers with help', async () => {
    const chat = conversation('personal');
    const sent = await bot.send(message(bot.connector.url, chat, admin, 'blorp wibble'));
    expect(sent.status).toBe(200);
    const replies = bot.connector.posted(chat.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(replies[0]!.attachments?.[0])).toContain('enable intune connector');
  });

  it('when a channel message @mentions the bot, then it replies in that channel thread', async () => {
    const channel = conversation('channel');
    const sent = await bot.send(message(bot.connector.url, channel, admin, 'help'));
    expect(sent.status).toBe(200);
    const replies = bot.connector.posted(channel.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).not.toContain('<at>');
    expect(cardText(replies[0]!.attachments?.[0])).toContain('Here is what I can do');
  });

  it('when the bot is installed in a team, then it greets once with what it can do', async () => {
    const channel = conversation('channel');
    const sent = await bot.send(botInstalled(bot.connector.url, channel, admin));
    expect(sent.status).toBe(200);
    const replies = bot.connector.posted(channel.id);
    expect(replies).toHaveLength(1);
    expect(cardText(replies[0]!.attachments?.[0])).toContain('Tikit Consent Assistant');
  });

  it('when someone else joins a team the bot is in, then it stays quiet', async () => {
    const channel = conversation('channel');
    const joined = { ...botInstalled(bot.connector.url, channel, admin), membersAdded: [{ id: teamsUser().id, name: 'New Member' }] };
    expect((await bot.send(joined)).status).toBe(200);
    expect(bot.connector.posted(channel.id)).toHaveLength(0);
  });

  it.each([
    ['malformed JSON', '{"type": "message", '],
    ['a JSON array', '[1, 2, 3]'],
    ['an object that is not an activity', '{"hello": "world"}'],
    ['an activity without a conversation', '{"type": "message", "serviceUrl": "http://127.0.0.1:1/"}'],
    ['text that is not a string', JSON.stringify({ type: 'message', text: { a: 1 }, serviceUrl: 'http://127.0.0.1:1/', conversation: { id: 'x' } })],
  ])('when the body is %s, then it answers 400 and keeps serving', async (_name, body) => {
    const sent = await postJson(`${bot.url}/api/messages`, body);
    expect(sent.status).toBe(400);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('when asked for its health, then it says ok', async () => {
    const health = await fetch(`${bot.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});

describe('the bot with a Bot Framework identity (MicrosoftAppId set)', () => {
  let bot: BotHarness;

  beforeAll(async () => {
    bot = await startBot({ MicrosoftAppId: '3e1b9d2c-7a4f-4e8b-9c1d-2f3a4b5c6d7e', MicrosoftAppPassword: 'not-a-real-password' });
  });
  afterAll(async () => bot.stop());

  it('when a request carries no Bot Framework token, then it answers 401 and sends nothing', async () => {
    const chat = conversation('personal');
    const sent = await bot.send(message(bot.connector.url, chat, teamsUser(), 'help'));
    expect(sent.status).toBe(401);
    expect(bot.connector.calls).toHaveLength(0);
  });

  // A token from an untrusted issuer is refused before any key download (this machine has no route
  // to Bot Framework's key endpoint, so a token naming the real issuer cannot be checked here).
  it.each([
    ['a token from another issuer', 'Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9.c2ln'],
    ['a malformed token', 'Bearer not-a-jwt'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('when a request carries %s, then it answers 401', async (_name, authorization) => {
    const chat = conversation('personal');
    const sent = await postJson(`${bot.url}/api/messages`, message(bot.connector.url, chat, teamsUser(), 'help'), { authorization });
    expect(sent.status).toBe(401);
    expect(bot.connector.calls).toHaveLength(0);
  });
});

describe('the log of a turn', () => {
  it('when a turn runs, then a log line names its tenant, conversation and activity, and not what was said', async () => {
    const bot = await startBot();
    try {
      const chat = conversation('personal');
      const activity = message(bot.connector.url, chat, teamsUser(), 'my secret words');
      await bot.send(activity);
      const turnLines = bot.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === 'turn');
      expect(turnLines).toEqual([expect.objectContaining({ tenantId: chat.tenantId, conversationId: chat.id, activityId: activity.id })]);
      expect(bot.logs.join('')).not.toContain('my secret words');
    } finally {
      await bot.stop();
    }
  });
});

describe('questions in a channel', () => {
  it('when a channel message @mentions the bot with a question, then the answer comes from the catalog', async () => {
    const bot = await startBot();
    try {
      const channel = conversation('channel');
      await bot.send(message(bot.connector.url, channel, teamsUser(), 'why does Tikit need Mail.Send?'));
      const [reply] = bot.connector.posted(channel.id);
      expect(cardText(reply!.attachments?.[0])).toContain(
        'Used for the Email Connector (Separate app registration) to send mail via the specified email addresss',
      );
    } finally {
      await bot.stop();
    }
  });
});
