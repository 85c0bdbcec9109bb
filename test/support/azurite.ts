import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Azurite's documented development account: public, for the emulator only. */
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const STARTUP_TIMEOUT_MS = 20_000;

export interface Azurite {
  /** A connection string for this emulator's blob endpoint on 127.0.0.1. */
  connectionString: string;
  blobEndpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts the real Azure Storage emulator (npm `azurite`, blob service only) on a free loopback port,
 * with its data in a fresh temporary folder, and resolves once it answers HTTP.
 * Strict mode (`--loose` off), so the SDK's requests are checked as Azure would.
 */
export async function startAzurite(): Promise<Azurite> {
  const location = mkdtempSync(join(tmpdir(), 'tikit-azurite-'));
  const script = require.resolve('azurite/dist/src/blob/main.js');
  // Port 0: the emulator picks a free port and prints it, so parallel test files never collide.
  const args = ['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location, '--silent', '--disableTelemetry', '--skipApiVersionCheck'];
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const port = await listeningPort(child);
    const blobEndpoint = `http://127.0.0.1:${port}/${ACCOUNT}`;
    await waitUntilAnswering(blobEndpoint);
    return {
      connectionString: `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};BlobEndpoint=${blobEndpoint};`,
      blobEndpoint,
      stop: async () => {
        await stopChild(child);
        rmSync(location, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopChild(child);
    rmSync(location, { recursive: true, force: true });
    throw error;
  }
}

function listeningPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start within ${STARTUP_TIMEOUT_MS} ms: ${output}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code} before listening: ${output}`));
    });
  });
}

/** Any HTTP answer (an anonymous request is refused with 4xx) proves the service is up. */
async function waitUntilAnswering(endpoint: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    try {
      await fetch(`${endpoint}?comp=list`);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error('Azurite printed its port but does not answer', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
