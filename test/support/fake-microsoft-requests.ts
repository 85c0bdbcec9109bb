import type { IncomingMessage } from 'node:http';
import type { Claims } from './fake-microsoft-tokens';

/** Form fields never kept in the log as sent. */
const SECRET_FIELDS = ['client_secret', 'client_assertion', 'code', 'code_verifier', 'refresh_token'];

/** One request the fake received. */
export interface FakeRequest {
  method: string;
  area: 'login' | 'graph';
  /** Decoded path, without the query. */
  path: string;
  query: Record<string, string>;
  /** login: the tenant in the path; graph: the `tid` of the bearer token. */
  tenantId: string | undefined;
  /** Token requests' form, with secrets, codes and verifiers replaced by "[redacted]". */
  form: Record<string, string> | undefined;
  /** Whether an Authorization header arrived, and the claims of the bearer token if the fake issued it. */
  authorization: boolean;
  token: Claims | undefined;
  /** Graph client retries carry `Retry-Attempt`. */
  retryAttempt: number | undefined;
  /** The status answered; undefined while pending or when the connection was dropped. */
  status: number | undefined;
}

/** The log entry for a request; `claimsOf` reads the bearer token (undefined if the fake did not issue it). */
export function describeRequest(
  req: IncomingMessage,
  url: URL,
  body: string,
  claimsOf: (authorization: string | undefined) => Claims | undefined,
): FakeRequest {
  const path = decodeURIComponent(url.pathname);
  const area = path.startsWith('/v1.0/') ? 'graph' : 'login';
  const token = area === 'graph' ? claimsOf(req.headers.authorization) : undefined;
  const form = req.method === 'POST' && area === 'login' ? Object.fromEntries(new URLSearchParams(body)) : undefined;
  for (const field of SECRET_FIELDS) if (form?.[field] !== undefined) form[field] = '[redacted]';
  const attempt = req.headers['retry-attempt'];
  return {
    method: req.method ?? 'GET',
    area,
    path,
    query: Object.fromEntries(url.searchParams),
    tenantId: area === 'graph' ? (token?.tid as string | undefined) : path.split('/')[1],
    form,
    authorization: req.headers.authorization !== undefined,
    token,
    retryAttempt: typeof attempt === 'string' ? Number(attempt) : undefined,
    status: undefined,
  };
}
