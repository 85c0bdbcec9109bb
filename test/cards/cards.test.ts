import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, CardTemplate } from '../../cards/bind-template';
import { findActions } from '../support/card-actions';
import { rendererParseProblems } from '../support/card-parser';
import { cardSchemaErrors } from '../support/card-schema';
import { reviewCards } from '../../dialogs/review-presenter';
import { cardFixtures, listFixtures } from './card-fixtures';

const CARDS_DIR = path.join(__dirname, '..', '..', 'cards');
const SIZE_BUDGET_BYTES = 20 * 1024; // our budget: leaves room for text, mentions and the activity envelope
const TEAMS_SAFE_BYTES = 28 * 1024; // MICROSOFT.md §6: the safe Teams message size
// Actions Teams supports in bot-sent Adaptive Cards.
const TEAMS_ACTIONS = ['Action.Execute', 'Action.Submit', 'Action.OpenUrl', 'Action.ShowCard', 'Action.ToggleVisibility'];

const templates = readdirSync(CARDS_DIR)
  .filter((file) => file.endsWith('.json'))
  .map((file) => path.basename(file, '.json'));

describe('card fixture registry', () => {
  it('has fixtures for every cards/*.json template, so no new card slips through', () => {
    const missing = templates.filter((name) => !cardFixtures[name]);
    expect(missing, `add these to test/cards/card-fixtures.ts: ${missing.join(', ')}`).toEqual([]);
  });

  it('names only templates that exist', () => {
    const stale = Object.keys(cardFixtures).filter((name) => !templates.includes(name));
    expect(stale, 'fixture entries without a cards/<name>.json').toEqual([]);
  });

  it('gives every card at least one fixture, each with text that must be seen', () => {
    for (const [card, fixtures] of Object.entries(cardFixtures)) {
      expect(Object.keys(fixtures).length, card).toBeGreaterThan(0);
    }
    for (const f of listFixtures()) expect(f.mustShow.length, f.id).toBeGreaterThan(0);
  });
});

