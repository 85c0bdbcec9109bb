import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { codeChallengeFor } from '../../permissions/pkce';
import { verifyState } from '../../permissions/state-token';
import type { FeatureId } from '../../permissions/types';
import { type BotHarness, startBot } from '../support/bot-harness';
import { button, cardOf, visibleText } from '../support/card-reading';
import { conversation, execute, message, type TeamsConversation, type TeamsUser, teamsUser } from '../support/teams-activities';

const TIKIT_APP_ID = '6b7c1f0e-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const EMAIL_APP_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const STATE_SECRET = 'flow-test-state-secret-0123456789abcdef';
const PUBLIC_URL = 'https://consent.contoso.example';
const REDIRECT_URI = `${PUBLIC_URL}/api/consent/callback`;

/** Each feature's permissions as the seed's detailed table lists them. */
const FEATURE_PERMISSIONS: Record<FeatureId, string[]> = {
  'teams-meetings': ['Calendars.ReadWrite'],
  'my-work': ['Group.ReadWrite.All', 'Calendars.ReadWrite', 'Mail.Read'],
  'email-connector': ['Mail.Read', 'Mail.Send'],
  'intune-connector': [
    'DeviceManagementManagedDevices.PrivilegedOperations.All',
    'DeviceManagementManagedDevices.Read.All',
    'Device.Read.All',
    'DeviceManagementRBAC.Read.All',
  ],
  'teams-app-management': ['AppCatalog.Submit', 'TeamsAppInstallation.ReadWriteForUser', 'TeamsAppInstallation.ReadWriteSelfForUser'],
};

const PHRASES: Record<FeatureId, string> = {
  'teams-meetings': 'enable teams meetings',
  'my-work': 'turn on My Work',
  'email-connector': 'set up the email connector',
  'intune-connector': 'enable intune connector',
  'teams-app-management': 'activate teams app management',
};

let bot: BotHarness;

beforeAll(async () => {
  bot = await startBot({ TIKIT_APP_ID, TIKIT_EMAIL_APP_ID: EMAIL_APP_ID, STATE_SECRET, PUBLIC_URL });
});
afterAll(async () => bot.stop());

async function say(chat: TeamsConversation, user: TeamsUser, text: string): Promise<Array<Partial<Activity>>> {
  const before = bot.connector.posted(chat.id).length;
  const sent = await bot.send(message(bot.connector.url, chat, user, text));
  expect(sent.status).toBe(200);
  return bot.connector.posted(chat.id).slice(before);
}

/** The id the connector gave the n-th message posted in a conversation. */
function postedId(chat: TeamsConversation, activity: Partial<Activity>): string {
  const call = bot.connector.calls.find((c) => c.method === 'POST' && c.conversationId === chat.id && c.activity === activity);
  return call!.assignedId;
}

async function press(chat: TeamsConversation, user: TeamsUser, card: Partial<Activity>, title: string) {
  const target = button(cardOf(card), title);
  const sent = await bot.send(execute(bot.connector.url, chat, user, target.verb!, target.data ?? {}, postedId(chat, card)));
  expect(sent.status).toBe(200);
  const response = JSON.parse(sent.body) as { statusCode: number; type: string; value: unknown };
  return response;
}

function consentUrlOf(response: { type: string; value: unknown }): URL {
  expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
  return new URL(button(response.value as Record<string, unknown>, 'Open Microsoft consent').url!);
}

async function grantBase(tenantId: string) {
  await bot.tenants.update(tenantId, (record) => {
    record.grants.baseGranted = true;
  });
}

