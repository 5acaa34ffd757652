/** Why a store operation failed. */
export type StoreErrorCode = 'quota' | 'conflict' | 'unknown';

/** A store failure with a message fit to show the user. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly code: StoreErrorCode;
  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export const QUOTA_MESSAGE =
  'Not saved: the browser has no storage space left for ClipShelf. Free disk space or delete saved articles, then try again.';

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : '';
}

/** Maps an IndexedDB failure to a StoreError with a clear message. */
export function toStoreError(error: unknown, action: string): StoreError {
  if (error instanceof StoreError) return error;
  const name = errorName(error);
  if (name === 'QuotaExceededError') return new StoreError('quota', QUOTA_MESSAGE, { cause: error });
  if (name === 'ConstraintError') {
    return new StoreError('conflict', `Could not ${action}: another saved article has the same address.`, {
      cause: error,
    });
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return new StoreError('unknown', `Could not ${action}${detail}.`, { cause: error });
}
