import type { Activity, Attachment } from 'botbuilder';
import { featuresUsingCard, type PermissionUse } from '../cards/features-using';
import { permissionCard, type PermissionGrantView } from '../cards/permission';
import { permissionListCard, type PermissionListSection } from '../cards/permission-list';
import { unknownPermissionCard } from '../cards/unknown-permission';
import {
  appDisplayName,
  appRegistrationsForArea,
  areaDisplayName,
  featuresUsingPermission,
  getFeature,
  permissionsForArea,
  rowsForName,
} from '../permissions/catalog';
import type { PermissionLookup } from '../permissions/resolve-permission';
import type { ConsentArea, PermissionRow } from '../permissions/types';
import type { Recognition } from './recognizer';
import { RISK_COLORS } from './risk-color';

/** The recognitions that are questions about the catalog: answered from it, changing nothing. */
export type QuestionRecognition = Extract<Recognition, { intent: 'explain' | 'feature-permissions' | 'features-using' }>;

const MAX_BUTTONS = 3;

export function answerQuestion(recognition: QuestionRecognition): Partial<Activity> {
  switch (recognition.intent) {
    case 'explain':
      return explainPermission(recognition.permission);
    case 'feature-permissions':
      return describeAreas(recognition.areas);
    case 'features-using':
      return describeUses(recognition.permission);
  }
}

/** "why does Tikit need Mail.Read?": every grant of the name, with reason, feature, app and risk. */
export function explainPermission(lookup: PermissionLookup): Partial<Activity> {
  if (lookup.kind === 'unknown') return notRequested(lookup, (name) => `why does Tikit need ${name}?`);
  const rows = rowsForName(lookup.name);
  const grants: PermissionGrantView[] = rows.map((row) => ({
    type: row.type,
    allows: row.allows,
    reason: row.reason,
    usedBy: row.areas.map(areaDisplayName).join(', '),
    app: appDisplayName(row.app),
    risk: capitalized(row.risk),
    riskColor: RISK_COLORS[row.risk],
    couldDo: row.couldDo,
  }));
  const summary = `${lookup.name}: ${grants.map((g) => `${g.type} (${g.usedBy}; ${g.app} app; ${g.risk.toLowerCase()} risk): ${g.reason}.`).join(' ')}`;
  const buttons = featuresUsingPermission(lookup.name).map((id) => askWhatItNeeds(getFeature(id).displayName));
  return reply(permissionCard({ name: lookup.name, heldAs: heldAs(rows), grants, buttons: buttons.slice(0, MAX_BUTTONS), summary }), summary);
}

/** "what does My Work need?", "what is required?": the areas' permissions, compact. */
export function describeAreas(areas: readonly ConsentArea[]): Partial<Activity> {
  const sections = areas.map(section);
  const single = areas.length === 1 ? areas[0] : undefined;
  const count = sections.reduce((sum, s) => sum + s.permissions.length, 0);
  const title =
    single === undefined ? 'What Tikit asks for' : single === 'required' ? "Tikit's Required permissions" : `${areaDisplayName(single)}: what it needs`;
  const intro =
    single === undefined
      ? `${count} permissions across ${areas.length} consent areas; each feature has its own consent, on top of the Required base set.`
      : `${count} permission${count === 1 ? '' : 's'}. Nothing is granted until a Microsoft 365 administrator accepts on Microsoft's consent screen.`;
  const buttons = areas
    .filter((area) => area !== 'required')
    .map((area) => {
      const name = areaDisplayName(area);
      return { title: `Enable ${name}`, value: `enable ${name.toLowerCase()}` };
    });
  const lead = single === undefined ? 'Tikit asks for' : single === 'required' ? "Tikit's Required set is" : `${areaDisplayName(single)} needs`;
  const summary = `${lead} ${shortList([...new Set(sections.flatMap((s) => s.permissions.map((p) => p.name)))])}.`;
  return reply(permissionListCard({ title, intro, sections, buttons: buttons.slice(0, MAX_BUTTONS), summary }), summary);
}

