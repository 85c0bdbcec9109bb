import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../support/card-reading';
import { DIRECTORY_ROLES } from '../support/fake-microsoft';
import { type Admin, arrive, type ConsentWorld, consentLinkOf, EMAIL, newAdmin, press, say, startConsentWorld, startEnable, TIKIT } from './consent-support';

let world: ConsentWorld;
beforeAll(async () => {
  world = await startConsentWorld();
});
afterAll(async () => world.stop());

/** Grants the base set for real (through its consent link) and returns the feature's consent link. */
async function featureLink(admin: Admin, text: string): Promise<string> {
  const { link } = await startEnable(world, admin, text);
  expect((await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }))).status).toBe(200);
  const card = world.bot.connector
    .posted(admin.chat.id)
    .map((a) => a.attachments?.[0]?.content)
    .find((c) => visibleText(c).includes('Step 2 of 2'));
  return consentLinkOf(card);
}

function lastCardText(admin: Admin): string {
  const calls = world.bot.connector.calls.filter((c) => c.conversationId === admin.chat.id && c.activity.attachments?.length);
  return visibleText(calls.at(-1)!.activity.attachments![0]!.content);
}

function said(admin: Admin): string {
  return world.bot.connector
    .posted(admin.chat.id)
    .map((a) => a.text ?? '')
    .join('\n');
}

describe('consents that do not complete', () => {
  it('when "Consent on behalf of your organization" is not ticked, then the bot says so, the feature stays off, and a new link is offered', async () => {
    const admin = newAdmin(world);
    const link = await featureLink(admin, 'enable intune connector');
    const page = await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId, tenantWide: false }));
    expect(page.html).toContain('Consent incomplete');
    expect(lastCardText(admin)).toContain('Consent on behalf of your organization');
    expect(lastCardText(admin)).toContain('Only for you');
    expect(said(admin)).toContain('for you only, not for your organization');
    const record = await world.bot.tenants.read(admin.chat.tenantId);
    expect(record.features['intune-connector']?.enabled).not.toBe(true);
    // The offered link is a fresh, open consent for the same step.
    expect(Object.values(record.pendingConsents).filter((p) => !p.consumedAt)).toHaveLength(1);
  });

  it('when only part of the permissions ends up granted, then each is reported and the feature stays off', async () => {
    const admin = newAdmin(world);
    const link = await featureLink(admin, 'enable intune connector');
    const redirect = world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId, tenantWide: true });
    world.fake.revokeDelegated(admin.chat.tenantId, TIKIT.appId, ['Device.Read.All']);
    const page = await arrive(world, redirect);
    expect(page.html).toContain('Consent incomplete');
    const text = lastCardText(admin);
    expect(text).toMatch(/Device\.Read\.All\s+Missing/);
    expect(text).toMatch(/DeviceManagementRBAC\.Read\.All\s+Granted/);
    expect((await world.bot.tenants.read(admin.chat.tenantId)).features['intune-connector']?.enabled).not.toBe(true);
  });

  it('when Graph throttles with 429 first, then the bot honours it, retries and confirms', async () => {
    const admin = newAdmin(world);
    const link = await featureLink(admin, 'enable teams meetings');
    world.fake.failNext(2, { status: 429, retryAfterSeconds: 0, path: /oauth2PermissionGrants/ });
    const page = await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId, tenantWide: true }));
    expect(page.html).toContain('Consent verified');
    expect(world.fake.requestsTo(/oauth2PermissionGrants/).filter((r) => r.tenantId === admin.chat.tenantId || r.status === 429).length).toBeGreaterThanOrEqual(
      3,
    );
    expect((await world.bot.tenants.read(admin.chat.tenantId)).features['teams-meetings']?.enabled).toBe(true);
  });

  it('when Entra and Graph are down, then nothing is lost: the request is kept and `status` completes it later', async () => {
    const admin = newAdmin(world);
    const link = await featureLink(admin, 'enable the email connector');
    const redirect = world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId });
    world.fake.setOutage(true);
    try {
      const page = await arrive(world, redirect);
      expect(page.html).toContain('Not verified yet');
      expect(said(admin)).toContain("I'll keep the request");
      expect((await world.bot.tenants.read(admin.chat.tenantId)).features['email-connector']?.enabled).not.toBe(true);
    } finally {
      world.fake.setOutage(false);
    }
    await say(world, admin, 'status');
    const record = await world.bot.tenants.read(admin.chat.tenantId);
    expect(record.features['email-connector']?.enabled).toBe(true);
    expect(record.pendingConsents).toEqual({});
    expect(said(admin)).toContain('Email Connector is on');
  });

  it('when Teams refuses the proactive post, then the page still tells the outcome, and it is recorded', async () => {
    const admin = newAdmin(world);
    const { link } = await startEnable(world, admin, 'enable intune');
    world.bot.connector.refusing = true;
    try {
      const page = await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }));
      expect(page.status).toBe(200);
      expect(page.html).toContain('Consent verified');
      expect(page.html).toContain('could not post this in Teams');
    } finally {
      world.bot.connector.refusing = false;
    }
    expect((await world.bot.tenants.read(admin.chat.tenantId)).grants.baseGranted).toBe(true);
  });

  it('when someone who is not an admin signs in, then the bot names who can grant the Email Connector', async () => {
    const admin = newAdmin(world);
    const link = await featureLink(admin, 'enable the email connector');
    const helper = newAdmin(world, [DIRECTORY_ROLES.applicationAdministrator]);
    world.fake.addUser(admin.chat.tenantId, {
      oid: helper.teams.aadObjectId,
      name: 'Alex',
      upn: 'alex@contoso.example',
      roles: [DIRECTORY_ROLES.applicationAdministrator],
    });
    const page = await arrive(world, world.fake.followConsentLink(link, { userOid: helper.teams.aadObjectId }));
    expect(page.html).toContain('Consent was not given');
    expect(lastCardText(admin)).toContain('Global Administrator or a Privileged Role Administrator');
    expect(lastCardText(admin)).not.toContain('Application Administrator');
    expect((await world.bot.tenants.read(admin.chat.tenantId)).history.at(-1)).toMatchObject({ action: 'consent-failed', detail: 'not-admin' });
  });
});

