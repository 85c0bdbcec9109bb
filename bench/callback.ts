import { randomUUID } from 'node:crypto';
import { rowsFor } from '../permissions/catalog';
import { startBot } from '../test/support/bot-harness';
import { button, cardOf } from '../test/support/card-reading';
import { DIRECTORY_ROLES, FakeMicrosoft } from '../test/support/fake-microsoft';
import { conversation, execute, message, teamsUser } from '../test/support/teams-activities';
import { percentile } from './turn-load';

const TIKIT = { appId: '6b7c1f0e-2d3a-4b5c-8d9e-0f1a2b3c4d5e', secret: 'bench-secret' };
const PUBLIC_URL = 'https://consent.contoso.example';

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
  const fake = await new FakeMicrosoft().start();
  fake.registerApp(TIKIT.appId, TIKIT.secret, {
    redirectUris: [`${PUBLIC_URL}/api/consent/callback`],
    delegated: rowsFor(['required'], 'tikit', 'Delegated').map((r) => r.name),
    application: rowsFor(['required'], 'tikit', 'Application').map((r) => r.name),
  });
  const bot = await startBot({ AUTHORITY_HOST: fake.origin, GRAPH_HOST: fake.origin, TIKIT_APP_ID: TIKIT.appId, TIKIT_APP_SECRET: TIKIT.secret, PUBLIC_URL, LOG_LEVEL: 'warn' });
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
