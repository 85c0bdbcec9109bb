import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from './logger';
import { turnLogFields } from './turn-log';

/** One log line per turn with its ids and duration; the user's words and card data are never logged. */
export function turnLogging(logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const started = process.hrtime.bigint();
      await next();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ ...turnLogFields(context.activity), ms: Math.round(ms * 10) / 10 }, 'turn');
    },
  };
}
