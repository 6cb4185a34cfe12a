/**
 * npm run bench:search: how fast the prebuilt index loads and how fast questions are answered, on the real index.
 * Goals: load under 20 ms, p99 query latency under 3 ms. Loopback only, bounded in time; prints its figures.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadKnowledgeBase, readSearchIndex } from '../../knowledge/kb.js';
import { SearchEngine } from '../../knowledge/search/search-engine.js';
import { knowledgePaths } from '../../knowledge/paths.js';
import { loadQuestions } from '../eval/questions.js';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const path = knowledgePaths().searchIndex;
const kb = loadKnowledgeBase();
const loads: number[] = [];
for (let i = 0; i < 15; i++) {
  const t0 = performance.now();
  new SearchEngine(readSearchIndex().search, kb.articles);
  loads.push(performance.now() - t0);
}
const firstLoad = loads[0]!;
loads.sort((a, b) => a - b);

const questions = [
  ...loadQuestions('eval-questions.yaml'),
  ...loadQuestions('eval-holdout.yaml'),
  ...loadQuestions('eval-fresh.yaml'),
].map((q) => q.q);
const latencies: number[] = [];
// Two rounds to warm up the JIT, not measured; then measured rounds until 20 or 10 seconds.
for (let round = 0; round < 2; round++) for (const q of questions) kb.search.search(q, { date: '2026-11-22' });
const deadline = performance.now() + 10_000;
for (let round = 0; round < 20 && performance.now() < deadline; round++) {
  for (const q of questions) {
    const t0 = performance.now();
    kb.search.search(q, { date: '2026-11-22' });
    latencies.push(performance.now() - t0);
  }
}
latencies.sort((a, b) => a - b);

const bytes = readFileSync(path).length;
console.log(`Machine: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}, Node ${process.version}`);
console.log(`Search index: ${(bytes / 1024).toFixed(0)} KiB (${kb.articles.length} articles)`);
console.log(
  `Index load (read + parse + lunr.Index.load + term lookups): first ${firstLoad.toFixed(1)} ms, median ${percentile(loads, 50).toFixed(1)} ms  (goal < 20 ms)`,
);
console.log(
  `Query latency over ${latencies.length} queries (${questions.length} distinct): median ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms, max ${latencies.at(-1)!.toFixed(3)} ms  (goal p99 < 3 ms)`,
);
console.log(
  `Heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB, RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MiB`,
);
