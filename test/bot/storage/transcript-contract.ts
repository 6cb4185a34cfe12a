import { expect } from 'chai';
import type { Expiring } from '../../../bot/retention.js';
import type { JsonStorage } from '../../../bot/storage/json-state.js';
import type { Storage } from '../../../bot/sdk.js';
import { MAX_ENTRIES, type TranscriptEntry, type TranscriptStore } from '../../../bot/transcript.js';
import { daysLater } from '../../../knowledge/dates.js';

/** A store with transcript rows, and what the tests need to look inside it. */
export interface OpenTranscriptStore {
  store: Storage & TranscriptStore & JsonStorage & Expiring;
  /** Makes a state item, or a conversation's transcript lines, look written `days` days ago. */
  age(kind: 'state' | 'transcript', key: string, days: number): Promise<void>;
  /** The transcript rows the store holds for a conversation, however it reads them back. */
  rows(conversation: string): Promise<number>;
  close(): Promise<void>;
}

const line = (from: 'user' | 'bot', text: string): TranscriptEntry => ({ from, text, at: new Date().toISOString() });

/** One contract for every store that keeps transcripts as rows of their own (SQLite and PostgreSQL). */
export function transcriptContract(name: string, open: () => Promise<OpenTranscriptStore>): void {
  describe(`${name} transcript rows`, () => {
    let t: OpenTranscriptStore;
    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => {
      await t.close();
    });

    it('reads back the lines of several turns in the order they were written, and keeps conversations apart', async () => {
      const a = 'emulator/conversations/a/';
      await t.store.appendTranscript(a, [line('user', 'Jeg er borger'), line('bot', 'Hvad passer bedst?')]);
      await t.store.appendTranscript('emulator/conversations/b/', [line('user', 'en anden')]);
      await t.store.appendTranscript(a, [line('user', 'ledig, æøå og \u0000 og 😀')]);
      expect((await t.store.readTranscript(a)).map((l) => `${l.from}: ${l.text}`)).to.deep.equal([
        'user: Jeg er borger',
        'bot: Hvad passer bedst?',
        'user: ledig, æøå og \u0000 og 😀',
      ]);
      expect(await t.store.readTranscript('emulator/conversations/never/')).to.deep.equal([]);
    });

    it(`holds no more than the newest ${MAX_ENTRIES} lines of a conversation, however many were added`, async () => {
      const c = 'emulator/conversations/long/';
      for (let turn = 0; turn < 70; turn++) {
        await t.store.appendTranscript(c, [
          line('user', `spørgsmål ${turn}`),
          line('bot', `a ${turn}`),
          line('bot', 'b'),
        ]);
      }
      const lines = await t.store.readTranscript(c);
      expect(lines).to.have.length(MAX_ENTRIES);
      // 210 lines were added: the first 10 (turns 0-2 and turn 3's question) are gone.
      expect(lines.slice(0, 3).map((l) => l.text)).to.deep.equal(['a 3', 'b', 'spørgsmål 4']);
      expect(lines.at(-2)!.text).to.equal('a 69');
      expect(await t.rows(c)).to.equal(MAX_ENTRIES);
      await t.store.appendTranscript(
        c,
        Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => line('bot', `flood ${i}`)),
      );
      const flooded = await t.store.readTranscript(c);
      expect(flooded.map((l) => l.text)).to.deep.equal(Array.from({ length: MAX_ENTRIES }, (_, i) => `flood ${i + 5}`));
      expect(await t.rows(c)).to.equal(MAX_ENTRIES);
    });

    it("deletes one conversation's lines and leaves the others (slet mine data)", async () => {
      await t.store.appendTranscript('x/conversations/gone/', [line('user', 'slet')]);
      await t.store.appendTranscript('x/conversations/kept/', [line('user', 'bliv')]);
      await t.store.deleteTranscript('x/conversations/gone/');
      await t.store.deleteTranscript('x/conversations/never/');
      expect(await t.rows('x/conversations/gone/')).to.equal(0);
      expect(await t.store.readTranscript('x/conversations/kept/')).to.have.length(1);
    });

    describe('retention', () => {
      const cutoff = () => daysLater(new Date(), -30);
      const keys = async (...k: string[]) => Object.keys(await t.store.read(k)).sort();

      it("deletes a conversation's state and transcript once neither changed since the cutoff", async () => {
        const c = 'emulator/conversations/old/';
        await t.store.write({ [c]: { chat: { welcomed: true } } });
        await t.store.appendTranscript(c, [line('user', 'gammel samtale')]);
        await t.age('state', c, 40);
        await t.age('transcript', c, 40);
        expect(await t.store.deleteOlderThan(cutoff())).to.equal(1);
        expect(await keys(c)).to.deep.equal([]);
        expect(await t.rows(c)).to.equal(0);
      });

      it('keeps both while either changed since the cutoff, as when the transcript lived in the state', async () => {
        const talking = 'emulator/conversations/talking/';
        const idle = 'emulator/conversations/idle-transcript/';
        for (const c of [talking, idle]) {
          await t.store.write({ [c]: { chat: { welcomed: true } } });
          await t.store.appendTranscript(c, [line('user', 'hej')]);
        }
        await t.age('state', talking, 40); // its state did not change, but lines were added
        await t.age('transcript', idle, 40); // lines are old, but the state changed
        await t.store.write({ 'ops/stats/2020-01-01': { old: true } });
        await t.age('state', 'ops/stats/2020-01-01', 40);
        expect(await t.store.deleteOlderThan(cutoff())).to.equal(1);
        expect(await keys(talking, idle)).to.deep.equal([idle, talking].sort());
        expect(await t.rows(talking)).to.equal(1);
        expect(await t.rows(idle)).to.equal(1);
      });
    });

    describe('state as JSON text', () => {
      it('reads an item with the JSON it is stored as and writes one from JSON, each write with a new eTag', async () => {
        await t.store.writeJson('k', JSON.stringify({ a: 1, t: 'æ\u0000' }));
        const first = await t.store.readJson('k');
        expect(first!.json).to.equal('{"a":1,"t":"æ\\u0000"}');
        expect(first!.value).to.include({ a: 1, t: 'æ\u0000' });
        expect(first!.value.eTag).to.be.a('string').and.not.equal('');
        expect((await t.store.read(['k'])).k).to.deep.equal(first!.value);
        await t.store.writeJson('k', '{"a":2}');
        const second = await t.store.readJson('k');
        expect(second!.value).to.deep.include({ a: 2 });
        expect(second!.value.eTag).not.to.equal(first!.value.eTag);
        expect(await t.store.readJson('missing')).to.equal(undefined);
      });
    });
  });
}
