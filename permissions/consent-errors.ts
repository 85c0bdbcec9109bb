import type { ConsentStepKind } from './consent-plan';

/**
 * Why a consent did not happen, from Microsoft's `error` and AADSTS number (MICROSOFT.md §2).
 * Branch on these reasons, never on Microsoft's wording, which changes.
 */
export type ConsentFailureReason =
  | 'declined'
  | 'not-admin'
  | 'admin-consent-workflow'
  | 'wrong-directory'
  | 'app-not-in-directory'
  | 'redirect-uri'
  | 'service-missing'
  | 'code-expired'
  | 'not-granted'
  | 'unknown';

const BY_AADSTS: Record<number, ConsentFailureReason> = {
  65001: 'not-granted',
  65004: 'declined',
  90093: 'not-admin',
  90094: 'not-admin',
  90095: 'admin-consent-workflow',
  50020: 'wrong-directory',
  700016: 'app-not-in-directory',
  50011: 'redirect-uri',
  500113: 'redirect-uri',
  650052: 'service-missing',
  70008: 'code-expired',
};

/** The AADSTS number in an error description or message ("AADSTS65004: User declined…"). */
export function aadstsCode(text: string | undefined): number | undefined {
  const match = /AADSTS(\d{4,7})/.exec(text ?? '');
  return match ? Number(match[1]) : undefined;
}

export function failureReason(error: string, description: string | undefined): ConsentFailureReason {
  const code = aadstsCode(description);
  if (code !== undefined && BY_AADSTS[code]) return BY_AADSTS[code];
  if (error === 'access_denied' || error === 'consent_required') return 'declined';
  return 'unknown';
}

const WHO_CAN_GRANT_ANY = 'a Global Administrator or a Privileged Role Administrator';
const WHO_CAN_GRANT_DELEGATED = `${WHO_CAN_GRANT_ANY}; for delegated permissions also a Cloud Application Administrator or an Application Administrator`;

/** Who may grant a consent of this kind: application permissions need the two highest roles. */
export function whoCanGrant(kind: ConsentStepKind): string {
  return kind === 'delegated' ? WHO_CAN_GRANT_DELEGATED : WHO_CAN_GRANT_ANY;
}

/** The failure in plain words, with what to do next. */
export function explainFailure(reason: ConsentFailureReason, kind: ConsentStepKind, code?: number): string {
  switch (reason) {
    case 'declined':
      return "The consent was cancelled on Microsoft's screen, so nothing changed. Start again when you are ready.";
    case 'not-admin':
      return `The account that signed in cannot grant this consent. It needs ${whoCanGrant(kind)}. Ask one of them, or sign in with such an account.`;
    case 'admin-consent-workflow':
      return `Your organization routes consent through its admin consent request workflow, so the account that signed in could only request it. It must be granted by ${whoCanGrant(kind)}.`;
    case 'wrong-directory':
      return 'The account that signed in belongs to another organization (directory). Sign in with an administrator account of this organization.';
    case 'app-not-in-directory':
      return 'Microsoft could not find the Tikit app in this organization: check that you signed in to the right tenant.';
    case 'redirect-uri':
      return "The app registration does not list this bot's callback address as a redirect URI. An operator must add it (see the deployment guide).";
    case 'service-missing':
      return 'This organization does not have the Microsoft service this feature needs (for example Exchange Online for the Email Connector), so it cannot work here.';
    case 'code-expired':
      return "Microsoft's answer expired or was already used before I could check it. Start the consent again.";
    case 'not-granted':
      return 'Microsoft does not show the permissions as granted to Tikit in this organization. Open the link again and accept all of them.';
    case 'unknown':
      return `Microsoft reported an error${code ? ` (AADSTS${code}, explained at https://login.microsoftonline.com/error?code=${code})` : ''}. Nothing changed; try again, and if it repeats, check the app registration.`;
  }
}
