import type { ConversationReference, TurnContext } from 'botbuilder';

export type Notify = (reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>) => Promise<void>;

export const NOT_TOLD = ' I could not post this in Teams just now (it is recorded): type "status" there to see it.';

/**
 * Posts to the chat; false when Teams could not be reached. The outcome is already recorded, so the
 * browser still gets its page and `status` shows the result later: nothing is lost.
 */
export async function tellChat(notify: Notify, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<boolean> {
  // The adapter hands errors inside `logic` to its turn-error handler, so they are caught here first.
  let told = true;
  const tolerant = async (context: TurnContext) => {
    try {
      await logic(context);
    } catch {
      told = false;
    }
  };
  try {
    await notify(reference, tolerant);
  } catch {
    told = false;
  }
  return told;
}
