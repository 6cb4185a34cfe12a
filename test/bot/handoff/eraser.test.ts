import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { ERASURES_KEY } from '../../../bot/handoff/case.js';
import { ERASE_ATTEMPTS, MESSAGE_DELETED, TeamsEraser } from '../../../bot/handoff/eraser.js';
import { retryDelayMs } from '../../../bot/handoff/service.js';
import { CaseStore } from '../../../bot/handoff/store.js';
import type { CaseworkerChannel, Outgoing } from '../../../bot/handoff/teams.js';

/** A Teams that records what it is asked to do; `down` makes every call fail, `refuse` makes deletes fail with 403. */
function fakeTeams() {
  const done: string[] = [];
  const state = { down: false, refuse: false };
  const fail = () => {
    if (state.down) throw new Error('Teams did not answer within 10000 ms');
  };
  const channel: CaseworkerChannel = {
    postThread: async () => ({ reference: {}, activityId: '' }),
    update: async (_thread, id: string, activity: Outgoing) => {
      fail();
      done.push(`update ${id}${activity.text ? ` ${activity.text}` : ''}`);
    },
    send: async (_thread, activity: Outgoing) => {
      fail();
      done.push(`send ${activity.text}`);
      return 'notice-1';
    },
    delete: async (_thread, id: string) => {
      fail();
      if (state.refuse) throw Object.assign(new Error('Forbidden'), { statusCode: 403 });
      if (id === 'gone') throw Object.assign(new Error('Not found'), { statusCode: 404 });
      done.push(`delete ${id}`);
    },
  };
  return { channel, done, state };
}

const erasure = {
  caseId: 'c-1',
  thread: {
    conversation: { id: '19:cw@thread.tacv2;messageid=1', isGroup: true, conversationType: 'channel', name: '' },
  },
  card: { activityId: 'card-1', activity: { type: 'message' } },
  messages: ['m-1', 'gone', 'm-2'],
  notice: { type: 'message', text: 'Kortet er tømt.' },
};

describe("deleting a citizen's messages in Teams", () => {
  const clock = { now: new Date('2026-11-23T10:00:00Z') };
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  let storage: MemoryStorage;
  let teams: ReturnType<typeof fakeTeams>;
  let eraser: TeamsEraser;
  beforeEach(() => {
    storage = new MemoryStorage();
    teams = fakeTeams();
    eraser = new TeamsEraser(new CaseStore(storage), teams.channel, () => clock.now, retryDelayMs);
  });
  const queued = async () =>
    ((await storage.read([ERASURES_KEY]))[ERASURES_KEY] as { items?: unknown[] } | undefined)?.items ?? [];

  it('blanks the card, deletes the messages (one already gone), then tells the caseworkers, in that order', async () => {
    await eraser.erase(erasure);
    expect(teams.done).to.deep.equal(['update card-1', 'delete m-1', 'delete m-2', 'send Kortet er tømt.']);
    expect(await queued()).to.deep.equal([]);
  });

  it('replaces a message with a short note when Teams refuses to delete it', async () => {
    teams.state.refuse = true;
    await eraser.erase({ ...erasure, messages: ['m-1'] });
    expect(teams.done).to.deep.equal(['update card-1', `update m-1 ${MESSAGE_DELETED}`, 'send Kortet er tømt.']);
  });

  it('keeps what Teams did not take and does it in a later round of the job, once', async () => {
    teams.state.down = true;
    await eraser.erase(erasure);
    expect(await queued()).to.have.length(1);
    teams.state.down = false;
    await eraser.retry();
    expect(teams.done, 'not due yet').to.deep.equal([]);
    later(retryDelayMs(1));
    await Promise.all([eraser.retry(), eraser.retry()]);
    expect(teams.done).to.deep.equal(['update card-1', 'delete m-1', 'delete m-2', 'send Kortet er tømt.']);
    expect(await queued()).to.deep.equal([]);
  });

  it('goes on from where it stopped', async () => {
    let calls = 0;
    const flaky = {
      ...teams.channel,
      delete: async (thread: Parameters<CaseworkerChannel['delete']>[0], id: string) => {
        if (++calls === 2) throw new Error('Teams did not answer within 10000 ms');
        return teams.channel.delete(thread, id);
      },
    };
    eraser = new TeamsEraser(new CaseStore(storage), flaky, () => clock.now, retryDelayMs);
    await eraser.erase({ ...erasure, messages: ['m-1', 'm-2', 'm-3'] });
    expect(teams.done).to.deep.equal(['update card-1', 'delete m-1']);
    later(retryDelayMs(1));
    await eraser.retry();
    expect(teams.done).to.deep.equal([
      'update card-1',
      'delete m-1',
      'delete m-2',
      'delete m-3',
      'send Kortet er tømt.',
    ]);
  });

  it(`gives up after ${ERASE_ATTEMPTS} tries and leaves nothing queued`, async () => {
    teams.state.down = true;
    await eraser.erase(erasure);
    for (let attempt = 1; attempt < ERASE_ATTEMPTS + 5; attempt++) {
      later(retryDelayMs(attempt));
      await eraser.retry();
    }
    expect(await queued()).to.deep.equal([]);
    expect(JSON.stringify((storage as unknown as { memory: object }).memory)).not.to.include('m-1');
  });
});