describe('the callback refuses what it cannot trust, and changes nothing', () => {
  async function freshRedirect(): Promise<{ admin: Admin; redirect: string }> {
    const admin = newAdmin(world);
    const { link } = await startEnable(world, admin, 'enable my work');
    return { admin, redirect: world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }) };
  }

  it('when the state was altered, then 400', async () => {
    const { admin, redirect } = await freshRedirect();
    const url = new URL(redirect);
    const state = url.searchParams.get('state')!;
    url.searchParams.set('state', `${state.slice(0, -2)}${state.endsWith('A') ? 'B' : 'A'}A`);
    expect((await arrive(world, url.toString())).status).toBe(400);
    expect((await world.bot.tenants.read(admin.chat.tenantId)).grants.baseGranted).toBe(false);
  });

  it('when the same redirect arrives twice, then the second is refused as used', async () => {
    const { admin, redirect } = await freshRedirect();
    expect((await arrive(world, redirect)).status).toBe(200);
    const history = (await world.bot.tenants.read(admin.chat.tenantId)).history.length;
    const replay = await arrive(world, redirect);
    expect(replay.status).toBe(409);
    expect((await world.bot.tenants.read(admin.chat.tenantId)).history).toHaveLength(history);
  });

  it('when a success is reported for another tenant, then 403 and the consent stays open', async () => {
    const { admin, redirect } = await freshRedirect();
    const url = new URL(redirect);
    url.searchParams.set('tenant', '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d');
    expect((await arrive(world, url.toString())).status).toBe(403);
    const record = await world.bot.tenants.read(admin.chat.tenantId);
    expect(record.grants.baseGranted).toBe(false);
    expect(Object.values(record.pendingConsents).every((p) => !p.consumedAt)).toBe(true);
  });

  it("when Microsoft's error description carries markup, then the page shows none of it", async () => {
    const { redirect } = await freshRedirect();
    const url = new URL(redirect);
    url.searchParams.set('error', 'access_denied');
    url.searchParams.set('error_description', 'AADSTS65004: <script>alert(1)</script><img src=x onerror=alert(2)>');
    for (const key of ['admin_consent', 'tenant', 'scope']) url.searchParams.set(key, '"><svg onload=alert(3)>');
    url.searchParams.delete('tenant');
    const page = await arrive(world, url.toString());
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(/<script|<img|<svg|onerror|onload/i);
    expect(page.html).toContain('cancelled on Microsoft');
  });

  it.each([
    ['no state at all', '?admin_consent=True'],
    ['a state that is not ours', '?state=v1.e30.AAAA&admin_consent=True'],
    ['two states', '?state=a&state=b'],
  ])('when the callback has %s, then 400', async (_name, query) => {
    const response = await fetch(`${world.bot.url}/api/consent/callback${query}`);
    expect(response.status).toBe(400);
  });
});

