import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../bot/config';
import { type AppManifestJson, buildManifest, fillManifestTemplate, PackageError, readManifestTemplate } from '../../scripts/app-manifest';
import { bundledTeamsSchemaPath, canonicalSchemaUrl, validateTeamsManifest } from '../../scripts/manifest-schema';

const BOT_ID = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const deployed = loadConfig({
  MicrosoftAppId: BOT_ID,
  MicrosoftAppPassword: 'bot-password',
  PUBLIC_URL: 'https://tikit-bot.example.com/consent',
  STORAGE: 'memory',
});
const MAIN_COMMANDS = ['enable', 'features', 'status', 'why', 'help'];

function manifest(): AppManifestJson {
  return buildManifest(deployed, '1.2.3');
}

function withChange(change: (m: AppManifestJson) => void): AppManifestJson {
  const copy = structuredClone(manifest());
  change(copy);
  return copy;
}

describe('the Teams app manifest built from the template and the configuration', () => {
  const networkCalls: string[] = [];

  beforeEach(() => {
    // Validation must work offline: any attempt to download a schema fails the test.
    vi.stubGlobal('fetch', (url: unknown) => {
      networkCalls.push(String(url));
      return Promise.reject(new Error(`network access during validation: ${String(url)}`));
    });
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    expect(networkCalls).toEqual([]);
  });

  it('when built for a deployed bot, then it is valid against the bundled Teams schema, offline', async () => {
    const built = manifest();
    expect(Number(built.manifestVersion)).toBeGreaterThanOrEqual(1.19);
    expect(Number(built.manifestVersion)).toBeLessThanOrEqual(1.22);
    expect(built.$schema).toBe(canonicalSchemaUrl(built.manifestVersion));
    expect(bundledTeamsSchemaPath(built.manifestVersion)).toContain('node_modules/@microsoft/app-manifest/build/json-schemas/teams/');
    expect(await validateTeamsManifest(built)).toEqual([]);
  });

  it('when built, then the bot id, the public host and the version fill every placeholder', () => {
    const built = manifest();
    expect(built.id).toBe(BOT_ID);
    expect(built.bots[0]!.botId).toBe(BOT_ID);
    expect(built.validDomains).toEqual(['tikit-bot.example.com']);
    expect(built.version).toBe('1.2.3');
    expect(JSON.stringify(built)).not.toContain('${{');
  });

  it('when built, then the bot is conversational in personal, team and group chat, with the main commands in each', () => {
    const [bot] = manifest().bots as Array<AppManifestJson['bots'][number] & Record<string, unknown>>;
    expect(bot!.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot!.supportsFiles).toBe(false);
    expect(bot!.isNotificationOnly).toBe(false);
    expect(bot!.commandLists!.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    for (const list of bot!.commandLists!) expect(list.commands.map((c) => c.title)).toEqual(expect.arrayContaining(MAIN_COMMANDS));
  });

  it.each<[string, (m: AppManifestJson) => void, string]>([
    ['developer is missing', (m) => delete m.developer, 'developer'],
    ['the group chat scope is misspelled', (m) => (m.bots[0]!.scopes = ['personal', 'groupchat']), 'scopes'],
    ['the id is not a GUID', (m) => (m.id = 'tikit-consent'), '/id'],
    ['the accent colour is not #rrggbb', (m) => (m.accentColor = 'blue'), 'accentColor'],
    ['the icons are missing', (m) => delete (m as Partial<AppManifestJson>).icons, 'icons'],
  ])('when %s, then the schema check rejects it', async (_case, change, mentioned) => {
    const problems = await validateTeamsManifest(withChange(change));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(mentioned);
  });

  it('when the template is left unfilled, then the schema check rejects its placeholder ids', async () => {
    const problems = await validateTeamsManifest(readManifestTemplate() as object);
    expect(problems.join('\n')).toMatch(/\/id |\/bots\/0\/botId /);
  });

  it('when the manifest names a version with no bundled schema, then validation fails instead of passing', async () => {
    await expect(validateTeamsManifest(withChange((m) => (m.manifestVersion = '9.99')))).rejects.toThrow(/no Teams schema/);
  });

  it('when $schema names another version than manifestVersion, then it is rejected', async () => {
    const problems = await validateTeamsManifest(withChange((m) => (m.$schema = canonicalSchemaUrl('1.16'))));
    expect(problems).toEqual([expect.stringContaining('/$schema')]);
  });
});

describe('building the manifest refuses what cannot be packaged', () => {
  it('when MicrosoftAppId is empty (local mode), then there is no bot id to package', () => {
    expect(() => buildManifest(loadConfig({ STORAGE: 'memory' }), '1.0.0')).toThrow(expect.objectContaining({ reason: 'local-mode' }));
  });

  it.each(['1.0', '1.0.0-beta', 'v1.0.0'])('when the app version is %s, then it is refused: Teams takes major.minor.patch only', (version) => {
    expect(() => buildManifest(deployed, version)).toThrow(expect.objectContaining({ reason: 'bad-version' }));
  });

  it('when the template uses a placeholder nothing fills, then it is refused', () => {
    const values = { BOT_ID, PUBLIC_DOMAIN: 'example.com', APP_VERSION: '1.0.0' };
    expect(() => fillManifestTemplate({ name: { short: '${{APP_NAME}}' } }, values)).toThrow(PackageError);
  });

  it('when a value looks like JSON, then it stays a string: values never change the structure', () => {
    const values = { BOT_ID: '", "evil": "1', PUBLIC_DOMAIN: 'example.com', APP_VERSION: '1.0.0' };
    expect(fillManifestTemplate({ id: '${{BOT_ID}}' }, values)).toEqual({ id: '", "evil": "1' });
  });
});
