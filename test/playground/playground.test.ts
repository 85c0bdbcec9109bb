import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appDisplayName, permissionsForArea, rowsForName } from '../../permissions/catalog';
import { loadConfig } from '../../bot/config';
import { buildAppRegistrations } from '../../scripts/app-registrations';
import {
  cardWith,
  openPlayground,
  PLAYGROUND_PUBLIC_URL,
  type PlaygroundPage,
  type PlaygroundSession,
  playgroundTenantId,
  say,
  startPlaygroundScript,
} from './playground-session';

/*
 * `npm run playground` end to end: the script starts the real bot and the real Microsoft 365 Agents
 * Playground CLI; headless Chromium opens the Playground's page, types as an admin would, and reads
 * the Adaptive Cards the bot sent back through the Playground's mocked Teams connector.
 */

const CARD_TIMEOUT_MS = 15_000;

describe('the Agents Playground, started by npm run playground, against the real bot', () => {
  let session: PlaygroundSession | undefined;
  let playground: PlaygroundPage | undefined;

  beforeAll(async () => {
    session = await startPlaygroundScript();
    playground = await openPlayground(session.url);
  }, 90_000);

  afterAll(async () => {
    await playground?.close();
    await session?.stop();
  }, 30_000);

  it('when the admin asks why Tikit needs Mail.Send, then the permission card answers from the catalog', async () => {
    const { page } = playground!;
    const [mailSend] = rowsForName('Mail.Send');
    await say(page, 'why does Tikit need Mail.Send?');

    const card = cardWith(page, mailSend!.reason);
    await card.waitFor({ timeout: CARD_TIMEOUT_MS });
    const text = await card.innerText();
    expect(text).toContain('Mail.Send');
    expect(text).toContain(mailSend!.type);
    expect(text).toContain(appDisplayName(mailSend!.app));
  }, 30_000);

  it('when the admin enables the Intune Connector and continues, then the review card becomes a consent card for the Playground tenant', async () => {
    const { page } = playground!;
    await say(page, 'enable intune connector');

    const review = cardWith(page, 'Continue to consent');
    await review.waitFor({ timeout: CARD_TIMEOUT_MS });
    const reviewText = await review.innerText();
    for (const row of permissionsForArea('intune-connector')) expect(reviewText).toContain(row.name);

    // Action.Execute through the Playground: the bot answers the invoke and the card is replaced in place.
    await review.getByRole('button', { name: 'Continue to consent' }).click();
    await review.waitFor({ state: 'detached', timeout: CARD_TIMEOUT_MS });
    const signIn = page.locator('.ac-adaptiveCard').last().getByRole('link').first();
    const link = new URL((await signIn.getAttribute('title'))!);
    expect(link.origin).toBe('https://login.microsoftonline.com');
    // The tenant comes from the Playground's activities (its config file), never `common`.
    expect(link.pathname.split('/')[1]).toBe(playgroundTenantId());
    // Microsoft redirects only to a registered URI: the one `npm run app-registration` prints.
    const [tikit] = buildAppRegistrations(loadConfig({ PUBLIC_URL: PLAYGROUND_PUBLIC_URL }));
    expect(link.searchParams.get('redirect_uri')).toBe(tikit!.manifest.web.redirectUris[0]);
  }, 30_000);

  it('when npm run playground is stopped, then it exits 0 and the Playground stops with it', async () => {
    const url = session!.url;
    await playground!.close();
    playground = undefined;
    expect(await session!.stop()).toBe(0);
    await expect(fetch(url, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
  }, 30_000);
});
