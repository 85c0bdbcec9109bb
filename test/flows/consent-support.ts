import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Activity } from 'botbuilder';
import { type BotHarness, type BotOptions, startBot } from '../support/bot-harness';
import { button, cardOf } from '../support/card-reading';
import { DIRECTORY_ROLES, FakeMicrosoft, type FakeUser } from '../support/fake-microsoft';
import { EMAIL, PUBLIC_URL, registerTikitApps, TIKIT } from '../support/tikit-apps';

export { EMAIL, PUBLIC_URL, REDIRECT_URI, registerTikitApps, TIKIT } from '../support/tikit-apps';
import { conversation, execute, message, type TeamsConversation, type TeamsUser, teamsUser } from '../support/teams-activities';

export interface ConsentWorld {
  bot: BotHarness;
  fake: FakeMicrosoft;
  stop(): Promise<void>;
}

export async function startConsentWorld(options: BotOptions & { secrets?: boolean } = {}): Promise<ConsentWorld> {
  const fake = registerTikitApps(await new FakeMicrosoft().start());
  const secrets: Record<string, string> = options.secrets === false ? {} : { TIKIT_APP_SECRET: TIKIT.secret, TIKIT_EMAIL_APP_SECRET: EMAIL.secret };
  const bot = await startBot(
    { AUTHORITY_HOST: fake.origin, GRAPH_HOST: fake.origin, TIKIT_APP_ID: TIKIT.appId, TIKIT_EMAIL_APP_ID: EMAIL.appId, PUBLIC_URL, ...secrets },
    options,
  );
  return { bot, fake, stop: async () => (await bot.stop(), await fake.stop()) };
}

export interface Admin {
  teams: TeamsUser;
  chat: TeamsConversation;
}

/** A person in a new tenant, known to both Teams and Entra, with the given directory roles. */
export function newAdmin(world: ConsentWorld, roles: string[] = [DIRECTORY_ROLES.globalAdministrator], kind: 'personal' | 'channel' = 'personal'): Admin {
  const teams = teamsUser('Adele Vance');
  const chat = conversation(kind, randomUUID());
  const user: FakeUser = { oid: teams.aadObjectId, name: teams.name, upn: 'adele@contoso.example', roles };
  world.fake.addUser(chat.tenantId, user);
  return { teams, chat };
}

export async function say(world: ConsentWorld, admin: Admin, text: string): Promise<Array<Partial<Activity>>> {
  const before = world.bot.connector.posted(admin.chat.id).length;
  expect((await world.bot.send(message(world.bot.connector.url, admin.chat, admin.teams, text))).status).toBe(200);
  return world.bot.connector.posted(admin.chat.id).slice(before);
}

export function postedId(world: ConsentWorld, admin: Admin, activity: Partial<Activity>): string {
  return world.bot.connector.calls.find((c) => c.conversationId === admin.chat.id && c.activity === activity)!.assignedId;
}

export async function press(world: ConsentWorld, admin: Admin, card: Partial<Activity> | Record<string, unknown>, title: string, replyToId?: string) {
  const content = 'attachments' in card ? cardOf(card as Partial<Activity>) : card;
  const target = button(content, title);
  const id = replyToId ?? postedId(world, admin, card as Partial<Activity>);
  const sent = await world.bot.send(execute(world.bot.connector.url, admin.chat, admin.teams, target.verb!, target.data ?? {}, id));
  expect(sent.status).toBe(200);
  return JSON.parse(sent.body) as { statusCode: number; type: string; value: unknown };
}

export function consentLinkOf(card: unknown): string {
  return button(card as Record<string, unknown>, 'Open Microsoft consent').url!;
}

/** The browser arriving at the bot after Microsoft's screen (PUBLIC_URL is this bot). */
export async function arrive(world: ConsentWorld, redirect: string): Promise<{ status: number; html: string }> {
  const url = new URL(redirect);
  const response = await fetch(`${world.bot.url}${url.pathname}${url.search}`);
  return { status: response.status, html: await response.text() };
}

/** Starts "enable <feature>" and returns the first consent card's link (the base consent in a new tenant). */
export async function startEnable(world: ConsentWorld, admin: Admin, text: string): Promise<{ link: string; reviewId: string }> {
  const [review] = await say(world, admin, text);
  const response = await press(world, admin, review!, 'Continue to consent');
  return { link: consentLinkOf(response.value), reviewId: postedId(world, admin, review!) };
}
