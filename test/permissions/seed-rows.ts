/**
 * The seed's "Detailed Consent Permissions" table, copied out of
 * ../shared/seed/tikit-consent-management.txt with the seed's own spellings (stray spaces, the
 * unnamed sign-in row, "InTune", "addresss"). Columns: Permission, Type, Summary, Reason, Consent Area.
 */
export type SeedRow = readonly [permission: string, type: string, summary: string, reason: string, consentArea: string];

export const SEED_ROWS: readonly SeedRow[] = [
  ['AppCatalog.Submit', 'Delegated', 'Submit application packages to the catalog and cancel pending submissions', 'Used for Tikit Virtual Agent to read the App Catalog', 'Required, Teams App Management'],
  ['Channel.ReadBasic.All', 'Delegated', 'Read the names and descriptions of channels', 'Used during setup, to read team names for installing Tikit to an existing team and used in the portal for the Teams Channel Picker', 'Required'],
  ['Contacts.Read', 'Delegated', 'Read user contacts', 'Used for the people pickers in the portal, for ease of setting requester', 'Required'],
  ['Directory.AccessAsUser.All', 'Delegated', 'Access directory as the signed in user', 'Used for RBAC to determine roles for users', 'Required'],
  ['Directory.Read.All', 'Delegated', 'Read directory data', 'Used for RBAC to determine roles for users', 'Required'],
  ['', 'Delegated', "View users' email address", 'Used for signin, to determine user data and roles', 'Required'],
  ['Files.ReadWrite.All', 'Delegated', 'Have full access to all files user can access', 'This is used for attachments, to read teams channel file data', 'Required'],
  ['Files.ReadWrite.All', 'Application', 'Read and write files in all site collections', 'This is used for attachments, to read teams channel file data', 'Required'],
  ['Group.Read.All', 'Delegated', 'Read all groups', 'Used for RBAC to determine roles for users', 'Required'],
  ['Group.Read.All', 'Application', 'Read all groups', 'Used for RBAC to determine roles for users', 'Required'],
  ['Group.ReadWrite.All', 'Delegated', 'Read and write all groups', 'Used for RBAC to determine roles for users, also used in setup to add team members to teams, Tasks by Planner integration', 'Required, My Work'],
  ['GroupMember.Read.All', 'Delegated', 'Read group memberships', 'Used for RBAC to determine roles for users from groups', 'Required'],
  ['offline_access', 'Delegated', 'Maintain access to data you have given it access to', 'Allows users to sign into Tikit/interact with the Bot', 'Required'],
  ['OnlineMeetings.ReadWrite', 'Delegated', "Read and create user's online meetings", 'Used for an upcoming feature to create a meeting from a ticket, and add Tikit to the meeting itself', 'Required'],
  ['openid', 'Delegated', 'Sign users in', 'Allows users to sign into Tikit/interact with the Bot', 'Required'],
  ['People.Read', 'Delegated', "Read users' relevant people lists", 'Used for the people pickers in the portal, for ease of setting requester', 'Required'],
  ['People.Read.All', 'Delegated', "Read all users' relevant people lists", 'Used for the people pickers in the portal, for ease of setting requester', 'Required'],
  ['Presence.Read.All', 'Delegated', 'Read presence information of all users in your organization', 'Used in the portal to show presence of users', 'Required'],
  ['profile', 'Delegated', "View users' basic profile", 'Allows users to sign into Tikit/interact with the Bot', 'Required'],
  ['Sites.Read.All', 'Delegated', 'Read items in all site collections', 'This is used for attachments, to read teams channel file data', 'Required'],
  ['Sites.ReadWrite.All', 'Application', 'Read and write items in all site collections', 'This is used for attachments, to read teams channel file data', 'Required'],
  ['Team.Create', 'Delegated', 'Create teams', 'Used during setup, to create your new Team to collaborate on tickets', 'Required'],
  ['Team.ReadBasic.All', 'Delegated', 'Read the names and descriptions of teams', 'Used for RBAC and setting analyst roles', 'Required'],
  ['TeamMember.ReadWrite.All', 'Delegated', 'Add and remove members from teams', 'Used for RBAC and setup to add members to team, determine which members of the team are analysts', 'Required'],
  ['TeamsActivity.Send', 'Application', 'Send a teamwork activity to any user', "Used for an upcoming feature to add items into the 'Activity' section of teams", 'Required'],
  ['TeamsAppInstallation. ReadWriteForTeam', 'Delegated', 'Manage installed Teams apps in teams', 'Used during setup, to install Tikit to the team you would like', 'Required'],
  ['User.Read', 'Delegated', 'Sign in and read user profile', 'Used for signin, to determine user data and roles', 'Required'],
  ['User.Read.All', 'Delegated', "Read all users' full profiles", 'Used for signin, to determine user data and roles', 'Required'],
  ['User.Read.All', 'Application', "Read all users' full profiles", 'Used for signin, to determine user data and roles', 'Required'],
  ['User.ReadBasic.All', 'Delegated', "Read all users' basic profiles", 'Used for signin, to determine user data and roles', 'Required'],
  ['Calendars.ReadWrite', 'Delegated', 'Have full access to user calendars', 'Used for an upcoming feature to create a meeting from a ticket, and add Tikit to the meeting itself, and displaying agenda on the My Work page', 'Teams Meeting, My Work'],
  ['Mail.Read', 'Delegated', 'Read user mail', 'Used in the my work page, to show unread emails', 'My Work'],
  ['Mail.Read', 'Application', 'Read mail in all mailboxes', 'Used for the Email Connector (Separate app registration) to read mail sent to the specified email addresss', 'Email Connector'],
  ['Mail.Send', 'Application', 'Send mail as any user', 'Used for the Email Connector (Separate app registration) to send mail via the specified email addresss', 'Email Connector'],
  ['DeviceManagement ManagedDevices. PrivilegedOperations.All', 'Delegated', 'Perform user-impacting remote actions on Microsoft Intune devices', 'Used for performing remote actions via inTune', 'InTune Connector'],
  ['DeviceManagement ManagedDevices. Read.All', 'Delegated', 'Read devices Microsoft Intune devices', 'Used for reading InTune devices registered for a user', 'InTune Connector'],
  ['Device.Read.All', 'Delegated', 'Read all devices', 'Used for reading InTune devices registered for a user', 'InTune Connector'],
  ['DeviceManagementRBAC. Read.All', 'Delegated', 'Read Microsoft Intune RBAC settings', 'Used for enabling/disabling actions on the InTune pane on the Users page', 'InTune Connector'],
  ['TeamsAppInstallation. ReadWriteForUser', 'Delegated', "Manage user's installed Teams apps", 'Used for pushing Tikit/TVA to the end user on the Users page', 'Teams App Management'],
  ['TeamsAppInstallation. ReadWriteSelfForUser', 'Delegated', 'Allow the Teams app to manage itself for a user', 'Used for pushing Tikit/TVA to the end user on the Users page', 'Teams App Management'],
];
