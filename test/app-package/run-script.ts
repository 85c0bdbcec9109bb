import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const TIMEOUT_MS = 30_000;

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/<file> as `npm run` does (tsx, repository root) with exactly this environment. */
export function runScript(file: string, env: Record<string, string>, args: string[] = []): Promise<ScriptRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', file), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`scripts/${file} did not finish within ${TIMEOUT_MS} ms: ${stderr}`));
    }, TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function stderrLines(run: ScriptRun): string[] {
  return run.stderr.split('\n').filter((line) => line.trim() !== '');
}
