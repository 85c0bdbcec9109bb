import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';

/** Builders for activities shaped the way Microsoft Teams sends them to a bot. */

export const BOT = { id: '28:7f2c1a9e-bot0-4b1e-9c3a-5d7e00000001', name: 'Tikit Consent' };
export const TENANT_A = '4f0c9a2e-8b1d-4c3a-9e7f-1a2b3c4d5e6f';
export const TENANT_B = '9d8c7b6a-5f4e-4d3c-8b2a-0f1e2d3c4b5a';

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

export function teamsUser(name = 'Adele Vance'): TeamsUser {
  const aadObjectId = randomUUID();
  return { id: `29:1${aadObjectId.replace(/-/g, '')}`, aadObjectId, name };
}

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface TeamsConversation {
  kind: ConversationKind;
  id: string;
  tenantId: string;
  teamId?: string;
}

export function conversation(kind: ConversationKind, tenantId = TENANT_A): TeamsConversation {
  const suffix = randomUUID().replace(/-/g, '');
  switch (kind) {
    case 'personal':
      return { kind, tenantId, id: `a:1${suffix}` };
    case 'groupChat':
      return { kind, tenantId, id: `19:${suffix}@thread.v2` };
    case 'channel': {
      const teamId = `19:${suffix}@thread.tacv2`;
      return { kind, tenantId, teamId, id: `${teamId};messageid=${Date.now()}` };
    }
  }
}

function base(serviceUrl: string, where: TeamsConversation, from: TeamsUser): Partial<Activity> {
  const channelData: Record<string, unknown> = { tenant: { id: where.tenantId } };
  if (where.kind === 'channel') {
    channelData.team = { id: where.teamId, name: 'IT Help Desk' };
    channelData.channel = { id: where.teamId, name: 'General' };
  }
  return {
    id: `1${Date.now()}${Math.floor(Math.random() * 1000)}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date(),
    localTimezone: 'Europe/Berlin',
    locale: 'en-US',
    from: { id: from.id, name: from.name, aadObjectId: from.aadObjectId },
    recipient: { id: BOT.id, name: BOT.name },
    conversation: {
      id: where.id,
      conversationType: where.kind,
      tenantId: where.tenantId,
      isGroup: where.kind !== 'personal',
      name: undefined as unknown as string,
    },
    channelData,
  };
}

/** A message typed by a user; in channels and group chats Teams puts the bot's @mention in the text. */
export function message(serviceUrl: string, where: TeamsConversation, from: TeamsUser, text: string, mention = where.kind !== 'personal'): Partial<Activity> {
  const mentionText = `<at>${BOT.name}</at>`;
  return {
    ...base(serviceUrl, where, from),
    type: 'message',
    textFormat: 'plain',
    text: mention ? `${mentionText} ${text}` : text,
    entities: [
      ...(mention ? [{ type: 'mention', text: mentionText, mentioned: { id: BOT.id, name: BOT.name } }] : []),
      { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' },
    ],
  };
}

/** An Action.Submit press: a message with `value` and no text. */
export function submit(serviceUrl: string, where: TeamsConversation, from: TeamsUser, value: Record<string, unknown>, replyToId?: string): Partial<Activity> {
  return { ...base(serviceUrl, where, from), type: 'message', value, replyToId };
}

/** An Action.Execute press (Universal Actions): an `adaptiveCard/action` invoke. */
export function execute(
  serviceUrl: string,
  where: TeamsConversation,
  from: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  replyToId?: string,
): Partial<Activity> {
  return {
    ...base(serviceUrl, where, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
  };
}

/** The bot was installed: personal app, added to a group chat, or added to a team. */
export function botInstalled(serviceUrl: string, where: TeamsConversation, by: TeamsUser): Partial<Activity> {
  const activity = { ...base(serviceUrl, where, by), type: 'conversationUpdate', membersAdded: [{ id: BOT.id, name: BOT.name }] };
  if (where.kind === 'channel') (activity.channelData as Record<string, unknown>).eventType = 'teamMemberAdded';
  return activity;
}
