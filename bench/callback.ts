import { randomUUID } from 'node:crypto';
import { startBot } from '../test/support/bot-harness';
import { button, cardOf } from '../test/support/card-reading';
import { DIRECTORY_ROLES, FakeMicrosoft } from '../test/support/fake-microsoft';
import { conversation, execute, message, teamsUser } from '../test/support/teams-activities';
import { PUBLIC_URL, registerTikitApps, TIKIT } from '../test/support/tikit-apps';
import { percentile } from './turn-load';

export interface CallbackBench {
  runs: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Microsoft's redirect → the confirmation at the connector, with the fake Entra ID and Graph
 * answering at once: the bot's own share of a consent (token, Graph reads, record, card update).
 * Needs NODE_EXTRA_CA_CERTS=test/support/certs/ca.pem (npm run bench sets it).
 */
export async function benchCallback(runs = 60): Promise<CallbackBench> {
  const fake = registerTikitApps(await new FakeMicrosoft().start());
  const bot = await startBot({
    AUTHORITY_HOST: fake.origin,
    GRAPH_HOST: fake.origin,
    TIKIT_APP_ID: TIKIT.appId,
    TIKIT_APP_SECRET: TIKIT.secret,
    PUBLIC_URL,
    LOG_LEVEL: 'warn',
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const chat = conversation('personal', randomUUID());
      const admin = teamsUser();
      fake.addUser(chat.tenantId, { oid: admin.aadObjectId, name: admin.name, upn: 'a@contoso.example', roles: [DIRECTORY_ROLES.globalAdministrator] });
      await bot.send(message(bot.connector.url, chat, admin, 'enable intune connector'));
      const review = bot.connector.posted(chat.id)[0]!;
      const target = button(cardOf(review), 'Continue to consent');
      const reviewId = bot.connector.calls.find((c) => c.activity === review)!.assignedId;
      const pressed = await bot.send(execute(bot.connector.url, chat, admin, target.verb!, target.data!, reviewId));
      const link = button(JSON.parse(pressed.body).value, 'Open Microsoft consent').url!;
      const redirect = new URL(fake.followConsentLink(link, { userOid: admin.aadObjectId }));
      const started = process.hrtime.bigint();
      await fetch(`${bot.url}${redirect.pathname}${redirect.search}`).then((r) => r.text());
      await bot.connector.waitFor((calls) => calls.some((c) => c.method === 'PUT' && c.activityId === reviewId));
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  } finally {
    await bot.stop();
    await fake.stop();
  }
  return { runs, p50Ms: percentile(times, 50), p99Ms: percentile(times, 99) };
}
