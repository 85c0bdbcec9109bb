import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsFor } from '../../permissions/catalog';
import { seedVerifiedAdmin } from '../support/bot-harness';
import { button, cardOf, visibleText } from '../support/card-reading';
import { DIRECTORY_ROLES } from '../support/fake-microsoft';
import { conversation, execute, teamsUser } from '../support/teams-activities';
import { type Admin, arrive, type ConsentWorld, EMAIL, newAdmin, press, say, startConsentWorld, startEnable, TIKIT } from './consent-support';

let world: ConsentWorld;
beforeAll(async () => {
  world = await startConsentWorld();
});
afterAll(async () => world.stop());

/** A tenant where Tikit's base consent exists (so signing in asks for nothing new) and a feature is on. */
async function tenantWithEmailConnectorOn(roles: string[] = [DIRECTORY_ROLES.globalAdministrator]): Promise<Admin> {
  const admin = newAdmin(world, roles);
  world.fake.grantDelegated(
    admin.chat.tenantId,
    TIKIT.appId,
    rowsFor(['required'], 'tikit', 'Delegated').map((r) => r.name),
  );
  await world.bot.tenants.update(admin.chat.tenantId, (record) => {
    record.grants.baseGranted = true;
    record.features['email-connector'] = { enabled: true, changedAt: '2026-12-01T00:00:00.000Z', changedBy: 'Someone' };
  });
  return admin;
}

function cardsPosted(who: Admin): string[] {
  return world.bot.connector.posted(who.chat.id).map((a) => (a.attachments?.[0] ? visibleText(a.attachments[0].content) : (a.text ?? '')));
}

/** Presses Disable on a fresh confirmation card; returns the invoke's answer. */
async function pressDisable(who: Admin) {
  const [confirm] = await say(world, who, 'disable the email connector');
  return press(world, who, confirm!, 'Disable Email Connector');
}

/** Follows the "Confirm I am an admin" link of the newest admin-check card, signed in as `userOid`. */
async function confirmAdmin(who: Admin, userOid = who.teams.aadObjectId) {
  const check = world.bot.connector
    .posted(who.chat.id)
    .filter((a) => a.attachments?.[0] && visibleText(a.attachments[0].content).includes('Administrators only'))
    .at(-1)!;
  const link = button(cardOf(check), 'Confirm I am an admin').url!;
  expect(new URL(link).searchParams.get('scope')).toContain('User.Read');
  expect(new URL(link).searchParams.get('prompt')).not.toBe('consent');
  return arrive(world, world.fake.followConsentLink(link, { userOid }));
}

describe('only verified administrators may turn features off', () => {
  it('when an unverified user presses Disable, then they are asked to confirm, and after the role check the press works', async () => {
    const admin = await tenantWithEmailConnectorOn();
    const first = await pressDisable(admin);
    expect(first.value).toContain('Confirm you are an administrator first');
    expect((await world.bot.tenants.read(admin.chat.tenantId)).features['email-connector']?.enabled).toBe(true);

    const page = await confirmAdmin(admin);
    expect(page.html).toContain('Confirmed');
    expect(cardsPosted(admin).at(-1)).toContain('You are confirmed as Global Administrator');

    const second = await pressDisable(admin);
    expect(visibleText(second.value)).toContain('Email Connector is now off in Tikit');
    expect((await world.bot.tenants.read(admin.chat.tenantId)).features['email-connector']?.enabled).toBe(false);
  });

  it('when the role check shows no admin role, then the user is told and still cannot disable', async () => {
    const user = await tenantWithEmailConnectorOn([]);
    await pressDisable(user);
    const page = await confirmAdmin(user);
    expect(page.html).toContain('No admin role');
    const again = await pressDisable(user);
    expect(again.value).toContain('holds none of the admin roles');
    expect((await world.bot.tenants.read(user.chat.tenantId)).features['email-connector']?.enabled).toBe(true);
  });

  it('when someone signs in with another account than their Teams one, then nothing is confirmed', async () => {
    const user = await tenantWithEmailConnectorOn([]);
    const colleague = teamsUser('Global Admin');
    world.fake.addUser(user.chat.tenantId, {
      oid: colleague.aadObjectId,
      name: colleague.name,
      upn: 'ga@contoso.example',
      roles: [DIRECTORY_ROLES.globalAdministrator],
    });
    await pressDisable(user);
    const page = await confirmAdmin(user, colleague.aadObjectId);
    expect(page.html).toContain('different account');
    expect((await world.bot.tenants.read(user.chat.tenantId)).users[user.teams.aadObjectId]).toBeUndefined();
  });

  it('when the verification has expired, then the user must confirm again', async () => {
    const admin = await tenantWithEmailConnectorOn();
    await seedVerifiedAdmin(world.bot, admin.chat.tenantId, admin.teams, new Date(Date.now() - 1000));
    expect((await pressDisable(admin)).value).toContain('Confirm you are an administrator first');
  });
});

