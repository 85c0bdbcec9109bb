import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permissionNames } from '../../permissions/catalog';
import { resolvePermissionName } from '../../permissions/resolve-permission';

describe('resolvePermissionName finds Tikit permissions however they are written', () => {
  it.each([
    ['Mail.Send', 'Mail.Send'],
    ['mail.send', 'Mail.Send'],
    ['MAIL.SEND', 'Mail.Send'],
    ['mail send', 'Mail.Send'],
    ['MailSend', 'Mail.Send'],
    ['  Mail.Send  ', 'Mail.Send'],
    ['device read all', 'Device.Read.All'],
    ['files readwrite all', 'Files.ReadWrite.All'],
    ['Files.ReadWrite.All', 'Files.ReadWrite.All'],
    ['TeamsAppInstallation. ReadWriteForTeam', 'TeamsAppInstallation.ReadWriteForTeam'],
    ['DeviceManagement ManagedDevices. PrivilegedOperations.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All'],
    ['DeviceManagementRBAC. Read.All', 'DeviceManagementRBAC.Read.All'],
    ['device management managed devices read all', 'DeviceManagementManagedDevices.Read.All'],
    ['openid', 'openid'],
    ['profile', 'profile'],
    ['email', 'email'],
    ['offline_access', 'offline_access'],
    ['offline access', 'offline_access'],
    ['Offline-Access', 'offline_access'],
  ])('%j → %s', (query, name) => {
    expect(resolvePermissionName(query)).toEqual({ kind: 'found', name });
  });

  it.each([
    ['Mail.Sned', 'Mail.Send'],
    ['Mial.Send', 'Mail.Send'],
    ['User.Read.Al', 'User.Read.All'],
    ['Calendars.ReadWirte', 'Calendars.ReadWrite'],
    ['Calender.ReadWrite', 'Calendars.ReadWrite'],
    ['Directory.AcessAsUser.All', 'Directory.AccessAsUser.All'],
    ['DeviceManagementManagedDevices.PrivilegedOperation.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All'],
    ['emial', 'email'],
    ['opnid', 'openid'],
    ['offline_acess', 'offline_access'],
  ])('forgives the small typo in %j → %s', (query, name) => {
    expect(resolvePermissionName(query)).toEqual({ kind: 'found', name });
  });
});

describe('resolvePermissionName never bends another real Graph permission into one of Tikit’s', () => {
  it.each([
    ['Mail.ReadWrite', ['Mail.Read', 'Mail.Send']],
    ['mail readwrite', ['Mail.Read', 'Mail.Send']],
    ['Calendars.Read', ['Calendars.ReadWrite']],
    ['Sites.FullControl.All', ['Sites.Read.All', 'Sites.ReadWrite.All']],
    ['User.ReadWrite.All', ['User.Read.All']],
    ['Files.Read.All', ['Files.ReadWrite.All']],
    ['Notes.Read.All', []],
    ['TeamsActivity.Read', ['TeamsActivity.Send']],
    ['TeamsAppInstallation.ReadWriteForChat', ['TeamsAppInstallation.ReadWriteForTeam']],
    ['Directory.ReadWrite.All', ['Directory.Read.All']],
    ['Presence.Read', ['Presence.Read.All']],
    ['Device.Read', ['Device.Read.All']],
    ['OnlineMeetings.ReadWrite.All', ['OnlineMeetings.ReadWrite']],
    ['Chat.Create', []],
  ])('%j is not requested by Tikit; suggests %j', (query, expected) => {
    const result = resolvePermissionName(query);
    expect(result.kind).toBe('unknown');
    if (result.kind !== 'unknown') return;
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    for (const name of expected) expect(result.suggestions).toContain(name);
    for (const name of result.suggestions) expect(permissionNames()).toContain(name);
  });

  it('spells a known Graph name properly when it reports it, and keeps other queries as typed', () => {
    expect(resolvePermissionName('mail readwrite')).toMatchObject({ kind: 'unknown', query: 'Mail.ReadWrite' });
    expect(resolvePermissionName(' Foo.Bar ')).toMatchObject({ kind: 'unknown', query: 'Foo.Bar' });
  });

  it.each(['mail', 'user', 'hello', '', '   ', '....', 'x'])('does not guess from %j', (query) => {
    expect(resolvePermissionName(query).kind).toBe('unknown');
  });
});

/** A catalog name in random letter case, dots written as spaces or left out. */
const respelled = fc
  .tuple(fc.constantFrom(...permissionNames()), fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }), fc.constantFrom('.', ' ', '', '. '))
  .map(([name, upper, dot]) => ({
    name,
    typed: [...name]
      .map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase()))
      .join('')
      .replace(/\./g, dot),
  }));

describe('resolvePermissionName properties', () => {
  it('resolves every catalog name to itself under any casing and dot spelling', () => {
    fc.assert(
      fc.property(respelled, ({ name, typed }) => {
        expect(resolvePermissionName(typed)).toEqual({ kind: 'found', name });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and answers found with a catalog name or unknown with at most three catalog names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (query) => {
        const result = resolvePermissionName(query);
        if (result.kind === 'found') expect(permissionNames()).toContain(result.name);
        else {
          expect(result.suggestions.length).toBeLessThanOrEqual(3);
          for (const name of result.suggestions) expect(permissionNames()).toContain(name);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
