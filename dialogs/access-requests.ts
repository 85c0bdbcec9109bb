import { randomUUID } from 'node:crypto';
import type { Attachment, ConversationReference } from 'botbuilder';
import { noticeCard } from '../cards/notice';
import { getFeature, rowsFor } from '../permissions/catalog';
import { whoCanGrant } from '../permissions/consent-errors';
import type { FeatureId } from '../permissions/types';
import { knownAdmins } from './admins';
import { type Notify, tellChat } from './tell-chat';
import type { Requester } from './consent-requests';
import { featureNames } from './review-presenter';
import { addEvent, type AccessRequest, type TenantRecord, type TenantRecords } from './tenant-record';

export const REQUEST_LIFETIME_DAYS = 7;

/** Open requests that have not expired, oldest first. */
export function openRequests(record: TenantRecord, now: Date): AccessRequest[] {
  return Object.values(record.requests)
    .filter((r) => r.status === 'open' && Date.parse(r.expiresAt) > now.getTime())
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Marks granted the open requests whose features are all on now; returns them (to tell the requesters). */
export function settleGrantedRequests(record: TenantRecord, by: string, at: Date): AccessRequest[] {
  const settled = openRequests(record, at).filter((r) => r.features.every((f) => record.features[f]?.enabled));
  for (const request of settled) {
    request.status = 'granted';
    request.decidedBy = by;
    addEvent(record, { at: at.toISOString(), by, action: 'request-granted', areas: request.features, detail: `requested by ${request.requesterName}` });
  }
  return settled;
}

export function grantedText(request: AccessRequest): string {
  return `${request.decidedBy ?? 'An administrator'} granted your request: ${featureNames(request.features)} ${request.features.length === 1 ? 'is' : 'are'} now on.`;
}

/** A colleague's request, as the admins see it: what, why, and the two answers. */
export function requestCard(request: AccessRequest): Attachment {
  const rows = request.features.flatMap((feature) => [
    ...rowsFor([feature], getFeature(feature).apps[0]!, 'Delegated'),
    ...rowsFor([feature], getFeature(feature).apps[0]!, 'Application'),
  ]);
  return noticeCard({
    title: `${request.requesterName} asks to enable ${featureNames(request.features)}`,
    color: 'Accent',
    paragraphs: [
      ...request.features.map((feature) => `${getFeature(feature).displayName}: ${getFeature(feature).description}`),
      `Open until ${request.expiresAt.slice(0, 10)}. Granting needs ${whoCanGrant(request.features.includes('email-connector') ? 'application' : 'delegated')}.`,
    ],
    facts: rows.map((row) => ({ title: `${row.name} (${row.type})`, value: row.reason })),
    links: [],
    buttons: [
      { title: 'Review and consent', verb: 'request.approve', data: { requestId: request.id } },
      { title: 'Decline', verb: 'request.decline', data: { requestId: request.id } },
    ],
  });
}

/**
 * Non-admins ask; the tenant's known admins hear of it in their own chat with the bot; the requester
 * is told when an admin grants or declines. Every request lives in its tenant's record only.
 */
export class AccessRequests {
  constructor(
    private readonly tenants: TenantRecords,
    private readonly notify: Notify,
    private readonly now: () => Date,
  ) {}

  async ask(reference: Partial<ConversationReference>, requester: Requester, features: FeatureId[]): Promise<string> {
    const now = this.now();
    const { request, admins } = await this.tenants.update(requester.tenantId, (record) => {
      const same = openRequests(record, now).find((r) => r.requesterId === requester.userId && r.features.join() === features.join());
      const request = same ?? this.create(record, reference, requester, features, now);
      return { request, admins: knownAdmins(record).filter((a) => a.reference.conversation?.id && a.userId !== requester.userId) };
    });
    for (const admin of admins)
      await tellChat(this.notify, admin.reference, async (context) => void (await context.sendActivity({ attachments: [requestCard(request)] })));
    if (admins.length === 0) {
      return `I recorded your request for ${featureNames(features)}, but no administrator of your organization has talked to me yet. Ask one (${whoCanGrant(features.includes('email-connector') ? 'application' : 'delegated')}) to message me "requests".`;
    }
    return `I asked ${admins.map((a) => a.name).join(', ')} to enable ${featureNames(features)}. I'll tell you here when it is granted or declined.`;
  }

  /** An admin declines: the request closes and the requester hears who declined. */
  async decline(admin: Requester, requestId: string): Promise<string> {
    const now = this.now();
    const request = await this.tenants.update(admin.tenantId, (record) => {
      const found = openRequests(record, now).find((r) => r.id === requestId);
      if (!found) return undefined;
      found.status = 'declined';
      found.decidedBy = admin.userName;
      addEvent(record, {
        at: now.toISOString(),
        by: admin.userName,
        action: 'request-declined',
        areas: found.features,
        detail: `requested by ${found.requesterName}`,
      });
      return found;
    });
    if (!request) return 'That request is no longer open: it was answered, or it expired.';
    await this.tellRequester(request, `${admin.userName} declined your request to enable ${featureNames(request.features)}.`);
    return `Declined. ${request.requesterName} has been told.`;
  }

  /** The features of an open request, for an admin who goes on to review and consent. */
  async featuresOf(tenantId: string, requestId: string): Promise<FeatureId[] | undefined> {
    const record = await this.tenants.read(tenantId);
    return openRequests(record, this.now()).find((r) => r.id === requestId)?.features;
  }

  /** Best effort: the outcome is recorded either way, and a chat the bot left must not fail a consent. */
  async tellRequester(request: AccessRequest, text: string): Promise<void> {
    if (request.reference.conversation?.id) await tellChat(this.notify, request.reference, async (context) => void (await context.sendActivity(text)));
  }

  private create(record: TenantRecord, reference: Partial<ConversationReference>, requester: Requester, features: FeatureId[], now: Date): AccessRequest {
    const request: AccessRequest = {
      id: randomUUID(),
      requesterId: requester.userId,
      requesterName: requester.userName,
      features,
      reference,
      status: 'open',
      decidedBy: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + REQUEST_LIFETIME_DAYS * 86_400_000).toISOString(),
    };
    record.requests[request.id] = request;
    addEvent(record, { at: now.toISOString(), by: requester.userName, action: 'request-opened', areas: features, detail: 'asked an admin' });
    return request;
  }
}
