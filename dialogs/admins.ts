import type { ConversationReference } from 'botbuilder';
import type { TenantRecord } from './tenant-record';

/** Directory roles that can grant consent (MICROSOFT.md §2), by role template id. */
export const ADMIN_ROLES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
};

/** A role check is trusted for a working day; after that the user signs in again. */
export const VERIFICATION_HOURS = 8;

export interface VerifiedUser {
  name: string;
  /** Admin role template ids Graph showed (empty: signed in, holds none). */
  adminRoleIds: string[];
  verifiedAt: string;
  expiresAt: string;
  /** Where they talked to the bot: requests from colleagues reach them there. */
  reference: Partial<ConversationReference>;
}

export type AdminStanding = { kind: 'admin'; roles: string[]; until: string } | { kind: 'not-admin' } | { kind: 'unverified' };

/** What the bot knows of a user's admin roles now: verified (and unexpired), or not known. */
export function standingOf(record: TenantRecord, userId: string, now: Date): AdminStanding {
  const user = record.users[userId];
  if (!user || Date.parse(user.expiresAt) <= now.getTime()) return { kind: 'unverified' };
  if (user.adminRoleIds.length === 0) return { kind: 'not-admin' };
  return { kind: 'admin', roles: user.adminRoleIds.map((id) => ADMIN_ROLES[id]!), until: user.expiresAt };
}

/** Records what Graph showed of a user's directory roles (only the admin ones are kept). */
export function recordRoles(
  record: TenantRecord,
  user: { userId: string; userName: string },
  roleTemplateIds: string[],
  reference: Partial<ConversationReference>,
  now: Date,
): void {
  record.users[user.userId] = {
    name: user.userName,
    adminRoleIds: roleTemplateIds.filter((id) => ADMIN_ROLES[id] !== undefined),
    verifiedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + VERIFICATION_HOURS * 3600_000).toISOString(),
    reference,
  };
}

/** Users ever verified as admins of this tenant: they hear of their colleagues' requests. */
export function knownAdmins(record: TenantRecord): Array<VerifiedUser & { userId: string }> {
  return Object.entries(record.users)
    .filter(([, user]) => user.adminRoleIds.length > 0)
    .map(([userId, user]) => ({ ...user, userId }));
}
