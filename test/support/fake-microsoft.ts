import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { applyConsent, type ConsentInput, type ConsentResult } from './fake-microsoft-consent';
import { followConsentLink, type ConsentScreenChoice } from './fake-microsoft-consent-link';
import { FaultPlan, faultReply, type FaultOptions, type OutageMode } from './fake-microsoft-faults';
import { FakeGraph } from './fake-microsoft-graph';
import { json, readBody, writeReply, type Reply } from './fake-microsoft-http';
import { FakeLogin } from './fake-microsoft-login';
import { GraphPermissions, type ExtraGraphPermissions } from './fake-microsoft-permissions';
import { FakeDirectory, type FakeAppOptions, type FakeUser, type GrantSnapshot } from './fake-microsoft-state';
import { describeRequest, type FakeRequest } from './fake-microsoft-requests';
import { FakeTokenSigner } from './fake-microsoft-tokens';

export { DIRECTORY_ROLES, type ConsentInput, type ConsentResult } from './fake-microsoft-consent';
export type { ConsentScreenChoice } from './fake-microsoft-consent-link';
export type { FaultOptions, OutageMode } from './fake-microsoft-faults';
export { GRAPH_APP_ID, GRAPH_RESOURCE } from './fake-microsoft-permissions';
export type { FakeRequest } from './fake-microsoft-requests';
export type { FakeAppOptions, FakeUser, GrantSnapshot } from './fake-microsoft-state';
export { decodeJwt, type Claims } from './fake-microsoft-tokens';

/** The test CA the process under test must trust: `NODE_EXTRA_CA_CERTS=test/support/certs/ca.pem`. */
export const FAKE_MICROSOFT_CA_PATH = join(__dirname, 'certs', 'ca.pem');

/**
 * Node reads NODE_EXTRA_CA_CERTS once, at start: without it every HTTPS call to the fake fails with
 * "self-signed certificate in certificate chain". Call before starting tests that talk to the fake.
 */
export function assertFakeMicrosoftTrusted(): void {
  const configured = process.env.NODE_EXTRA_CA_CERTS;
  if (configured && resolve(configured) === resolve(FAKE_MICROSOFT_CA_PATH)) return;
  throw new Error(`This process does not trust the fake's CA: run it as NODE_EXTRA_CA_CERTS=test/support/certs/ca.pem (now: ${configured ?? 'unset'})`);
}

export interface FakeMicrosoftOptions {
  /** The fake's clock (ms): replication delay, code expiry, token times. Real time unless given. */
  now?: () => number;
  /** Graph permissions beyond those in permissions/catalog-data.ts. */
  graphPermissions?: ExtraGraphPermissions;
}

/**
 * A local HTTPS stand-in for Microsoft Entra ID (login) and Microsoft Graph on one port, so tests run
 * the real msal-node and Graph client: AUTHORITY_HOST = GRAPH_HOST = `fake.origin`.
 */
export class FakeMicrosoft {
  readonly requests: FakeRequest[] = [];
  origin = '';
  private readonly now: () => number;
  private readonly directory: FakeDirectory;
  private readonly login: FakeLogin;
  private readonly graph: FakeGraph;
  private readonly faults = new FaultPlan();
  private readonly server: Server;

