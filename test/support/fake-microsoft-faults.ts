import { graphError, json, type Reply } from './fake-microsoft-http';

/** One injected failure. */
export interface FaultOptions {
  /** HTTP status to answer with; 503 unless given. */
  status?: number;
  /** Sends `Retry-After: <n>` (seconds), as Graph does with 429 and often 503. */
  retryAfterSeconds?: number;
  /** Only for requests whose path (decoded, no query) contains this string or matches this RegExp. */
  path?: string | RegExp;
  /** Destroy the socket instead of answering (a dropped connection). */
  reset?: boolean;
  /** Never answer, and keep the connection open (a host that went silent), until the fake stops. */
  hang?: boolean;
}

/** During an outage every request fails: with HTTP 503, or by a dropped connection. */
export type OutageMode = 'status-503' | 'reset';

function matches(fault: FaultOptions, path: string): boolean {
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? path.includes(fault.path) : fault.path.test(path);
}

/** Failures queued by tests, taken in the order they were added. */
export class FaultPlan {
  outage: OutageMode | undefined;
  private readonly rules: Array<{ remaining: number; fault: FaultOptions }> = [];

  add(count: number, fault: FaultOptions): void {
    if (count > 0) this.rules.push({ remaining: count, fault });
  }

  /** The fault for this request, if any; each use counts down its rule. */
  take(path: string): FaultOptions | undefined {
    if (this.outage) return this.outage === 'reset' ? { reset: true } : { status: 503 };
    const rule = this.rules.find((r) => r.remaining > 0 && matches(r.fault, path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  clear(): void {
    this.rules.length = 0;
    this.outage = undefined;
  }
}

/** The answer to a faulted request, in the error shape of the host it was sent to. */
export function faultReply(fault: FaultOptions, area: 'login' | 'graph'): Reply {
  const status = fault.status ?? 503;
  const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  const message = `FakeMicrosoft: injected HTTP ${status}`;
  if (area === 'graph') {
    const code = status === 429 ? 'TooManyRequests' : status === 503 ? 'ServiceUnavailable' : 'InjectedFault';
    return graphError(status, code, message, headers);
  }
  return json(status, { error: 'temporarily_unavailable', error_description: message, error_codes: [] }, headers);
}
