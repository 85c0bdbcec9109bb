import type { ConversationState, TurnContext } from 'botbuilder';
import type { AccessRequests } from './access-requests';
import type { AdminChecks } from './admin-checks';
import type { ConsentRecheck } from './consent-recheck';
import type { ConsentRequests } from './consent-requests';
import type { FeatureDisabler } from './disable-feature';
import { featureSettingsAttachment } from './feature-settings';
import type { GrantProbe } from './live-grants';
import { OUTSIDE_TENANT_MESSAGE, tenantIdOf } from './requester';
import type { TenantRecord, TenantRecords } from './tenant-record';

/** What the message and card-action routers work with, built once by the composition root. */
export interface RouterDependencies {
  conversationState: ConversationState;
  tenants: TenantRecords;
  consents: ConsentRequests;
  disabler: FeatureDisabler;
  recheck: ConsentRecheck;
  probe: GrantProbe;
  requests: AccessRequests;
  adminChecks: AdminChecks;
  now: () => Date;
}

/** Runs `use` with this tenant's record, or says the bot only works inside an organization. */
export async function withRecord(context: TurnContext, tenants: TenantRecords, use: (record: TenantRecord) => Promise<void>): Promise<void> {
  const tenantId = tenantIdOf(context);
  if (!tenantId) {
    await context.sendActivity(OUTSIDE_TENANT_MESSAGE);
    return;
  }
  await use(await tenants.read(tenantId));
}

export async function showFeatures(context: TurnContext, tenants: TenantRecords, lead?: string): Promise<void> {
  await withRecord(context, tenants, async (record) => {
    await context.sendActivity({ text: lead ?? 'Consent Management', attachments: [featureSettingsAttachment(record)] });
  });
}
