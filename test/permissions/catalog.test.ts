import { describe, expect, it } from 'vitest';
import {
  allFeatures,
  allPermissionRows,
  areasUsingPermission,
  delegatedScopesForFeature,
  featuresUsingPermission,
  getFeature,
  permissionNames,
  permissionsForArea,
  requiredPermissions,
  rowsForName,
} from '../../permissions/catalog';
import { FEATURE_IDS, RISK_LEVELS, type ConsentArea, type PermissionRow } from '../../permissions/types';
import { parseDetailedTable, parseSummaryTable, readSeed, withoutDebris } from './seed-file';
import { SEED_ROWS, type SeedRow } from './seed-rows';

/** The seed's spelling of a name, cleaned: stray spaces out; the unnamed sign-in row is `email`. */
function cleanName(raw: string): string {
  return raw === '' ? 'email' : raw.replace(/\s+/g, '');
}

/** "Required, My Work" → ['required', 'my-work'], through the features' own seed spellings. */
function areasOf(consentArea: string): ConsentArea[] {
  return consentArea.split(', ').map((label) => {
    if (label === 'Required') return 'required';
    const feature = allFeatures().find((candidate) => candidate.aliases.includes(label));
    if (!feature) throw new Error(`no feature has the seed spelling "${label}"`);
    return feature.id;
  });
}

function catalogRowFor(seed: SeedRow): PermissionRow | undefined {
  return rowsForName(cleanName(seed[0])).find((row) => row.type === seed[1]);
}

describe('the catalog holds the seed detailed table, faithfully', () => {
  it('has 40 rows with 36 distinct names, as the seed', () => {
    expect(SEED_ROWS).toHaveLength(40);
    expect(allPermissionRows()).toHaveLength(40);
    expect(permissionNames()).toHaveLength(36);
  });

  it.each(SEED_ROWS.map((row) => [`${row[0] || '(unnamed)'} ${row[1]}`, row] as const))(
    'holds %s with its exact summary, reason and consent areas',
    (_label, seed) => {
      const row = catalogRowFor(seed);
      expect(row, 'no catalog row of that name and type').toBeDefined();
      expect(row!.allows).toBe(withoutDebris(seed[2]));
      expect(row!.reason).toBe(withoutDebris(seed[3]));
      expect(row!.areas).toEqual(areasOf(seed[4]));
    },
  );

  it('has no row that the seed lacks', () => {
    const seedKeys = SEED_ROWS.map((seed) => `${cleanName(seed[0])}|${seed[1]}`);
    const catalogKeys = allPermissionRows().map((row) => `${row.name}|${row.type}`);
    expect([...catalogKeys].sort()).toEqual([...seedKeys].sort());
  });

  it('matches the seed document itself, parsed line by line', () => {
    expect(parseDetailedTable(readSeed())).toEqual(SEED_ROWS);
  });

  it('cleans the names the seed spells with stray spaces, and names the unnamed sign-in row', () => {
    const names = permissionNames();
    for (const name of [
      'TeamsAppInstallation.ReadWriteForTeam',
      'DeviceManagementManagedDevices.PrivilegedOperations.All',
      'DeviceManagementRBAC.Read.All',
      'email',
    ])
      expect(names).toContain(name);
    expect(names.filter((name) => /\s/.test(name))).toEqual([]);
    expect(rowsForName('email')[0]!.allows).toBe("View users' email address");
  });

  it('keeps encoding debris away from users but keeps the seed typos', () => {
    const text = allPermissionRows()
      .flatMap((row) => [row.allows, row.reason, row.couldDo])
      .join('\n');
    expect(text).not.toMatch(/[\u00C2\u00A0]/);
    expect(rowsForName('Mail.Send')[0]!.reason).toContain('specified email addresss');
  });
});

describe('app registrations', () => {
  it('puts the application Mail.Read and Mail.Send on the Tikit Email Connector and everything else on Tikit', () => {
    const onConnector = allPermissionRows().filter((row) => row.app === 'tikit-email-connector');
    expect(onConnector.map((row) => `${row.name} ${row.type}`).sort()).toEqual(['Mail.Read Application', 'Mail.Send Application']);
    expect(rowsForName('Mail.Read').find((row) => row.type === 'Delegated')!.app).toBe('tikit');
  });
});

