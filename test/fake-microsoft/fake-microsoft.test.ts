import { randomBytes } from 'node:crypto';
import { AuthError, type ConfidentialClientApplication } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, type FakeMicrosoft } from '../support/fake-microsoft';
import { ADMIN, adminConsentCode, EMAIL_CONNECTOR, msalClient, OTHER_TENANT, REDIRECT_URI, startFake, TENANT, TIKIT } from './fixtures';

/*
 * What msal-node 7 (msal-common 16) does against the fake, seen here:
 * - With `knownAuthorities: [host:port]` it skips instance discovery: the only calls are
 *   GET /{tenant}/v2.0/.well-known/openid-configuration (once per ConfidentialClientApplication) and
 *   POST /{tenant}/oauth2/v2.0/token. The discovery document's `issuer` must share the authority's origin.
 * - A token-endpoint error becomes a ServerError (or InteractionRequiredAuthError when `error`/`suberror`
 *   says so, e.g. consent_required): `errorCode` = the OAuth `error` ("invalid_grant"), `errorMessage` =
 *   "Error(s): 70008 - Timestamp: … - Description: AADSTS70008: …", `errorNo` = error_codes[0] (a number at
 *   run time, though typed string), `subError` = `suberror`. So: branch on errorCode, then on String(errorNo)
 *   (or /AADSTS(\d+)/ in errorMessage). `status` (HTTP) is set for client credentials, not for code redemption.
 * - Code redemption sends client_info=1 and reads `client_info` (base64url {uid, utid}) for the account's
 *   homeAccountId (`uid.utid`); without it msal falls back to the id token's `sub`.
 * - A 429 or 5xx from the token endpoint is remembered per client instance: identical requests then fail at
 *   once, without a network call, for Retry-After seconds (60 s when absent or 0, at most 3600 s).
 */

async function failureOf(promise: Promise<unknown>): Promise<AuthError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AuthError)) throw new Error(`expected an msal AuthError, got ${String(error)}`);
  return error;
}

function roles(token: string): unknown {
  return decodeJwt(token).roles;
}

