import { createHash, randomBytes } from 'node:crypto';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, type FakeMicrosoft } from '../support/fake-microsoft';
import { adminToken, ADMIN, AGENT, APP_ADMIN, EMAIL_CONNECTOR, graphClient, msalClient, REDIRECT_URI, startFake, TENANT, TIKIT } from './fixtures';

const FEATURE_SCOPES = ['https://graph.microsoft.com/Device.Read.All', 'https://graph.microsoft.com/DeviceManagementRBAC.Read.All'];

function adminConsentLink(fake: FakeMicrosoft, appId: string, state: string, tenant = TENANT): string {
  const url = new URL(`${fake.authority(tenant)}/v2.0/adminconsent`);
  url.search = new URLSearchParams({ client_id: appId, scope: 'https://graph.microsoft.com/.default', redirect_uri: REDIRECT_URI, state }).toString();
  return url.toString();
}

function params(redirect: string): Record<string, string> {
  return Object.fromEntries(new URL(redirect).searchParams);
}

describe('FakeMicrosoft consent links', () => {
  const clock = { now: Date.now() };
  let fake: FakeMicrosoft;
  const verifier = randomBytes(32).toString('base64url');

  async function authorizeLink(state: string): Promise<string> {
    return msalClient(fake, TIKIT).getAuthCodeUrl({
      scopes: FEATURE_SCOPES,
      redirectUri: REDIRECT_URI,
      prompt: 'consent',
      state,
      codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
      codeChallengeMethod: 'S256',
    });
  }

  beforeAll(async () => {
    fake = await startFake(clock);
  });
  afterAll(() => fake.stop());

  it('when the admin accepts for the organization, then the redirect carries a code msal redeems and the grant is tenant-wide', async () => {
    const redirect = fake.followConsentLink(await authorizeLink('state-1'), { userOid: ADMIN.oid, tenantWide: true });
    const { code, state } = params(redirect);
    expect(state).toBe('state-1');
    const result = await msalClient(fake, TIKIT).acquireTokenByCode({
      code: code ?? '',
      scopes: FEATURE_SCOPES,
      redirectUri: REDIRECT_URI,
      codeVerifier: verifier,
    });
    expect(String(decodeJwt(result.accessToken).scp)).toContain('DeviceManagementRBAC.Read.All');
    expect(fake.grantsOf(TENANT, TIKIT.appId).tenantWide).toEqual(
      expect.arrayContaining(['Device.Read.All', 'DeviceManagementRBAC.Read.All', 'openid', 'profile', 'offline_access']),
    );
  });

  it('when the admin leaves the organization box unticked, then only a Principal grant for the admin exists', async () => {
    const other = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';
    fake.addUser(other, ADMIN);
    const link = (await authorizeLink('state-2')).replace(TENANT, other);
    fake.followConsentLink(link, { userOid: ADMIN.oid, tenantWide: false });
    expect(fake.grantsOf(other, TIKIT.appId)).toMatchObject({ tenantWide: [], perUser: { [ADMIN.oid]: expect.arrayContaining(['Device.Read.All']) } });
  });

  it('when the admin presses Cancel, then the redirect says access_denied with AADSTS65004 and keeps the state', async () => {
    const redirect = fake.followConsentLink(await authorizeLink('state-3'), { userOid: ADMIN.oid, decline: true });
    expect(params(redirect)).toMatchObject({ error: 'access_denied', state: 'state-3' });
    expect(params(redirect).error_description).toMatch(/^AADSTS65004:/);
  });

  it('when a user without an admin role signs in, then the redirect carries AADSTS90094', async () => {
    const redirect = fake.followConsentLink(await authorizeLink('state-4'), { userOid: AGENT.oid, tenantWide: true });
    expect(params(redirect).error_description).toMatch(/^AADSTS90094:/);
  });

  it('when an Application Administrator opens the Email Connector admin-consent link, then it fails: application permissions need GA or PRA', () => {
    const redirect = fake.followConsentLink(adminConsentLink(fake, EMAIL_CONNECTOR.appId, 'state-5'), { userOid: APP_ADMIN.oid });
    expect(params(redirect)).toMatchObject({ admin_consent: 'True', error: 'access_denied', state: 'state-5' });
    expect(params(redirect).tenant).toBeUndefined();
  });

  it('when a Global Administrator accepts it, then the static permissions are granted once replication has run', async () => {
    fake.delayReplication(20_000);
    const redirect = fake.followConsentLink(adminConsentLink(fake, EMAIL_CONNECTOR.appId, 'state-6'), { userOid: ADMIN.oid });
    expect(params(redirect)).toMatchObject({ admin_consent: 'True', tenant: TENANT, state: 'state-6' });
    expect(fake.grantsOf(TENANT, EMAIL_CONNECTOR.appId).application).toEqual(['Mail.Read', 'Mail.Send']);

    const graph = graphClient(fake, await adminToken(fake, ['Directory.Read.All']));
    const early: unknown = await graph
      .api(`/servicePrincipals(appId='${EMAIL_CONNECTOR.appId}')`)
      .get()
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(GraphError);
    clock.now += 20_000;
    const sp = (await graph.api(`/servicePrincipals(appId='${EMAIL_CONNECTOR.appId}')`).get()) as { displayName: string };
    expect(sp.displayName).toBe('Tikit Email Connector');
    fake.delayReplication(0);
  });

  it('when the redirect URI is not registered or the tenant is "common", then Microsoft stops on its own page (thrown)', async () => {
    const link = (await authorizeLink('state-7')).replace(encodeURIComponent(REDIRECT_URI), encodeURIComponent('https://evil.example/cb'));
    expect(() => fake.followConsentLink(link, { userOid: ADMIN.oid })).toThrow(/AADSTS50011/);
    const common = (await authorizeLink('state-8')).replace(TENANT, 'common');
    expect(() => fake.followConsentLink(common, { userOid: ADMIN.oid })).toThrow(/tenant id/);
  });
});
