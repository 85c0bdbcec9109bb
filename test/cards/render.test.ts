import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardRenderer } from '../support/card-renderer';
import { listFixtures } from './card-fixtures';

// Renders into a temp dir so `npm test` never dirties docs/cards (scripts/render-cards.ts writes those).
// Chromium is launched inside the tests, not in beforeAll: when it is missing, every test fails with
// CardRenderer's message instead of being reported as skipped.
let launching: Promise<CardRenderer> | undefined;
const renderer = () => (launching ??= CardRenderer.launch());
let outDir: string;

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'card-render-'));
});

afterAll(async () => {
  await launching?.then(
    (r) => r.close(),
    () => undefined,
  );
  rmSync(outDir, { recursive: true, force: true });
});

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe('cards rendered in headless Chromium by the adaptivecards renderer', () => {
  it.each(listFixtures().map((f) => [f.id, f] as const))('%s shows its key text, uncut, without renderer errors', async (id, fixture) => {
    const result = await (await renderer()).render(fixture.build().content as object, path.join(outDir, `${id}.png`));

    expect(result.problems).toEqual([]);
    expect(result.truncated, 'text cut off with an ellipsis').toEqual([]);
    for (const text of fixture.mustShow) expect(oneLine(result.text)).toContain(oneLine(text));
    const png = pngSize(readFileSync(result.pngPath));
    expect(png.width).toBeGreaterThan(400);
    expect(png.height).toBeGreaterThan(50);
  });

  // The render checks must be able to fail, or a green run means nothing.
  it('reports what the renderer cannot draw, and text cut off', async () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBox', text: 'not a real element' },
        { type: 'TextBlock', text: 'A long title that does not wrap, so Teams would cut it off with an ellipsis somewhere around here', wrap: false },
      ],
      actions: [{ type: 'Action.Submit', title: 'A button whose label is far too long to fit on one line of a Teams card', data: {} }],
    };
    const result = await (await renderer()).render(broken, path.join(outDir, 'broken.png'));

    expect(result.problems.join('\n')).toMatch(/Unknown element type "TextBox"/);
    expect(result.truncated).toHaveLength(2);
  });

  it('renders Teams markdown (bold, lists, links) rather than showing the asterisks', async () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'TextBlock',
          wrap: true,
          text: '**Mail.Send** lets Tikit:\n\n- send replies\n- [read more](https://learn.microsoft.com/graph/permissions-reference)',
        },
      ],
    };
    const result = await (await renderer()).render(card, path.join(outDir, 'markdown.png'));

    expect(result.problems).toEqual([]);
    expect(result.text).not.toContain('**');
    expect(result.text).not.toContain('](');
    expect(oneLine(result.text)).toContain('Mail.Send lets Tikit:');
  });
});

/** Width and height from a PNG's IHDR chunk; also proves the file is a PNG. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1'), 'PNG signature').toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
