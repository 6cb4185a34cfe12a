import { type BotState, ConversationState, type Storage, type StoreItem, type TurnContext, UserState } from '../sdk.js';

/** An item as read, with the JSON text it is stored as (without its eTag). */
export interface StoredJson {
  value: StoreItem;
  json: string;
}

/**
 * A storage that reads an item together with the JSON text it keeps, and writes an item from JSON the caller made:
 * so the bot's state is serialised once per save, and compared as that text to see whether it changed. `writeJson`
 * overwrites whatever is stored (as a write with eTag '*') and gives the item a new eTag.
 */
export interface JsonStorage {
  readJson(key: string): Promise<StoredJson | undefined>;
  writeJson(key: string, json: string): Promise<void>;
}

export function isJsonStorage(storage: unknown): storage is JsonStorage {
  const s = storage as Partial<JsonStorage> | null;
  return typeof s?.readJson === 'function' && typeof s.writeJson === 'function';
}

/** A turn's state: the object the accessors change, and the JSON it was read or last written as. */
interface Cached {
  state: StoreItem;
  json: string;
}

/** The state's JSON as the store keeps it: without the eTag. */
function serialise(state: StoreItem): string {
  const { eTag: _eTag, ...value } = state;
  return JSON.stringify(value);
}

/**
 * BotState's load and save over a JsonStorage, with the same outcome as botbuilder's: a state read once per turn and
 * written at the end of it only when it changed (always with `force`), as an overwrite. botbuilder serialises and
 * hashes the whole state on load, twice on save and once more in the store; this reads the stored text once and
 * serialises once per save, comparing texts instead of hashes.
 */
class JsonStateCache {
  private readonly turnKey = Symbol('json state');

  constructor(
    private readonly storage: JsonStorage,
    private readonly keyOf: (context: TurnContext) => Promise<string>,
  ) {}

  async load(context: TurnContext, force: boolean): Promise<StoreItem> {
    const cached = context.turnState.get(this.turnKey) as Cached | undefined;
    if (cached && !force) return cached.state;
    const stored = await this.storage.readJson(await this.keyOf(context));
    const fresh: Cached = stored ? { state: stored.value, json: stored.json } : { state: {}, json: '{}' };
    context.turnState.set(this.turnKey, fresh);
    return fresh.state;
  }

  async save(context: TurnContext, force: boolean): Promise<void> {
    let cached = context.turnState.get(this.turnKey) as Cached | undefined;
    if (!cached && !force) return;
    cached ??= { state: {}, json: '' };
    const json = serialise(cached.state);
    if (!force && json === cached.json) return;
    cached.state.eTag = '*';
    await this.storage.writeJson(await this.keyOf(context), json);
    cached.json = json;
    context.turnState.set(this.turnKey, cached);
  }

  clear(context: TurnContext): void {
    context.turnState.set(this.turnKey, { state: {}, json: '' } satisfies Cached);
  }

  forget(context: TurnContext): void {
    context.turnState.delete(this.turnKey);
  }

  get(context: TurnContext): StoreItem | undefined {
    return (context.turnState.get(this.turnKey) as Cached | undefined)?.state;
  }
}

/**
 * A bot state class (ConversationState, UserState) that serialises once per save on a JsonStorage (SQLite,
 * PostgreSQL), and behaves as botbuilder's own on any other storage.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base constructor takes any arguments
function savedAsJson<T extends new (...args: any[]) => BotState>(Base: T) {
  return class extends Base {
    readonly cache: JsonStateCache | null;

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as the base's constructor
    constructor(...args: any[]) {
      super(...args);
      const storage = args[0] as Storage;
      this.cache = isJsonStorage(storage) ? new JsonStateCache(storage, async (c) => this.storageKey(c)) : null;
    }

    override load(context: TurnContext, force = false): Promise<StoreItem> {
      return this.cache ? this.cache.load(context, force) : super.load(context, force);
    }

    override saveChanges(context: TurnContext, force = false): Promise<void> {
      return this.cache ? this.cache.save(context, force) : super.saveChanges(context, force);
    }

    override clear(context: TurnContext): Promise<void> {
      if (!this.cache) return super.clear(context);
      this.cache.clear(context);
      return Promise.resolve();
    }

    override delete(context: TurnContext): Promise<void> {
      this.cache?.forget(context);
      return super.delete(context);
    }

    override get(context: TurnContext): StoreItem | undefined {
      return this.cache ? this.cache.get(context) : super.get(context);
    }
  };
}

/** ConversationState that serialises once per save on a JsonStorage. */
export const JsonConversationState = savedAsJson(ConversationState);
/** UserState that serialises once per save on a JsonStorage, as JsonConversationState. */
export const JsonUserState = savedAsJson(UserState);
