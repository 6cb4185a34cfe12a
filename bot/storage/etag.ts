/**
 * Whether a storage write failed because the item changed since it was read (its eTag is stale). Every Storage
 * implementation here, and botbuilder's MemoryStorage, says so in the same words: `Storage: error writing "<key>"
 * due to eTag conflict.`
 */
export function isEtagConflict(error: unknown): boolean {
  return error instanceof Error && /eTag conflict/i.test(error.message);
}
