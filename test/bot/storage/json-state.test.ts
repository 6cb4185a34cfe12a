import { expect } from 'chai';
import { type Activity, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { JsonConversationState, JsonUserState } from '../../../bot/storage/json-state.js';
import { SqliteStorage } from '../../../bot/storage/sqlite-storage.js';

const activity = (conversation = 'c1'): Partial<Activity> => ({
  type: 'message',
  channelId: 'test',
  conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'u1', name: '' },
  recipient: { id: 'bot', name: '' },
  text: 'hej',
});

const turn = (conversation?: string) => new TurnContext(new TestAdapter(), activity(conversation));

describe('state serialised once per save (JsonConversationState, JsonUserState)', () => {
  let storage: SqliteStorage;
  let reads: number;
  let writes: string[];
  beforeEach(() => {
    storage = new SqliteStorage(':memory:');
    reads = 0;
    writes = [];
    const readJson = storage.readJson.bind(storage);
    const writeJson = storage.writeJson.bind(storage);
    storage.readJson = (key) => {
      reads++;
      return readJson(key);
    };
    storage.writeJson = (key, json) => {
      writes.push(json);
      return writeJson(key, json);
    };
  });
  afterEach(() => storage.close());

  it('reads the state once per turn and writes it at the end only when it changed, as the JSON the store keeps', async () => {
    const state = new JsonConversationState(storage);
    const chat = state.createProperty<{ n: number }>('chat');
    const first = turn();
    (await chat.get(first, { n: 0 })).n = 1;
    await chat.get(first);
    await state.saveChanges(first);
    expect(reads).to.equal(1);
    expect(writes).to.deep.equal(['{"chat":{"n":1}}']);
    expect((await storage.read(['test/conversations/c1/']))['test/conversations/c1/']).to.include({});

    const second = turn();
    expect(await chat.get(second)).to.deep.equal({ n: 1 });
    await state.saveChanges(second);
    expect(writes, 'unchanged: not written').to.have.length(1);
    (await chat.get(second))!.n = 2;
    await state.saveChanges(second);
    await state.saveChanges(second);
    expect(writes, 'written once after the change').to.deep.equal(['{"chat":{"n":1}}', '{"chat":{"n":2}}']);
  });

  it('writes an unchanged state when forced, and a cleared one as empty', async () => {
    const state = new JsonUserState(storage);
    const profile = state.createProperty<{ lang: string }>('profile');
    const context = turn();
    await profile.set(context, { lang: 'da' });
    await state.saveChanges(context);
    await state.saveChanges(context, true);
    expect(writes).to.deep.equal(['{"profile":{"lang":"da"}}', '{"profile":{"lang":"da"}}']);
    await state.clear(context);
    await state.saveChanges(context);
    expect(writes.at(-1)).to.equal('{}');
  });

  it('deletes the stored state and forgets the turn’s copy', async () => {
    const state = new JsonConversationState(storage);
    const chat = state.createProperty<{ n: number }>('chat');
    const context = turn();
    await chat.set(context, { n: 5 });
    await state.saveChanges(context);
    await state.delete(context);
    expect(await storage.read(['test/conversations/c1/'])).to.deep.equal({});
    expect(await chat.get(context)).to.equal(undefined);
  });

  it('is botbuilder’s own state on a storage without JSON methods', async () => {
    const memory = new MemoryStorage();
    const state = new JsonConversationState(memory);
    const chat = state.createProperty<{ n: number }>('chat');
    const context = turn();
    await chat.set(context, { n: 3 });
    await state.saveChanges(context);
    expect((await memory.read(['test/conversations/c1/']))['test/conversations/c1/']).to.deep.include({
      chat: { n: 3 },
    });
    expect(await chat.get(turn())).to.deep.equal({ n: 3 });
  });
});
