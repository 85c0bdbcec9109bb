import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { expect } from 'vitest';
import { BlobStore } from '../../bot/storage/blob-storage';
import { TenantRecordStore } from '../../bot/tenant-record-store';
import { type Azurite, startAzurite } from '../support/azurite';
import { postJson } from '../support/bot-harness';
import { type BotProcess, startBotProcess } from '../support/bot-process';
import { button, cardOf } from '../support/card-reading';
import { FakeConnector } from '../support/fake-connector';
import { DIRECTORY_ROLES, FAKE_MICROSOFT_CA_PATH, FakeMicrosoft } from '../support/fake-microsoft';
import { conversation, execute, message, type TeamsConversation, type TeamsUser, teamsUser } from '../support/teams-activities';
import { EMAIL, PUBLIC_URL, registerTikitApps, TIKIT } from './consent-support';

export const STATE_SECRET = 'scale-out-state-secret-0123456789abcdef';
export const CONTAINER = 'tikit-scale-out';

/** Two bot processes behind an imaginary load balancer, sharing one Azurite container. */
export interface ScaleOutWorld {
  azurite: Azurite;
  fake: FakeMicrosoft;
  connector: FakeConnector;
  instances: [BotProcess, BotProcess];
  /** The same container, read from the test: what every instance sees. */
  tenants: TenantRecordStore;
  env: Record<string, string>;
  stop(): Promise<Array<number | null>>;
}

export async function startScaleOutWorld(): Promise<ScaleOutWorld> {
  const [azurite, fake, connector] = await Promise.all([startAzurite(), new FakeMicrosoft().start(), new FakeConnector().start()]);
  registerTikitApps(fake);
  const env = {
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: CONTAINER,
    STATE_SECRET,
    AUTHORITY_HOST: fake.origin,
    GRAPH_HOST: fake.origin,
    TIKIT_APP_ID: TIKIT.appId,
    TIKIT_APP_SECRET: TIKIT.secret,
    TIKIT_EMAIL_APP_ID: EMAIL.appId,
    TIKIT_EMAIL_APP_SECRET: EMAIL.secret,
    PUBLIC_URL,
    // Node reads it once at start: the child processes must trust the fake's HTTPS from the outset.
    NODE_EXTRA_CA_CERTS: FAKE_MICROSOFT_CA_PATH,
  };
  const instances = (await Promise.all([startBotProcess(env), startBotProcess(env)])) as [BotProcess, BotProcess];
  const store = await BlobStore.open(azurite.connectionString, CONTAINER);
  return {
    azurite,
    fake,
    connector,
    instances,
    tenants: new TenantRecordStore(store),
    env,
    stop: async () => {
      const codes = await Promise.all(instances.map((instance) => instance.terminate()));
      await store.close();
      await Promise.all([connector.stop(), fake.stop(), azurite.stop()]);
      return codes;
    },
  };
}

export interface Admin {
  teams: TeamsUser;
  chat: TeamsConversation;
}

/** A Global Administrator of `tenantId`, known to Teams and to the fake Entra, in a new personal chat. */
export function newAdmin(world: ScaleOutWorld, tenantId: string = randomUUID()): Admin {
  const teams = teamsUser('Adele Vance');
  world.fake.addUser(tenantId, {
    oid: teams.aadObjectId,
    name: teams.name,
    upn: `adele.${teams.aadObjectId}@contoso.example`,
    roles: [DIRECTORY_ROLES.globalAdministrator],
  });
  return { teams, chat: conversation('personal', tenantId) };
}

/**
 * Types `text` into the chat through `instance`; returns the bot's replies to it (proactive posts
 * from consents answered meanwhile go to the same chat, but are not replies to this message).
 */
export async function say(world: ScaleOutWorld, instance: BotProcess, admin: Admin, text: string): Promise<Array<Partial<Activity>>> {
  const typed = message(world.connector.url, admin.chat, admin.teams, text);
  const sent = await postJson(`${instance.url}/api/messages`, typed);
  expect(sent.status).toBe(200);
  return world.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === admin.chat.id && c.activityId === typed.id).map((c) => c.activity);
}

/** The connector's id for a message the bot posted (what Teams sends back as `replyToId`). */
export function postedId(world: ScaleOutWorld, activity: Partial<Activity>): string {
  return world.connector.calls.find((c) => c.activity === activity)!.assignedId;
}

/** Presses a card button (Action.Execute) through `instance`; returns the card the bot answered with. */
export async function press(world: ScaleOutWorld, instance: BotProcess, admin: Admin, card: Partial<Activity>, title: string): Promise<unknown> {
  const target = button(cardOf(card), title);
  const invoke = execute(world.connector.url, admin.chat, admin.teams, target.verb!, target.data ?? {}, postedId(world, card));
  const sent = await postJson(`${instance.url}/api/messages`, invoke);
  expect(sent.status).toBe(200);
  return (JSON.parse(sent.body) as { value: unknown }).value;
}

/** The browser arriving at `instance` after Microsoft's screen, as a load balancer might route it. */
export async function arrive(instance: BotProcess, redirect: string): Promise<{ status: number; html: string }> {
  const url = new URL(redirect);
  const response = await fetch(`${instance.url}${url.pathname}${url.search}`);
  return { status: response.status, html: await response.text() };
}

/** Resolves once `instance` has logged `text`: its stdout reaches this process a moment after the HTTP answer. */
export function logged(instance: BotProcess, text: string, timeoutMs = 5_000): Promise<void> {
  if (instance.stdout().includes(text)) return Promise.resolve();
  const stream = instance.child.stdout!;
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      stream.off('data', onData);
      if (error) reject(error);
      else resolve();
    };
    const onData = () => instance.stdout().includes(text) && done();
    const timer = setTimeout(() => done(new Error(`the instance did not log ${text}`)), timeoutMs);
    stream.on('data', onData);
  });
}

/** Runs `tasks` with at most `limit` in flight; resolves with every result, in order. */
export async function inParallel<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** The pending-consent ids inside every consent `state` of `tenantId` found in `text` (links in cards, redirects). */
export function pendingIdsIn(text: string, tenantId: string): string[] {
  const states = [...text.matchAll(/state=v1\.([A-Za-z0-9_-]+)\./g)].map(
    (m) => JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8')) as { id: string; tenantId: string },
  );
  return states.filter((state) => state.tenantId === tenantId).map((state) => state.id);
}
