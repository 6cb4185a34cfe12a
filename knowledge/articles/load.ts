import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, ContentErrors } from '../content-error.js';
import { rangesOverlap } from '../dates.js';
import { filesBelow } from '../files.js';
import type { LawRegistry } from '../law/registry.js';
import type { Article, ArticleKind, Audience, Certainty } from './article.js';
import { LIX_LIMIT, lix } from './lix.js';
import { isoDate, issueField, nonEmptyText, z } from '../schemas.js';

const AUDIENCES = ['citizen', 'employer', 'both'] as const satisfies readonly Audience[];
const KINDS = ['answer', 'outside'] as const satisfies readonly ArticleKind[];
const CERTAINTIES = ['verified', 'partly-unverified', 'practice'] as const satisfies readonly Certainty[];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A list of texts (numbers read as text), none empty; `message` for any problem with it. */
const textList = (message: string, min: number) =>
  z
    .array(
      z
        .union([z.string(), z.number()], { error: message })
        .transform((x) => String(x).trim())
        .refine((x) => x !== '', { error: message }),
      { error: message },
    )
    .min(min, { error: message });

/** A missing mapping is read as an empty one, so its fields are reported by name. */
const mapping = <T extends z.ZodRawShape>(shape: T) => z.preprocess((v) => v ?? {}, z.object(shape));

/** An article's front matter (format: knowledge/articles/README.md). Fields not named here are allowed. */
const FrontMatter = z.object({
  id: z
    .string({ error: 'must be lower case letters, digits and "-" (e.g. "varighed")' })
    .regex(ID, { error: 'must be lower case letters, digits and "-" (e.g. "varighed")' }),
  audience: z.enum(AUDIENCES, { error: `must be one of ${AUDIENCES.join(', ')}` }),
  kind: z.enum(KINDS, { error: `must be one of ${KINDS.join(', ')}` }).default('answer'),
  certainty: z.enum(CERTAINTIES, { error: `must be one of ${CERTAINTIES.join(', ')}` }),
  title: mapping({ da: nonEmptyText('is missing or empty'), en: nonEmptyText('is missing or empty') }),
  questions: mapping({
    da: textList('must list at least 3 Danish phrasings', 3),
    en: textList('must list at least 1 English phrasing', 1),
  }),
  keywords: textList('must list at least one keyword', 1),
  citations: textList('must be a list of law registry ids', 0)
    .nullish()
    .transform((v) => v ?? []),
  validFrom: isoDate(),
  validTo: isoDate('must be a date written YYYY-MM-DD, or null')
    .nullish()
    .transform((v) => v ?? null),
  reviewed: isoDate('must be the date the article was last checked, YYYY-MM-DD'),
});

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

/**
 * Reads one article file and checks its front matter (the zod schema FrontMatter), then against the registry. Every
 * problem becomes a ContentError that names the file and the field; the article is returned only when there are none.
 */
export function parseArticle(
  path: string,
  root: string,
  registry: LawRegistry,
  errors: ContentError[],
): Article | null {
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

  const parsed = FrontMatter.safeParse(fm);
  if (!parsed.success) for (const issue of parsed.error.issues) fail(issueField(issue), issue.message);
  const front = parsed.success ? parsed.data : null;
  if (front) {
    if (basename(path, '.md') !== front.id) fail('id', `must match the file name ("${basename(path, '.md')}")`);
    if (front.kind === 'answer' && front.citations.length === 0)
      fail('citations', 'an answer must cite at least one provision');
    if (front.validTo !== null && front.validTo < front.validFrom) fail('validTo', 'is before validFrom');
    for (const [i, c] of front.citations.entries()) {
      if (!registry.has(c)) {
        fail(`citations[${i}]`, `"${c}" is not a provision in the law registry (knowledge/law/)`);
      } else if (!rangesOverlap(front, registry.provision(c))) {
        fail(`citations[${i}]`, `"${c}" is not in force at any time the article is valid`);
      }
    }
  }

  const answer = splitLanguages(parts.body);
  if (!answer.da) fail('## da', 'the Danish answer is missing or empty');
  if (!answer.en) fail('## en', 'the English answer is missing or empty');
  const score = answer.da ? lix(answer.da) : 0;
  if (score > LIX_LIMIT)
    fail('## da', `LIX is ${score.toFixed(1)}; it must be ${LIX_LIMIT} or less (shorter sentences, shorter words)`);

  if (errors.length > before || !front) return null;
  return {
    id: front.id,
    file,
    audience: front.audience,
    kind: front.kind,
    title: front.title,
    questions: front.questions,
    keywords: front.keywords,
    citations: front.citations,
    certainty: front.certainty,
    validFrom: front.validFrom,
    validTo: front.validTo,
    reviewed: front.reviewed,
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