describe('enabling a feature, up to the consent link', () => {
  it.each(Object.keys(FEATURE_PERMISSIONS) as FeatureId[])(
    'when an admin asks for %s before the base consent, then the review lists its permissions and the link asks for the base set first',
    async (feature) => {
      const chat = conversation('personal', randomUUID());
      const admin = teamsUser();
      const [review] = await say(chat, admin, PHRASES[feature]);
      const text = visibleText(cardOf(review));
      for (const name of FEATURE_PERMISSIONS[feature]) expect(text).toContain(name);
      expect(text).toContain('not granted in your organization yet');

      const response = await press(chat, admin, review!, 'Continue to consent');
      const url = consentUrlOf(response);
      expect(`${url.origin}${url.pathname}`).toBe(`https://login.microsoftonline.com/${chat.tenantId}/v2.0/adminconsent`);
      expect(url.searchParams.get('client_id')).toBe(TIKIT_APP_ID);
      expect(url.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
      expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
      const state = verifyState(url.searchParams.get('state'), STATE_SECRET, new Date());
      expect(state).toMatchObject({
        ok: true,
        state: { tenantId: chat.tenantId, conversationId: chat.id, userId: admin.aadObjectId, app: 'tikit', areas: ['required'] },
      });
    },
  );

  it.each((['teams-meetings', 'my-work', 'intune-connector', 'teams-app-management'] as FeatureId[]).map((f) => [f]))(
    'when the base set is granted and an admin enables %s, then the link is the authorize endpoint with its scopes, PKCE and a bound state',
    async (feature) => {
      const chat = conversation('channel', randomUUID());
      const admin = teamsUser();
      await grantBase(chat.tenantId);
      const [review] = await say(chat, admin, PHRASES[feature]);
      expect(visibleText(cardOf(review))).not.toContain('not granted in your organization yet');

      const url = consentUrlOf(await press(chat, admin, review!, 'Continue to consent'));
      expect(`${url.origin}${url.pathname}`).toBe(`https://login.microsoftonline.com/${chat.tenantId}/oauth2/v2.0/authorize`);
      expect(url.searchParams.get('client_id')).toBe(TIKIT_APP_ID);
      expect(url.searchParams.get('response_type')).toBe('code');
      expect(url.searchParams.get('prompt')).toBe('consent');
      expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      const scopes = url.searchParams.get('scope')!.split(' ');
      const expected = FEATURE_PERMISSIONS[feature].map((name) => `https://graph.microsoft.com/${name}`);
      // Directory.Read.All (already in the base set) lets the bot read the grants back afterwards.
      expect(scopes.sort()).toEqual(
        [...new Set([...expected, 'https://graph.microsoft.com/Directory.Read.All'])].concat('openid', 'profile', 'offline_access').sort(),
      );

      const check = verifyState(url.searchParams.get('state'), STATE_SECRET, new Date());
      expect(check.ok).toBe(true);
      const state = check.ok ? check.state : undefined;
      expect(state).toMatchObject({ tenantId: chat.tenantId, conversationId: chat.id, userId: admin.aadObjectId, areas: [feature] });
      // Stored before the card was sent: the verifier whose challenge is in the link, and the card to update.
      const pending = (await bot.tenants.read(chat.tenantId)).pendingConsents[state!.id]!;
      expect(codeChallengeFor(pending.codeVerifier!)).toBe(url.searchParams.get('code_challenge'));
      expect(pending.cardActivityId).toBe(postedId(chat, review!));
      expect(bot.connector.updates(chat.id).map((u) => u.activityId)).toContain(postedId(chat, review!));
    },
  );

  it('when the base set is granted and an admin enables the email connector, then the link is admin consent on the Email Connector app', async () => {
    const chat = conversation('personal', randomUUID());
    const admin = teamsUser();
    await grantBase(chat.tenantId);
    const [review] = await say(chat, admin, 'enable the email connector');
    expect(visibleText(cardOf(review))).toContain('Tikit Email Connector');
    const url = consentUrlOf(await press(chat, admin, review!, 'Continue to consent'));
    expect(`${url.origin}${url.pathname}`).toBe(`https://login.microsoftonline.com/${chat.tenantId}/v2.0/adminconsent`);
    expect(url.searchParams.get('client_id')).toBe(EMAIL_APP_ID);
    expect(url.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
  });

  it('when an admin asks for two features on two app registrations, then there is a review card and a link for each', async () => {
    const chat = conversation('groupChat', randomUUID());
    const admin = teamsUser();
    await grantBase(chat.tenantId);
    const reviews = await say(chat, admin, 'turn on My Work and the email connector');
    expect(reviews).toHaveLength(2);
    const tikitUrl = consentUrlOf(await press(chat, admin, reviews[0]!, 'Continue to consent'));
    const emailUrl = consentUrlOf(await press(chat, admin, reviews[1]!, 'Continue to consent'));
    expect(tikitUrl.searchParams.get('client_id')).toBe(TIKIT_APP_ID);
    expect(tikitUrl.searchParams.get('scope')).toContain('https://graph.microsoft.com/Mail.Read');
    expect(emailUrl.searchParams.get('client_id')).toBe(EMAIL_APP_ID);
  });

  it('when a feature is already on, then a new feature consent names its scopes too, so nothing is dropped', async () => {
    const chat = conversation('personal', randomUUID());
    const admin = teamsUser();
    await bot.tenants.update(chat.tenantId, (record) => {
      record.grants.baseGranted = true;
      record.features['intune-connector'] = { enabled: true, changedAt: '2026-11-01T00:00:00.000Z', changedBy: 'Adele' };
    });
    const [review] = await say(chat, admin, 'enable teams meetings');
    const scopes = consentUrlOf(await press(chat, admin, review!, 'Continue to consent')).searchParams.get('scope')!;
    expect(scopes).toContain('https://graph.microsoft.com/Calendars.ReadWrite');
    expect(scopes).toContain('https://graph.microsoft.com/Device.Read.All');
  });

  it('when Continue is pressed twice, then there is one pending consent and the same link', async () => {
    const chat = conversation('personal', randomUUID());
    const admin = teamsUser();
    const [review] = await say(chat, admin, 'enable intune');
    const first = consentUrlOf(await press(chat, admin, review!, 'Continue to consent'));
    const second = consentUrlOf(await press(chat, admin, review!, 'Continue to consent'));
    expect(Object.keys((await bot.tenants.read(chat.tenantId)).pendingConsents)).toHaveLength(1);
    const id = (u: URL) => {
      const check = verifyState(u.searchParams.get('state'), STATE_SECRET, new Date());
      return check.ok ? check.state.id : undefined;
    };
    expect(id(second)).toBe(id(first));
  });
});
