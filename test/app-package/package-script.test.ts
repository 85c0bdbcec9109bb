import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../scripts/png';
import { validateTeamsManifest } from '../../scripts/manifest-schema';
import { runScript, stderrLines } from './run-script';
import { tempFolder } from '../support/temp-folders';

/* `npm run package`, run as a process with the environment a deployment would give it. */

const BOT_ID = '0b7e4c2a-9d1f-4e3b-a6c5-8f2d1e0c9b7a';
const DEPLOYED = { MicrosoftAppId: BOT_ID, MicrosoftAppPassword: 'bot-password', PUBLIC_URL: 'https://tikit-bot.example.com', STORAGE: 'memory' };

function tempZip(): string {
  return path.join(tempFolder('app-package-'), 'tikit-consent-assistant.zip');
}

describe('npm run package', () => {
  it('when MicrosoftAppId is set, then it writes a zip holding manifest.json, color.png and outline.png at its root', async () => {
    const out = tempZip();
    const run = await runScript('package-app.ts', DEPLOYED, ['--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(BOT_ID);

    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { id: string; version: string; validDomains: string[] };
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['tikit-bot.example.com']);
    expect(manifest.version).toBe((JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version);
    expect(await validateTeamsManifest(manifest)).toEqual([]);
    expect(pngSize(await zip.file('color.png')!.async('nodebuffer'))).toEqual({ width: 192, height: 192 });
    expect(pngSize(await zip.file('outline.png')!.async('nodebuffer'))).toEqual({ width: 32, height: 32 });
  });

  it('when MicrosoftAppId is empty, then it refuses in one line, exits 1 and writes nothing', async () => {
    const out = tempZip();
    const run = await runScript('package-app.ts', { STORAGE: 'memory' }, ['--out', out]);
    expect(run.code).toBe(1);
    expect(stderrLines(run)).toEqual([expect.stringMatching(/^Cannot package: MicrosoftAppId is empty/)]);
    expect(existsSync(out)).toBe(false);
  });

  it('when the configuration is invalid, then it stops with the one-line configuration error npm start gives', async () => {
    const run = await runScript('package-app.ts', { MicrosoftAppId: BOT_ID, STORAGE: 'memory' }, ['--out', tempZip()]);
    expect(run.code).toBe(1);
    expect(stderrLines(run)).toEqual(['Configuration error: MicrosoftAppPassword: is required when MicrosoftAppId is set']);
  });
});

describe('the npm scripts', () => {
  it('when package.json is read, then package, playground and app-registration run the scripts of this project', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.package).toContain('scripts/package-app.ts');
    expect(scripts.playground).toContain('scripts/playground.ts');
    expect(scripts['app-registration']).toContain('scripts/print-app-registrations.ts');
  });
});
