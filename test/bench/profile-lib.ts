/**
 * Where a server's CPU time goes, from a V8 CPU profile (node --cpu-prof): each sample's time goes to a component
 * named after the code it was running (a package, a folder of ours, Node itself, the garbage collector). Code with no
 * file (JSON.parse, a RegExp) counts for the code that called it. Pure: bot-bench.ts runs the profiled server.
 */

/** The parts of a .cpuprofile this reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Components by the start of a file's path (after the project root or node_modules), first match wins. */
const COMPONENTS: [RegExp, string][] = [
  [/node_modules\/(lunr|lunr-languages)\//, 'search (lunr)'],
  [/\/dist\/knowledge\/search\//, 'search (ours)'],
  [/\/dist\/knowledge\/understand\//, 'understanding'],
  [/\/dist\/knowledge\//, 'rules and articles'],
  [/\/dist\/dialogs\/templates/, 'templates'],
  [/node_modules\/handlebars\//, 'templates'],
  [/\/dist\/dialogs\//, 'our dialogs and parsing'],
  [/node_modules\/botbuilder-dialogs\//, 'botbuilder-dialogs'],
  [
    /node_modules\/botbuilder-core\/lib\/(botState|botStatePropertyAccessor|storage|conversationState|userState)/,
    'state accessors',
  ],
  [/node_modules\/(botbuilder|botbuilder-core|botframework-[a-z-]+|botbuilder-stdlib)\//, 'adapter and auth'],
  [/\/dist\/bot\/storage\/|node_modules\/better-sqlite3\//, 'storage (SQLite, JSON)'],
  [/\/dist\/bot\/privacy\//, 'privacy guard'],
  [/\/dist\/bot\//, 'hosting (ours)'],
  [
    /node_modules\/(express|router|body-parser|raw-body|finalhandler|send|serve-static|etag|fresh|on-finished|type-is|content-type|iconv-lite|qs|cookie|accepts|negotiator|mime-types|depd|debug|statuses|http-errors|encodeurl|escape-html|merge-descriptors|parseurl|path-to-regexp|proxy-addr|range-parser|vary|helmet)\//,
    'express',
  ],
  [/node_modules\/zod\//, 'validation (zod)'],
  [/node_modules\/pino/, 'logging'],
  [/node_modules\//, 'other packages'],
  [/^node:/, 'Node (http, streams, crypto)'],
];

/** The component a call frame belongs to; null for frames with no file of their own. */
export function componentOf(frame: { functionName: string; url: string }): string | null {
  if (frame.functionName === '(garbage collector)') return 'garbage collection';
  if (frame.functionName === '(program)') return 'V8 and native (unattributed)';
  if (frame.functionName === '(idle)') return 'idle';
  if (frame.functionName === '(root)') return 'V8 and native (unattributed)';
  if (!frame.url) return null;
  for (const [pattern, name] of COMPONENTS) if (pattern.test(frame.url)) return name;
  return 'other (ours)';
}

/**
 * Milliseconds of CPU per component over the samples taken between `from` and `to` (microseconds on the profile's
 * clock, which is the monotonic clock of process.hrtime); idle time is left out.
 */
export function componentTimes(profile: CpuProfile, from = -Infinity, to = Infinity): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const component = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = component.get(id);
    if (known) return known;
    const own = componentOf(byId.get(id)!.callFrame);
    const up = parent.get(id);
    const name = own ?? (up === undefined ? 'V8 and native (unattributed)' : resolve(up));
    component.set(id, name);
    return name;
  };
  const times = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    // A sample's time is the gap to the next sample.
    const spent = profile.timeDeltas[i + 1] ?? 0;
    if (t < from || t > to) continue;
    const name = resolve(profile.samples[i]!);
    if (name === 'idle') continue;
    times.set(name, (times.get(name) ?? 0) + spent / 1000);
  }
  return times;
}
