import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import YAML from 'yaml';
import type { Lang } from '../knowledge/search/normalise.js';
import { projectRoot } from '../knowledge/paths.js';
import { TEMPLATE_KEYS, type TemplateKey } from './template-keys.js';

export const LANGS: readonly Lang[] = ['da', 'en'];

type Compiled = Handlebars.TemplateDelegate;

/** What Markdown (CommonMark, with GitHub's and Teams' extensions) may read as syntax. */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]()<>&#+\-.!|~:=]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text a person wrote, for a Markdown renderer: a backslash before every character that Markdown may read as
 * syntax, so the text shows as written and nothing in it becomes a link, image, emphasis, heading, list, quote,
 * table, code, HTML or an autolinked address ("." and ":" are escaped too, which breaks up "www.x.dk" and
 * "https://"). A renderer that honours the escapes shows no backslash.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SYNTAX, (c) => `\\${c}`);
}

/**
 * Text a person wrote, for a channel that may read it as Markdown or as HTML/XML (Teams): as escapeMarkdown, but
 * &, < and > become entities, so no tag or mention (<at>) can form either.
 */
export function escapeMarkup(text: string): string {
  return text.replace(MARKDOWN_SYNTAX, (c) => ENTITIES[c] ?? `\\${c}`);
}

/** Nested YAML maps become dotted keys: { ask: { age: "..." } } -> "ask.age". */
function flatten(value: unknown, prefix: string, out: Map<string, string>, file: string): void {
  if (typeof value === 'string') {
    out.set(prefix, value.replace(/\s+$/, ''));
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${file}: "${prefix}" must be a text or a map of texts`);
  }
  for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, file);
}

/**
 * Every reply the bot sends, in Danish and English, as handlebars templates in dialogs/templates/<lang>.yaml.
 * All templates are parsed at construction (a syntax error stops the start-up) and compiled once, at first use, in
 * strict mode (a missing value throws instead of printing nothing) and without HTML escaping (chat text is Markdown,
 * not HTML; text a person wrote is passed through the `md` helper instead, or `markup` where a channel may read it as
 * HTML too). Construction fails with the file and key when a language lacks a template or has one too many.
 */
export class Templates {
  private readonly compiled: Record<Lang, Map<TemplateKey, Compiled>>;
  /** What templates rendered without data gave: always the same text (button labels, fixed sentences). */
  private readonly fixed: Record<Lang, Map<TemplateKey, string>> = { da: new Map(), en: new Map() };

  constructor(dir: string = join(projectRoot(), 'dialogs', 'templates')) {
    this.compiled = { da: new Map(), en: new Map() };
    for (const lang of LANGS) {
      const file = join(dir, `${lang}.yaml`);
      const raw = YAML.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      const { partials, ...texts } = raw;
      const env = Handlebars.create();
      env.registerHelper('md', (text: unknown) => escapeMarkdown(String(text)));
      env.registerHelper('markup', (text: unknown) => escapeMarkup(String(text)));
      const partialTexts = new Map<string, string>();
      flatten(partials ?? {}, '', partialTexts, file);
      for (const [name, text] of partialTexts) env.registerPartial(name, text);
      const flat = new Map<string, string>();
      flatten(texts, '', flat, file);
      const known = new Set<string>(TEMPLATE_KEYS);
      const extra = [...flat.keys()].filter((k) => !known.has(k));
      const missing = TEMPLATE_KEYS.filter((k) => !flat.has(k));
      if (extra.length || missing.length) {
        const problems = [
          ...missing.map((k) => `missing template "${k}"`),
          ...extra.map((k) => `unknown template "${k}" (add it to dialogs/template-keys.ts or remove it)`),
        ];
        throw new Error(`${file}: ${problems.join('; ')}`);
      }
      for (const key of TEMPLATE_KEYS) {
        this.compiled[lang].set(key, env.compile(flat.get(key)!, { strict: true, noEscape: true }));
        // Parse now, so a syntax error stops the start-up; the rest of the compiling happens at first use (each
        // template is rendered in the tests). Compiling everything here as well cost every start about 70 ms.
        try {
          env.parse(flat.get(key)!);
        } catch (e) {
          throw new Error(`${file}: template "${key}": ${(e as Error).message}`, { cause: e });
        }
      }
    }
  }

  /** The reply text for `key` in `lang`. Throws when `data` lacks a value the template uses. */
  render(lang: Lang, key: TemplateKey, data: object = {}): string {
    const withoutData = isEmpty(data);
    if (withoutData) {
      const known = this.fixed[lang].get(key);
      if (known !== undefined) return known;
    }
    const text = this.compiled[lang].get(key)!(data).trim();
    if (withoutData) this.fixed[lang].set(key, text);
    return text;
  }
}

function isEmpty(data: object): boolean {
  for (const _key in data) return false;
  return true;
}
