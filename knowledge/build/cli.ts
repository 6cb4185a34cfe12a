/**
 * npm run kb:build: checks the law registry, every article and the rule module, reports readability (LIX) per
 * Danish answer, and writes the prebuilt bundle with the search index to knowledge/generated/kb.json.
 * `--if-stale` does nothing when the bundle matches the content and code. Exits 1 with file and field on any error.
 * `--root DIR` reads and writes the content of another project folder (used by the tests).
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { LIX_LIMIT, LIX_TARGET } from '../articles/lix.js';
import { ContentErrors } from '../content-error.js';
import { buildBundle, bundleIsStale, writeBundle } from '../kb.js';
import { projectRoot } from '../paths.js';

let options;
try {
  options = parseArgs({
    options: { root: { type: 'string' }, quiet: { type: 'boolean' }, 'if-stale': { type: 'boolean' } },
  }).values;
} catch (e) {
  console.error(`kb:build: ${(e as Error).message}. Options: --if-stale, --quiet, --root DIR`);
  process.exit(2);
}
const root = options.root || projectRoot();
const quiet = options.quiet === true;
if (options['if-stale'] && !bundleIsStale(root)) {
  if (!quiet) console.log('kb:build: the knowledge bundle is up to date');
  process.exit(0);
}
try {
  const bundle = buildBundle(root);
  const path = writeBundle(bundle, root);
  const answers = bundle.articles.filter((a) => a.kind === 'answer');
  if (!quiet) {
    console.log('LIX per Danish answer (limit %d, aim %d or less):', LIX_LIMIT, LIX_TARGET);
    for (const a of [...bundle.articles].sort((x, y) => y.lix - x.lix)) {
      const mark = a.lix > LIX_TARGET ? '  above aim' : '';
      console.log(`  ${a.lix.toFixed(1).padStart(5)}  ${a.id}${mark}`);
    }
    const mean = answers.reduce((s, a) => s + a.lix, 0) / Math.max(1, answers.length);
    console.log(`Average LIX of ${answers.length} answers: ${mean.toFixed(1)}`);
  }
  console.log(
    `kb:build: ${bundle.law.provisions.length} provisions, ${answers.length} articles, ` +
      `${bundle.articles.length - answers.length} out-of-scope topics -> ${relative(root, path)}`,
  );
} catch (e) {
  if (e instanceof ContentErrors) {
    console.error('kb:build failed. Fix these and run it again:\n' + e.errors.map((x) => '  ' + x.message).join('\n'));
  } else {
    console.error('kb:build failed:', e);
  }
  process.exit(1);
}
