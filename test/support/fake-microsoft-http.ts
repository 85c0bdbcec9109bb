import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a handler answers; the server writes it. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is (HTML pages); otherwise `body` is sent as JSON. */
  text?: string;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

/**
 * An Entra token-endpoint error, shaped like the real one: msal-node reads `error` (→ errorCode),
 * `error_description` (→ errorMessage, after "Error(s): …"), `error_codes[0]` (→ errorNo), `suberror`.
 */
export function entraError(status: number, error: string, code: number, description: string, suberror?: string): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return json(status, {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    ...(suberror ? { suberror } : {}),
  });
}

/** A Microsoft Graph error: `{ error: { code, message, innerError } }`. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  const innerError = { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() };
  return json(status, { error: { code, message, innerError } }, headers);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * restify, loaded in the same test process, patches http.ServerResponse so that writeHead no longer
 * returns `this`: set the status and headers, then end, never `writeHead(...).end()`.
 */
export function writeReply(res: ServerResponse, reply: Reply): void {
  res.statusCode = reply.status;
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  if (reply.text !== undefined) {
    if (!res.hasHeader('content-type')) res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(reply.text);
    return;
  }
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}
