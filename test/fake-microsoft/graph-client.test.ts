import {
  AuthenticationHandler,
  Client,
  CustomAuthenticationProvider,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIRECTORY_ROLES, GRAPH_APP_ID, type FakeMicrosoft } from '../support/fake-microsoft';
import { adminToken, ADMIN, AGENT, EMAIL_CONNECTOR, graphClient, graphClientWithMiddleware, startFake, TENANT, TIKIT } from './fixtures';

/*
 * The Graph client's RetryHandler (v3.0.7), read in its source and seen here:
 * - It retries 429, 503 and 504, up to maxRetries (default 3), with `Retry-Attempt: n` on each retry.
 * - With a Retry-After header it waits exactly that many seconds (capped at 180), whatever `delay` says;
 *   `Retry-After: 0` retries at once. Without one it waits `delay` (default 3 s) + 0–1 s of jitter, then
 *   exponentially more — that default is what makes tests crawl.
 * - Fastest setup that still honours Retry-After: `Client.initWithMiddleware` with a chain
 *   AuthenticationHandler → RetryHandler(new RetryHandlerOptions(0, n)) → HTTPMessageHandler (delay 0 only
 *   touches retries without Retry-After, which still add up to 1 s of jitter), or per request
 *   `.middlewareOptions([new RetryHandlerOptions(0, n)])`. In tests, have the fake send `Retry-After: 0`.
 * - A dropped connection is not retried: it surfaces as GraphError statusCode -1, code "TypeError" ("fetch failed").
 */

function errorOf(promise: Promise<unknown>): Promise<GraphError> {
  return promise.then(
    () => {
      throw new Error('expected a GraphError');
    },
    (e: unknown) => {
      if (e instanceof GraphError) return e;
      throw e;
    },
  );
}

function quickRetries(token: string, maxRetries: number): Array<AuthenticationHandler | RetryHandler | HTTPMessageHandler> {
  return [
    new AuthenticationHandler(new CustomAuthenticationProvider((done) => done(null, token))),
    new RetryHandler(new RetryHandlerOptions(0, maxRetries)),
    new HTTPMessageHandler(),
  ];
}

