import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, ContentErrors } from '../content-error.js';

export interface SynonymFile {
  /** Words that by themselves make a question about mentor support. */
  domain: string[];
  /** Groups of words with one meaning. */
  groups: string[][];
}

/** Reads knowledge/search/synonyms.yaml: the domain words and a list of groups of two or more words. */
export function loadSynonyms(path: string, root: string): SynonymFile {
  const file = relative(root, path);
  let doc: { groups?: unknown; domain?: unknown };
  try {
    doc = parseYaml(readFileSync(path, 'utf8')) as { groups?: unknown; domain?: unknown };
  } catch (e) {
    throw new ContentErrors([new ContentError(file, '(file)', `is not valid YAML: ${(e as Error).message}`)]);
  }
  if (!Array.isArray(doc?.groups))
    throw new ContentErrors([new ContentError(file, 'groups', 'must be a list of word lists')]);
  const errors: ContentError[] = [];
  const groups = doc.groups.map((g, i) => {
    if (!Array.isArray(g) || g.length < 2 || !g.every((w) => typeof w === 'string' && w.trim() !== '')) {
      errors.push(new ContentError(file, `groups[${i}]`, 'must list two or more words'));
      return [];
    }
    return g.map((w: string) => w.trim());
  });
  const domain = Array.isArray(doc.domain)
    ? doc.domain.filter((w): w is string => typeof w === 'string' && w.trim() !== '')
    : [];
  if (domain.length === 0) errors.push(new ContentError(file, 'domain', 'must list at least one word'));
  if (errors.length) throw new ContentErrors(errors);
  return { domain: domain.map((w) => w.trim()), groups };
}

/**
 * knowledge/search/kinds.yaml as checked data: per article, the kinds it answers; per kind, words to add to a question.
 */
export interface KindData {
  byArticle: Record<string, string[]>;
  words: Record<string, string[]>;
}

/**
 * Reads knowledge/search/kinds.yaml, checking each kind against the lexicon's kinds and each id against the articles.
 * Throws ContentErrors naming the file and the entry.
 */
export function loadKinds(
  path: string,
  root: string,
  articleIds: ReadonlySet<string>,
  known: readonly string[],
): KindData {
  const file = relative(root, path);
  let doc: Record<string, unknown>;
  try {
    doc = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ContentErrors([new ContentError(file, '(file)', `is not valid YAML: ${(e as Error).message}`)]);
  }
  const errors: ContentError[] = [];
  const out: KindData = { byArticle: {}, words: {} };
  for (const [kind, entry] of Object.entries(doc ?? {})) {
    if (!known.includes(kind) && !/^[a-zA-Z]+\.[a-z-]+$/.test(kind)) {
      errors.push(
        new ContentError(
          file,
          kind,
          `is neither a question kind of the lexicon (${known.join(', ')}) nor a fact.value`,
        ),
      );
    }
    const { answers, words } = (entry ?? {}) as { answers?: unknown; words?: unknown };
    if (!Array.isArray(answers)) {
      errors.push(new ContentError(file, `${kind}.answers`, 'must be a list of article ids'));
      continue;
    }
    answers.forEach((id, i) => {
      if (typeof id !== 'string' || !articleIds.has(id))
        errors.push(new ContentError(file, `${kind}.answers[${i}]`, `"${String(id)}" is not an article`));
      else (out.byArticle[id] ??= []).push(kind);
    });
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string'))
      errors.push(new ContentError(file, `${kind}.words`, 'must be a list of words'));
    else out.words[kind] = words as string[];
  }
  if (errors.length) throw new ContentErrors(errors);
  return out;
}