  constructor(options: FakeMicrosoftOptions = {}) {
    this.now = options.now ?? Date.now;
    const signer = new FakeTokenSigner();
    const origin = (): string => this.origin;
    this.directory = new FakeDirectory(this.now, new GraphPermissions(options.graphPermissions));
    this.login = new FakeLogin(this.directory, signer, this.now, origin);
    this.graph = new FakeGraph(this.directory, signer, this.now, origin);
    const certs = join(__dirname, 'certs');
    this.server = createServer(
      { key: readFileSync(join(certs, 'server-key.pem')), cert: readFileSync(join(certs, 'server.pem')) },
      (req, res) => void this.handle(req, res),
    );
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** msal's `auth.authority` for a tenant. */
  authority(tenantId: string): string {
    return `${this.origin}/${tenantId}`;
  }

  /** msal's `auth.knownAuthorities` entry (host:port), which skips instance discovery. */
  get knownAuthority(): string {
    return new URL(this.origin).host;
  }

  registerApp(appId: string, secret: string, options: FakeAppOptions = {}): void {
    this.directory.registerApp(appId, secret, options);
  }

  addUser(tenantId: string, user: FakeUser): void {
    this.directory.addUser(tenantId, user);
  }

  /** What Microsoft does when the user accepts its consent screen (no role checks: set up what you need). */
  simulateConsent(input: ConsentInput): ConsentResult {
    return applyConsent(this.directory, this.login, this.origin, input);
  }

  /** Opens a consent link the bot built, acts on Microsoft's screen, and returns the redirect URL. */
  followConsentLink(link: string, choice: ConsentScreenChoice): string {
    return followConsentLink(this.directory, this.login, this.origin, link, choice);
  }

  grantDelegated(tenantId: string, appId: string, scopes: string[], userOid?: string): void {
    this.directory.grantDelegated(tenantId, appId, scopes, userOid);
  }

  grantApplication(tenantId: string, appId: string, permissions: string[]): void {
    this.directory.grantApplication(tenantId, appId, permissions);
  }

  /** Removes scopes from `userOid`'s grant, or from every grant of the app. Immediate (no replication). */
  revokeDelegated(tenantId: string, appId: string, scopes: string[], userOid?: string): void {
    this.directory.revokeDelegated(tenantId, appId, scopes, userOid);
  }

  revokeApplication(tenantId: string, appId: string, permissions: string[]): void {
    this.directory.revokeApplication(tenantId, appId, permissions);
  }

  /** The grants as stored (replication ignored), for assertions. */
  grantsOf(tenantId: string, appId: string): GrantSnapshot {
    return this.directory.snapshot(tenantId, appId);
  }

  /** Microsoft Graph's service principal object id in that tenant (the grants' resourceId). */
  graphServicePrincipalId(tenantId: string): string {
    return this.directory.graphServicePrincipal(tenantId).id;
  }

  /** The next `count` requests (matching `fault.path`, if given) fail as described. */
  failNext(count: number, fault: FaultOptions = {}): void {
    this.faults.add(count, fault);
  }

  setOutage(on: boolean, mode: OutageMode = 'status-503'): void {
    this.faults.outage = on ? mode : undefined;
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Grants made from now on (service principals included) reach Graph reads and client-credentials `roles`
   * only `ms` later, on the fake's clock (real time unless `now` was given). Tokens from codes are not delayed.
   */
  delayReplication(ms: number): void {
    this.directory.replicationDelayMs = ms;
  }

  requestsTo(path: string | RegExp): FakeRequest[] {
    return this.requests.filter((r) => (typeof path === 'string' ? r.path.includes(path) : path.test(r.path)));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', this.origin);
      const body = await readBody(req);
      const entry = describeRequest(req, url, body, (auth) => this.graph.claimsOf(auth));
      this.requests.push(entry);
      const fault = this.faults.take(entry.path);
      if (fault?.reset) {
        req.socket.destroy();
        return;
      }
      if (fault?.hang) return;
      const reply = fault ? faultReply(fault, entry.area) : this.route(req, entry, body);
      entry.status = reply.status;
      writeReply(res, reply);
    } catch (error) {
      // A bug in the fake: say so loudly in the answer rather than hang the test.
      if (!res.headersSent) writeReply(res, json(500, { error: 'fake_microsoft_bug', error_description: String((error as Error).stack ?? error) }));
    }
  }

  private route(req: IncomingMessage, entry: FakeRequest, body: string): Reply {
    if (entry.area === 'login') return this.login.handle(entry.method, entry.path, body);
    const query = new URLSearchParams(entry.query);
    return this.graph.handle(entry.method, entry.path.slice('/v1.0'.length), query, req.headers.authorization);
  }
}
