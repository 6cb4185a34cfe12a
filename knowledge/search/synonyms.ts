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