describe('asking an admin', () => {
  it('when a non-admin asks, then the verified admin gets the request, grants it, and the requester hears it', async () => {
    const admin = await tenantWithEmailConnectorOn();
    await pressDisable(admin);
    await confirmAdmin(admin); // the admin has now talked to the bot and is verified
    const agent: Admin = { teams: teamsUser('Megan Bowen'), chat: conversation('personal', admin.chat.tenantId) };
    world.fake.addUser(agent.chat.tenantId, { oid: agent.teams.aadObjectId, name: agent.teams.name, upn: 'megan@contoso.example', roles: [] });

    const [review] = await say(world, agent, 'enable teams meetings');
    const asked = await press(world, agent, review!, 'Ask an admin');
    expect(asked.value).toContain('I asked Adele Vance to enable Teams Meetings');
    const requestCard = world.bot.connector.posted(admin.chat.id).at(-1)!;
    expect(visibleText(cardOf(requestCard))).toContain('Megan Bowen asks to enable Teams Meetings');
    expect(visibleText(cardOf(requestCard))).toContain('Used for an upcoming feature to create a meeting from a ticket');

    const [listing, listed] = await say(world, admin, 'requests');
    expect(listing!.text).toBe('1 open request.');
    expect(visibleText(cardOf(listed))).toContain('Megan Bowen asks');

    await press(world, admin, requestCard, 'Review and consent');
    const adminReview = world.bot.connector.posted(admin.chat.id).at(-1)!;
    expect(visibleText(cardOf(adminReview))).toContain('Enable Teams Meetings: review');
    const consent = await press(world, admin, adminReview, 'Continue to consent');
    const link = button(consent.value as Record<string, unknown>, 'Open Microsoft consent').url!;
    expect((await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId, tenantWide: true }))).status).toBe(200);

    expect(cardsPosted(agent).at(-1)).toContain('Adele Vance granted your request: Teams Meetings is now on');
    const record = await world.bot.tenants.read(agent.chat.tenantId);
    expect(Object.values(record.requests)[0]).toMatchObject({ status: 'granted', decidedBy: 'Adele Vance' });
  });

  it('when the admin declines, then the requester is told and the request closes', async () => {
    const admin = await tenantWithEmailConnectorOn();
    await pressDisable(admin);
    await confirmAdmin(admin);
    const agent: Admin = { teams: teamsUser('Lee Gu'), chat: conversation('personal', admin.chat.tenantId) };
    const [review] = await say(world, agent, 'enable intune');
    await press(world, agent, review!, 'Ask an admin');
    const requestCard = world.bot.connector.posted(admin.chat.id).at(-1)!;
    const declined = await press(world, admin, requestCard, 'Decline');
    expect(visibleText(declined.value)).toContain('Lee Gu has been told');
    expect(cardsPosted(agent).at(-1)).toContain('Adele Vance declined your request to enable Intune Connector');
    const [listing] = await say(world, admin, 'requests');
    expect(listing!.text).toBe('There are no open requests in your organization.');
  });

  it('when nobody in the tenant is a known admin, then the request is kept and the requester is told whom to ask', async () => {
    const agent = newAdmin(world, []);
    const [review] = await say(world, agent, 'enable the email connector');
    const asked = await press(world, agent, review!, 'Ask an admin');
    expect(asked.value).toContain('no administrator of your organization has talked to me yet');
    expect(asked.value).toContain('Global Administrator or a Privileged Role Administrator');
    expect(Object.values((await world.bot.tenants.read(agent.chat.tenantId)).requests)).toHaveLength(1);
  });
});

