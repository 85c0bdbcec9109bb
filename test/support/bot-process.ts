import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { assertNoSecretsLogged, secretsIn } from './log-scan';

const ROOT = resolve(__dirname, '../..');

export interface BotProcess {
  child: ChildProcess;
  port: number;
  url: string;
  stderr: () => string;
  /** Its log lines so far (pino writes to stdout). */
  stdout: () => string;
  /** Sends SIGTERM (unless it has ended) and resolves with the exit code, once its logs passed the secrets scan. */
  terminate(): Promise<number | null>;
}

/** Runs index.ts in its own process, as `npm start` does, with the given environment. */
export function spawnBot(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts the bot process and waits for its "serving" log line, which names the port. */
export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawnBot({ PORT: '0', ...env });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let stdout = '';
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /"port":(\d+),"msg":"serving/.exec(stdout);
      if (match) resolvePort(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the bot exited with ${code} before serving: ${stderr}`)));
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    stdout: () => stdout,
    terminate: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      assertNoSecretsLogged([stdout, stderr], secretsIn(env));
      return child.exitCode;
    },
  };
}

/** Runs the bot process to its end and returns what it printed, once that passed the secrets scan. */
export async function runBotToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawnBot(env);
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  assertNoSecretsLogged([stdout, stderr], secretsIn(env));
  return { code, stderr, stdout };
}
