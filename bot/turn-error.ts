import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { Logger } from './logger';
import { isStorageFailure } from './storage/storage-errors';
import { turnLogFields } from './turn-log';

export const STORAGE_FAILED_MESSAGE = 'I could not save that, so nothing was changed. Please try again in a moment.';

/**
 * The one place a failed turn ends up: log it with its ids, apologise once to a person who wrote a
 * message, and answer an invoke with an error status so Teams does not wait for a card.
 */
export function createTurnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    logger.error({ ...turnLogFields(context.activity), err: { name: error.name, message: error.message, stack: error.stack } }, 'turn failed');
    try {
      if (context.activity.type === ActivityTypes.Message) {
        await context.sendActivity(
          isStorageFailure(error) ? STORAGE_FAILED_MESSAGE : 'Sorry, something went wrong on my side and nothing was changed. Please try again in a moment.',
        );
      } else if (context.activity.type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
        // Only when the press was not answered yet: a failure after the answer must not replace it.
        await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 500 } });
      }
    } catch (sendError) {
      logger.error({ ...turnLogFields(context.activity), err: { message: (sendError as Error).message } }, 'could not report the failure');
    }
  };
}