describe('tenants apart', () => {
  it('when a request or consent id from one tenant is pressed in another, then it is not found and nothing changes', async () => {
    const admin = await tenantWithEmailConnectorOn();
    const agent: Admin = { teams: teamsUser('Megan'), chat: conversation('personal', admin.chat.tenantId) };
    const [review] = await say(world, agent, 'enable intune');
    await press(world, agent, review!, 'Ask an admin');
    const [requestId] = Object.keys((await world.bot.tenants.read(admin.chat.tenantId)).requests);

    const outsider: Admin = { teams: teamsUser('Mallory'), chat: conversation('personal', randomUUID()) };
    await seedVerifiedAdmin(world.bot, outsider.chat.tenantId, outsider.teams);
    for (const [verb, data] of [
      ['request.approve', { requestId }],
      ['request.decline', { requestId }],
      ['consent.check', { consentId: requestId }],
    ] as const) {
      const sent = await world.bot.send(execute(world.bot.connector.url, outsider.chat, outsider.teams, verb, data));
      expect(sent.status).toBe(200);
      expect(JSON.stringify(JSON.parse(sent.body).value)).toMatch(/no longer open|no open consent/);
    }
    expect(Object.values((await world.bot.tenants.read(admin.chat.tenantId)).requests)[0]!.status).toBe('open');
    expect((await world.bot.tenants.read(outsider.chat.tenantId)).requests).toEqual({});
  });
});

describe('requests expire', () => {
  it('when a week has passed, then an open request is no longer listed nor acted on', async () => {
    let clock = Date.parse('2026-12-04T09:00:00.000Z');
    const timed = await startConsentWorld({ now: () => new Date(clock) });
    try {
      const agent = newAdmin(timed, []);
      const [review] = await say(timed, agent, 'enable my work');
      await press(timed, agent, review!, 'Ask an admin');
      const admin: Admin = { teams: teamsUser('Adele'), chat: conversation('personal', agent.chat.tenantId) };
      await seedVerifiedAdmin(timed.bot, admin.chat.tenantId, admin.teams, new Date(clock + 30 * 86_400_000));
      expect((await say(timed, admin, 'requests'))[0]!.text).toBe('1 open request.');

      clock += 7 * 86_400_000 + 1;
      expect((await say(timed, admin, 'requests'))[0]!.text).toBe('There are no open requests in your organization.');
      const [requestId] = Object.keys((await timed.bot.tenants.read(agent.chat.tenantId)).requests);
      const sent = await timed.bot.send(execute(timed.bot.connector.url, admin.chat, admin.teams, 'request.approve', { requestId }));
      expect(JSON.parse(sent.body).value).toContain('no longer open');
    } finally {
      await timed.stop();
    }
  });
});

describe('the way out, once Microsoft showed the app', () => {
  it("when a verified admin disables the Email Connector after a real consent, then the link opens that enterprise application's Permissions page", async () => {
    const admin = newAdmin(world);
    const { link } = await startEnable(world, admin, 'enable the email connector');
    await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }));
    const step2 = world.bot.connector
      .posted(admin.chat.id)
      .map((a) => a.attachments?.[0]?.content)
      .find((c) => visibleText(c).includes('Step 2 of 2'));
    await arrive(
      world,
      world.fake.followConsentLink(button(step2 as Record<string, unknown>, 'Open Microsoft consent').url!, { userOid: admin.teams.aadObjectId }),
    );
    expect((await world.bot.tenants.read(admin.chat.tenantId)).features['email-connector']?.enabled).toBe(true);

    await pressDisable(admin);
    await confirmAdmin(admin);
    const done = await pressDisable(admin);
    const spId = world.fake.grantsOf(admin.chat.tenantId, EMAIL.appId).servicePrincipalId;
    expect(button(done.value as Record<string, unknown>, 'Open Tikit Email Connector permissions').url).toBe(
      `https://portal.azure.com/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Permissions/objectId/${spId}/appId/${EMAIL.appId}`,
    );
  });
});
