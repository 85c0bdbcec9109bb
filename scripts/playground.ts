import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { type Config, ConfigError, loadConfig } from '../bot/config';
import { type RunningApp, startApp } from '../index';

/**
 * `npm run playground [-- <agentsplayground options, e.g. --port 56150>]`: chat with the bot in the
 * Microsoft 365 Agents Playground, a local Teams-like web client, with one command. Starts the bot
 * (local mode, loopback) unless it already answers on PORT, starts the Playground against it and
 * prints where to open it. Ctrl+C stops both.
 */

type Env = Record<string, string | undefined>;

const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const STARTUP_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

function fail(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function readConfig(env: Env): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Configuration error: ${error.message}`);
    throw error;
  }
}

/** What answers on the bot's port: this bot (its /healthz), nothing, or something else. */
async function probe(port: number): Promise<'ours' | 'nothing' | 'other'> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json().catch(() => undefined)) as { status?: string } | undefined;
    return response.ok && body?.status === 'ok' ? 'ours' : 'other';
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED' ? 'nothing' : 'other';
  }
}

/** The bot's port: the one already serving, or a bot started here on loopback. */
async function ensureBot(config: Config): Promise<{ port: number; app?: RunningApp }> {
  const found = config.port === 0 ? 'nothing' : await probe(config.port);
  if (found === 'ours') {
    process.stdout.write(`Using the bot already serving on port ${config.port}.\n`);
    return { port: config.port };
  }
  if (found === 'other') fail(`Port ${config.port} answers, but not as this bot (GET /healthz): stop what runs there or set PORT.`);
  const app = await startApp(config, { host: '127.0.0.1' });
  process.stdout.write(`Started the bot on http://127.0.0.1:${app.port}/api/messages.\n`);
  return { port: app.port, app };
}

/** Starts the Playground CLI and resolves with its port once it prints "Listening on <port>". */
async function startPlayground(botPort: number, extraArgs: string[], env: Env): Promise<{ child: ChildProcess; port: number }> {
  const args = [PLAYGROUND_CLI, 'start', '-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '--disable-telemetry', ...extraArgs];
  // Without TEAMSAPPTESTER_BROWSER=none it runs xdg-open, and where there is none it exits 1 silently.
  const child = spawn(process.execPath, args, { env: { ...env, TEAMSAPPTESTER_BROWSER: 'none' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`it did not start within ${STARTUP_TIMEOUT_MS / 1000} s`)), STARTUP_TIMEOUT_MS);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      // Printed on stdout for tools when stdout is not a terminal; everything else goes to its log file.
      const match = /Listening on (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`it exited with code ${code}: ${output.trim()}`)));
    child.once('error', reject);
  }).catch(async (error: Error) => {
    await stopChild(child);
    throw error;
  });
  return { child, port };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function logFile(env: Env): string {
  return env.M365_AGENTS_PLAYGROUND_LOGFILE || env.TEAMSAPPTESTER_LOGFILE || path.resolve('devTools/m365agentsplayground.log');
}

async function main(env: Env, extraArgs: string[]): Promise<void> {
  const config = readConfig(env);
  // The Playground sends no Bot Framework token, so a bot with channel authentication answers 401.
  if (config.bot.appId !== '') fail('The Agents Playground sends no Bot Framework token: unset MicrosoftAppId to run the bot in local mode.');
  const bot = await ensureBot(config);
  const playground = await startPlayground(bot.port, extraArgs, env).catch(async (error: Error) => {
    await bot.app?.stop();
    fail(`The Agents Playground did not start: ${error.message} (log: ${logFile(env)})`);
  });
  process.stdout.write(`Agents Playground: open http://localhost:${playground.port} in a browser (log: ${logFile(env)}). Ctrl+C stops.\n`);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await stopChild(playground.child);
    await bot.app?.stop();
    process.exit(code);
  };
  playground.child.once('exit', (code, signal) => {
    // Ctrl+C in a terminal signals the whole process group: the Playground may stop before we do.
    if (signal !== null || code === 0) return void stop(0);
    if (!stopping) process.stderr.write(`The Agents Playground stopped (exit code ${code}); see ${logFile(env)}.\n`);
    void stop(code ?? 1);
  });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main(process.env, process.argv.slice(2)).catch((error: unknown) => fail(`Playground failed: ${error instanceof Error ? error.message : String(error)}`));
