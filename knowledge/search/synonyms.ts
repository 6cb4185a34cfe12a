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
  if (!Array.isArray(doc?.groups)) throw new ContentErrors([new ContentError(file, 'groups', 'must be a list of word lists')]);
  const errors: ContentError[] = [];
  const groups = doc.groups.map((g, i) => {
    if (!Array.isArray(g) || g.length < 2 || !g.every((w) => typeof w === 'string' && w.trim() !== '')) {
      errors.push(new ContentError(file, `groups[${i}]`, 'must list two or more words'));
      return [];
    }
    return g.map((w: string) => w.trim());
  });
  const domain = Array.isArray(doc.domain) ? doc.domain.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [];
  if (domain.length === 0) errors.push(new ContentError(file, 'domain', 'must list at least one word'));
  if (errors.length) throw new ContentErrors(errors);
  return { domain: domain.map((w) => w.trim()), groups };
}

/**
 * Reads knowledge/search/kinds.yaml (kind -> article ids) into article id -> kinds, checking each kind against the
 * lexicon's kinds and each id against the articles. Throws ContentErrors naming the file and the entry.
 */
export function loadKinds(path: string, root: string, articleIds: ReadonlySet<string>, known: readonly string[]): Record<string, string[]> {
  const file = relative(root, path);
  let doc: Record<string, unknown>;
  try {
    doc = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ContentErrors([new ContentError(file, '(file)', `is not valid YAML: ${(e as Error).message}`)]);
  }
  const errors: ContentError[] = [];
  const byArticle: Record<string, string[]> = {};
  for (const [kind, ids] of Object.entries(doc ?? {})) {
    if (!known.includes(kind)) errors.push(new ContentError(file, kind, `is not a question kind of the lexicon (${known.join(', ')})`));
    if (!Array.isArray(ids)) {
      errors.push(new ContentError(file, kind, 'must be a list of article ids'));
      continue;
    }
    ids.forEach((id, i) => {
      if (typeof id !== 'string' || !articleIds.has(id)) errors.push(new ContentError(file, `${kind}[${i}]`, `"${String(id)}" is not an article`));
      else (byArticle[id] ??= []).push(kind);
    });
  }
  if (errors.length) throw new ContentErrors(errors);
  return byArticle;
}
