import { listFixtures } from '../test/cards/card-fixtures';

export const TEAMS_LIMIT_BYTES = 28 * 1024;
export const BUDGET_BYTES = 20 * 1024;

export interface CardSize {
  card: string;
  bytes: number;
}

/** Every card, built by the bot's own presenters with fixture data, as the JSON Teams receives. */
export function benchCardSizes(): CardSize[] {
  return listFixtures()
    .map((fixture) => ({ card: fixture.id, bytes: Buffer.byteLength(JSON.stringify(fixture.build()), 'utf8') }))
    .sort((a, b) => b.bytes - a.bytes);
}
