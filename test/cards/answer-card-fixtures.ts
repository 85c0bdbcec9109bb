import type { Activity, Attachment } from 'botbuilder';
import { describeAreas, describeUses, explainPermission } from '../../dialogs/answers';
import type { CardFixtures } from './card-fixtures';

/** Cards that answer questions about the catalog, built by the same answers the bot sends. */

function card(reply: Partial<Activity>): Attachment {
  const attachment = reply.attachments?.[0];
  if (!attachment) throw new Error('the answer has no card');
  return attachment;
}

export const answerCardFixtures: CardFixtures = {
  permission: {
    default: {
      build: () => card(explainPermission({ kind: 'found', name: 'Mail.Read' })),
      mustShow: ['Mail.Read', 'Used in the my work page, to show unread emails', 'Tikit Email Connector', 'Critical'],
    },
    delegated: {
      build: () => card(explainPermission({ kind: 'found', name: 'DeviceManagementManagedDevices.PrivilegedOperations.All' })),
      mustShow: ['A Delegated permission', 'Used for performing remote actions via inTune', 'Intune Connector'],
    },
  },
  'permission-list': {
    default: {
      build: () => card(describeAreas(['intune-connector'])),
      mustShow: ['Intune Connector: what it needs', 'Device.Read.All', 'Enable Intune Connector'],
    },
    required: {
      build: () => card(describeAreas(['required'])),
      mustShow: ["Tikit's Required permissions", 'TeamsAppInstallation.ReadWriteForTeam', 'Used for RBAC and setting analyst roles'],
    },
  },
  'features-using': {
    default: {
      build: () => card(describeUses({ kind: 'found', name: 'Calendars.ReadWrite' })),
      mustShow: ['Which features use Calendars.ReadWrite', 'Teams Meetings, My Work', 'Why Calendars.ReadWrite?'],
    },
  },
  'unknown-permission': {
    default: {
      build: () => card(explainPermission({ kind: 'unknown', query: 'Mail.ReadWrite', suggestions: ['Mail.Read', 'Mail.Send'] })),
      mustShow: ['Tikit does not request Mail.ReadWrite.', 'Did you mean Mail.Read or Mail.Send?'],
    },
  },
};
