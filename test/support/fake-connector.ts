import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** One call the bot made to the channel connector at its `serviceUrl`. */
export interface ConnectorCall {
  method: 'POST' | 'PUT' | 'DELETE';
  conversationId: string;
  /** POST …/activities/{replyToId} (a reply) or PUT/DELETE …/activities/{activityId} (an update). */
  activityId: string | undefined;
  /** The id the connector gave a posted activity, or the updated one's id. */
  assignedId: string;
  activity: Partial<Activity>;
}

/**
 * A stand-in for the Bot Framework channel connector (Teams' service URL): records every activity
 * the bot sends or updates and answers like the real one, with a resource id.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly server: Server;
  private readonly waiters: Array<() => void> = [];
  private nextId = 1;
  private held: Promise<void> | undefined;
  private releaseHeld: (() => void) | undefined;
  url = '';

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** While true, every call is refused as Teams does once the bot was removed from a chat. */
  refusing = false;

  /** Until `release`, the connector takes requests but does not answer them (a slow Teams). */
  hold(): void {
    this.held = new Promise((resolve) => (this.releaseHeld = resolve));
  }

  release(): void {
    this.releaseHeld?.();
    this.held = undefined;
  }

  /** Messages the bot posted into a conversation (replies and proactive posts), in order. */
  posted(conversationId: string): Array<Partial<Activity>> {
    return this.calls.filter((c) => c.method === 'POST' && c.conversationId === conversationId).map((c) => c.activity);
  }

  updates(conversationId: string): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && c.conversationId === conversationId);
  }

  /** Resolves once `predicate` holds over the recorded calls; fails after `timeoutMs`. */
  async waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate(this.calls)) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the connector did not receive the expected activity in time')), timeoutMs);
      const check = () => {
        if (!predicate(this.calls)) return void this.waiters.push(check);
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(check);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    const method = req.method as ConnectorCall['method'];
    if (!match || !['POST', 'PUT', 'DELETE'].includes(method)) {
      reply(res, 404, { error: { code: 'NotFound' } });
      return;
    }
    const body = await readBody(req);
    if (this.refusing) {
      reply(res, 403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    const activityId = match[2] ? decodeURIComponent(match[2]) : undefined;
    const assignedId = method === 'POST' ? `activity-${this.nextId++}` : activityId!;
    this.calls.push({ method, conversationId, activityId, assignedId, activity: body ? JSON.parse(body) : {} });
    for (const waiter of this.waiters.splice(0)) waiter();
    if (this.held) await this.held;
    reply(res, 200, { id: assignedId });
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** restify, loaded in the same process by the bot, patches ServerResponse: writeHead no longer chains. */
function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
