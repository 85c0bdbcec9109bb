import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, seedVerifiedAdmin } from '../support/bot-harness';
import { startBotProcess } from '../support/bot-process';
import { button, cardOf, visibleText } from '../support/card-reading';
import { FakeConnector } from '../support/fake-connector';
import { DIRECTORY_ROLES } from '../support/fake-microsoft';
import { conversation, execute, message, teamsUser } from '../support/teams-activities';
import { newAdmin, press, PUBLIC_URL, registerTikitApps, startConsentWorld, TIKIT, type ConsentWorld } from './consent-support';
import { FakeMicrosoft } from '../support/fake-microsoft';
import { tempFolder } from '../support/temp-folders';

const CA = resolve(__dirname, '../support/certs/ca.pem');

describe('the process killed between the consent link and the callback', () => {
  let fake: FakeMicrosoft;
  let connector: FakeConnector;
  beforeAll(async () => {
    fake = registerTikitApps(await new FakeMicrosoft().start());
    connector = await new FakeConnector().start();
  });
  afterAll(async () => (await fake.stop(), await connector.stop()));

  it('when the bot restarts, then the callback still completes the consent and the chat hears of it', async () => {
    const dbPath = join(tempFolder('tikit-restart-'), 'consent.db');
    const env = {
      STORAGE: `sqlite:${dbPath}`,
      STATE_SECRET: 'restart-test-secret-0123456789abcdef0123',
      AUTHORITY_HOST: fake.origin,
      GRAPH_HOST: fake.origin,
      TIKIT_APP_ID: TIKIT.appId,
      TIKIT_APP_SECRET: TIKIT.secret,
      PUBLIC_URL,
      NODE_EXTRA_CA_CERTS: CA,
    };
    const chat = conversation('personal', randomUUID());
    const admin = teamsUser();
    fake.addUser(chat.tenantId, { oid: admin.aadObjectId, name: admin.name, upn: 'a@contoso.example', roles: [DIRECTORY_ROLES.globalAdministrator] });

    const first = await startBotProcess(env);
    await postJson(`${first.url}/api/messages`, message(connector.url, chat, admin, 'enable intune connector'));
    const review = connector.posted(chat.id)[0]!;
    const reviewId = connector.calls.find((c) => c.activity === review)!.assignedId;
    const target = button(cardOf(review), 'Continue to consent');
    const pressed = await postJson(`${first.url}/api/messages`, execute(connector.url, chat, admin, target.verb!, target.data!, reviewId));
    const link = button(JSON.parse(pressed.body).value, 'Open Microsoft consent').url!;
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    expect(await first.terminate()).toBeNull(); // killed: no exit code, and its logs are scanned all the same

    const second = await startBotProcess(env);
    try {
      const redirect = new URL(fake.followConsentLink(link, { userOid: admin.aadObjectId }));
      const page = await fetch(`${second.url}${redirect.pathname}${redirect.search}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Consent verified');
      const update = connector
        .updates(chat.id)
        .filter((u) => u.activityId === reviewId)
        .at(-1)!;
      expect(visibleText(update.activity.attachments![0]!.content)).toContain('Consent verified');
    } finally {
      expect(await second.terminate()).toBe(0);
    }
  });
});

describe('concurrent presses', () => {
  let world: ConsentWorld;
  beforeAll(async () => {
    world = await startConsentWorld();
  });
  afterAll(async () => world.stop());

  it('when two admins press Continue at the same moment, then there is one pending consent and one link', async () => {
    const first = newAdmin(world);
    const second = { teams: teamsUser('Lee Gu'), chat: conversation('personal', first.chat.tenantId) };
    world.fake.addUser(first.chat.tenantId, {
      oid: second.teams.aadObjectId,
      name: 'Lee Gu',
      upn: 'lee@contoso.example',
      roles: [DIRECTORY_ROLES.globalAdministrator],
    });
    const reviews = await Promise.all(
      [first, second].map(async (who) => {
        await world.bot.send(message(world.bot.connector.url, who.chat, who.teams, 'enable intune'));
        return world.bot.connector.posted(who.chat.id)[0]!;
      }),
    );
    const responses = await Promise.all([
      press(world, first, reviews[0]!, 'Continue to consent'),
      press(world, second, reviews[1]!, 'Continue to consent'),
      press(world, first, reviews[0]!, 'Continue to consent'),
    ]);
    const links = responses.map((r) => new URL(button(r.value as Record<string, unknown>, 'Open Microsoft consent').url!).searchParams.get('state'));
    expect(new Set(links).size).toBe(1);
    expect(Object.keys((await world.bot.tenants.read(first.chat.tenantId)).pendingConsents)).toHaveLength(1);
  });

  it('when two admins press Update Consent at the same moment, then both are served and no write is lost', async () => {
    const first = newAdmin(world);
    const second = { teams: teamsUser('Lee Gu'), chat: conversation('personal', first.chat.tenantId) };
    await world.bot.tenants.update(first.chat.tenantId, (r) => {
      r.features['email-connector'] = { enabled: true, changedAt: '2026-12-01T00:00:00.000Z', changedBy: 'x' };
      r.features['intune-connector'] = { enabled: true, changedAt: '2026-12-01T00:00:00.000Z', changedBy: 'x' };
      r.settingsVersion = 1;
    });
    await seedVerifiedAdmin(world.bot, first.chat.tenantId, first.teams);
    await seedVerifiedAdmin(world.bot, first.chat.tenantId, second.teams);
    const confirms = await Promise.all([
      world.bot.send(execute(world.bot.connector.url, first.chat, first.teams, 'disable.confirm', { features: ['email-connector'] })),
      world.bot.send(execute(world.bot.connector.url, second.chat, second.teams, 'disable.confirm', { features: ['intune-connector'] })),
    ]);
    expect(confirms.map((c) => c.status)).toEqual([200, 200]);
    const record = await world.bot.tenants.read(first.chat.tenantId);
    expect(record.features['email-connector']?.enabled).toBe(false);
    expect(record.features['intune-connector']?.enabled).toBe(false);
    expect(record.settingsVersion).toBe(3);
    expect(record.history.filter((e) => e.action === 'feature-disabled')).toHaveLength(2);
  });
});

describe('a storage write that fails', () => {
  it('when the database refuses writes, then the user is told, nothing half-done is stored, and the bot keeps serving', async () => {
    const dbPath = join(tempFolder('tikit-storage-'), 'consent.db');
    const connector = await new FakeConnector().start();
    const bot = await startBotProcess({ STORAGE: `sqlite:${dbPath}`, STATE_SECRET: 'storage-test-secret-0123456789abcdef012' });
    try {
      const chat = conversation('personal', randomUUID());
      const admin = teamsUser();
      await postJson(`${bot.url}/api/messages`, message(connector.url, chat, admin, 'enable intune'));
      const review = connector.posted(chat.id)[0]!;
      // A real database-level failure, as a full disk or a broken volume would give.
      const db = new Database(dbPath);
      db.exec("CREATE TRIGGER fail_insert BEFORE INSERT ON items BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;");
      db.exec("CREATE TRIGGER fail_update BEFORE UPDATE ON items BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END;");
      const target = button(cardOf(review), 'Continue to consent');
      const reviewId = connector.calls.find((c) => c.activity === review)!.assignedId;
      const pressed = await postJson(`${bot.url}/api/messages`, execute(connector.url, chat, admin, target.verb!, target.data!, reviewId));
      expect(pressed.status).toBe(200);
      expect(JSON.parse(pressed.body).value).toContain('could not save that, so nothing was changed');
      const rows = db.prepare("SELECT value FROM items WHERE key LIKE 'tenant/%'").all() as Array<{ value: string }>;
      expect(rows.every((row) => Object.keys(JSON.parse(row.value).pendingConsents ?? {}).length === 0)).toBe(true);
      // A message whose turn must save (a new journey): the save fails, and the user hears it.
      await postJson(`${bot.url}/api/messages`, message(connector.url, chat, admin, 'enable my work'));
      expect(
        connector
          .posted(chat.id)
          .map((a) => a.text ?? '')
          .join('\n'),
      ).toContain('could not save that');
      db.exec('DROP TRIGGER fail_insert; DROP TRIGGER fail_update;');
      db.close();
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    } finally {
      await bot.terminate();
      await connector.stop();
    }
  });
});
