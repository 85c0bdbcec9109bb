import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/config';
import { allPermissionRows, requiredPermissions } from '../../permissions/catalog';
import type { PermissionRow } from '../../permissions/types';
import { type AppRegistrationPlan, buildAppRegistrations, consentRedirectUri, MICROSOFT_GRAPH_APP_ID } from '../../scripts/app-registrations';
import { runScript } from './run-script';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const config = loadConfig({ PUBLIC_URL: 'https://tikit-bot.example.com', STORAGE: 'memory' });
const [tikit, email] = buildAppRegistrations(config) as [AppRegistrationPlan, AppRegistrationPlan];

function accessOf(plan: AppRegistrationPlan) {
  expect(plan.manifest.requiredResourceAccess).toHaveLength(1);
  const [graph] = plan.manifest.requiredResourceAccess;
  expect(graph!.resourceAppId).toBe(MICROSOFT_GRAPH_APP_ID);
  return graph!.resourceAccess;
}

function expected(rows: readonly PermissionRow[]) {
  return rows.map((row) => ({ id: row.graphId, type: row.type === 'Delegated' ? 'Scope' : 'Role' }));
}

describe('the app registrations printed by npm run app-registration', () => {
  it('when built, then Tikit lists exactly the Required set, so .default grants the base and nothing more', () => {
    expect(tikit.displayName).toBe('Tikit');
    expect(accessOf(tikit)).toEqual(expect.arrayContaining(expected(requiredPermissions())));
    expect(accessOf(tikit)).toHaveLength(requiredPermissions().length);
  });

  it.each(requiredPermissions().map((row) => [row.name, row.type, row] as const))(
    'when built, then Tikit holds Required %s as %s with its Graph id',
    (_name, _type, row) => {
      expect(accessOf(tikit)).toContainEqual({ id: row.graphId, type: row.type === 'Delegated' ? 'Scope' : 'Role' });
    },
  );

  it("when built, then no feature-only permission is on Tikit's static list: features are consented by name", () => {
    const ids = new Set(accessOf(tikit).map((access) => access.id));
    const featureOnly = allPermissionRows().filter((row) => !row.areas.includes('required'));
    expect(featureOnly.length).toBeGreaterThan(0);
    for (const row of featureOnly) expect(ids.has(row.graphId)).toBe(false);
    // Named scopes work only for delegated permissions: no feature may need an application one on Tikit.
    expect(featureOnly.filter((row) => row.app === 'tikit' && row.type === 'Application')).toEqual([]);
    expect(tikit.notes.join(' ')).toContain('Calendars.ReadWrite');
  });

  it('when built, then the Email Connector lists Mail.Read and Mail.Send as application permissions (roles)', () => {
    expect(email.displayName).toBe('Tikit Email Connector');
    expect(accessOf(email)).toEqual([
      { id: '810c84a8-4a9e-49e6-bf7d-12d183f40d01', type: 'Role' },
      { id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96', type: 'Role' },
    ]);
    expect(email.permissions.map((p) => p.name)).toEqual(['Mail.Read', 'Mail.Send']);
  });

  it('when built, then every id is a GUID and no entry repeats', () => {
    for (const plan of [tikit, email]) {
      const access = accessOf(plan);
      for (const { id } of access) expect(id).toMatch(GUID);
      expect(new Set(access.map((a) => `${a.type}:${a.id}`)).size).toBe(access.length);
    }
  });

  it.each([
    ['https://tikit-bot.example.com', 'https://tikit-bot.example.com/api/consent/callback'],
    ['https://tikit-bot.example.com/', 'https://tikit-bot.example.com/api/consent/callback'],
    ['https://proxy.example.com/tikit', 'https://proxy.example.com/tikit/api/consent/callback'],
    ['http://localhost:3978', 'http://localhost:3978/api/consent/callback'],
  ])('when PUBLIC_URL is %s, then both registrations redirect to %s (platform Web)', (publicUrl, redirectUri) => {
    expect(consentRedirectUri(new URL(publicUrl))).toBe(redirectUri);
    for (const plan of buildAppRegistrations(loadConfig({ PUBLIC_URL: publicUrl, STORAGE: 'memory' }))) {
      expect(plan.manifest.web.redirectUris).toEqual([redirectUri]);
      expect(plan.manifest.signInAudience).toBe('AzureADMultipleOrgs');
    }
  });

  it('when run with --json, then it prints the same registrations as JSON ready to paste', async () => {
    const run = await runScript('print-app-registrations.ts', { PUBLIC_URL: 'https://tikit-bot.example.com', STORAGE: 'memory' }, ['--json']);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Array<{ app: string; manifest: unknown }>;
    expect(printed.map((p) => [p.app, p.manifest])).toEqual([
      ['tikit', tikit.manifest],
      ['tikit-email-connector', email.manifest],
    ]);
  });

  it('when run, then the summary names each registration, its redirect URI and every permission', async () => {
    const run = await runScript('print-app-registrations.ts', {
      PUBLIC_URL: 'https://tikit-bot.example.com',
      TIKIT_APP_ID: '3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f',
      STORAGE: 'memory',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Tikit: TIKIT_APP_ID 3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a9f');
    expect(run.stdout).toContain('Redirect URI, platform Web: https://tikit-bot.example.com/api/consent/callback');
    for (const row of allPermissionRows().filter((r) => r.areas.includes('required') || r.app === 'tikit-email-connector')) {
      expect(run.stdout).toMatch(new RegExp(`${row.type}\\s+${row.name.replace(/\./g, '\\.')}\\s+${row.graphId}`));
    }
  });
});
