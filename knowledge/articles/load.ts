import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, ContentErrors } from '../content-error.js';
import { isIsoDate, rangesOverlap } from '../dates.js';
import { filesBelow } from '../files.js';
import type { LawRegistry } from '../law/registry.js';
import type { Article, ArticleKind, Audience, Certainty } from './article.js';
import { LIX_LIMIT, lix } from './lix.js';

const AUDIENCES: Audience[] = ['citizen', 'employer', 'both'];
const KINDS: ArticleKind[] = ['answer', 'outside'];
const CERTAINTIES: Certainty[] = ['verified', 'partly-unverified', 'practice'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** All article files below `dir` (Markdown, any depth), sorted, README.md excluded. */
export function articleFiles(dir: string): string[] {
  return filesBelow(dir, ['.md']).filter((f) => basename(f) !== 'README.md');
}

/** Splits "---\nfront matter\n---\nbody" into its two parts; null when there is no front matter. */
function splitFrontMatter(text: string): { front: string; body: string } | null {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return m ? { front: m[1]!, body: m[2]! } : null;
}

/** Reads the `## da` and `## en` sections of an article body. */
function splitLanguages(body: string): { da: string; en: string } {
  const sections: Record<string, string> = {};
  let current: string | null = null;
  const lines: string[] = [];
  const flush = () => {
    if (current) sections[current] = lines.join('\n').trim();
    lines.length = 0;
  };
  for (const line of body.split(/\r?\n/)) {
    const h = /^##\s+(da|en)\s*$/.exec(line);
    if (h) {
      flush();
      current = h[1]!;
    } else if (current) lines.push(line);
  }
  flush();
  return { da: sections.da ?? '', en: sections.en ?? '' };
}

function textList(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  const items = v.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x).trim() : ''));
  return items.every((x) => x !== '') ? items : null;
}

/**
 * Reads one article file and checks it against the registry. Every problem becomes a ContentError that names
 * the file and the field; the article is returned only when there are none.
 */
export function parseArticle(path: string, root: string, registry: LawRegistry, errors: ContentError[]): Article | null {
  const file = relative(root, path);
  const before = errors.length;
  const fail = (field: string, problem: string) => errors.push(new ContentError(file, field, problem));
  const parts = splitFrontMatter(readFileSync(path, 'utf8'));
  if (!parts) {
    fail('(front matter)', 'the file must start with a YAML front matter block between two "---" lines');
    return null;
  }
  let fm: Record<string, unknown>;
  try {
    const parsed = parseYaml(parts.front);
    if (!parsed || typeof parsed !== 'object') throw new Error('it is not a mapping');
    fm = parsed as Record<string, unknown>;
  } catch (e) {
    fail('(front matter)', `is not valid YAML: ${(e as Error).message}`);
    return null;
  }

  const id = typeof fm.id === 'string' ? fm.id : '';
  if (!ID.test(id)) fail('id', 'must be lower case letters, digits and "-" (e.g. "varighed")');
  else if (basename(path, '.md') !== id) fail('id', `must match the file name ("${basename(path, '.md')}")`);

  const audience = fm.audience as Audience;
  if (!AUDIENCES.includes(audience)) fail('audience', `must be one of ${AUDIENCES.join(', ')}`);
  const kind = (fm.kind ?? 'answer') as ArticleKind;
  if (!KINDS.includes(kind)) fail('kind', `must be one of ${KINDS.join(', ')}`);
  const certainty = fm.certainty as Certainty;
  if (!CERTAINTIES.includes(certainty)) fail('certainty', `must be one of ${CERTAINTIES.join(', ')}`);

  const title = (fm.title ?? {}) as Record<string, unknown>;
  for (const lang of ['da', 'en'] as const) {
    if (typeof title[lang] !== 'string' || (title[lang] as string).trim() === '') fail(`title.${lang}`, 'is missing or empty');
  }
  const q = (fm.questions ?? {}) as Record<string, unknown>;
  const questionsDa = textList(q.da);
  const questionsEn = textList(q.en);
  if (!questionsDa || questionsDa.length < 3) fail('questions.da', 'must list at least 3 Danish phrasings');
  if (!questionsEn || questionsEn.length < 1) fail('questions.en', 'must list at least 1 English phrasing');
  const keywords = textList(fm.keywords);
  if (!keywords || keywords.length === 0) fail('keywords', 'must list at least one keyword');

  const citations = fm.citations === undefined || fm.citations === null ? [] : textList(fm.citations);
  if (!citations) fail('citations', 'must be a list of law registry ids');
  else if (kind === 'answer' && citations.length === 0) fail('citations', 'an answer must cite at least one provision');

  if (!isIsoDate(fm.validFrom)) fail('validFrom', 'must be a date written YYYY-MM-DD');
  const validTo = fm.validTo === undefined || fm.validTo === null ? null : fm.validTo;
  if (validTo !== null && !isIsoDate(validTo)) fail('validTo', 'must be a date written YYYY-MM-DD, or null');
  if (isIsoDate(fm.validFrom) && isIsoDate(validTo) && validTo < fm.validFrom) fail('validTo', 'is before validFrom');
  if (!isIsoDate(fm.reviewed)) fail('reviewed', 'must be the date the article was last checked, YYYY-MM-DD');

  const range = { validFrom: isIsoDate(fm.validFrom) ? fm.validFrom : '1970-01-01', validTo: isIsoDate(validTo) ? validTo : null };
  for (const [i, c] of (citations ?? []).entries()) {
    if (!registry.has(c)) {
      fail(`citations[${i}]`, `"${c}" is not a provision in the law registry (knowledge/law/)`);
    } else if (!rangesOverlap(range, registry.provision(c))) {
      fail(`citations[${i}]`, `"${c}" is not in force at any time the article is valid`);
    }
  }

  const answer = splitLanguages(parts.body);
  if (!answer.da) fail('## da', 'the Danish answer is missing or empty');
  if (!answer.en) fail('## en', 'the English answer is missing or empty');
  const score = answer.da ? lix(answer.da) : 0;
  if (score > LIX_LIMIT) fail('## da', `LIX is ${score.toFixed(1)}; it must be ${LIX_LIMIT} or less (shorter sentences, shorter words)`);

  if (errors.length > before) return null;
  return {
    id,
    file,
    audience,
    kind,
    title: { da: String(title.da).trim(), en: String(title.en).trim() },
    questions: { da: questionsDa!, en: questionsEn! },
    keywords: keywords!,
    citations: citations!,
    certainty,
    validFrom: range.validFrom,
    validTo: range.validTo,
    reviewed: fm.reviewed as string,
    answer,
    lix: score,
  };
}

/** Reads every article below `dir`; throws ContentErrors listing every problem in every file. */
export function loadArticles(dir: string, root: string, registry: LawRegistry): Article[] {
  const errors: ContentError[] = [];
  const articles: Article[] = [];
  for (const path of articleFiles(dir)) {
    const a = parseArticle(path, root, registry, errors);
    if (a) articles.push(a);
  }
  const seen = new Map<string, string>();
  for (const a of articles) {
    const other = seen.get(a.id);
    if (other) errors.push(new ContentError(a.file, 'id', `"${a.id}" is also used by ${other}`));
    seen.set(a.id, a.file);
  }
  if (errors.length) throw new ContentErrors(errors);
  return articles;
}
