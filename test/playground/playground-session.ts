import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { tempFolder } from '../support/temp-folders';

/**
 * Runs `npm run playground` for real (scripts/playground.ts: the bot plus the Microsoft 365 Agents
 * Playground CLI) on loopback ports, and opens the Playground's own web page in headless Chromium.
 */

const ROOT = path.resolve(__dirname, '../..');
const START_TIMEOUT_MS = 45_000;
const STOP_TIMEOUT_MS = 10_000;

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/** The mock tenant the Playground reads from the repository's .m365agentsplayground.yml. */
export function playgroundTenantId(): string {
  const match = /^tenantId:\s*(\S+)\s*$/m.exec(readFileSync(path.join(ROOT, '.m365agentsplayground.yml'), 'utf8'));
  if (!match) throw new Error('.m365agentsplayground.yml has no tenantId');
  return match[1]!;
}

export interface PlaygroundSession {
  /** The Playground's web page, on 127.0.0.1. */
  url: string;
  logFile: string;
  output(): string;
  /** SIGTERM, as Ctrl+C would; SIGKILLs the whole process group if it does not end in time. */
  stop(): Promise<number | null>;
}

async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), ms).unref());
  return Promise.race([once(child, 'exit').then(() => true), timer]);
}

function stopper(child: ChildProcess): () => Promise<number | null> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      process.kill(-child.pid!, 'SIGKILL'); // the script and the Playground it started
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
    return child.exitCode;
  };
}

/** PUBLIC_URL of the bot under test: with a path, as behind a proxy. */
export const PLAYGROUND_PUBLIC_URL = 'https://tikit-bot.example.com/consent';

export async function startPlaygroundScript(): Promise<PlaygroundSession> {
  const port = await freePort();
  const logFile = path.join(tempFolder('playground-'), 'm365agentsplayground.log');
  const args = ['--import', 'tsx', 'scripts/playground.ts', '--port', String(port), '--service-url', `http://127.0.0.1:${port}/_connector`];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    // Its own process group, so a hung run can be killed with everything it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      STORAGE: 'memory',
      LOG_LEVEL: 'warn',
      STATE_SECRET: 'playground-test-secret-0123456789abcdef',
      PUBLIC_URL: PLAYGROUND_PUBLIC_URL,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    },
  });
  let output = '';
  const stop = stopper(child);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "open http://localhost:${port}" within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`open http://localhost:${port} `)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', (code) => reject(new Error(`npm run playground exited with ${code}:\n${output}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, logFile, output: () => output, stop };
}

export interface PlaygroundPage {
  page: Page;
  /** Requests the page tried to make beyond loopback; all were refused. */
  refused: string[];
  close(): Promise<void>;
}

/** The Playground's web client in headless Chromium; nothing may leave 127.0.0.1. */
export async function openPlayground(url: string): Promise<PlaygroundPage> {
  const browser: Browser = await launchChromium();
  const refused: string[] = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  await context.route('**/*', (route) => {
    if (new URL(route.request().url()).hostname === '127.0.0.1') return route.continue();
    refused.push(route.request().url()); // its fonts come from Microsoft's CDN
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, refused, close: () => browser.close() };
}

/** Types a message in the Playground's compose box and sends it, as a person would. */
export async function say(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox').click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** The rendered Adaptive Card that contains this text. */
export function cardWith(page: Page, text: string) {
  return page.locator('.ac-adaptiveCard').filter({ hasText: text });
}
