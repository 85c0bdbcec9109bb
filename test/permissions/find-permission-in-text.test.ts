import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { permissionNames } from '../../permissions/catalog';
import { findPermissionInText, findPermissionMentions } from '../../permissions/find-permission-in-text';

describe('findPermissionInText finds the permission a sentence names', () => {
  it.each([
    ['why does tikit need mail send?', 'Mail.Send'],
    ['why does Tikit need Mail.Send?', 'Mail.Send'],
    ["what's DeviceManagementRBAC. Read.All for", 'DeviceManagementRBAC.Read.All'],
    ['why does Tikit need DeviceManagement ManagedDevices. PrivilegedOperations.All', 'DeviceManagementManagedDevices.PrivilegedOperations.All'],
    ['is Files.ReadWrite.All an application permission?', 'Files.ReadWrite.All'],
    ['why do you need mail read', 'Mail.Read'],
    ['why does it need email', 'email'],
    ['what is offline access for', 'offline_access'],
    ['(User.Read.All)', 'User.Read.All'],
    ['why "Mail.Read"?', 'Mail.Read'],
    ['why does tikit need Mail.Sned', 'Mail.Send'],
    ['why mail sned', 'Mail.Send'],
    ['why do you need MailSend', 'Mail.Send'],
  ])('%j → %s', (text, name) => {
    expect(findPermissionInText(text)).toEqual({ kind: 'found', name });
  });

  it.each([
    ['why does Tikit need Mail.ReadWrite?', 'Mail.ReadWrite', 'Mail.Read'],
    ['why do you need calendars read', 'Calendars.Read', 'Calendars.ReadWrite'],
    ["what's Sites.FullControl.All for", 'Sites.FullControl.All', 'Sites.ReadWrite.All'],
    ['what is sites full control for', 'sites full control', 'Sites.Read.All'],
    ['why RoleManagement.ReadWrite.Directory', 'RoleManagement.ReadWrite.Directory', undefined],
  ])('%j names %j, which Tikit does not request', (text, query, suggestion) => {
    const found = findPermissionInText(text);
    expect(found).toMatchObject({ kind: 'unknown', query });
    if (suggestion && found.kind === 'unknown') expect(found.suggestions).toContain(suggestion);
  });

  it.each(['enable the intune connector', 'open web.tikit.ai, e.g. in Edge', 'InTune please', 'what about users', 'we use version 1.0', 'status', ''])(
    'finds nothing in %j',
    (text) => {
      expect(findPermissionInText(text)).toEqual({ kind: 'none' });
    },
  );

  it('lists every exact mention with its place in the text', () => {
    const text = 'compare Mail.Read and Mail.Send';
    const mentions = findPermissionMentions(text);
    expect(mentions.map((m) => (m.kind === 'found' ? m.name : m.query))).toEqual(['Mail.Read', 'Mail.Send']);
    expect(mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Mail.Read', 'Mail.Send']);
  });
});

describe('findPermissionInText properties', () => {
  it('finds any catalog name inside a sentence', () => {
    fc.assert(
      fc.property(fc.constantFrom(...permissionNames()), fc.constantFrom('why does Tikit need', 'what is', 'explain'), (name, lead) => {
        expect(findPermissionInText(`${lead} ${name}?`)).toEqual({ kind: 'found', name });
      }),
    );
  });

  it('never throws on any text, and stays quick on a long paste', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => {
        expect(['found', 'unknown', 'none']).toContain(findPermissionInText(text).kind);
      }),
      { numRuns: 300 },
    );
    const started = process.hrtime.bigint();
    findPermissionInText('Mail.ReadWrite '.repeat(15_000));
    findPermissionInText(`Mail${'x'.repeat(200_000)}`);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(100);
  });
});
