import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../support/bot-harness';
import { runBotToExit, startBotProcess } from '../support/bot-process';
import { FakeConnector } from '../support/fake-connector';
import { botInstalled, conversation, message, TENANT_A, teamsUser } from '../support/teams-activities';
import { tempFolder } from '../support/temp-folders';

function storedItem(dbPath: string, key: string): Record<string, unknown> | undefined {
  const db = new Database(dbPath, { readonly: true });
  try {
    const row = db.prepare('SELECT value FROM items WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as Record<string, unknown>) : undefined;
  } finally {
    db.close();
  }
}

describe('the bot as a process', () => {
  let connector: FakeConnector;
  const dataDir = tempFolder('tikit-consent-');
  const dbPath = join(dataDir, 'consent.db');
  const env = { STORAGE: `sqlite:${dbPath}` };

  beforeAll(async () => {
    connector = await new FakeConnector().start();
  });
  afterAll(async () => connector.stop());

  it.each([
    ['PORT', 'seventy'],
    ['STORAGE', 'postgres://db'],
    ['MicrosoftAppType', 'Everyone'],
    ['PUBLIC_URL', 'not a url'],
    ['AUTHORITY_HOST', 'http://login.microsoftonline.com'],
    ['TIKIT_APP_ID', 'tikit'],
    ['STATE_SECRET', 'short'],
  ])('when %s is invalid, then start-up stops with one line naming it and exit code 1', async (variable, value) => {
    const { code, stderr, stdout } = await runBotToExit({ ...env, [variable]: value });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${variable}: `));
    expect(stdout).not.toContain('serving');
  });

  it('when the process is restarted, then the records it wrote are still there and new ones add to them', async () => {
    const admin = teamsUser();
    const first = conversation('personal', TENANT_A);
    const second = conversation('channel', TENANT_A);

    const before = await startBotProcess(env);
    expect((await postJson(`${before.url}/api/messages`, botInstalled(connector.url, first, admin))).status).toBe(200);
    expect(await before.terminate()).toBe(0);

    const after = await startBotProcess(env);
    expect((await postJson(`${after.url}/api/messages`, botInstalled(connector.url, second, admin))).status).toBe(200);
    expect(await after.terminate()).toBe(0);

    const record = storedItem(dbPath, `tenant/${TENANT_A}`) as { conversations: Record<string, unknown> } | undefined;
    expect(Object.keys(record?.conversations ?? {}).sort()).toEqual([first.id, second.id].sort());
  });

  it('when SIGTERM arrives during a turn, then the turn finishes, its reply is delivered, and the exit code is 0', async () => {
    const bot = await startBotProcess(env);
    const chat = conversation('personal');
    connector.hold();
    const turn = postJson(`${bot.url}/api/messages`, message(connector.url, chat, teamsUser(), 'help'));
    await connector.waitFor((calls) => calls.some((c) => c.conversationId === chat.id));
    const exited = bot.terminate();
    connector.release();
    expect((await turn).status).toBe(200);
    expect(await exited).toBe(0);
    expect(connector.posted(chat.id)).toHaveLength(1);
  });
});
