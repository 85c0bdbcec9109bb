import { createHash, randomBytes } from 'node:crypto';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client, type Middleware } from '@microsoft/microsoft-graph-client';
import { assertFakeMicrosoftTrusted, DIRECTORY_ROLES, FakeMicrosoft, type FakeUser } from '../support/fake-microsoft';

export const TENANT = '7d3f9a52-1c4e-4b8a-9f2d-3e5a6b7c8d90';
export const OTHER_TENANT = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const REDIRECT_URI = 'https://bot.example.test/api/consent/callback';

export const TIKIT = { appId: '4c2e6a1f-8b3d-4e5f-9a7b-1c2d3e4f5a6b', secret: 'tikit-test-secret' };
export const EMAIL_CONNECTOR = { appId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', secret: 'connector-test-secret' };

export const ADMIN: FakeUser = {
  oid: 'a1a1a1a1-0000-4000-8000-000000000001',
  name: 'Adele Vance',
  upn: 'adele@contoso.onmicrosoft.com',
  roles: [DIRECTORY_ROLES.globalAdministrator],
};
export const APP_ADMIN: FakeUser = {
  oid: 'a1a1a1a1-0000-4000-8000-000000000002',
  name: 'Alex Wilber',
  upn: 'alex@contoso.onmicrosoft.com',
  roles: [DIRECTORY_ROLES.applicationAdministrator],
};
export const AGENT: FakeUser = {
  oid: 'a1a1a1a1-0000-4000-8000-000000000003',
  name: 'Megan Bowen',
  upn: 'megan@contoso.onmicrosoft.com',
  roles: [],
};

/** A fake whose clock the test moves: `clock.now += ms`. */
export async function startFake(clock?: { now: number }): Promise<FakeMicrosoft> {
  assertFakeMicrosoftTrusted();
  const fake = await new FakeMicrosoft(clock ? { now: () => clock.now } : {}).start();
  fake.registerApp(TIKIT.appId, TIKIT.secret, {
    displayName: 'Tikit',
    redirectUris: [REDIRECT_URI],
    delegated: ['User.Read', 'Directory.Read.All', 'openid', 'profile', 'offline_access'],
  });
  fake.registerApp(EMAIL_CONNECTOR.appId, EMAIL_CONNECTOR.secret, {
    displayName: 'Tikit Email Connector',
    redirectUris: [REDIRECT_URI],
    application: ['Mail.Read', 'Mail.Send'],
  });
  for (const user of [ADMIN, APP_ADMIN, AGENT]) fake.addUser(TENANT, user);
  return fake;
}

export function msalClient(fake: FakeMicrosoft, app: { appId: string; secret: string }, tenantId = TENANT): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId: app.appId, clientSecret: app.secret, authority: fake.authority(tenantId), knownAuthorities: [fake.knownAuthority] },
  });
}

/** MICROSOFT.md §5: without customHosts (host names, no port) the client sends no Authorization header. */
export function graphClient(fake: FakeMicrosoft, token: string): Client {
  return Client.init({
    baseUrl: fake.origin,
    defaultVersion: 'v1.0',
    authProvider: (done) => done(null, token),
    customHosts: new Set([new URL(fake.origin).hostname]),
  });
}

export function graphClientWithMiddleware(fake: FakeMicrosoft, middleware: Middleware[]): Client {
  return Client.initWithMiddleware({
    baseUrl: fake.origin,
    defaultVersion: 'v1.0',
    middleware,
    customHosts: new Set([new URL(fake.origin).hostname]),
  });
}

/** The code of Adele's tenant-wide consent to Tikit, with a PKCE challenge (S256) made from `verifier`. */
export function adminConsentCode(fake: FakeMicrosoft, scopes: string[], verifier: string): string {
  const { code } = fake.simulateConsent({
    tenantId: TENANT,
    appId: TIKIT.appId,
    userOid: ADMIN.oid,
    redirectUri: REDIRECT_URI,
    tenantWide: true,
    scopes,
    codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
  });
  return code ?? '';
}

/** An admin-token the way the bot gets one: consent through the authorize flow, then redeem the code. */
export async function adminToken(fake: FakeMicrosoft, scopes: string[]): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const code = adminConsentCode(fake, scopes, verifier);
  const result = await msalClient(fake, TIKIT).acquireTokenByCode({
    code,
    scopes: scopes.map((s) => `https://graph.microsoft.com/${s}`),
    redirectUri: REDIRECT_URI,
    codeVerifier: verifier,
  });
  return result.accessToken;
}
