import type { Attachment } from 'botbuilder';
import { consentCard } from '../cards/consent';
import { appDisplayName, requiredPermissions } from '../permissions/catalog';
import type { ConsentStep } from '../permissions/consent-plan';
import { featureNames } from './review-presenter';
import type { PendingConsent } from './tenant-record';
import type { FeatureId } from '../permissions/types';

function stepTitle(step: Pick<ConsentStep, 'kind' | 'areas'>): string {
  if (step.kind === 'base') return `Tikit's base permissions (${requiredPermissions().length} Required)`;
  return featureNames(step.areas as FeatureId[]);
}

function explanation(pending: PendingConsent): string {
  switch (pending.kind) {
    case 'base':
      return "Every Tikit feature builds on these: sign-in, roles (RBAC), setup, attachments and people pickers. Microsoft's screen lists them all; they are granted for your whole organization.";
    case 'delegated':
      return `Microsoft's screen names the ${pending.scopes.length} delegated permissions Tikit uses for ${featureNames(pending.journeyFeatures.filter((f) => f !== 'email-connector'))}, together with those of the features already on, so nothing in use is dropped.`;
    case 'application':
      return `The ${appDisplayName(pending.app)} app reads and sends mail with its own identity (application permissions Mail.Read and Mail.Send), so only a Global Administrator or Privileged Role Administrator can grant it.`;
  }
}

function instructions(pending: PendingConsent): string[] {
  const signIn = 'Step 1: select **Open Microsoft consent** and sign in as a Microsoft 365 administrator of this organization.';
  if (pending.kind === 'delegated') {
    return [
      signIn,
      'Step 2: review the permissions, tick **Consent on behalf of your organization**, then select **Accept**.',
      'Step 3: come back here: I check with Microsoft what was granted and confirm in this chat.',
    ];
  }
  return [
    signIn,
    'Step 2: review the permissions and select **Accept** (this consent is for your whole organization).',
    'Step 3: come back here: I check with Microsoft what was granted and confirm in this chat.',
  ];
}

export interface StepPosition {
  index: number;
  total: number;
}

/** The consent sign-in card: what will happen, in the admin's words, and the button to Microsoft. */
export function consentCardFor(pending: PendingConsent, url: string, position: StepPosition): Attachment {
  const stepLabel = position.total > 1 ? `Step ${position.index} of ${position.total} · ` : '';
  return consentCard({
    title: `Consent: ${stepTitle(pending)}`,
    stepLabel: `${stepLabel}${appDisplayName(pending.app)} app registration`,
    explanation: explanation(pending),
    instructions: instructions(pending),
    expiry: `This link is for your organization only, works once and expires at ${pending.expiresAt.slice(11, 16)} UTC.`,
    consentUrl: url,
    checkData: { consentId: pending.id },
    cancelData: { consentId: pending.id },
  });
}
