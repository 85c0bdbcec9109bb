import type { Attachment } from 'botbuilder';
import { noticeCard } from '../cards/notice';
import { allFeatures, areaDisplayName } from '../permissions/catalog';
import type { TenantRecord } from './tenant-record';

const HISTORY_SHOWN = 15;

/** Per feature: on or off in Tikit, plus what is waiting for an admin's consent. */
export function statusReply(record: TenantRecord): { text: string; attachments: Attachment[] } {
  const facts = allFeatures().map((feature) => ({
    title: feature.displayName,
    value: record.features[feature.id]?.enabled ? 'On' : 'Off',
  }));
  facts.unshift({ title: "Tikit's base permissions", value: record.grants.baseGranted ? 'Granted' : 'Not granted yet' });
  const pending = Object.values(record.pendingConsents);
  const paragraphs = [
    record.grants.checkedAt
      ? `Microsoft was last asked what is granted at ${record.grants.checkedAt.slice(0, 16).replace('T', ' ')} UTC.`
      : 'Microsoft has not been asked yet what is granted in your organization.',
  ];
  if (pending.length > 0) {
    paragraphs.push(`Waiting for consent: ${pending.map((p) => p.areas.map(areaDisplayName).join(', ')).join('; ')}.`);
  }
  return {
    text: facts.map((fact) => `${fact.title}: ${fact.value}`).join('; '),
    attachments: [noticeCard({ title: 'Consent status', color: 'Default', paragraphs, facts, links: [], buttons: [] })],
  };
}

/** The tenant's consent events, newest first: who, when, what, result. */
export function historyReply(record: TenantRecord): { text: string; attachments: Attachment[] } {
  if (record.history.length === 0) return { text: 'No consent activity has been recorded for your organization yet.', attachments: [] };
  const events = record.history.slice(-HISTORY_SHOWN).reverse();
  const facts = events.map((event) => ({
    title: `${event.at.slice(0, 16).replace('T', ' ')} UTC`,
    value: `${event.by}: ${event.action.replace(/-/g, ' ')} (${event.areas.map(areaDisplayName).join(', ')}) ${event.detail}`,
  }));
  const more = record.history.length > HISTORY_SHOWN ? [`Showing the newest ${HISTORY_SHOWN} of ${record.history.length}.`] : [];
  return {
    text: `${record.history.length} consent events recorded.`,
    attachments: [noticeCard({ title: 'Consent history', color: 'Default', paragraphs: more, facts, links: [], buttons: [] })],
  };
}
