import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import restify, { type Request, type Response, type Server } from 'restify';
import type { ConsentCallback } from '../dialogs/consent-callback';
import { looksLikeActivity } from './activity-shape';
import { parseCallbackQuery, renderCallbackPage } from './callback-page';
import type { Logger } from './logger';

/** Teams messages are at most ~40 KB; 1 MB leaves room for hostile tests without letting memory run away. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpServerDependencies {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  consentCallback: ConsentCallback;
  logger: Logger;
}

/** Browsers must not cache or frame the consent result, nor leak its URL (state, code) onwards. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
};

export interface HttpServer {
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, waits for requests in flight, then resolves. */
  close(): Promise<void>;
}

export function createHttpServer(deps: HttpServerDependencies): HttpServer {
  const server = restify.createServer({ name: 'tikit-consent-assistant' });
  const inFlight = new Set<Promise<unknown>>();
  const log = deps.logger.child({ module: 'http' });

  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    log.warn({ method: req.method, path: req.getPath(), status: err.statusCode, error: err.name }, 'request rejected');
    callback();
  });

  // restify 9+ refuses async handlers that also take `next`, so these take (req, res) only.
  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!looksLikeActivity(req.body)) {
      res.send(400, { error: 'The body must be a Bot Framework activity in JSON.' });
      return;
    }
    await track(
      inFlight,
      deps.adapter.process(req, res, (context) => deps.bot.run(context)),
    );
  });
  server.get('/api/consent/callback', async (req: Request, res: Response) => {
    const query = parseCallbackQuery(req.url ?? '');
    const page = query
      ? await track(inFlight, deps.consentCallback.handle(query))
      : { status: 400, title: 'This consent link is not valid', message: 'Nothing was changed. Start again from Microsoft Teams.' };
    log.info({ path: '/api/consent/callback', status: page.status }, 'consent callback');
    res.writeHead(page.status, PAGE_HEADERS);
    res.end(renderCallbackPage(page));
  });
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  return {
    listen: (port, host = '0.0.0.0') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    close: () => closeGracefully(server, inFlight),
  };
}

async function track<T>(inFlight: Set<Promise<unknown>>, work: Promise<T>): Promise<T> {
  inFlight.add(work);
  try {
    return await work;
  } finally {
    inFlight.delete(work);
  }
}

async function closeGracefully(server: Server, inFlight: Set<Promise<unknown>>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.server.closeIdleConnections();
  await Promise.allSettled([...inFlight]);
  await closed;
}
