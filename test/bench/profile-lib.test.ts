import { expect } from 'chai';
import { type CpuProfile, componentOf, componentTimes } from './profile-lib.js';

describe('CPU profile by component', () => {
  it('names a frame by its package or our folder, and leaves frames without a file to their caller', () => {
    const at = (url: string, functionName = 'f') => componentOf({ functionName, url });
    expect(at('file:///p/node_modules/lunr/lunr.js')).to.equal('search (lunr)');
    expect(at('file:///p/dist/knowledge/search/search.js')).to.equal('search (ours)');
    expect(at('file:///p/node_modules/botbuilder-core/lib/botState.js')).to.equal('state accessors');
    expect(at('file:///p/node_modules/botbuilder-core/lib/turnContext.js')).to.equal('adapter and auth');
    expect(at('file:///p/dist/bot/storage/sqlite-storage.js')).to.equal('storage (SQLite, JSON)');
    expect(at('file:///p/node_modules/express/lib/response.js')).to.equal('express');
    expect(at('node:_http_server')).to.equal('Node (http, streams, crypto)');
    expect(at('', '(garbage collector)')).to.equal('garbage collection');
    expect(at('', 'stringify')).to.equal(null);
  });

  it('adds each sample’s time to its component within the window, the caller’s for a built-in, idle left out', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '' }, children: [2, 4] },
        { id: 2, callFrame: { functionName: 'save', url: 'file:///p/dist/bot/storage/x.js' }, children: [3] },
        { id: 3, callFrame: { functionName: 'stringify', url: '' } },
        { id: 4, callFrame: { functionName: '(idle)', url: '' } },
      ],
      startTime: 1000,
      samples: [3, 2, 4, 3],
      timeDeltas: [0, 500, 500, 500],
    };
    expect(Object.fromEntries(componentTimes(profile))).to.deep.equal({ 'storage (SQLite, JSON)': 1 });
    expect(Object.fromEntries(componentTimes(profile, 1400, 1600))).to.deep.equal({ 'storage (SQLite, JSON)': 0.5 });
  });
});
