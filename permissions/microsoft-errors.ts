import { aadstsCode } from './consent-errors';

/**
 * A failed call to Entra ID or Graph, by what the caller can do about it:
 * throttled (wait Retry-After), unavailable (outage: retry later), rejected (Entra said no, with its
 * AADSTS number), not-found (no such object, e.g. no service principal before any consent).
 */
export type MicrosoftErrorReason = 'throttled' | 'unavailable' | 'rejected' | 'not-found';

export class MicrosoftError extends Error {
  constructor(
    readonly reason: MicrosoftErrorReason,
    message: string,
    readonly details: { status?: number; aadsts?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'MicrosoftError';
  }
}

/** Retry-After in milliseconds (seconds or an HTTP date), if present and sane. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 300) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.min(date - now, 300_000));
}

/** Classifies whatever msal-node threw: its server errors carry Entra's AADSTS text in the message. */
export function fromMsalError(error: unknown): MicrosoftError {
  const e = error as { errorCode?: string; errorMessage?: string; message?: string; status?: number } | undefined;
  const text = `${e?.errorMessage ?? ''} ${e?.message ?? ''}`;
  const aadsts = aadstsCode(text);
  if (e?.status === 429 || /throttl|429/i.test(e?.errorCode ?? '')) return new MicrosoftError('throttled', 'Entra ID is throttling requests', { status: 429 });
  if (aadsts !== undefined) return new MicrosoftError('rejected', `Entra ID refused the request (AADSTS${aadsts})`, { aadsts });
  return new MicrosoftError('unavailable', 'Entra ID could not be reached or answered with an error');
}

/** Classifies a Graph client error (GraphError has statusCode, code and headers). */
export function fromGraphError(error: unknown): MicrosoftError {
  const e = error as { statusCode?: number; code?: string; headers?: { get?: (name: string) => string | null } } | undefined;
  const status = e?.statusCode ?? 0;
  if (status === 404) return new MicrosoftError('not-found', 'Graph found no such object', { status });
  if (status === 429) {
    const wait = retryAfterMs(e?.headers?.get?.('Retry-After'));
    return new MicrosoftError('throttled', 'Microsoft Graph is throttling requests', { status, ...(wait !== undefined ? { retryAfterMs: wait } : {}) });
  }
  if (status === 401 || status === 403) return new MicrosoftError('rejected', `Microsoft Graph refused the request (${e?.code ?? status})`, { status });
  return new MicrosoftError('unavailable', 'Microsoft Graph could not be reached or answered with an error', { status });
}