describe('status and history', () => {
  it('when a grant was removed in the portal since, then status names the drift and offers a fix', async () => {
    const admin = newAdmin(world);
    const link = await featureLink(admin, 'enable the email connector');
    await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }));
    expect((await world.bot.tenants.read(admin.chat.tenantId)).features['email-connector']?.enabled).toBe(true);

    world.fake.revokeApplication(admin.chat.tenantId, EMAIL.appId, ['Mail.Send']);
    const [status] = await say(world, admin, 'status');
    const text = visibleText(status!.attachments![0]!.content);
    expect(text).toContain('missing now: Mail.Send');
    expect(text).toContain('removed in Microsoft Entra');
    const fix = await press(world, admin, status!, 'Fix Email Connector');
    expect(fix.type).toBe('application/vnd.microsoft.activity.message');
    expect(visibleText(world.bot.connector.posted(admin.chat.id).at(-1)!.attachments![0]!.content)).toContain('Enable Email Connector: review');
  });

  it('when asked for history, then it lists who did what, newest first', async () => {
    const admin = newAdmin(world);
    const link = await featureLink(admin, 'enable teams app management');
    await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId, tenantWide: true }));
    const [history] = await say(world, admin, 'history');
    const text = visibleText(history!.attachments![0]!.content);
    expect(text).toContain('Adele Vance: consent granted (Teams App Management)');
    expect(text.indexOf('consent granted (Teams App Management)')).toBeLessThan(text.indexOf('consent granted (Required)'));
  });
});

describe('without app secrets (local mode)', () => {
  it('when a consent comes back, then the bot says verification is off and turns nothing on', async () => {
    const local = await startConsentWorld({ secrets: false });
    try {
      const admin = newAdmin(local);
      const { link } = await startEnable(local, admin, 'enable intune');
      const page = await arrive(local, local.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }));
      expect(page.html).toContain('not verified');
      const texts = local.bot.connector
        .posted(admin.chat.id)
        .map((a) => a.text ?? '')
        .join('\n');
      expect(texts).toContain('without TIKIT_APP_SECRET');
      expect((await local.bot.tenants.read(admin.chat.tenantId)).grants.baseGranted).toBe(false);
    } finally {
      await local.stop();
    }
  });
});

describe('an expired consent link', () => {
  it('when Microsoft redirects after the link expired, then 400 and nothing changes', async () => {
    let clock = Date.now();
    const timed = await startConsentWorld({ now: () => new Date(clock) });
    try {
      const admin = newAdmin(timed);
      const { link } = await startEnable(timed, admin, 'enable intune');
      clock += 61 * 60_000;
      const page = await arrive(timed, timed.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }));
      expect(page.status).toBe(400);
      expect(page.html).toContain('expired');
      expect((await timed.bot.tenants.read(admin.chat.tenantId)).grants.baseGranted).toBe(false);
    } finally {
      await timed.stop();
    }
  });
});
