import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { type BotHarness, seedVerifiedAdmin, startBot } from '../support/bot-harness';
import { button, cardOf, visibleText } from '../support/card-reading';
import { conversation, execute, message, type TeamsConversation, type TeamsUser, teamsUser } from '../support/teams-activities';

const EMAIL_APP_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
let bot: BotHarness;

beforeAll(async () => {
  bot = await startBot({ TIKIT_EMAIL_APP_ID: EMAIL_APP_ID });
});
afterAll(async () => bot.stop());

async function say(chat: TeamsConversation, user: TeamsUser, text: string): Promise<Array<Partial<Activity>>> {
  const before = bot.connector.posted(chat.id).length;
  expect((await bot.send(message(bot.connector.url, chat, user, text))).status).toBe(200);
  return bot.connector.posted(chat.id).slice(before);
}

function idOf(chat: TeamsConversation, activity: Partial<Activity>): string {
  return bot.connector.calls.find((c) => c.conversationId === chat.id && c.activity === activity)!.assignedId;
}

async function pressButton(chat: TeamsConversation, user: TeamsUser, card: Partial<Activity>, title: string, extra: Record<string, unknown> = {}) {
  const target = button(cardOf(card), title);
  const sent = await bot.send(execute(bot.connector.url, chat, user, target.verb!, { ...target.data, ...extra }, idOf(chat, card)));
  expect(sent.status).toBe(200);
  return JSON.parse(sent.body) as { statusCode: number; type: string; value: unknown };
}

function newChat() {
  return conversation('personal', randomUUID());
}

async function switchOn(tenantId: string, ...features: Array<'email-connector' | 'intune-connector'>) {
  await bot.tenants.update(tenantId, (record) => {
    for (const feature of features) record.features[feature] = { enabled: true, changedAt: '2026-11-01T00:00:00.000Z', changedBy: 'Adele' };
    record.settingsVersion += 1;
  });
}

