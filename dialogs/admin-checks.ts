import { randomUUID } from 'node:crypto';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { noticeCard } from '../cards/notice';
import { failureReason, explainFailure } from '../permissions/consent-errors';
import { authorizeUrl } from '../permissions/consent-link';
import { ADMIN_CHECK_SCOPE, type ConsentVerifier } from '../permissions/consent-verifier';
import type { AppCredentials } from '../permissions/entra-tokens';
import { codeChallengeFor, createCodeVerifier } from '../permissions/pkce';
import { type ConsentState, signState, STATE_LIFETIME_SECONDS } from '../permissions/state-token';
import { recordRoles, standingOf, VERIFICATION_HOURS } from './admins';
import type { CallbackPage, CallbackQuery } from './consent-callback';
import { NOT_TOLD, tellChat } from './tell-chat';
import type { ConsentSettings, Requester } from './consent-requests';
import type { Outcome } from './outcome-presenter';
import { addEvent, type AdminCheck, type TenantRecord, type TenantRecords } from './tenant-record';

export interface AdminCheckDependencies {
  tenants: TenantRecords;
  settings: ConsentSettings;
  verifier: ConsentVerifier;
  credentials: AppCredentials | undefined;
  now: () => Date;
  notify: (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;
}

/**
 * "Confirm you are an admin": a short sign-in (User.Read) whose token shows the signer's directory
 * roles. Microsoft enforces who can consent; this lets the bot enforce who may turn features off and
 * act on colleagues' requests, which Microsoft cannot see.
 */
export class AdminChecks {
  constructor(private readonly deps: AdminCheckDependencies) {}

  /** A card with a one-time sign-in link for this user, bound to this conversation. */
  async offer(reference: Partial<ConversationReference>, requester: Requester, why: string): Promise<Outcome> {
    const now = this.deps.now();
    const check: AdminCheck = {
      id: randomUUID(),
      userId: requester.userId,
      userName: requester.userName,
      reference,
      codeVerifier: createCodeVerifier(),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + STATE_LIFETIME_SECONDS * 1000).toISOString(),
    };
    await this.deps.tenants.update(requester.tenantId, (record) => {
      for (const [id, old] of Object.entries(record.adminChecks)) if (Date.parse(old.expiresAt) <= now.getTime()) delete record.adminChecks[id];
      record.adminChecks[check.id] = check;
    });
    const paragraphs = [
      why,
      `Sign in with your Microsoft 365 account: I read your directory roles once and trust them for ${VERIFICATION_HOURS} hours. Nothing is granted by this sign-in.`,
    ];
    const links = [{ title: 'Confirm I am an admin', url: this.linkFor(check, requester.tenantId, reference.conversation?.id ?? '') }];
    return { text: why, card: noticeCard({ title: 'Administrators only', color: 'Warning', paragraphs, facts: [], links, buttons: [] }) };
  }

  async complete(state: ConsentState, query: CallbackQuery): Promise<CallbackPage> {
    const check = await this.consume(state);
    if (!check) return { status: 409, title: 'This sign-in link was already used', message: 'Each link works once. Nothing was changed; ask again in Teams.' };
    const outcome = await this.outcomeFor(state.tenantId, check, query);
    const told = await tellChat(
      this.deps.notify,
      check.reference,
      async (context) => void (await context.sendActivity({ text: outcome.text, attachments: [outcome.card] })),
    );
    return { status: 200, title: outcome.title, message: `${outcome.text} You can close this tab and return to Microsoft Teams.${told ? '' : NOT_TOLD}` };
  }

