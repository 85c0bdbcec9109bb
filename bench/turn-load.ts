import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import type { FakeConnector } from '../test/support/fake-connector';
import { conversation, execute, message, type TeamsConversation, type TeamsUser, teamsUser } from '../test/support/teams-activities';

/** One representative turn: how to set a conversation up for it, and the activity to send. */
export interface TurnKind {
  name: string;
  /** Runs before the clock starts, once per conversation (e.g. starting a journey whose button is pressed). */
  prepare?: (session: Session) => Promise<void>;
  activity: (session: Session) => Partial<Activity>;
  /**
   * Each turn in a new conversation of a new tenant, prepared beforehand: the turn as it happens the
   * first time (no journey to replace, no consent already open), not a repeat of it.
   */
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
  /** CPU time (user + system) the server process spent per timed turn; NaN where /proc is missing. */
  cpuMsPerTurn: number;
}

/** The server under load: where to POST, and its process for the CPU it used. */
export interface Target {
  url: string;
  pid: number | undefined;
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

const PREPARE_BATCH = 16;

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
export async function runLoad({ url, pid }: Target, connector: FakeConnector, kind: TurnKind, concurrency: number, turns: number): Promise<LoadResult> {
  const newSession = (): Session => ({ url, connector, chat: conversation('personal', randomUUID()), user: teamsUser(), memo: {} });
  const sessions = Array.from({ length: concurrency }, newSession);
  // Fresh turns each take a prepared session of their own; the others reuse the conversation's.
  const prepared = kind.fresh ? Array.from({ length: turns }, newSession) : sessions;
  for (let i = 0; i < prepared.length; i += PREPARE_BATCH) await Promise.all(prepared.slice(i, i + PREPARE_BATCH).map(async (s) => kind.prepare?.(s)));
  const latenciesMs: number[] = [];
  let errors = 0;
  let remaining = turns;
  const started = process.hrtime.bigint();
  const cpuBefore = cpuMsOf(pid);
  await Promise.all(
    sessions.map(async (session) => {
      while (remaining > 0) {
        remaining -= 1;
        const turn = kind.fresh ? prepared[remaining]! : session;
        const t0 = process.hrtime.bigint();
        const status = await post(url, kind.activity(turn));
        latenciesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status !== 200) errors += 1;
      }
    }),
  );
  const cpuMsPerTurn = (cpuMsOf(pid) - cpuBefore) / turns;
  return { latenciesMs, wallMs: Number(process.hrtime.bigint() - started) / 1e6, errors, cpuMsPerTurn };
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
    fresh: true,
    prepare: async (s) => {
      await post(s.url, message(s.connector.url, s.chat, s.user, 'enable intune connector'));
      const call = s.connector.calls.findLast((c) => c.conversationId === s.chat.id);
      const actions = (call?.activity.attachments?.[0]?.content as { actions?: Array<{ verb?: string; data?: Record<string, unknown> }> })?.actions ?? [];
      s.memo = { replyToId: call?.assignedId, data: actions.find((a) => a.verb === 'consent.start')?.data ?? {} };
    },
    activity: (s) => execute(s.connector.url, s.chat, s.user, 'consent.start', s.memo.data as Record<string, unknown>, s.memo.replyToId as string | undefined),
  },
];
