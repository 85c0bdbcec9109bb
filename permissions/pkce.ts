import { createHash, randomBytes } from 'node:crypto';

/**
 * RFC 7636 proof key: the verifier stays in our store, only its S256 challenge goes into the link,
 * so a code intercepted on its way back is useless without our record.
 */
export function createCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function codeChallengeFor(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
