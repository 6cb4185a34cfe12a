import type { Storage } from 'botbuilder';

/** Opens a fresh, empty storage for one test and returns a function that releases it. */
export type OpenStorage = () => Promise<{ storage: Storage; close: () => Promise<void> }>;

/** The message of botbuilder's MemoryStorage eTag conflict error. */
export const conflict = (key: string) => `Storage: error writing "${key}" due to eTag conflict.`;

/** The rejection reason of a call that must return a rejected promise (not throw synchronously). */
export async function rejectionOf(call: () => Promise<unknown>): Promise<unknown> {
  let promise: Promise<unknown>;
  try {
    promise = call();
  } catch (error) {
    throw new Error(`expected a rejected promise, but the call threw synchronously: ${String(error)}`, {
      cause: error,
    });
  }
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Mocha hooks that give each test a fresh storage through `current()`. */
export function withStorage(open: OpenStorage): () => Storage {
  let opened: Awaited<ReturnType<OpenStorage>> | undefined;
  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    await opened?.close();
    opened = undefined;
  });
  return () => {
    if (!opened) throw new Error('storage is not open');
    return opened.storage;
  };
}
