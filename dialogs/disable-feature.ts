import type { Attachment } from 'botbuilder';
import { noticeCard } from '../cards/notice';
import { getFeature, isFeatureId } from '../permissions/catalog';
import type { AppRegistrationId, FeatureId } from '../permissions/types';
import type { CardAction } from './card-action';
import { permissionsPageUrl, removalSteps } from './entra-removal';
import type { Requester } from './consent-requests';
import { featureNames } from './review-presenter';
import { addEvent, type TenantRecords } from './tenant-record';

export interface DisableSettings {
  authorityHost: URL;
  clientIds: Record<AppRegistrationId, string>;
}

/** Asks before switching features off; features already off are named, not confirmed. */
export function disableConfirmation(features: FeatureId[], enabled: FeatureId[]): { text: string; attachments: Attachment[] } {
  const on = features.filter((feature) => enabled.includes(feature));
  const off = features.filter((feature) => !enabled.includes(feature));
  const offNote = off.length > 0 ? `${featureNames(off)} ${off.length === 1 ? 'is' : 'are'} not on in Tikit: nothing to disable there.` : '';
  if (on.length === 0) return { text: offNote, attachments: [] };
  const card = noticeCard({
    title: `Disable ${featureNames(on)}?`,
    color: 'Warning',
    paragraphs: [
      `Tikit stops using ${featureNames(on)} for your organization.`,
      'The permissions stay granted in Microsoft Entra until an administrator removes them there; I will show you how.',
      offNote,
    ].filter((p) => p !== ''),
    facts: [],
    links: [],
    buttons: [
      { title: `Disable ${featureNames(on)}`, verb: 'disable.confirm', data: { features: on } },
      { title: 'Keep it on', verb: 'disable.keep', data: { features: on } },
    ],
  });
  return { text: `Disable ${featureNames(on)}?`, attachments: [card] };
}

export class FeatureDisabler {
  constructor(
    private readonly tenants: TenantRecords,
    private readonly settings: DisableSettings,
    private readonly now: () => Date,
  ) {}

  /** Marks the confirmed features off and says plainly where their grants live on. */
  async confirm(requester: Requester, action: CardAction): Promise<Attachment> {
    const asked = Array.isArray(action.data.features) ? action.data.features.filter((f): f is FeatureId => typeof f === 'string' && isFeatureId(f)) : [];
    const at = this.now().toISOString();
    const { off: switchedOff, servicePrincipalIds } = await this.tenants.update(requester.tenantId, (record) => {
      const off = asked.filter((feature) => record.features[feature]?.enabled);
      for (const feature of off) record.features[feature] = { enabled: false, changedAt: at, changedBy: requester.userName };
      if (off.length > 0) {
        record.settingsVersion += 1;
        addEvent(record, { at, by: requester.userName, action: 'feature-disabled', areas: off, detail: 'switched off in Tikit; grants left in Entra' });
      }
      return { off, servicePrincipalIds: record.grants.servicePrincipalIds ?? {} };
    });
    if (switchedOff.length === 0) {
      return noticeCard({
        title: 'Nothing to disable',
        color: 'Default',
        paragraphs: [
          asked.length
            ? `${featureNames(asked)} ${asked.length === 1 ? 'is' : 'are'} already off.`
            : 'That button did not name a feature. Nothing was changed.',
        ],
        facts: [],
        links: [],
        buttons: [],
      });
    }
    return this.disabledCard(switchedOff, servicePrincipalIds);
  }

  /** With the app's service principal id (known once Graph showed it) the link opens its Permissions page. */
  private disabledCard(features: FeatureId[], servicePrincipalIds: Partial<Record<AppRegistrationId, string>>): Attachment {
    const apps = [...new Set(features.flatMap((feature) => getFeature(feature).apps))];
    return noticeCard({
      title: `${featureNames(features)} ${features.length === 1 ? 'is' : 'are'} now off in Tikit`,
      color: 'Good',
      paragraphs: [
        'Its permissions are still granted in Microsoft Entra: they stay until an administrator removes them there. To remove them:',
        ...removalSteps(apps[0]!),
      ],
      facts: [],
      links: apps.map((app) => ({
        title: `Open ${app === 'tikit' ? 'Tikit' : 'Tikit Email Connector'} permissions`,
        url: permissionsPageUrl(this.settings.authorityHost, this.settings.clientIds[app], servicePrincipalIds[app]),
      })),
      buttons: [],
    });
  }
}
