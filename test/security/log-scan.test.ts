import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config';
import { assertNoSecretsLogged } from '../support/bot-harness';

const config = loadConfig({ STORAGE: 'memory', STATE_SECRET: 'scan-test-state-secret-0123456789abcdef', TIKIT_APP_ID: '6b7c1f0e-2d3a-4b5c-8d9e-0f1a2b3c4d5e', TIKIT_APP_SECRET: 'very-secret-value' });

/** The scan every flow's logs go through must itself catch what it is there to catch. */
describe('the scan of the logs for secrets', () => {
  it('passes ordinary turn logs', () => {
    expect(() => assertNoSecretsLogged(['{"level":30,"tenantId":"4f0c","msg":"turn"}\n'], config)).not.toThrow();
  });

  it.each([
    ['a configured secret', '{"msg":"x","detail":"very-secret-value"}'],
    ['the state secret', '{"msg":"scan-test-state-secret-0123456789abcdef"}'],
    ['a JWT', '{"token":"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig"}'],
    ['a consent state', '{"url":"v1.eyJpZCI6ImY3YjUwYzRmLWFmYjQ.UcvNRuhCdcW0a6wCabe-EhtdASZlr5ae9o"}'],
    ['a code in a URL', '{"url":"/api/consent/callback?code=abc"}'],
    ['a bearer header', '{"headers":"Bearer abc.def"}'],
  ])('catches %s', (_name, line) => {
    expect(() => assertNoSecretsLogged([line], config)).toThrow(/the bot logged/);
  });
});
