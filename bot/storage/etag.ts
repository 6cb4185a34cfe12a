/**
 * eTag conflicts, in one place. Every Storage implementation here, and botbuilder's MemoryStorage, reports a write
 * whose eTag is stale in the same words: `Storage: error writing "<key>" due to eTag conflict.` The stores raise it
 * with `etagConflict`, and callers that retry or give up recognise it with `isEtagConflict`.
 */

/** The error a storage raises when `key` changed since it was read (the same text as MemoryStorage's). */
export function etagConflict(key: string): Error {
  return new Error(`Storage: error writing "${key}" due to eTag conflict.`);
}

/** Whether a storage write failed because the item changed since it was read (its eTag is stale). */
export function isEtagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}
