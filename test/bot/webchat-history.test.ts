import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { SqliteStorage } from '../../bot/storage/sqlite-storage.js';
import { ConversationHistory, HISTORY_MAX_ACTIVITIES, HISTORY_MAX_BYTES } from '../../bot/webchat/history.js';

const message = (text: string) => ({ type: 'message' as const, text });

describe('the Direct Line history of a conversation', () => {
  for (const [name, make] of [
    ['memory', () => new MemoryStorage()],
    ['SQLite', () => new SqliteStorage(':memory:')],
  ] as const) {
    describe(`in ${name}`, () => {
      it('numbers activities from 1 in the order they were kept, and gives what came after a watermark', async () => {
        const history = new ConversationHistory(make());
        expect(await history.started('c')).to.equal(false);
        await history.begin('c');
        expect(await history.started('c')).to.equal(true);
        expect(await history.append('c', [message('a'), message('b')])).to.equal(2);
        expect(await history.append('c', [message('c')])).to.equal(3);
        const after = await history.after('c', 1);
        expect(after.activities.map((k) => [k.seq, k.activity.text])).to.deep.equal([
          [2, 'b'],
          [3, 'c'],
        ]);
        expect(after.last).to.equal(3);
        expect(await history.after('c', 3)).to.deep.equal({ activities: [], last: 3 });
        expect(await history.after('unknown', 5)).to.deep.equal({ activities: [], last: 5 });
      });

      it('loses no activity when several are kept at once', async () => {
        const history = new ConversationHistory(make());
        await history.begin('c');
        await Promise.all(Array.from({ length: 10 }, (_, i) => history.append('c', [message(`m${i}`)])));
        const { activities } = await history.after('c', 0);
        expect(activities.map((k) => k.seq)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(new Set(activities.map((k) => k.activity.text)).size).to.equal(10);
      });

      it('loses no activity when two instances create the same history at once', async () => {
        const storage = make();
        const [one, two] = [new ConversationHistory(storage), new ConversationHistory(storage)];
        await Promise.all([one.append('c', [message('fra den ene')]), two.append('c', [message('fra den anden')])]);
        const texts = (await one.after('c', 0)).activities.map((k) => k.activity.text);
        expect([...texts].sort()).to.deep.equal(['fra den anden', 'fra den ene']);
      });

      it('forgets what was said up to a point ("slet mine data") and goes on numbering after it', async () => {
        const history = new ConversationHistory(make());
        await history.begin('c');
        await history.append('c', [message('personligt'), message('slet mine data'), message('Dine data er slettet')]);
        await history.forgetThrough('c', 2);
        expect((await history.after('c', 0)).activities.map((k) => k.activity.text)).to.deep.equal([
          'Dine data er slettet',
        ]);
        expect(await history.append('c', [message('ny')])).to.equal(4);
      });
    });
  }

  it('keeps at most its number of activities and its size, dropping the oldest', async () => {
    const history = new ConversationHistory(new MemoryStorage());
    await history.begin('c');
    for (let i = 0; i < HISTORY_MAX_ACTIVITIES + 5; i++) await history.append('c', [message(`m${i}`)]);
    const kept = (await history.after('c', 0)).activities;
    expect(kept).to.have.length(HISTORY_MAX_ACTIVITIES);
    expect(kept[0]!.seq).to.equal(6);
    await history.append('c', [message('x'.repeat(HISTORY_MAX_BYTES / 2)), message('y'.repeat(HISTORY_MAX_BYTES / 2))]);
    const after = (await history.after('c', 0)).activities;
    expect(after.at(-1)!.activity.text).to.match(/^y+$/);
    expect(JSON.stringify(after).length).to.be.at.most(HISTORY_MAX_BYTES + 1000);
  });
});