/** "which features use Calendars.ReadWrite?" */
export function describeUses(lookup: PermissionLookup): Partial<Activity> {
  if (lookup.kind === 'unknown') return notRequested(lookup, (name) => `which features use ${name}?`);
  const rows = rowsForName(lookup.name);
  const uses: PermissionUse[] = rows.map((row) => ({
    areas: row.areas.map(areaDisplayName).join(', '),
    type: row.type,
    app: appDisplayName(row.app),
    reason: row.reason,
  }));
  const features = featuresUsingPermission(lookup.name).map((id) => getFeature(id).displayName);
  const required = rows.some((row) => row.areas.includes('required'));
  const intro =
    features.length === 0
      ? `No optional feature: ${lookup.name} is in Tikit's Required base set, which every organization grants first.`
      : `${lookup.name} is used by ${joinNames(features, 'and')}${required ? ', and is part of the Required base set' : ''}.`;
  const buttons = [{ title: `Why ${lookup.name}?`, value: `why does Tikit need ${lookup.name}?` }, ...features.map(askWhatItNeeds)];
  const title = `Which features use ${lookup.name}`;
  return reply(featuresUsingCard({ title, intro, uses, buttons: buttons.slice(0, MAX_BUTTONS), summary: intro }), intro);
}

/** A permission Tikit does not ask for: say so plainly, and offer the nearest it does ask for. */
function notRequested(lookup: Extract<PermissionLookup, { kind: 'unknown' }>, ask: (name: string) => string): Partial<Activity> {
  const shown = lookup.query.replace(/[^\w. -]/g, '').trim() || 'that permission';
  const title = `Tikit does not request ${shown}.`;
  const text =
    lookup.suggestions.length > 0
      ? `It is not among the Microsoft Graph permissions Tikit asks for, so no feature uses it. Did you mean ${joinNames(lookup.suggestions, 'or')}?`
      : 'It is not among the Microsoft Graph permissions Tikit asks for. Ask "what permissions does Tikit need?" to see them all.';
  const buttons =
    lookup.suggestions.length > 0
      ? lookup.suggestions.map((name) => ({ title: name, value: ask(name) }))
      : [{ title: 'All of Tikit’s permissions', value: 'what permissions does Tikit need?' }];
  const summary = `${title} ${text}`;
  return reply(unknownPermissionCard({ title, text, buttons, summary }), summary);
}

function section(area: ConsentArea): PermissionListSection {
  const apps = appRegistrationsForArea(area).map(appDisplayName);
  return {
    heading: `${areaDisplayName(area)} · ${joinNames(apps, 'and')} app`,
    note:
      area === 'required'
        ? 'The base set every organization grants first: sign-in, roles, setup, attachments and people pickers.'
        : getFeature(area).description,
    permissions: permissionsForArea(area).map((row) => ({
      name: row.name,
      type: row.type,
      risk: `${capitalized(row.risk)} risk`,
      allows: row.allows,
      reason: row.reason,
    })),
  };
}

function heldAs(rows: readonly PermissionRow[]): string {
  if (rows.length > 1) return 'Held as a Delegated and as an Application permission';
  return rows[0]?.type === 'Application'
    ? 'An Application permission: used with no user signed in'
    : 'A Delegated permission: used on behalf of the signed-in user';
}

function askWhatItNeeds(featureName: string) {
  return { title: `What ${featureName} needs`, value: `what does ${featureName} need?` };
}

function reply(card: Attachment, summary: string): Partial<Activity> {
  return { type: 'message', summary, attachments: [card] };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A few names, then how many more: the fallback line stays one line. */
function shortList(names: readonly string[], shown = 6): string {
  return names.length <= shown ? joinNames(names, 'and') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

function joinNames(names: readonly string[], conjunction: 'and' | 'or'): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1)}`;
}
