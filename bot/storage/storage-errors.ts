export type StorageErrorReason = 'conflict' | 'unavailable' | 'corrupt' | 'invalid-key';

/** A storage failure the caller can branch on: `conflict` means re-read and retry. */
export class StorageError extends Error {
  constructor(
    readonly reason: StorageErrorReason,
    readonly key: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

export function isConflict(error: unknown): boolean {
  return error instanceof StorageError && error.reason === 'conflict';
}

/**
 * Whether a failure comes from storage, also when a library wrapped it on the way up
 * (botbuilder-dialogs rethrows errors inside a DialogContextError that keeps the original as `error`).
 */
export function isStorageFailure(error: unknown): boolean {
  return error instanceof StorageError || (error as { error?: unknown } | null)?.error instanceof StorageError;
}
