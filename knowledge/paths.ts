import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root: the nearest folder above this module that holds package.json.
 * Works both from the TypeScript sources and from the compiled files in dist/.
 */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('Cannot find the project root (no package.json above ' + fileURLToPath(import.meta.url) + ')');
    dir = parent;
  }
}

/** Where the content files and the generated bundle live, relative to a project root. */
export function knowledgePaths(root: string = projectRoot()) {
  return {
    law: join(root, 'knowledge', 'law'),
    articles: join(root, 'knowledge', 'articles'),
    ruleTexts: join(root, 'knowledge', 'rules', 'texts.yaml'),
    synonyms: join(root, 'knowledge', 'search', 'synonyms.yaml'),
    lexicon: join(root, 'knowledge', 'understand', 'lexicon.yaml'),
    kinds: join(root, 'knowledge', 'search', 'kinds.yaml'),
    examples: join(root, 'knowledge', 'examples'),
    generated: join(root, 'knowledge', 'generated'),
    bundle: join(root, 'knowledge', 'generated', 'kb.json'),
    searchIndex: join(root, 'knowledge', 'generated', 'search-index.json'),
  };
}
