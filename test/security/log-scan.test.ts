import { describe, expect, it } from 'vitest';
import { assertNoSecretsLogged, secretsIn } from '../support/log-scan';

const AZURITE_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const env = {
  STORAGE: 'blob',
  STATE_SECRET: 'scan-test-state-secret-0123456789abcdef',
  TIKIT_APP_ID: '6b7c1f0e-2d3a-4b5c-8d9e-0f1a2b3c4d5e',
  TIKIT_APP_SECRET: 'very-secret-value',
  TIKIT_EMAIL_APP_SECRET: 'email-secret-value',
  MicrosoftAppPassword: 'bot-password-value',
  BLOB_CONNECTION_STRING: `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${AZURITE_KEY};BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;`,
};
const secrets = secretsIn(env);

/** The scan every flow's logs go through must itself catch what it is there to catch. */
describe('the scan of the logs for secrets', () => {
  it('knows every secret of the configuration contract, and nothing else', () => {
    expect(secrets.sort()).toEqual(
      [AZURITE_KEY, 'bot-password-value', 'email-secret-value', 'scan-test-state-secret-0123456789abcdef', 'very-secret-value'].sort(),
    );
  });

  it('passes ordinary turn logs', () => {
    expect(() => assertNoSecretsLogged(['{"level":30,"tenantId":"4f0c","msg":"turn"}\n'], secrets)).not.toThrow();
  });

  it.each([
    ['a configured secret', '{"msg":"x","detail":"very-secret-value"}'],
    ['the state secret', '{"msg":"scan-test-state-secret-0123456789abcdef"}'],
    ['the bot password', '{"msg":"bot-password-value"}'],
    ['the storage account key', `{"msg":"${AZURITE_KEY}"}`],
    ['a JWT', '{"token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig"}'],
    ['a consent state', '{"url":"v1.eyJpZCI6ImY3YjUwYzRmLWFmYjQ.UcvNRuhCdcW0a6wCabe-EhtdASZlr5ae9o"}'],
    ['a code in a URL', '{"url":"/api/consent/callback?code=abc"}'],
    ['a bearer header', '{"headers":"Bearer abc.def"}'],
  ])('catches %s', (_name, line) => {
    expect(() => assertNoSecretsLogged([line], secrets)).toThrow(/the bot logged/);
  });
});