// The checks below are only worth something if they can fail: prove it on broken cards.
describe('card checks reject broken cards', () => {
  const card = (body: unknown[], actions?: unknown[]) => ({ type: 'AdaptiveCard', version: '1.5', body, actions });
  const fine = card([{ type: 'TextBlock', text: 'Hello', wrap: true }]);

  it('accepts a minimal valid card, with the Teams `msteams` extension', () => {
    expect(cardSchemaErrors(fine)).toEqual([]);
    expect(cardSchemaErrors({ ...fine, msteams: { width: 'Full' } })).toEqual([]);
    expect(rendererParseProblems(fine)).toEqual([]);
  });

  it.each([
    ['a TextBlock without text', card([{ type: 'TextBlock', wrap: true }]), /required property 'text'/],
    ['an unknown element type', card([{ type: 'TextBox', text: 'x' }]), /unknown type "TextBox"/],
    ['a fact without a title', card([{ type: 'FactSet', facts: [{ value: 'x' }] }]), /required property 'title'/],
    ['a misspelled property', card([{ type: 'TextBlock', text: 'x', colour: 'Good' }]), /additional properties \(colour\)/],
    ['a wrong enum value', card([{ type: 'TextBlock', text: 'x', size: 'Huge' }]), /size must be equal to one of/],
    ['an unknown action', card([], [{ type: 'Action.Http', title: 'Go' }]), /unknown type "Action.Http"/],
  ])('the schema rejects %s', (_name, broken, expected) => {
    const errors = cardSchemaErrors(broken);
    expect(errors.join('\n')).toMatch(expected);
  });

  it('the renderer parser reports unknown types and more actions than Teams shows', () => {
    expect(rendererParseProblems(card([{ type: 'TextBox', text: 'x' }])).join('\n')).toMatch(/UnknownElementType/);
    const seven = Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `Option ${i}` }));
    expect(rendererParseProblems(card([], seven)).join('\n')).toMatch(/TooManyActions/);
  });

  it('sees the `${…}` that templating leaves behind when data is missing', () => {
    const template = new CardTemplate<{ title?: string }>({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${title}' }] });
    expect(unboundPaths(template.bind({}))).toEqual(['/body/0/text: ${title}']);
  });

  it('finds actions wherever they hide (ShowCard, ActionSet, selectAction)', () => {
    const nested = card(
      [
        {
          type: 'Container',
          selectAction: { type: 'Action.OpenUrl', url: 'https://example.com' },
          items: [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Go' }] }],
        },
      ],
      [{ type: 'Action.ShowCard', title: 'More', card: card([], [{ type: 'Action.Submit', title: 'Send', data: { type: 'x' } }]) }],
    );
    expect(findActions(nested).map((a) => a.action.type)).toEqual(['Action.OpenUrl', 'Action.Execute', 'Action.ShowCard', 'Action.Submit']);
  });
});

describe('remembered bindings', () => {
  const NO_GRANTS = { tikitDelegated: [], tikitApplication: [], emailApplication: [], baseGranted: false, checkedAt: null };
  const review = (journeyId: string) =>
    reviewCards({ journeyId, features: ['intune-connector'], grants: NO_GRANTS, standing: 'admin' })[0]!.content as {
      actions: Array<{ verb: string; data?: { journeyId?: string } }>;
    };

  it('gives each journey its own button data, though the bound card is shared', () => {
    const [first, second] = [review('journey-1'), review('journey-2')];
    expect(first.actions.find((a) => a.verb === 'consent.start')?.data?.journeyId).toBe('journey-1');
    expect(second.actions.find((a) => a.verb === 'consent.start')?.data?.journeyId).toBe('journey-2');
  });

  it('shares a card that cannot be changed by whoever receives it, so the next turn gets it intact', () => {
    const template = new CardTemplate<{ title: string }>({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${title}' }] });
    const card = template.bind({ title: 'Hello' });
    expect(() => ((card.body[0] as { text: string }).text = 'changed')).toThrow(TypeError);
    expect(template.bind({ title: 'Hello' }).body).toEqual([{ type: 'TextBlock', text: 'Hello' }]);
    expect(template.bind({ title: 'Other' }).body).toEqual([{ type: 'TextBlock', text: 'Other' }]);
  });
});

describe.each(listFixtures().map((f) => [f.id, f] as const))('card %s', (_id, fixture) => {
  const attachment = fixture.build();
  const content = attachment.content as Record<string, unknown>;
  const json = JSON.stringify(content);

  it('is an Adaptive Card attachment of version 1.5', () => {
    expect(attachment.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
    expect(content.type).toBe('AdaptiveCard');
    expect(content.version).toBe('1.5');
  });

  it('has every template expression bound (no `${` left)', () => {
    expect(unboundPaths(content), 'missing fixture data, or a typo in the template').toEqual([]);
    expect(json).not.toContain('${');
  });

  it('is valid against the Adaptive Card 1.5 schema', () => {
    expect(cardSchemaErrors(content)).toEqual([]);
  });

  it('parses without errors or warnings in the adaptivecards renderer (1.5, Teams host config)', () => {
    expect(rendererParseProblems(content)).toEqual([]);
  });

  it(`fits the ${SIZE_BUDGET_BYTES / 1024} KB budget and Teams' ${TEAMS_SAFE_BYTES / 1024} KB`, () => {
    const bytes = Buffer.byteLength(json, 'utf8');
    expect(bytes).toBeLessThan(TEAMS_SAFE_BYTES);
    expect(bytes).toBeLessThan(SIZE_BUDGET_BYTES);
  });

  it('uses only actions Teams supports, and every Action.Execute has a verb', () => {
    for (const { path: where, action } of findActions(content)) {
      expect(TEAMS_ACTIONS, `${where}: ${String(action.type)}`).toContain(action.type);
      if (action.type === 'Action.Execute') {
        expect(typeof action.verb === 'string' && action.verb.trim() !== '', `${where}: Action.Execute without a verb`).toBe(true);
      }
    }
  });
});

/** Paths of every key or string value that still holds a template expression. */
function unboundPaths(node: unknown, at = ''): string[] {
  if (typeof node === 'string') return node.includes('${') ? [`${at}: ${node}`] : [];
  if (Array.isArray(node)) return node.flatMap((item, i) => unboundPaths(item, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [...(key.includes('${') ? [`${at}/${key} (key)`] : []), ...unboundPaths(value, `${at}/${key}`)]);
}
