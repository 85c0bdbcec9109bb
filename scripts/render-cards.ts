/**
 * Renders every card fixture to docs/cards/<card>[-<fixture>].png, for people to look at in review.
 * Run: npx tsx scripts/render-cards.ts
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listFixtures } from '../test/cards/card-fixtures';
import { CardRenderer } from '../test/support/card-renderer';

const OUT_DIR = path.join(__dirname, '..', 'docs', 'cards');

async function main(): Promise<void> {
  const fixtures = listFixtures();
  const renderer = await CardRenderer.launch();
  let failures = 0;
  try {
    for (const fixture of fixtures) {
      const pngPath = path.join(OUT_DIR, `${fixture.id}.png`);
      const result = await renderer.render(fixture.build().content as object, pngPath);
      const issues = [...result.problems, ...result.truncated.map((t) => `truncated: ${t}`)];
      failures += issues.length > 0 ? 1 : 0;
      console.log(`${issues.length > 0 ? '!!' : 'ok'} ${path.relative(process.cwd(), pngPath)}`);
      for (const issue of issues) console.log(`   ${issue}`);
    }
  } finally {
    await renderer.close();
  }
  // PNGs of fixtures that no longer exist would mislead a reader.
  const expected = new Set(fixtures.map((f) => `${f.id}.png`));
  for (const file of readdirSync(OUT_DIR).filter((f) => f.endsWith('.png') && !expected.has(f))) {
    rmSync(path.join(OUT_DIR, file));
    console.log(`removed stale docs/cards/${file}`);
  }
  if (failures > 0) {
    console.error(`${failures} card(s) rendered with problems`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
