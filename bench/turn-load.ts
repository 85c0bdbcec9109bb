import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { FakeConnector } from '../test/support/fake-connector';
import { conversation, execute, message, type TeamsConversation, type TeamsUser, teamsUser } from '../test/support/teams-activities';

/** One representative turn: how to set a conversation up for it, and the activity to send. */
export interface TurnKind {
  name: string;
  /** Runs once per conversation before measuring (e.g. starting a journey whose button is pressed). */
  prepare?: (session: Session) => Promise<void>;
  activity: (session: Session) => Partial<Activity>;
  /** Each turn in a new conversation: the turn as it happens first in a chat (no journey to replace). */
  fresh?: boolean;
}

export interface Session {
  url: string;
  connector: FakeConnector;
  chat: TeamsConversation;
  user: TeamsUser;
  /** What `prepare` left for `activity` (a card's id and button data). */
  memo: Record<string, unknown>;
}

export interface LoadResult {
  latenciesMs: number[];
  wallMs: number;
  errors: number;
}

export async function post(url: string, activity: Partial<Activity>): Promise<number> {
  const response = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  await response.arrayBuffer();
  return response.status;
}

/**
 * `concurrency` conversations (each its own tenant, as in real use) send `turns` turns in all, each
 * conversation one at a time. A turn's latency runs from POST to its HTTP answer: the bot awaits its
 * replies to the connector before answering, so every reply has arrived by then.
 */
export async function runLoad(url: string, connector: FakeConnector, kind: TurnKind, concurrency: number, turns: number): Promise<LoadResult> {
  const sessions: Session[] = Array.from({ length: concurrency }, () => ({ url, connector, chat: conversation('personal', randomUUID()), user: teamsUser(), memo: {} }));
  for (const session of sessions) await kind.prepare?.(session);
  const latenciesMs: number[] = [];
  let errors = 0;
  let remaining = turns;
  const started = process.hrtime.bigint();
  await Promise.all(
    sessions.map(async (session) => {
      while (remaining > 0) {
        remaining -= 1;
        if (kind.fresh) session.chat = conversation('personal', randomUUID());
        const t0 = process.hrtime.bigint();
        const status = await post(url, kind.activity(session));
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status !== 200) errors += 1;
      }
    }),
  );
  return { latenciesMs, wallMs: Number(process.hrtime.bigint() - started) / 1e6, errors };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The turns the benchmark measures: a question, a journey start, the feature card, a button press. */
export const TURN_KINDS: TurnKind[] = [
  { name: 'question', activity: (s) => message(s.connector.url, s.chat, s.user, 'why does Tikit need Mail.Send?') },
  { name: 'enable', fresh: true, activity: (s) => message(s.connector.url, s.chat, s.user, 'enable intune connector') },
  { name: 'feature card', activity: (s) => message(s.connector.url, s.chat, s.user, 'features') },
  {
    name: 'button press',
    prepare: async (s) => {
      await post(s.url, message(s.connector.url, s.chat, s.user, 'enable intune connector'));
      const call = s.connector.calls.filter((c) => c.conversationId === s.chat.id).at(-1);
      const actions = ((call?.activity.attachments?.[0]?.content as { actions?: Array<{ verb?: string; data?: Record<string, unknown> }> })?.actions ?? []);
      s.memo = { replyToId: call?.assignedId, data: actions.find((a) => a.verb === 'consent.start')?.data ?? {} };
    },
    activity: (s) => execute(s.connector.url, s.chat, s.user, 'consent.start', s.memo.data as Record<string, unknown>, s.memo.replyToId as string | undefined),
  },
];
