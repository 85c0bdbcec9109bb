import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/** No call to Entra ID may hang a consent callback: every request ends within this. */
export const ENTRA_REQUEST_TIMEOUT_MS = 10_000;

/**
 * msal-node's network client with a deadline on every request: its own client has none on POST
 * (the token endpoint), so a silent Entra would hold a consent callback open forever.
 */
export class TimeboxedNetwork implements INetworkModule {
  constructor(private readonly timeoutMs = ENTRA_REQUEST_TIMEOUT_MS) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options, Math.min(timeout ?? this.timeoutMs, this.timeoutMs));
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options, this.timeoutMs);
  }

  private async send<T>(url: string, method: 'GET' | 'POST', options: NetworkRequestOptions | undefined, timeoutMs: number): Promise<NetworkResponse<T>> {
    const response = await fetch(url, {
      method,
      headers: options?.headers ?? {},
      ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? {} : JSON.parse(text);
    } catch {
      // A proxy's HTML error page: let msal see an error response, not a parse crash.
      body = { error: 'invalid_response', error_description: `HTTP ${response.status} with a body that is not JSON` };
    }
    return { headers, body: body as T, status: response.status };
  }
}
