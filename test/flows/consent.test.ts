import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureId } from '../../permissions/types';
import { visibleText } from '../support/card-reading';
import { arrive, type ConsentWorld, consentLinkOf, EMAIL, newAdmin, startConsentWorld, startEnable, TIKIT } from './consent-support';

let world: ConsentWorld;
beforeAll(async () => {
  world = await startConsentWorld();
});
afterAll(async () => world.stop());

const PHRASES: Record<FeatureId, string> = {
  'teams-meetings': 'enable teams meetings',
  'my-work': 'enable my work',
  'email-connector': 'enable the email connector',
  'intune-connector': 'enable intune connector',
  'teams-app-management': 'enable teams app management',
};

describe('consent accepted, verified with Microsoft, confirmed in the chat', () => {
  it.each(Object.keys(PHRASES) as FeatureId[])(
    'when an admin enables %s in a new tenant, then base and feature are verified and the feature is on',
    async (feature) => {
      const admin = newAdmin(world);
      const { link, reviewId } = await startEnable(world, admin, PHRASES[feature]);

      // Step 1: the base set, through admin consent.
      const basePage = await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId }));
      expect(basePage.status).toBe(200);
      expect(basePage.html).toContain('Consent verified');
      const baseUpdate = world.bot.connector
        .updates(admin.chat.id)
        .find((u) => u.activityId === reviewId && visibleText(u.activity.attachments?.[0]?.content).includes('Consent verified'));
      expect(baseUpdate).toBeDefined();

      // Step 2: the feature's consent card arrives in the chat by itself.
      const nextCard = world.bot.connector
        .posted(admin.chat.id)
        .map((a) => a.attachments?.[0]?.content)
        .find((c) => visibleText(c).includes('Step 2 of 2'));
      expect(nextCard).toBeDefined();
      const featureLink = consentLinkOf(nextCard);
      expect(new URL(featureLink).searchParams.get('client_id')).toBe(feature === 'email-connector' ? EMAIL.appId : TIKIT.appId);
      const page = await arrive(world, world.fake.followConsentLink(featureLink, { userOid: admin.teams.aadObjectId, tenantWide: true }));
      expect(page.status).toBe(200);

      const record = await world.bot.tenants.read(admin.chat.tenantId);
      expect(record.features[feature]?.enabled).toBe(true);
      expect(record.grants.baseGranted).toBe(true);
      expect(record.pendingConsents).toEqual({});
      const said = world.bot.connector.posted(admin.chat.id).map((a) => a.text ?? '');
      expect(said.some((t) => t.includes(' is on: '))).toBe(true);
      expect(record.history.filter((e) => e.action === 'consent-granted')).toHaveLength(2);
    },
  );

  it("when the admin cancels on Microsoft's screen, then nothing changes and the chat says so", async () => {
    const admin = newAdmin(world);
    const { link, reviewId } = await startEnable(world, admin, 'enable intune');
    const page = await arrive(world, world.fake.followConsentLink(link, { userOid: admin.teams.aadObjectId, decline: true }));
    expect(page.status).toBe(200);
    expect(page.html).toContain('Consent was not given');
    const card = world.bot.connector
      .updates(admin.chat.id)
      .filter((u) => u.activityId === reviewId)
      .at(-1)!.activity.attachments![0]!.content;
    expect(visibleText(card)).toContain('cancelled on Microsoft');
    const record = await world.bot.tenants.read(admin.chat.tenantId);
    expect(record.grants.baseGranted).toBe(false);
    expect(record.history.at(-1)).toMatchObject({ action: 'consent-failed', detail: 'declined' });
  });
});