describe('disabling a feature', () => {
  it('when an admin confirms, then the feature is off, the grants are said to stay in Entra, with the steps and a link', async () => {
    const chat = newChat();
    const admin = teamsUser('Lee Gu');
    await switchOn(chat.tenantId, 'email-connector');
    await seedVerifiedAdmin(bot, chat.tenantId, admin);
    const [confirm] = await say(chat, admin, 'disable the email connector');
    expect(visibleText(cardOf(confirm))).toContain('Disable Email Connector?');

    const response = await pressButton(chat, admin, confirm!, 'Disable Email Connector');
    const card = response.value as Record<string, unknown>;
    const text = visibleText(card);
    expect(text).toContain('Email Connector is now off in Tikit');
    expect(text).toContain('stay until an administrator removes them');
    expect(text).toContain('Enterprise applications');
    expect(button(card, 'Open Tikit Email Connector permissions').url).toMatch(/^https:\/\/portal\.azure\.com\//);

    const record = await bot.tenants.read(chat.tenantId);
    expect(record.features['email-connector']?.enabled).toBe(false);
    expect(record.history.at(-1)).toMatchObject({ action: 'feature-disabled', by: 'Lee Gu', areas: ['email-connector'] });
  });

  it('when the admin keeps it on, then nothing changes', async () => {
    const chat = newChat();
    const admin = teamsUser();
    await switchOn(chat.tenantId, 'intune-connector');
    const [confirm] = await say(chat, admin, 'turn off intune');
    await pressButton(chat, admin, confirm!, 'Keep it on');
    expect((await bot.tenants.read(chat.tenantId)).features['intune-connector']?.enabled).toBe(true);
  });

  it('when the feature is not on, then the bot says so and asks nothing', async () => {
    const chat = newChat();
    const replies = await say(chat, teamsUser(), 'disable my work');
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain('My Work is not on in Tikit');
    expect(replies[0]!.attachments ?? []).toHaveLength(0);
  });
});

describe('the feature card', () => {
  it('when shown, then it has a toggle per feature with the current state', async () => {
    const chat = newChat();
    await switchOn(chat.tenantId, 'intune-connector');
    const [reply] = await say(chat, teamsUser(), 'consent settings');
    const card = cardOf(reply);
    const toggles = (card.body as Array<{ items?: Array<Record<string, unknown>> }>).flatMap((c) => c.items ?? []).filter((i) => i.type === 'Input.Toggle');
    expect(toggles.map((t) => [t.id, t.value])).toEqual([
      ['teams-meetings', 'false'],
      ['my-work', 'false'],
      ['email-connector', 'false'],
      ['intune-connector', 'true'],
      ['teams-app-management', 'false'],
    ]);
    expect(button(card, 'Update Consent').verb).toBe('features.update');
  });

  it('when Update Consent is pressed with one feature switched on and one off, then the enable review and the disable question follow', async () => {
    const chat = newChat();
    const admin = teamsUser();
    await switchOn(chat.tenantId, 'intune-connector');
    const [settings] = await say(chat, admin, 'features');
    const toggles = { 'teams-meetings': 'false', 'my-work': 'true', 'email-connector': 'false', 'intune-connector': 'false', 'teams-app-management': 'false' };
    const before = bot.connector.posted(chat.id).length;
    await pressButton(chat, admin, settings!, 'Update Consent', toggles);
    const followUps = bot.connector
      .posted(chat.id)
      .slice(before)
      .map((a) => visibleText(cardOf(a)));
    expect(followUps).toHaveLength(2);
    expect(followUps[0]).toContain('Enable My Work: review');
    expect(followUps[1]).toContain('Disable Intune Connector?');
    expect((await bot.tenants.read(chat.tenantId)).features['intune-connector']?.enabled).toBe(true);
  });

  it('when a card sent before a change is pressed, then it is refused as stale and a fresh card comes back', async () => {
    const chat = newChat();
    const admin = teamsUser();
    const [settings] = await say(chat, admin, 'features');
    await switchOn(chat.tenantId, 'email-connector');
    const before = bot.connector.posted(chat.id).length;
    const response = await pressButton(chat, admin, settings!, 'Update Consent', {
      'teams-meetings': 'true',
      'my-work': 'false',
      'email-connector': 'false',
      'intune-connector': 'false',
      'teams-app-management': 'false',
    });
    expect(
      bot.connector
        .posted(chat.id)
        .slice(before)
        .map((a) => a.text),
    ).toEqual([expect.stringContaining('settings changed since that card was sent')]);
    expect(visibleText(response.value)).toContain('Email Connector (On)');
    expect((await bot.tenants.read(chat.tenantId)).features['email-connector']?.enabled).toBe(true);
  });

  it('when the toggles were tampered with, then nothing changes', async () => {
    const chat = newChat();
    const admin = teamsUser();
    const [settings] = await say(chat, admin, 'features');
    const response = await pressButton(chat, admin, settings!, 'Update Consent', {
      'teams-meetings': 'yes please',
      'my-work': 'false',
      'email-connector': 'false',
      'intune-connector': 'false',
      'teams-app-management': 'false',
    });
    expect(response.type).toBe('application/vnd.microsoft.activity.message');
    expect(response.value).toContain('Nothing was changed');
  });
});

describe('a journey in progress', () => {
  it('when a question is asked mid-journey, then it is answered and the journey goes on', async () => {
    const chat = newChat();
    const admin = teamsUser();
    const [review] = await say(chat, admin, 'enable intune connector');
    const [answer] = await say(chat, admin, 'why does it need Device.Read.All?');
    expect(JSON.stringify(answer)).toContain('Used for reading InTune devices registered for a user');
    const response = await pressButton(chat, admin, review!, 'Continue to consent');
    expect(visibleText(response.value)).toContain('Open Microsoft consent');
  });

  it('when cancelled, then the review card says so, its button no longer works, and no consent stays open', async () => {
    const chat = newChat();
    const admin = teamsUser();
    const [review] = await say(chat, admin, 'enable intune connector');
    await pressButton(chat, admin, review!, 'Continue to consent');
    const [reply] = await say(chat, admin, 'cancel');
    expect(reply!.text).toBe('Cancelled. Nothing was changed.');
    expect(bot.connector.updates(chat.id).at(-1)!.activity.attachments?.[0]?.content).toMatchObject({
      body: expect.arrayContaining([expect.objectContaining({ text: 'Request closed' })]),
    });
    expect((await bot.tenants.read(chat.tenantId)).pendingConsents).toEqual({});
    const again = await pressButton(chat, admin, review!, 'Continue to consent');
    expect(again.value).toContain('cancelled or replaced');
  });

  it('when there is nothing to cancel, then the bot says so', async () => {
    const [reply] = await say(newChat(), teamsUser(), 'cancel');
    expect(reply!.text).toBe('There is nothing to cancel.');
  });

  it.each([
    ['an unknown verb', 'self.destruct', {}],
    ['a journey id from elsewhere', 'consent.start', { journeyId: 'not-this-one', app: 'tikit' }],
  ])('when a card action carries %s, then the bot answers plainly and changes nothing', async (_name, verb, data) => {
    const chat = newChat();
    const admin = teamsUser();
    await say(chat, admin, 'enable intune');
    const sent = await bot.send(execute(bot.connector.url, chat, admin, verb, data));
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect((await bot.tenants.read(chat.tenantId)).pendingConsents).toEqual({});
  });
});
