import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ConsentState, signState, verifyState } from '../../permissions/state-token';

const SECRET = 'property-test-secret-0123456789abcdef';
const NOW = new Date('2026-12-04T12:00:00.000Z');
const state: ConsentState = {
  id: '0d9b2f8e-1c3a-4e5b-9f7d-2a4c6e8b0d1f',
  tenantId: '4f0c9a2e-8b1d-4c3a-9e7f-1a2b3c4d5e6f',
  conversationId: '19:abc@thread.tacv2;messageid=1',
  userId: '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901',
  app: 'tikit',
  areas: ['required', 'intune-connector'],
  exp: Math.floor(NOW.getTime() / 1000) + 3600,
};

describe('the signed consent state', () => {
  it('verifies what it signed, before it expires', () => {
    expect(verifyState(signState(state, SECRET), SECRET, NOW)).toEqual({ ok: true, state });
  });

  it.each([
    ['expired', { ...state, exp: Math.floor(NOW.getTime() / 1000) }, SECRET, 'expired'],
    ['signed with another key', state, 'another-secret-0123456789abcdef012345', 'bad-signature'],
  ])('refuses a state %s', (_name, payload, key, reason) => {
    expect(verifyState(signState(payload as ConsentState, key), SECRET, NOW)).toEqual({ ok: false, reason });
  });

  it('refuses a token altered in any one character', () => {
    const token = signState(state, SECRET);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), (index, replacement) => {
        fc.pre(token[index] !== replacement);
        const altered = token.slice(0, index) + replacement + token.slice(index + 1);
        expect(verifyState(altered, SECRET, NOW).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a token with any one byte flipped in its decoded payload', () => {
    const [version, body, signature] = signState(state, SECRET).split('.') as [string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, mask) => {
        const copy = Buffer.from(bytes);
        copy[index] = copy[index]! ^ mask;
        expect(verifyState(`${version}.${copy.toString('base64url')}.${signature}`, SECRET, NOW).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever arrives', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 5000 }), fc.anything()), (input) => {
        expect(verifyState(input, SECRET, NOW).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
