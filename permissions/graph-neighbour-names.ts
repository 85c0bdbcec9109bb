/*
 * Real Microsoft Graph permission names that Tikit does NOT request but that sit close to names it
 * does: the same resource (Mail.ReadWrite beside Mail.Read), or within edit distance 4 of one of
 * Tikit's names once dots and case are ignored (Files.Read.All beside Sites.Read.All). Typo tolerance
 * allows at most 2 edits, so by the triangle inequality any real name that could compete with a
 * fuzzy match is in this list; name resolution uses it to refuse a "near miss" that is really
 * another permission. Taken from the Microsoft Graph service principal's oauth2PermissionScopes
 * and appRoles as published by graphpermissions.merill.net and adamedx/autographps-sdk.
 */
const BY_RESOURCE: Readonly<Record<string, readonly string[]>> = {
  AppCatalog: ['Read.All', 'ReadWrite.All'],
  Calendars: ['Read', 'Read.All', 'Read.Shared', 'ReadBasic', 'ReadBasic.All', 'ReadWrite.All',
    'ReadWrite.Shared'],
  Channel: ['Create', 'Delete.All'],
  Chat: ['Create', 'Read', 'Read.All', 'ReadBasic.All'],
  ChatMember: ['ReadWrite.All'],
  CloudPC: ['Read.All', 'ReadWrite.All'],
  Contacts: ['Read.Shared', 'ReadWrite', 'ReadWrite.Shared'],
  Contracts: ['Read.All'],
  Device: ['Command', 'CreateFromOwnedTemplate', 'Read', 'ReadWrite.All'],
  DeviceManagementApps: ['Read.All'],
  DeviceManagementManagedDevices: ['ReadWrite.All'],
  DeviceManagementRBAC: ['ReadWrite.All'],
  Directory: ['ReadWrite.All', 'Write.Restricted'],
  Family: ['Read'],
  Files: ['Read', 'Read.All', 'Read.Selected', 'ReadWrite', 'ReadWrite.AppFolder', 'ReadWrite.Selected',
    'SelectedOperations.Selected'],
  Group: ['Create', 'ManageProtection.All'],
  GroupMember: ['ReadWrite.All'],
  Mail: ['Read.Shared', 'ReadBasic', 'ReadBasic.All', 'ReadBasic.Shared', 'ReadWrite', 'ReadWrite.Shared',
    'Send.Shared'],
  Notes: ['Create', 'Read', 'Read.All', 'ReadWrite.All'],
  OnlineMeetings: ['Read', 'Read.All', 'ReadWrite.All'],
  Place: ['Read.All'],
  Policy: ['Read.All'],
  Presence: ['Read', 'ReadWrite', 'ReadWrite.All'],
  Printer: ['Read.All', 'ReadWrite.All'],
  QnA: ['Read.All'],
  SMTP: ['Send'],
  Sites: ['Archive.All', 'Create.All', 'FullControl.All', 'Manage.All', 'Selected'],
  Tasks: ['Read', 'Read.All', 'ReadWrite.All'],
  TeamMember: ['Read.All', 'ReadWriteNonOwnerRole.All'],
  TeamsActivity: ['Read', 'Read.All'],
  TeamsAppInstallation: ['ManageSelectedForChat', 'ManageSelectedForChat.All', 'ManageSelectedForTeam',
    'ManageSelectedForTeam.All', 'ManageSelectedForUser', 'ManageSelectedForUser.All', 'Read.All',
    'ReadForChat', 'ReadForChat.All', 'ReadForTeam', 'ReadForTeam.All', 'ReadForUser', 'ReadForUser.All',
    'ReadSelectedForChat', 'ReadSelectedForChat.All', 'ReadSelectedForTeam', 'ReadSelectedForTeam.All',
    'ReadSelectedForUser', 'ReadSelectedForUser.All', 'ReadWriteAndConsentForChat',
    'ReadWriteAndConsentForChat.All', 'ReadWriteAndConsentForTeam', 'ReadWriteAndConsentForTeam.All',
    'ReadWriteAndConsentForUser', 'ReadWriteAndConsentForUser.All', 'ReadWriteAndConsentSelfForChat',
    'ReadWriteAndConsentSelfForChat.All', 'ReadWriteAndConsentSelfForTeam',
    'ReadWriteAndConsentSelfForTeam.All', 'ReadWriteAndConsentSelfForUser',
    'ReadWriteAndConsentSelfForUser.All', 'ReadWriteForChat', 'ReadWriteForChat.All', 'ReadWriteForTeam.All',
    'ReadWriteForUser.All', 'ReadWriteSelectedForChat', 'ReadWriteSelectedForChat.All',
    'ReadWriteSelectedForTeam', 'ReadWriteSelectedForTeam.All', 'ReadWriteSelectedForUser',
    'ReadWriteSelectedForUser.All', 'ReadWriteSelfForChat', 'ReadWriteSelfForChat.All',
    'ReadWriteSelfForTeam', 'ReadWriteSelfForTeam.All', 'ReadWriteSelfForUser.All'],
  TeamsTab: ['Create'],
  Topic: ['Read.All'],
  User: ['Create', 'DeleteRestore.All', 'EnableDisableAccount.All', 'Export.All', 'Invite.All',
    'ManageIdentities.All', 'ReadUpdate.All', 'ReadWrite', 'ReadWrite.All', 'ReadWrite.CrossCloud',
    'RevokeSessions.All'],
};

export const NEIGHBOUR_GRAPH_NAMES: readonly string[] = Object.entries(BY_RESOURCE).flatMap(
  ([resource, rests]) => rests.map((rest) => `${resource}.${rest}`),
);
