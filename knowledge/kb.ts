import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from './articles/article.js';
import { articleOn } from './articles/dated.js';
import { loadArticles } from './articles/load.js';
import { ContentErrors } from './content-error.js';
import { filesBelow } from './files.js';
import { type Act, LawRegistry, type Provision, type Reform, loadLawRegistry } from './law/registry.js';
import { knowledgePaths, projectRoot } from './paths.js';
import { Assessor, checkRuleCitations } from './rules/assess.js';
import { type RuleTexts, loadRuleTexts } from './rules/texts.js';
import { type SearchData, buildSearchData } from './search/build-index.js';
import { examplePhrasings, loadExamples } from './search/examples.js';
import { SearchEngine } from './search/search-engine.js';
import { loadKinds, loadSynonyms } from './search/synonyms.js';
import { Lexicon, type LexiconData, QUESTION_KINDS, loadLexicon } from './understand/lexicon.js';

/** The prebuilt bundle the service loads at start: everything checked, the search index built. */
export interface KnowledgeBundle {
  format: 1;
  /** Hash of every content file and of the knowledge code that built the bundle; a change means the bundle is stale. */
  sourceHash: string;
  builtAt: string;
  law: { acts: Act[]; provisions: Provision[]; reforms: Reform[] };
  articles: Article[];
  ruleTexts: RuleTexts;
  lexicon: LexiconData;
  search: SearchData;
}

/** What the rest of the service uses: the law, the articles, the search and the rules. */
export interface KnowledgeBase {
  registry: LawRegistry;
  articles: Article[];
  search: SearchEngine;
  assessor: Assessor;
  /** What people's own words say about their situation and what they ask (knowledge/understand/lexicon.yaml). */
  lexicon: Lexicon;
  sourceHash: string;
  /** An article as it must be shown on `date` (with the notice of a new act when there is one; articles/dated.ts). */
  articleOn(article: Article, date: string): Article;
}

/** Hash of the content files and of the compiled knowledge code (the normaliser decides what the index holds). */
export function sourceHash(root: string = projectRoot()): string {
  const paths = knowledgePaths(root);
  const codeDir = dirname(fileURLToPath(import.meta.url));
  const files = [
    ...filesBelow(paths.law, ['.yaml']),
    ...filesBelow(paths.articles, ['.md']),
    paths.ruleTexts,
    paths.synonyms,
    paths.lexicon,
    paths.kinds,
    ...filesBelow(paths.examples, ['.yaml']),
    ...filesBelow(codeDir, ['.js', '.ts']).filter((f) => !f.endsWith('.d.ts') && !f.includes('/build/')),
  ];
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(f.slice(root.length));
    hash.update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Reads and checks every content file and builds the bundle in memory. Throws ContentErrors on any problem. */
export function buildBundle(root: string = projectRoot()): KnowledgeBundle {
  const paths = knowledgePaths(root);
  const registry = loadLawRegistry(paths.law, root);
  const problems = checkRuleCitations(registry);
  if (problems.length) throw new ContentErrors(problems);
  const articles = loadArticles(paths.articles, root, registry);
  const ruleTexts = loadRuleTexts(paths.ruleTexts, root);
  const synonyms = loadSynonyms(paths.synonyms, root);
  const lexicon = loadLexicon(paths.lexicon, root);
  const ids = new Set(articles.map((a) => a.id));
  const kinds = loadKinds(paths.kinds, root, ids, QUESTION_KINDS);
  const examples = loadExamples(paths.examples, root, ids);
  return {
    format: 1,
    sourceHash: sourceHash(root),
    builtAt: new Date().toISOString(),
    law: { acts: registry.acts, provisions: registry.provisions, reforms: registry.reforms },
    articles,
    ruleTexts,
    lexicon,
    search: buildSearchData(articles, synonyms, kinds, examplePhrasings(examples)),
  };
}

/**
 * Writes the bundle as two files: the search index (knowledge/generated/search-index.json), and everything else
 * (knowledge/generated/kb.json). The index is written first, so a kb.json that says it is current always has its index.
 */
export function writeBundle(bundle: KnowledgeBundle, root: string = projectRoot()): string {
  const paths = knowledgePaths(root);
  mkdirSync(paths.generated, { recursive: true });
  const { search, ...rest } = bundle;
  writeFileSync(paths.searchIndex, JSON.stringify({ sourceHash: bundle.sourceHash, search }));
  writeFileSync(paths.bundle, JSON.stringify(rest));
  return paths.bundle;
}

/** Reads the search index written by writeBundle. */
export function readSearchIndex(root: string = projectRoot()): { sourceHash: string; search: SearchData } {
  return JSON.parse(readFileSync(knowledgePaths(root).searchIndex, 'utf8')) as {
    sourceHash: string;
    search: SearchData;
  };
}

/** True when there is no bundle, or it was built from other content or code than what is here now. */
export function bundleIsStale(root: string = projectRoot()): boolean {
  const { bundle, searchIndex } = knowledgePaths(root);
  if (!existsSync(bundle) || !existsSync(searchIndex)) return true;
  try {
    const head = JSON.parse(readFileSync(bundle, 'utf8')) as Partial<KnowledgeBundle>;
    return head.format !== 1 || head.sourceHash !== sourceHash(root);
  } catch {
    return true;
  }
}

/** Turns a bundle into the objects the service uses. No I/O. */
export function fromBundle(bundle: KnowledgeBundle): KnowledgeBase {
  const registry = new LawRegistry(bundle.law.acts, bundle.law.provisions, bundle.law.reforms);
  return {
    registry,
    articles: bundle.articles,
    search: new SearchEngine(bundle.search, bundle.articles, (a, date) => articleOn(a, date, registry)),
    assessor: new Assessor(registry, bundle.ruleTexts),
    lexicon: new Lexicon(bundle.lexicon),
    sourceHash: bundle.sourceHash,
    articleOn: (a, date) => articleOn(a, date, registry),
  };
}

/** Loads the prebuilt bundle from disk (run `npm run kb:build` first). */
export function loadKnowledgeBase(root: string = projectRoot()): KnowledgeBase {
  return fromBundle(loadBundle(root));
}

/** Reads the prebuilt bundle from disk, checking that its two files are from one build. */
export function loadBundle(root: string = projectRoot()): KnowledgeBundle {
  const { bundle, searchIndex } = knowledgePaths(root);
  for (const file of [bundle, searchIndex]) {
    if (!existsSync(file)) throw new Error(`No knowledge bundle at ${file}: run "npm run kb:build" first`);
  }
  const rest = JSON.parse(readFileSync(bundle, 'utf8')) as Omit<KnowledgeBundle, 'search'>;
  const index = readSearchIndex(root);
  if (index.sourceHash !== rest.sourceHash)
    throw new Error('The search index and kb.json are from different builds: run "npm run kb:build"');
  return { ...rest, search: index.search };
}
