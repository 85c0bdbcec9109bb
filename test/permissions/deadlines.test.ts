import { ConfidentialClientApplication } from '@azure/msal-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TimeboxedNetwork } from '../../permissions/entra-network';
import { GraphReader } from '../../permissions/graph-reader';
import { MicrosoftError } from '../../permissions/microsoft-errors';
import type { FakeMicrosoft } from '../support/fake-microsoft';
import { adminToken, EMAIL_CONNECTOR, startFake, TENANT, TIKIT } from '../fake-microsoft/fixtures';

// Short deadlines stand in for the real 10 s ones; the test's own timeout is what fails a hang.
const DEADLINE_MS = 300;
const TEST_TIMEOUT_MS = 5_000;

/** The real msal-node with our network client, its deadline shortened for the test. */
function msalWithDeadline(fake: FakeMicrosoft): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: { clientId: TIKIT.appId, clientSecret: TIKIT.secret, authority: fake.authority(TENANT), knownAuthorities: [fake.knownAuthority] },
    system: { networkClient: new TimeboxedNetwork(DEADLINE_MS) },
  });
}

/** When Microsoft goes silent, a consent callback must not wait forever: every request has a deadline. */
describe('deadlines on requests to Entra ID and Microsoft Graph', () => {
  let fake: FakeMicrosoft;
  beforeAll(async () => {
    fake = await startFake();
  });
  afterAll(async () => fake.stop());
  beforeEach(() => fake.clearFaults());

  it(
    'when Graph takes the request and never answers, then the read fails as "unavailable" at its deadline',
    async () => {
      const token = await adminToken(fake, ['Directory.Read.All']);
      const readsBefore = fake.requestsTo('/servicePrincipals').length;
      fake.failNext(1, { hang: true, path: '/servicePrincipals' });
      const reading = new GraphReader(new URL(fake.origin), token, DEADLINE_MS).servicePrincipalId(EMAIL_CONNECTOR.appId);
      const error = await reading.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(MicrosoftError);
      expect((error as MicrosoftError).reason).toBe('unavailable');
      expect(fake.requestsTo('/servicePrincipals').length - readsBefore).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "when Entra's token endpoint takes the request and never answers, then msal-node's request ends at the deadline",
    async () => {
      const msal = msalWithDeadline(fake);
      const tokenRequestsBefore = fake.requestsTo('/oauth2/v2.0/token').length;
      fake.failNext(1, { hang: true, path: '/oauth2/v2.0/token' });
      await expect(msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'], skipCache: true })).rejects.toThrow();
      expect(fake.requestsTo('/oauth2/v2.0/token').length - tokenRequestsBefore).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'when the host answers in time, then the same deadline lets the request through',
    async () => {
      const msal = msalWithDeadline(fake);
      const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'], skipCache: true });
      expect(result?.accessToken).toMatch(/^eyJ/);
    },
    TEST_TIMEOUT_MS,
  );
});
