import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { SqliteStorage } from '../../bot/storage/sqlite-storage.js';
import type { TranscriptEntry } from '../../bot/transcript.js';
import { ConversationDriver } from '../dialogs/driver.js';

describe('the transcript, kept in rows of its own beside the conversation state', () => {
  let dir: string;
  let storage: SqliteStorage;
  let appends: { conversation: string; lines: readonly TranscriptEntry[] }[];
  const key = 'test/conversations/transcript-conv/';
  const driver = () => new ConversationDriver({ storage, conversationId: 'transcript-conv' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mentorbot-transcript-'));
    storage = new SqliteStorage(join(dir, 'state.sqlite'));
    appends = [];
    const append = storage.appendTranscript.bind(storage);
    storage.appendTranscript = (conversation, lines) => {
      appends.push({ conversation, lines: [...lines] });
      return append(conversation, lines);
    };
  });
  afterEach(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes each turn’s lines once, both sides, with the CPR number masked, and keeps them out of the state', async () => {
    const bot = driver();
    await bot.join();
    await bot.say('Jeg er borger');
    await bot.say('ledig, cpr 0101901234');
    expect(appends.map((a) => a.conversation)).to.deep.equal([key, key, key]);
    const lines = await storage.readTranscript(key);
    expect(lines.filter((l) => l.from === 'user').map((l) => l.text)).to.deep.equal([
      'Jeg er borger',
      'ledig, cpr [CPR-nummer fjernet]',
    ]);
    expect(lines.some((l) => l.from === 'bot' && l.text.includes('Hvad passer bedst'))).to.equal(true);
    const state = (await storage.read([key]))[key]!;
    expect(state).to.have.property('chat');
    expect(state).not.to.have.property('transcript');
    expect(JSON.stringify(await storage.read([key]))).not.to.include('0101901234');
  });

  it('deletes the transcript with the state on "slet mine data" and writes nothing of that turn', async () => {
    const bot = driver();
    await bot.join();
    await bot.say('Jeg er borger');
    expect(await storage.readTranscript(key)).not.to.deep.equal([]);
    const before = appends.length;
    expect((await bot.say('slet mine data')).all).to.include('Dine data er slettet');
    expect(appends).to.have.length(before);
    expect(await storage.readTranscript(key)).to.deep.equal([]);
    expect(await storage.read([key])).to.deep.equal({});
    await bot.say('hej igen');
    expect((await storage.readTranscript(key)).map((l) => l.text)).to.include('hej igen');
  });

  it('writes no lines for a turn that failed, as its state is not saved either', async () => {
    const bot = driver();
    await bot.join();
    const written = appends.length;
    storage.writeJson = () => Promise.reject(new Error('disk full'));
    await bot.say('Jeg er borger').then(
      () => expect.fail('the turn should fail'),
      (e: Error) => expect(e.message).to.equal('disk full'),
    );
    expect(appends).to.have.length(written);
  });

  it('moves a transcript that an earlier version kept in the state to the rows at the conversation’s next turn', async () => {
    const bot = driver();
    await bot.join();
    const state = (await storage.read([key]))[key]!;
    const old = [
      { from: 'user', text: 'skrevet før opdateringen', at: '2026-11-01T10:00:00.000Z' },
      { from: 'bot', text: 'svar før opdateringen', at: '2026-11-01T10:00:01.000Z' },
    ];
    await storage.deleteTranscript(key);
    await storage.write({ [key]: { ...state, transcript: { entries: old }, eTag: '*' } });
    await bot.say('Jeg er borger');
    const lines = await storage.readTranscript(key);
    expect(lines.slice(0, 2)).to.deep.equal(old);
    expect(lines[2]).to.include({ from: 'user', text: 'Jeg er borger' });
    expect((await storage.read([key]))[key]).not.to.have.property('transcript');
  });
});