describe('features and consent areas', () => {
  it('lists the five features of the seed with names, descriptions and apps', () => {
    expect(allFeatures().map((feature) => feature.displayName)).toEqual([
      'Teams Meetings',
      'My Work',
      'Email Connector',
      'Intune Connector',
      'Teams App Management',
    ]);
    for (const feature of allFeatures()) {
      expect(feature.description.length, feature.id).toBeGreaterThan(20);
      expect(feature.apps).toEqual([...new Set(permissionsForArea(feature.id).map((row) => row.app))]);
    }
  });

  it('gives each feature the permissions of its rows', () => {
    const names = (area: ConsentArea) => permissionsForArea(area).map((row) => row.name);
    expect(names('intune-connector')).toEqual([
      'DeviceManagementManagedDevices.PrivilegedOperations.All',
      'DeviceManagementManagedDevices.Read.All',
      'Device.Read.All',
      'DeviceManagementRBAC.Read.All',
    ]);
    expect(names('teams-meetings')).toEqual(['Calendars.ReadWrite']);
    expect(names('my-work')).toEqual(['Group.ReadWrite.All', 'Calendars.ReadWrite', 'Mail.Read']);
    expect(names('email-connector')).toEqual(['Mail.Read', 'Mail.Send']);
    expect(names('teams-app-management')).toEqual(['AppCatalog.Submit', 'TeamsAppInstallation.ReadWriteForUser', 'TeamsAppInstallation.ReadWriteSelfForUser']);
    expect(requiredPermissions()).toHaveLength(SEED_ROWS.filter((seed) => seed[4].startsWith('Required')).length);
    expect(requiredPermissions()).toHaveLength(30);
  });

  it('answers which areas and features use a permission', () => {
    expect(areasUsingPermission('AppCatalog.Submit')).toEqual(['required', 'teams-app-management']);
    expect(featuresUsingPermission('Calendars.ReadWrite')).toEqual(['teams-meetings', 'my-work']);
    expect(featuresUsingPermission('Mail.Read')).toEqual(['my-work', 'email-connector']);
    expect(featuresUsingPermission('User.Read')).toEqual([]);
    expect(areasUsingPermission('Mail.ReadWrite')).toEqual([]);
  });

  it('names the delegated scopes each feature asks for on the Tikit app', () => {
    expect(delegatedScopesForFeature('my-work')).toEqual(['Group.ReadWrite.All', 'Calendars.ReadWrite', 'Mail.Read']);
    expect(delegatedScopesForFeature('email-connector')).toEqual([]);
    expect(delegatedScopesForFeature('intune-connector')).toHaveLength(4);
  });

  // The summary table names permissions by title; where its title differs from the row's Summary,
  // the seed is loose: a plural typo, and the Email Connector listed with delegated titles.
  const LOOSE_TITLES: Record<string, string> = {
    'Teams Meetings|Have full access to users calendars': 'Calendars.ReadWrite',
    'Email Connector|Read user mail': 'Mail.Read',
    'Email Connector|Send mail as a user': 'Mail.Send',
  };

  it('agrees with the summary table: each title is a row of that feature, and each row has a title', () => {
    const summary = parseSummaryTable(
      readSeed(),
      allFeatures().map((feature) => feature.displayName),
    );
    expect(summary).toHaveLength(13);
    for (const id of FEATURE_IDS) {
      const feature = getFeature(id);
      const rows = permissionsForArea(id);
      const titled = summary
        .filter((entry) => entry.feature === feature.displayName)
        .map((entry) => {
          const row = rows.find((candidate) => candidate.allows.toLowerCase() === entry.title.toLowerCase());
          return row?.name ?? LOOSE_TITLES[`${entry.feature}|${entry.title}`];
        });
      expect(
        titled.every((name) => name !== undefined && rows.some((row) => row.name === name)),
        id,
      ).toBe(true);
      expect([...titled].sort(), id).toEqual(rows.map((row) => row.name).sort());
    }
  });
});

describe('Microsoft Graph permission ids', () => {
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('are GUIDs, unique per type', () => {
    for (const type of ['Delegated', 'Application'] as const) {
      const ids = allPermissionRows()
        .filter((row) => row.type === type)
        .map((row) => row.graphId);
      for (const id of ids) expect(id).toMatch(GUID);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('use the application (app role) ids of MICROSOFT.md §3', () => {
    const appIds = Object.fromEntries(
      allPermissionRows()
        .filter((row) => row.type === 'Application')
        .map((row) => [row.name, row.graphId]),
    );
    expect(appIds).toEqual({
      'Mail.Read': '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
      'Mail.Send': 'b633e1c5-b582-4048-a93e-9f11b44c7e96',
      'Files.ReadWrite.All': '75359482-378d-4052-8f01-80520e7db3cd',
      'Group.Read.All': '5b567255-7703-4780-807c-7be8301ae99b',
      'Sites.ReadWrite.All': '9492366f-7969-46a4-8d15-ed1a20078fff',
      'User.Read.All': 'df021288-bdef-4463-88db-98f22de89214',
      'TeamsActivity.Send': 'a267235f-af13-44dc-8385-c1dc93023186',
    });
  });

  it('give a delegated row its scope id, not the app role id of the same name', () => {
    expect(rowsForName('User.Read')[0]!.graphId).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
    const mailRead = rowsForName('Mail.Read');
    expect(mailRead.find((row) => row.type === 'Delegated')!.graphId).toBe('570282fd-fa5c-430d-a7fd-fc8dc98a9dca');
    expect(mailRead[0]!.graphId).not.toBe(mailRead[1]!.graphId);
  });
});

describe('risk', () => {
  it('rates every row and says what a holder could do, in one sentence', () => {
    for (const row of allPermissionRows()) {
      expect(RISK_LEVELS, row.name).toContain(row.risk);
      expect(row.couldDo, row.name).toMatch(/^[A-Z].{15,}\.$/);
    }
  });

  it('is sober about the dangerous ones', () => {
    const row = (name: string, type: string) => rowsForName(name).find((candidate) => candidate.type === type)!;
    const wipe = row('DeviceManagementManagedDevices.PrivilegedOperations.All', 'Delegated');
    expect(wipe.risk).toBe('critical');
    expect(wipe.couldDo).toMatch(/wipe/i);
    const send = row('Mail.Send', 'Application');
    expect(send.risk).toBe('critical');
    expect(send.couldDo).toMatch(/any mailbox/);
    expect(send.couldDo).toMatch(/application access policy .*RBAC for Applications/);
    expect(row('Mail.Read', 'Application').couldDo).toMatch(/every mailbox.*help-desk mailbox/);
    expect(row('Mail.Read', 'Delegated').risk).toBe('medium');
    expect(row('openid', 'Delegated').risk).toBe('low');
  });
});