  private async outcomeFor(tenantId: string, check: AdminCheck, query: CallbackQuery): Promise<CheckOutcome> {
    if (query.error !== undefined) return notice('Not confirmed', explainFailure(failureReason(query.error, query.error_description), 'delegated'));
    if (!this.deps.credentials || !query.code)
      return notice('Not confirmed', 'I cannot check roles: this bot runs without TIKIT_APP_SECRET (local mode), so sign-ins are not verified.');
    const { clientIds } = this.deps.settings;
    const redemption = { code: query.code, redirectUri: this.deps.settings.redirectUri, codeVerifier: check.codeVerifier };
    const result = await this.deps.verifier.verifyAdmin(this.deps.credentials, tenantId, redemption, [clientIds['tikit-email-connector']]);
    if (result.kind === 'unavailable') return notice('Not confirmed yet', 'Microsoft did not answer. Nothing was changed; try again in a moment.');
    if (result.kind === 'wrong-tenant') return notice('Not confirmed', explainFailure('wrong-directory', 'delegated'));
    if (result.kind === 'rejected') return notice('Not confirmed', explainFailure(result.failure, 'delegated', result.aadsts));
    // The sign-in must be the Teams user who asked: another account proves nothing about them.
    if (result.userId !== check.userId)
      return notice('Not confirmed', 'You signed in with a different account than the one you use in Teams. Sign in with your own account.');
    const now = this.deps.now();
    const standing = await this.deps.tenants.update(tenantId, (record) => {
      recordRoles(record, { userId: check.userId, userName: check.userName }, result.roleTemplateIds, check.reference, now);
      recordWhatTheSignInSaw(record, result, clientIds, now);
      addEvent(record, {
        at: now.toISOString(),
        by: check.userName,
        action: 'admin-verified',
        areas: [],
        detail: `roles: ${record.users[check.userId]!.adminRoleIds.length}`,
      });
      return standingOf(record, check.userId, now);
    });
    if (standing.kind !== 'admin')
      return notice(
        'No admin role',
        'Your account holds none of the roles that can grant consent (Global Administrator, Privileged Role Administrator, Cloud Application Administrator, Application Administrator).',
      );
    return notice(
      'Confirmed',
      `You are confirmed as ${standing.roles.join(', ')} until ${standing.until.slice(11, 16)} UTC. Press the button again, or repeat your request.`,
      'Good',
    );
  }

  private async consume(state: ConsentState): Promise<AdminCheck | undefined> {
    return this.deps.tenants.update(state.tenantId, (record) => {
      const check = record.adminChecks[state.id];
      if (!check || check.userId !== state.userId || check.reference.conversation?.id !== state.conversationId) return undefined;
      delete record.adminChecks[state.id];
      return check;
    });
  }

  private linkFor(check: AdminCheck, tenantId: string, conversationId: string): string {
    const exp = Math.floor(Date.parse(check.expiresAt) / 1000);
    const state = signState(
      { id: check.id, tenantId, conversationId, userId: check.userId, app: 'tikit', areas: [], purpose: 'admin-check', exp },
      this.deps.settings.stateSecret,
    );
    const endpoint = {
      authorityHost: this.deps.settings.authorityHost,
      tenantId,
      clientId: this.deps.settings.clientIds.tikit,
      redirectUri: this.deps.settings.redirectUri,
      state,
    };
    return authorizeUrl(endpoint, this.deps.settings.graphHost, [ADMIN_CHECK_SCOPE], codeChallengeFor(check.codeVerifier), false);
  }
}

type CheckOutcome = Outcome & { title: string };

function notice(title: string, text: string, color: 'Good' | 'Warning' = 'Warning'): CheckOutcome {
  return { title, text, card: noticeCard({ title, color, paragraphs: [text], facts: [], links: [], buttons: [] }) };
}

/** The sign-in's token also confirms the base set's delegated rows and names the apps' service principals. */
function recordWhatTheSignInSaw(
  record: TenantRecord,
  seen: { servicePrincipalIds: Record<string, string>; tikitTenantWide?: string[] },
  clientIds: ConsentSettings['clientIds'],
  now: Date,
): void {
  const ids = { ...record.grants.servicePrincipalIds };
  for (const app of ['tikit', 'tikit-email-connector'] as const) {
    const id = seen.servicePrincipalIds[clientIds[app]];
    if (id) ids[app] = id;
  }
  record.grants.servicePrincipalIds = ids;
  if (seen.tikitTenantWide) {
    record.grants.tikitDelegated = seen.tikitTenantWide;
    record.grants.checkedAt = now.toISOString();
  }
}