describe('FakeMicrosoft with the real Microsoft Graph client', () => {
  let fake: FakeMicrosoft;
  let token: string;
  let graph: Client;

  beforeAll(async () => {
    fake = await startFake();
    fake.addUser(TENANT, { ...ADMIN, roles: [DIRECTORY_ROLES.globalAdministrator, DIRECTORY_ROLES.cloudApplicationAdministrator] });
    token = await adminToken(fake, ['Directory.Read.All']);
    graph = graphClient(fake, token);
  });
  afterAll(() => fake.stop());

  it('when the Email Connector was never consented, then its service principal is a 404 and the filter is empty', async () => {
    const error = await errorOf(graph.api(`/servicePrincipals(appId='${EMAIL_CONNECTOR.appId}')`).get());
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe('Request_ResourceNotFound');
    const list = (await graph.api('/servicePrincipals').filter(`appId eq '${EMAIL_CONNECTOR.appId}'`).get()) as { value: unknown[] };
    expect(list.value).toEqual([]);
  });

  it('when consented, then the service principal, its delegated grants and app role assignments read back', async () => {
    fake.simulateConsent({ tenantId: TENANT, appId: TIKIT.appId, userOid: AGENT.oid, tenantWide: false, scopes: ['Mail.Read'] });
    fake.grantApplication(TENANT, TIKIT.appId, ['User.Read.All']);
    const sp = (await graph.api(`/servicePrincipals(appId='${TIKIT.appId}')`).get()) as { id: string; appId: string };
    expect(sp.appId).toBe(TIKIT.appId);
    const graphSp = (await graph.api('/servicePrincipals').filter(`appId eq '${GRAPH_APP_ID}'`).get()) as {
      value: Array<{ id: string; appRoles: Array<{ id: string; value: string }> }>;
    };
    const grants = (await graph.api(`/servicePrincipals/${sp.id}/oauth2PermissionGrants`).get()) as { value: unknown[] };
    expect(grants.value).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ clientId: sp.id, consentType: 'AllPrincipals', principalId: null, scope: 'Directory.Read.All' }),
        expect.objectContaining({ clientId: sp.id, consentType: 'Principal', principalId: AGENT.oid, scope: 'Mail.Read' }),
      ]),
    );
    const assignments = (await graph.api(`/servicePrincipals/${sp.id}/appRoleAssignments`).get()) as {
      value: Array<{ appRoleId: string; resourceId: string }>;
    };
    const userReadAll = graphSp.value[0]?.appRoles.find((r) => r.value === 'User.Read.All');
    expect(assignments.value).toEqual([
      expect.objectContaining({ appRoleId: userReadAll?.id, resourceId: graphSp.value[0]?.id, principalType: 'ServicePrincipal' }),
    ]);
  });

  it("reads the signer's directory roles with the Authorization header and the customer's tenant", async () => {
    const roles = (await graph.api('/me/transitiveMemberOf/microsoft.graph.directoryRole').get()) as {
      value: Array<{ roleTemplateId: string; displayName: string }>;
    };
    expect(roles.value.map((r) => r.displayName)).toEqual(['Global Administrator', 'Cloud Application Administrator']);
    const last = fake.requestsTo('/v1.0/me/').at(-1);
    expect(last).toMatchObject({ authorization: true, tenantId: TENANT, status: 200 });
    expect(last?.token).toMatchObject({ oid: ADMIN.oid, appid: TIKIT.appId });
  });

  it('when customHosts is left out, then no Authorization header is sent and Graph answers 401', async () => {
    const bare = Client.init({ baseUrl: fake.origin, defaultVersion: 'v1.0', authProvider: (done) => done(null, token) });
    const error = await errorOf(bare.api('/me/transitiveMemberOf/microsoft.graph.directoryRole').get());
    expect(error.statusCode).toBe(401);
    expect(fake.requests.at(-1)?.authorization).toBe(false);
  });

  it('when Graph answers 429 with Retry-After: 0, then the default client retries at once and succeeds', async () => {
    fake.failNext(1, { status: 429, retryAfterSeconds: 0, path: '/me/' });
    const roles = (await graph.api('/me/transitiveMemberOf/microsoft.graph.directoryRole').get()) as { value: unknown[] };
    expect(roles.value).toHaveLength(2);
    expect(fake.requests.slice(-2).map((r) => [r.status, r.retryAttempt])).toEqual([
      [429, undefined],
      [200, 1],
    ]);
  });

  it('when retries run out, then the last 503 comes back as a GraphError', async () => {
    const client = graphClientWithMiddleware(fake, quickRetries(token, 1));
    fake.failNext(2, { status: 503, retryAfterSeconds: 0 });
    const error = await errorOf(client.api('/me/transitiveMemberOf/microsoft.graph.directoryRole').get());
    expect(error.statusCode).toBe(503);
    expect(error.code).toBe('ServiceUnavailable');
  });

  it('when the connection drops, then the client reports statusCode -1 without retrying', async () => {
    fake.setOutage(true, 'reset');
    const before = fake.requests.length;
    const error = await errorOf(graph.api('/me/transitiveMemberOf/microsoft.graph.directoryRole').get());
    fake.setOutage(false);
    expect(error.statusCode).toBe(-1);
    expect(fake.requests.length - before).toBe(1);
  });

  it('when the token is not one the fake issued, then Graph answers 401 InvalidAuthenticationToken', async () => {
    const forged = `${token.split('.').slice(0, 2).join('.')}.forged`;
    const error = await errorOf(graphClient(fake, forged).api('/me/transitiveMemberOf/microsoft.graph.directoryRole').get());
    expect([error.statusCode, error.code]).toEqual([401, 'InvalidAuthenticationToken']);
  });
});
