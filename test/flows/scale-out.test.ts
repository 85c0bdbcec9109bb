import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../support/bot-harness';
import { runBotToExit } from '../support/bot-process';
import { visibleText } from '../support/card-reading';
import { botInstalled, conversation, type ConversationKind, teamsUser } from '../support/teams-activities';
import { consentLinkOf } from './consent-support';
import {
  type Admin,
  arrive,
  inParallel,
  logged,
  newAdmin,
  pendingIdsIn,
  postedId,
  press,
  say,
  type ScaleOutWorld,
  startScaleOutWorld,
} from './scale-out-support';

/**
 * Two bot processes on one Azure Blob Storage container (Azurite), as in production behind a load
 * balancer: whichever instance gets a request must see what the other one wrote, and concurrent
 * turns on both must not overwrite each other's changes to a tenant's record.
 */
let world: ScaleOutWorld;
beforeAll(async () => {
  world = await startScaleOutWorld();
}, 60_000);
afterAll(async () => {
  if (!world) return;
  // Both instances stop cleanly on SIGTERM.
  expect(await world.stop()).toEqual([0, 0]);
});

describe('several instances on one blob container', () => {
  it('when a consent is started on A and Microsoft sends the browser to B, then B verifies it and the chat hears of it', async () => {
    const [a, b] = world.instances;
    const admin = newAdmin(world);
    const [review] = await say(world, a, admin, 'enable intune connector');
    const link = consentLinkOf(await press(world, a, admin, review!, 'Continue to consent'));

    const page = await arrive(b, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Consent verified');
    const reviewId = postedId(world, review!);
    const updated = world.connector.updates(admin.chat.id).filter((u) => u.activityId === reviewId);
    expect(updated.some((u) => visibleText(u.activity.attachments?.[0]?.content).includes('Consent verified'))).toBe(true);
    const nextCard = world.connector.posted(admin.chat.id).find((p) => visibleText(p.attachments?.[0]?.content).includes('Step 2 of 2'));
    expect(nextCard).toBeDefined();

    // Only B handled the redirect; A only served the turns.
    await logged(b, '"msg":"consent callback"');
    expect(a.stdout()).not.toContain('"msg":"consent callback"');
    const record = await world.tenants.read(admin.chat.tenantId);
    expect(record.grants.baseGranted).toBe(true);
    expect(record.history.filter((e) => e.action === 'consent-granted')).toHaveLength(1);
  });

  it('when 200 installs in one tenant are spread over both instances, 8 at a time, then the tenant record lists all 200 conversations', async () => {
    const tenantId = randomUUID();
    const installer = teamsUser();
    const kinds: ConversationKind[] = ['personal', 'groupChat', 'channel'];
    const chats = Array.from({ length: 200 }, (_, i) => conversation(kinds[i % 3]!, tenantId));
    const statuses = await inParallel(
      8,
      chats.map(
        (chat, i) => async () => (await postJson(`${world.instances[i % 2]!.url}/api/messages`, botInstalled(world.connector.url, chat, installer))).status,
      ),
    );

    expect(statuses.every((s) => s === 200)).toBe(true);
    const record = await world.tenants.read(tenantId);
    expect(Object.keys(record.conversations).sort()).toEqual(chats.map((c) => c.id).sort());
    expect(chats.filter((chat) => world.connector.posted(chat.id).length !== 1)).toEqual([]);
  }, 60_000);

  it('when consent links are requested and declined concurrently on both instances, then the history has every event exactly once', async () => {
    const tenantId = randomUUID();
    const admins = Array.from({ length: 8 }, () => newAdmin(world, tenantId));
    const declined: string[] = [];
    const pressed = new Set<string>();

    // Each round: the message on one instance, the button on the other, the redirect back on the first.
    const round = async (admin: Admin, n: number) => {
      const [first, second] = n % 2 === 0 ? world.instances : [world.instances[1], world.instances[0]];
      const [review] = await say(world, first, admin, 'enable intune connector');
      const link = consentLinkOf(await press(world, second, admin, review!, 'Continue to consent'));
      for (const id of pendingIdsIn(link, tenantId)) pressed.add(id);
      const page = await arrive(first, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId, decline: true }));
      // 409: the tenant's one pending base consent was shared, and another chat's redirect used it
      // first, or that chat's new request replaced it.
      expect([200, 409]).toContain(page.status);
      if (page.status === 200) declined.push(...pendingIdsIn(link, tenantId));
    };
    // Eight chats at once; within a chat one round after another, as a person would.
    await Promise.all(
      admins.map(async (admin, i) => {
        for (let r = 0; r < 12; r++) await round(admin, i + r);
      }),
    );

    // Each pending consent the bot created was handed out: in a press's answer, or on a "try again"
    // card after a decline (which the connector saw).
    const handedOut = new Set([...pressed, ...world.connector.calls.flatMap((call) => pendingIdsIn(JSON.stringify(call.activity), tenantId))]);
    const record = await world.tenants.read(tenantId);
    const history = (action: string) => record.history.filter((e) => e.action === action);
    expect(declined.length).toBeGreaterThanOrEqual(8);
    expect(new Set(declined).size).toBe(declined.length);
    expect(history('consent-failed')).toHaveLength(declined.length);
    expect(history('consent-link-sent')).toHaveLength(handedOut.size);
    expect(declined.filter((id) => !handedOut.has(id) || id in record.pendingConsents)).toEqual([]);
  }, 60_000);

  it('when STORAGE=blob and STATE_SECRET is absent, then start-up stops with one line naming STATE_SECRET', async () => {
    const { STATE_SECRET: _omitted, ...env } = world.env;
    const { code, stderr, stdout } = await runBotToExit(env);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: STATE_SECRET: .*STORAGE=blob/);
    expect(stdout).not.toContain('serving');
  });
});
