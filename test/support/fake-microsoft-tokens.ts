import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The claims of a JWT, as the fake issues and reads them. */
export type Claims = Record<string, unknown>;

const HEADER = { typ: 'JWT', alg: 'HS256', kid: 'fake-microsoft' };

function encodePart(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Reads a JWT's payload without checking anything: what a client (msal, the bot) does. */
export function decodeJwt(token: string): Claims {
  const payload = token.split('.')[1];
  if (payload === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
}

/**
 * Signs tokens with a key only this fake instance knows (HS256), so Graph can tell its own tokens
 * from anything else. Entra signs with RS256; nothing in the bot checks signatures.
 */
export class FakeTokenSigner {
  private readonly key = randomBytes(32);

  sign(claims: Claims): string {
    const unsigned = `${encodePart(HEADER)}.${encodePart(claims)}`;
    return `${unsigned}.${this.mac(unsigned)}`;
  }

  /** The claims if this instance signed the token, else undefined. */
  verify(token: string): Claims | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`));
    const actual = Buffer.from(parts[2] ?? '');
    if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
    return decodeJwt(token);
  }

  private mac(data: string): string {
    return createHmac('sha256', this.key).update(data).digest('base64url');
  }
}

/** Entra's `client_info`: base64url JSON of the user's object id and home tenant (msal's home account id). */
export function clientInfo(uid: string, utid: string): string {
  return Buffer.from(JSON.stringify({ uid, utid })).toString('base64url');
}

/** An unguessable opaque string (codes, refresh tokens, grant ids). */
export function opaque(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** RFC 7636 S256: the challenge a verifier must hash to. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
