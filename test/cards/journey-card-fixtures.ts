import { emptyTenantRecord, type PendingConsent } from '../../dialogs/tenant-record';
import { consentCardFor } from '../../dialogs/consent-presenter';
import { disableConfirmation } from '../../dialogs/disable-feature';
import { featureSettingsAttachment } from '../../dialogs/feature-settings';
import { reviewCards } from '../../dialogs/review-presenter';
import { historyReply, statusReply } from '../../dialogs/status';
import { noticeCard } from '../../cards/notice';
import { requestCard } from '../../dialogs/access-requests';
import type { LiveGrants } from '../../dialogs/live-grants';
import type { CardFixtures } from './card-fixtures';

/** Cards of the enable / disable journeys, built by the same presenters the bot uses. */

const TENANT = '4f0c9a2e-8b1d-4c3a-9e7f-1a2b3c4d5e6f';
const grants = { tikitDelegated: ['Device.Read.All'], tikitApplication: [], emailApplication: [], baseGranted: false, checkedAt: null };

function pending(kind: PendingConsent['kind'], overrides: Partial<PendingConsent> = {}): PendingConsent {
  return {
    id: 'c0ffee00-0000-4000-8000-000000000001',
    kind,
    app: kind === 'application' ? 'tikit-email-connector' : 'tikit',
    areas: kind === 'base' ? ['required'] : kind === 'application' ? ['email-connector'] : ['intune-connector'],
    journeyFeatures: ['intune-connector'],
    scopes: [
      'DeviceManagementManagedDevices.PrivilegedOperations.All',
      'DeviceManagementManagedDevices.Read.All',
      'Device.Read.All',
      'DeviceManagementRBAC.Read.All',
    ],
    codeVerifier: 'verifier',
    userId: '2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901',
    userName: 'Megan Bowen',
    conversationId: 'a:1xyz',
    reference: {},
    cardActivityId: null,
    consumedAt: null,
    createdAt: '2026-12-04T10:00:00.000Z',
    expiresAt: '2026-12-04T11:00:00.000Z',
    ...overrides,
  };
}

const link = `https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent?client_id=x&state=y`;

const withHistory = emptyTenantRecord(TENANT);
withHistory.features['intune-connector'] = { enabled: true, changedAt: '2026-12-01T09:00:00.000Z', changedBy: 'Megan Bowen' };
withHistory.features['email-connector'] = { enabled: true, changedAt: '2026-12-01T09:00:00.000Z', changedBy: 'Megan Bowen' };
const liveDrift: LiveGrants = {
  tikit: { kind: 'checked', granted: ['Files.ReadWrite.All', 'Group.Read.All', 'Sites.ReadWrite.All', 'TeamsActivity.Send', 'User.Read.All'], missing: [] },
  'tikit-email-connector': { kind: 'checked', granted: ['Mail.Read'], missing: ['Mail.Send'] },
};
withHistory.history.push(
  { at: '2026-12-01T08:58:00.000Z', by: 'Megan Bowen', action: 'consent-link-sent', areas: ['intune-connector'], detail: 'delegated consent on tikit' },
  {
    at: '2026-12-01T09:10:00.000Z',
    by: 'Lee Gu',
    action: 'feature-disabled',
    areas: ['email-connector'],
    detail: 'switched off in Tikit; grants left in Entra',
  },
);

export const journeyCardFixtures: CardFixtures = {
  review: {
    default: {
      build: () => reviewCards({ journeyId: 'j1', features: ['intune-connector'], grants, standing: 'unverified' })[0]!,
      mustShow: ['Enable Intune Connector: review', 'Device.Read.All', 'Already granted', 'Ask an admin'],
    },
    'not-admin': {
      build: () => reviewCards({ journeyId: 'j1', features: ['intune-connector'], grants, standing: 'not-admin' })[0]!,
      mustShow: ['holds none of the admin roles', 'Ask an admin'],
    },
    // The largest review there is: every feature on the Tikit app at once.
    'all-tikit-features': {
      build: () =>
        reviewCards({ journeyId: 'j1', features: ['teams-meetings', 'my-work', 'intune-connector', 'teams-app-management'], grants, standing: 'admin' })[0]!,
      mustShow: ['Calendars.ReadWrite', 'AppCatalog.Submit'],
    },
    'email-connector': {
      build: () => reviewCards({ journeyId: 'j1', features: ['email-connector'], grants: { ...grants, baseGranted: true }, standing: 'admin' })[0]!,
      mustShow: ['Mail.Send', 'Tikit Email Connector'],
    },
  },
  consent: {
    default: {
      build: () => consentCardFor(pending('delegated'), link, { index: 2, total: 2 }),
      mustShow: ['Consent: Intune Connector', 'Consent on behalf of your organization'],
    },
    base: { build: () => consentCardFor(pending('base'), link, { index: 1, total: 2 }), mustShow: ["Tikit's base permissions", 'Step 1 of 2'] },
    'email-connector': {
      build: () => consentCardFor(pending('application', { journeyFeatures: ['email-connector'] }), link, { index: 1, total: 1 }),
      mustShow: ['Global Administrator'],
    },
  },
  'feature-settings': {
    default: { build: () => featureSettingsAttachment(withHistory), mustShow: ['Consent Management', 'Intune Connector (On)', 'Update Consent'] },
  },
  notice: {
    default: { build: () => disableConfirmation(['intune-connector'], ['intune-connector']).attachments[0]!, mustShow: ['Disable Intune Connector?'] },
    status: {
      build: () => statusReply(withHistory, liveDrift).attachments[0]!,
      mustShow: ['Consent status', "Tikit's base permissions", 'Fix Email Connector'],
    },
    history: { build: () => historyReply(withHistory).attachments[0]!, mustShow: ['Consent history', 'Lee Gu'] },
    request: {
      build: () =>
        requestCard({
          id: 'r1',
          requesterId: 'u1',
          requesterName: 'Megan Bowen',
          features: ['intune-connector'],
          reference: {},
          status: 'open',
          decidedBy: null,
          createdAt: '2026-12-04T10:00:00.000Z',
          expiresAt: '2026-12-11T10:00:00.000Z',
        }),
      mustShow: ['Megan Bowen asks to enable Intune Connector', 'Review and consent', 'Decline'],
    },
    links: {
      build: () =>
        noticeCard({
          title: 'Email Connector is now off in Tikit',
          color: 'Good',
          paragraphs: ['Its permissions are still granted.'],
          facts: [],
          links: [{ title: 'Open Tikit Email Connector permissions', url: 'https://portal.azure.com/' }],
          buttons: [],
        }),
      mustShow: ['Email Connector is now off in Tikit'],
    },
  },
};
