import { rowsFor } from '../../permissions/catalog';
import type { FakeMicrosoft } from './fake-microsoft';

/** The two app registrations the flows and benchmarks use, and where Microsoft sends the browser back. */
export const TIKIT = { appId: '6b7c1f0e-2d3a-4b5c-8d9e-0f1a2b3c4d5e', secret: 'tikit-secret-for-tests' };
export const EMAIL = { appId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', secret: 'email-secret-for-tests' };
export const PUBLIC_URL = 'https://consent.contoso.example';
export const REDIRECT_URI = `${PUBLIC_URL}/api/consent/callback`;

/** Both app registrations in the fake, as `npm run app-registration` describes them. */
export function registerTikitApps(fake: FakeMicrosoft): FakeMicrosoft {
  fake.registerApp(TIKIT.appId, TIKIT.secret, {
    displayName: 'Tikit',
    redirectUris: [REDIRECT_URI],
    // The Tikit registration's static list is exactly the Required set: `.default` grants the base.
    delegated: rowsFor(['required'], 'tikit', 'Delegated').map((r) => r.name),
    application: rowsFor(['required'], 'tikit', 'Application').map((r) => r.name),
  });
  fake.registerApp(EMAIL.appId, EMAIL.secret, { displayName: 'Tikit Email Connector', redirectUris: [REDIRECT_URI], application: ['Mail.Read', 'Mail.Send'] });
  return fake;
}