describe('FakeMicrosoft with the real msal-node', () => {
  const clock = { now: Date.now() };
  let fake: FakeMicrosoft;
  let connector: ConfidentialClientApplication;
  const graphDefault = (): string[] => [`${fake.origin}/.default`];

  beforeAll(async () => {
    fake = await startFake(clock);
    connector = msalClient(fake, EMAIL_CONNECTOR);
  });
  afterAll(() => fake.stop());

  it('when the connector has no consent in the tenant, then client credentials fail with AADSTS700016', async () => {
    const error = await failureOf(connector.acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true }));
    expect(error.errorCode).toBe('unauthorized_client');
    expect(error.errorMessage).toContain('AADSTS700016');
    expect(String((error as AuthError & { errorNo?: unknown }).errorNo)).toBe('700016');
  });

  it('when Mail.Read is granted, then the token lists it in roles; after Mail.Send, skipCache shows both', async () => {
    fake.grantApplication(TENANT, EMAIL_CONNECTOR.appId, ['Mail.Read']);
    const first = await connector.acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true });
    expect(roles(first?.accessToken ?? '')).toEqual(['Mail.Read']);

    fake.grantApplication(TENANT, EMAIL_CONNECTOR.appId, ['Mail.Send']);
    const before = fake.requestsTo('/oauth2/v2.0/token').length;
    const second = await connector.acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true });
    expect(roles(second?.accessToken ?? '')).toEqual(['Mail.Read', 'Mail.Send']);
    expect(fake.requestsTo('/oauth2/v2.0/token').length).toBe(before + 1);
    expect(fake.requestsTo('/oauth2/v2.0/token').every((r) => r.tenantId === TENANT)).toBe(true);
    expect(fake.requestsTo('openid-configuration')).toHaveLength(1);
  });

  it('when a grant waits on replication, then roles show it only once the delay has passed', async () => {
    fake.delayReplication(30_000);
    fake.grantApplication(OTHER_TENANT, EMAIL_CONNECTOR.appId, ['Mail.Read']);
    const other = msalClient(fake, EMAIL_CONNECTOR, OTHER_TENANT);
    const early = await failureOf(other.acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true }));
    expect(early.errorMessage).toContain('AADSTS700016');

    clock.now += 30_000;
    const late = await other.acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true });
    expect(roles(late?.accessToken ?? '')).toEqual(['Mail.Read']);
    fake.delayReplication(0);
  });

  it('when the secret is wrong, then client credentials fail with AADSTS7000215', async () => {
    const wrong = msalClient(fake, { appId: EMAIL_CONNECTOR.appId, secret: 'not-the-secret' });
    const error = await failureOf(wrong.acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true }));
    expect(error.errorCode).toBe('invalid_client');
    expect(error.errorMessage).toContain('AADSTS7000215');
  });

  it('when a named scope is asked for with client credentials, then Entra wants /.default (AADSTS1002012)', async () => {
    const scopes = [`${fake.origin}/Mail.Read`];
    const error = await failureOf(connector.acquireTokenByClientCredential({ scopes, skipCache: true }));
    expect(error.errorCode).toBe('invalid_scope');
    expect(error.errorMessage).toContain('AADSTS1002012');
  });

  it('when the admin consented, then acquireTokenByCode redeems the code once; a reused code fails with AADSTS70008', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const code = adminConsentCode(fake, ['Directory.Read.All', 'Device.Read.All'], verifier);
    const tikit = msalClient(fake, TIKIT);
    const request = { code, scopes: ['https://graph.microsoft.com/Device.Read.All'], redirectUri: REDIRECT_URI, codeVerifier: verifier };
    const result = await tikit.acquireTokenByCode(request);
    expect(decodeJwt(result.accessToken)).toMatchObject({ tid: TENANT, oid: ADMIN.oid, upn: ADMIN.upn, aud: 'https://graph.microsoft.com' });
    expect(String(decodeJwt(result.accessToken).scp).split(' ')).toEqual(expect.arrayContaining(['Directory.Read.All', 'Device.Read.All']));
    expect(result.account?.homeAccountId).toBe(`${ADMIN.oid}.${TENANT}`); // from client_info
    expect(result.idTokenClaims).toMatchObject({ tid: TENANT, oid: ADMIN.oid, preferred_username: ADMIN.upn, aud: TIKIT.appId });

    // msal puts the OAuth error in errorCode and the AADSTS number in errorNo and in errorMessage.
    const reused = await failureOf(tikit.acquireTokenByCode(request));
    expect(reused.errorCode).toBe('invalid_grant');
    expect(String((reused as AuthError & { errorNo?: unknown }).errorNo)).toBe('70008');
    expect(reused.errorMessage).toMatch(/AADSTS70008:/);
  });

  it('when the PKCE verifier does not match the challenge, then redemption fails with AADSTS501481', async () => {
    const code = adminConsentCode(fake, ['User.Read'], 'the-verifier-we-stored');
    const error = await failureOf(
      msalClient(fake, TIKIT).acquireTokenByCode({
        code,
        scopes: ['User.Read'],
        redirectUri: REDIRECT_URI,
        codeVerifier: 'some-other-verifier',
      }),
    );
    expect(error.errorCode).toBe('invalid_grant');
    expect(error.errorMessage).toContain('AADSTS501481');
  });

  it('when the token endpoint answers 429, then msal itself refuses the same request until Retry-After', async () => {
    fake.failNext(1, { status: 429, retryAfterSeconds: 30, path: '/oauth2/v2.0/token' });
    const client = msalClient(fake, EMAIL_CONNECTOR);
    await failureOf(client.acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true }));
    const sent = fake.requestsTo('/oauth2/v2.0/token').length;

    await failureOf(client.acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true }));
    expect(fake.requestsTo('/oauth2/v2.0/token').length).toBe(sent); // no network call: msal's throttle cache
    const fresh = await msalClient(fake, EMAIL_CONNECTOR).acquireTokenByClientCredential({ scopes: graphDefault(), skipCache: true });
    expect(fresh?.accessToken).toBeTruthy();
  });

  it('when login is down, then msal fails before any token request with endpoints_resolution_error', async () => {
    fake.setOutage(true);
    const error = await failureOf(msalClient(fake, EMAIL_CONNECTOR).acquireTokenByClientCredential({ scopes: graphDefault() }));
    fake.setOutage(false);
    expect(error.errorCode).toBe('endpoints_resolution_error');
  });

  it('requests log the form without secrets', () => {
    const form = fake.requestsTo('/oauth2/v2.0/token').map((r) => r.form ?? {});
    expect(form.every((f) => f.client_secret === '[redacted]')).toBe(true);
    expect(form.filter((f) => f.grant_type === 'authorization_code').every((f) => f.code === '[redacted]')).toBe(true);
  });
});
