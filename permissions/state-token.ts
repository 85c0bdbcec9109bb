import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppRegistrationId, ConsentArea } from './types';

/**
 * The `state` a consent link carries through Microsoft's sign-in and back to our callback. It is
 * signed (HMAC-SHA256 with STATE_SECRET), expires, and binds the consent to one tenant,
 * conversation, user and set of features. Single use is enforced by the pending-consent record it
 * names: the callback consumes that record.
 */
export interface ConsentState {
  /** The pending consent's id. */
  id: string;
  tenantId: string;
  conversationId: string;
  /** The Entra object id of the user who asked for the consent. */
  userId: string;
  app: AppRegistrationId;
  areas: ConsentArea[];
  /** A consent, or the short sign-in that shows whether the user holds an admin role. */
  purpose?: 'admin-check';
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type StateRejection = 'malformed' | 'bad-signature' | 'expired';

export type StateCheck = { ok: true; state: ConsentState } | { ok: false; reason: StateRejection };

const VERSION = 'v1';
/** Links are long enough for an admin to find the right account, short enough not to linger. */
export const STATE_LIFETIME_SECONDS = 60 * 60;
/** Far above any real state; stops hostile input from costing an HMAC over megabytes. */
const MAX_TOKEN_LENGTH = 4096;

function sign(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(`${VERSION}.${body}`).digest();
}

export function signState(state: ConsentState, secret: string): string {
  const body = Buffer.from(JSON.stringify(state), 'utf8').toString('base64url');
  return `${VERSION}.${body}.${sign(body, secret).toString('base64url')}`;
}

export function verifyState(token: unknown, secret: string, now: Date): StateCheck {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: 'malformed' };
  const [, body, signature] = parts as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(body, secret);
  // Compare in constant time, and only signatures of the right length (timingSafeEqual throws otherwise).
  if (given.length !== expected.length || given.toString('base64url') !== signature || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'bad-signature' };
  }
  const state = parseState(Buffer.from(body, 'base64url').toString('utf8'));
  if (!state) return { ok: false, reason: 'malformed' };
  if (state.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, state };
}

function parseState(json: string): ConsentState | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  const s = value as Partial<ConsentState> | null;
  const strings = [s?.id, s?.tenantId, s?.conversationId, s?.userId, s?.app];
  if (!s || strings.some((x) => typeof x !== 'string') || typeof s.exp !== 'number' || !Array.isArray(s.areas)) {
    return undefined;
  }
  return s as ConsentState;
}
