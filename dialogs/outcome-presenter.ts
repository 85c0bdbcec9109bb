import type { Attachment } from 'botbuilder';
import { noticeCard } from '../cards/notice';
import { areaDisplayName } from '../permissions/catalog';
import { type ConsentFailureReason, explainFailure } from '../permissions/consent-errors';
import type { Verification } from '../permissions/consent-verifier';
import type { FeatureId } from '../permissions/types';
import { featureNames } from './review-presenter';
import type { PendingConsent } from './tenant-record';

type Checked = Extract<Verification, { kind: 'checked' }>;

/** What the admin reads in the chat after Microsoft's redirect: the card (in place) and one line. */
export interface Outcome {
  text: string;
  card: Attachment;
}

function areaNames(pending: PendingConsent): string {
  return pending.areas.map(areaDisplayName).join(', ');
}

function againLink(url: string | undefined) {
  return url ? [{ title: 'Open Microsoft consent again', url }] : [];
}

export function verifiedOutcome(pending: PendingConsent, result: Checked, switchedOn: FeatureId[]): Outcome {
  const facts = result.granted.map((name) => ({ title: name, value: 'Granted' }));
  const paragraphs =
    pending.kind === 'base'
      ? [
          "Microsoft confirms Tikit's application permissions for your organization.",
          'Its delegated permissions can only be read with an administrator\'s sign-in: they show as "not yet confirmed" until the next consent or admin check.',
        ]
      : [`Microsoft confirms every permission, granted for your whole organization.`];
  const title = switchedOn.length > 0 ? `${featureNames(switchedOn)} ${switchedOn.length === 1 ? 'is' : 'are'} on` : `Consent verified: ${areaNames(pending)}`;
  return {
    text: `${title}: ${result.granted.length} permission${result.granted.length === 1 ? '' : 's'} verified with Microsoft.`,
    card: noticeCard({ title, color: 'Good', paragraphs, facts, links: [], buttons: [] }),
  };
}

export function incompleteOutcome(pending: PendingConsent, result: Checked, retryUrl: string | undefined): Outcome {
  const notTicked = result.missing.length > 0 && result.missing.every((name) => result.adminOnly.includes(name));
  const paragraphs = notTicked
    ? [
        'The permissions were granted to you alone, not to your organization: **Consent on behalf of your organization** was not ticked. Open the link again, tick the box, and accept.',
      ]
    : ['Microsoft does not show every permission as granted for your organization, so the feature stays off. Open the link again and accept all of them.'];
  const facts = [
    ...result.granted.map((name) => ({ title: name, value: 'Granted' })),
    ...result.missing.map((name) => ({ title: name, value: result.adminOnly.includes(name) ? 'Only for you' : 'Missing' })),
  ];
  return {
    text: notTicked ? 'Consent was given for you only, not for your organization.' : `Consent incomplete: ${result.missing.length} missing.`,
    card: noticeCard({ title: `Consent incomplete: ${areaNames(pending)}`, color: 'Warning', paragraphs, facts, links: againLink(retryUrl), buttons: [] }),
  };
}

export function failedOutcome(pending: PendingConsent, reason: ConsentFailureReason, aadsts: number | undefined, retryUrl: string | undefined): Outcome {
  const explanation = explainFailure(reason, pending.kind, aadsts);
  return {
    text: explanation,
    card: noticeCard({
      title: `No consent: ${areaNames(pending)}`,
      color: 'Attention',
      paragraphs: [explanation],
      facts: [],
      links: againLink(retryUrl),
      buttons: [],
    }),
  };
}

export function unverifiableOutcome(pending: PendingConsent, secretVariable: string): Outcome {
  const explanation = `Microsoft reports the consent as accepted, but I cannot check it: this bot runs without ${secretVariable} (local mode), so verification in Microsoft Graph is off. I did not turn anything on.`;
  return {
    text: explanation,
    card: noticeCard({ title: `Not verified: ${areaNames(pending)}`, color: 'Warning', paragraphs: [explanation], facts: [], links: [], buttons: [] }),
  };
}

export function unavailableOutcome(pending: PendingConsent): Outcome {
  const explanation =
    "I could not verify the consent with Microsoft yet (Entra ID or Graph did not answer). I'll keep the request: type `status` later and I'll check again.";
  return {
    text: explanation,
    card: noticeCard({ title: `Not verified yet: ${areaNames(pending)}`, color: 'Warning', paragraphs: [explanation], facts: [], links: [], buttons: [] }),
  };
}
