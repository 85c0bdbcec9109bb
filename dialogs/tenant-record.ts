import type { ConversationReference } from 'botbuilder';

/**
 * What the bot keeps per tenant, in one record keyed by the tenant id. Only this tenant's turns and
 * this tenant's signed consent callbacks ever read or change it.
 */
export interface TenantRecord {
  tenantId: string;
  /** Conversations in this tenant where the bot is installed or has been spoken to. */
  conversations: Record<string, KnownConversation>;
}

export interface KnownConversation {
  reference: Partial<ConversationReference>;
  conversationType: string;
  firstSeen: string;
}

export function emptyTenantRecord(tenantId: string): TenantRecord {
  return { tenantId, conversations: {} };
}

/**
 * Reads and changes tenant records. `update` hands `change` a fresh copy of the record to modify and
 * saves it; after a concurrent write it calls `change` again on the newer copy, so `change` must
 * depend only on the record it is given.
 */
export interface TenantRecords {
  read(tenantId: string): Promise<TenantRecord>;
  update<T>(tenantId: string, change: (record: TenantRecord) => T): Promise<T>;
}
