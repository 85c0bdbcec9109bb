import type { Attachment } from 'botbuilder';
import { noticeCard } from '../cards/notice';
import { allFeatures, areaDisplayName, delegatedScopesForAreas } from '../permissions/catalog';
import type { FeatureId } from '../permissions/types';
import type { LiveAppGrants, LiveGrants } from './live-grants';
import type { TenantRecord } from './tenant-record';

const HISTORY_SHOWN = 15;

function day(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : 'never';
}

function delegatedState(record: TenantRecord, areas: Parameters<typeof delegatedScopesForAreas>[0]): string {
  const scopes = delegatedScopesForAreas(areas);
  const missing = scopes.filter((s) => !record.grants.tikitDelegated.includes(s));
  if (missing.length === 0) return `delegated grants confirmed ${day(record.grants.checkedAt)}`;
  return 'delegated grants not yet confirmed (an admin sign-in confirms them)';
}

function liveState(live: LiveAppGrants): string {
  switch (live.kind) {
    case 'checked':
      return live.missing.length === 0 ? 'verified with Microsoft now' : `missing now: ${live.missing.join(', ')}`;
    case 'not-consented':
      return 'not granted in Entra';
    case 'off':
      return 'not checked: verification is off (no app secret)';
    case 'unavailable':
      return 'could not check with Microsoft just now';
  }
}

/** Enabled features whose grants Microsoft no longer shows: removed in the portal since (drift). */
export function driftedFeatures(record: TenantRecord, live: LiveGrants): FeatureId[] {
  const email = live['tikit-email-connector'];
  const emailGone = email.kind === 'not-consented' || (email.kind === 'checked' && email.missing.length > 0);
  return record.features['email-connector']?.enabled && emailGone ? ['email-connector'] : [];
}

/** Per feature: on or off in Tikit, and whether its grants are there now; drift named, with a fix. */
export function statusReply(record: TenantRecord, live: LiveGrants): { text: string; attachments: Attachment[] } {
  const base = `${liveState(live.tikit)}; ${delegatedState(record, ['required'])}`;
  const facts = [{ title: "Tikit's base permissions", value: base }];
  for (const feature of allFeatures()) {
    const on = record.features[feature.id]?.enabled === true;
    const grants = feature.id === 'email-connector' ? liveState(live['tikit-email-connector']) : delegatedState(record, [feature.id]);
    facts.push({ title: feature.displayName, value: `${on ? 'On' : 'Off'} · ${grants}` });
  }
  const drift = driftedFeatures(record, live);
  const paragraphs = drift.map(
    (f) => `${areaDisplayName(f)} is on in Tikit, but its permissions were removed in Microsoft Entra since: it cannot work until they are granted again.`,
  );
  const waiting = Object.values(record.pendingConsents).filter((p) => !p.consumedAt);
  if (waiting.length > 0) paragraphs.push(`Waiting for consent: ${waiting.map((p) => p.areas.map(areaDisplayName).join(', ')).join('; ')}.`);
  return {
    text: drift.length > 0 ? `Drift: ${drift.map(areaDisplayName).join(', ')} lost permissions.` : facts.map((f) => `${f.title}: ${f.value}`).join('; '),
    attachments: [
      noticeCard({
        title: 'Consent status',
        color: drift.length > 0 ? 'Warning' : 'Default',
        paragraphs,
        facts,
        links: [],
        buttons: drift.map((feature) => ({ title: `Fix ${areaDisplayName(feature)}`, verb: 'feature.fix', data: { feature } })),
      }),
    ],
  };
}

/** The tenant's consent events, newest first: who, when, what, result. */
export function historyReply(record: TenantRecord): { text: string; attachments: Attachment[] } {
  if (record.history.length === 0) return { text: 'No consent activity has been recorded for your organization yet.', attachments: [] };
  const events = record.history.slice(-HISTORY_SHOWN).reverse();
  const facts = events.map((event) => ({
    title: day(event.at),
    value: `${event.by}: ${event.action.replace(/-/g, ' ')} (${event.areas.map(areaDisplayName).join(', ')}) ${event.detail}`,
  }));
  const more = record.history.length > HISTORY_SHOWN ? [`Showing the newest ${HISTORY_SHOWN} of ${record.history.length}.`] : [];
  return {
    text: `${record.history.length} consent events recorded.`,
    attachments: [noticeCard({ title: 'Consent history', color: 'Default', paragraphs: more, facts, links: [], buttons: [] })],
  };
}
