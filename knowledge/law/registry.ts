import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, ContentErrors } from '../content-error.js';
import { type DateRange, type IsoDate, inRange } from '../dates.js';
import { isoDate, issueField, nonEmptyText, z } from '../schemas.js';
import { type Citation, citationLabel } from '../citation.js';

/** How sure we are of a provision's content: `verified` = read in a copy of the legal text. */
export type Status = 'verified' | 'unverified';

export interface ActVersion {
  id: string;
  title: string;
  url: string;
  validFrom: IsoDate;
  /**
   * Whether the document at `url` holds the act's sections under their own numbers, so a section's link can point at
   * it (false for a version read from an amending act, whose § 1 changes another act).
   */
  sectionAnchors?: boolean;
}

export interface Act {
  id: string;
  /** How citations of this act start: "LAB", "Integrationsloven". */
  label: string;
  name: string;
  versions: ActVersion[];
}

/** One provision we cite: a section, subsection (stk.) and where relevant punktum or item (nr.). */
export interface Provision extends DateRange {
  id: string;
  act: string;
  section: string | null;
  subsection: number | null;
  punktum: number | null;
  item: string | null;
  title: string;
  /** Our own plain-Danish summary. */
  summary: string;
  summaryEn: string;
  /** The act version the text was read from (an id in the act's versions). */
  version: string;
  url: string;
  status: Status;
  note: string | null;
  /** Where we read the text, when it is not the act version alone (e.g. "law-notes T1; dataset file ..."). */
  source: string | null;
}

export interface Reform {
  id: string;
  date: IsoDate;
  status: Status;
  provisions: string[];
  summary: string;
  summaryEn: string;
  authority?: { before: { da: string; en: string }; after: { da: string; en: string } };
  /**
   * One plain sentence every answer carries from the reform's date for as long as the reform is `unverified`, i.e.
   * until the registry holds the enacted text (an editor then marks the reform verified and the notice stops).
   */
  notice?: { da: string; en: string };
}

/** The law registry: every provision we may cite, the acts they belong to, and the reforms. */
export class LawRegistry {
  private readonly byId: Map<string, Provision>;
  private readonly actsById: Map<string, Act>;

  constructor(
    readonly acts: Act[],
    readonly provisions: Provision[],
    readonly reforms: Reform[],
  ) {
    this.byId = new Map(provisions.map((p) => [p.id, p]));
    this.actsById = new Map(acts.map((a) => [a.id, a]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The provision with this id; throws when the id is not in the registry. */
  provision(id: string): Provision {
    const p = this.byId.get(id);
    if (!p) throw new Error(`Unknown law provision "${id}": it is not in knowledge/law/`);
    return p;
  }

  act(id: string): Act {
    const a = this.actsById.get(id);
    if (!a) throw new Error(`Unknown act "${id}": it is not in knowledge/law/acts.yaml`);
    return a;
  }

  /** The citation for a provision, in the one citation model the whole service uses. */
  citation(id: string): Citation {
    const p = this.provision(id);
    const act = this.act(p.act);
    return {
      id: p.id,
      label: citationLabel(act.label, p),
      act: act.name,
      section: p.section,
      subsection: p.subsection,
      punktum: p.punktum,
      item: p.item,
      title: p.title,
      url: p.url,
      status: p.status,
      validFrom: p.validFrom,
      validTo: p.validTo,
    };
  }

  /** The reform with this id; throws when unknown. */
  reform(id: string): Reform {
    const r = this.reforms.find((x) => x.id === id);
    if (!r) throw new Error(`Unknown reform "${id}": it is not in knowledge/law/reforms.yaml`);
    return r;
  }

  /** What the law calls the deciding authority on `date` ("jobcentret" before 1 February 2026, then "kommunen"). */
  authorityName(date: IsoDate, lang: 'da' | 'en'): string {
    const r = this.reforms.find((x) => x.authority);
    if (!r || !r.authority) return lang === 'da' ? 'kommunen' : 'the municipality';
    return (date >= r.date ? r.authority.after : r.authority.before)[lang];
  }

  /**
   * The notice every answer must carry on `date` (rule outcomes and articles alike), or null: the notice of the latest
   * reform that has taken effect by `date` but whose text the registry does not hold yet (status `unverified`).
   * From 1 January 2027 this is the new main act, until it is entered here.
   */
  newActNotice(date: IsoDate): { da: string; en: string } | null {
    const pending = this.reforms.filter((r) => r.notice && r.status === 'unverified' && r.date <= date);
    pending.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    return pending[0]?.notice ?? null;
  }

  /** True when the provision is in force on `date`. */
  inForce(id: string, date: IsoDate): boolean {
    return inRange(date, this.provision(id));
  }
}

type Raw = Record<string, unknown>;

const text = nonEmptyText();
const date = isoDate();
/** A whole number of 1 or more, or nothing. */
const ordinal = z
  .number({ error: 'must be a whole number of 1 or more' })
  .int({ error: 'must be a whole number of 1 or more' })
  .min(1, { error: 'must be a whole number of 1 or more' })
  .nullish()
  .transform((v) => v ?? null);
/** A section or an item: written as text or a number in YAML, kept as text; null when absent. */
const label = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === undefined || v === null ? null : String(v)));
const optionalNote = z
  .string()
  .nullish()
  .transform((v) => (typeof v === 'string' ? v.trim() : null));
const daEn = z.object({ da: text, en: text });

/** acts.yaml: the acts we cite and the versions read. */
const ActsFile = z.object({
  acts: z.array(
    z.object({
      id: text,
      label: text,
      name: text,
      versions: z
        .array(
          z.object({ id: text, title: text, url: text, validFrom: date, sectionAnchors: z.boolean().optional() }),
          { error: 'must list at least one version' },
        )
        .min(1, { error: 'must list at least one version' }),
    }),
  ),
});

/** One provision in an act's file; `act` may be given once for the whole file. */
const ProvisionRecord = z.object({
  id: text,
  act: text,
  section: label,
  subsection: ordinal,
  punktum: ordinal,
  item: label,
  title: text,
  summary: text,
  summaryEn: text,
  version: text,
  url: z.string().optional(),
  status: z.enum(['verified', 'unverified'], { error: 'must be "verified" or "unverified"' }),
  note: optionalNote,
  source: optionalNote,
  validFrom: date,
  validTo: date.nullish().transform((v) => v ?? null),
});
const ProvisionsFile = z.object({
  act: z.unknown(),
  provisions: z.array(z.record(z.string(), z.unknown()), { error: 'must be a list' }),
});

/** reforms.yaml: the reforms as dated data. */
const ReformsFile = z.object({
  reforms: z.array(
    z.object({
      id: text,
      date,
      status: z.enum(['verified', 'unverified']).catch('verified'),
      provisions: z.array(z.union([z.string(), z.number()]).transform(String)).catch([]),
      summary: text,
      summaryEn: text,
      authority: z.object({ before: daEn, after: daEn }).optional(),
      notice: z.object({ da: text, en: text }, { error: 'needs a Danish and an English sentence (da, en)' }).optional(),
    }),
  ),
});

function readYaml(path: string, root: string, errors: ContentError[]): Raw | null {
  const file = relative(root, path);
  try {
    const doc = parseYaml(readFileSync(path, 'utf8'), { prettyErrors: true });
    if (!doc || typeof doc !== 'object') {
      errors.push(new ContentError(file, '(file)', 'must hold a YAML mapping'));
      return null;
    }
    return doc as Raw;
  } catch (e) {
    errors.push(new ContentError(file, '(file)', `is not valid YAML: ${(e as Error).message}`));
    return null;
  }
}

/** Checks `doc` against `schema`; each problem becomes a ContentError naming `file` and the field (under `prefix`). */
function check<T extends z.ZodType>(
  schema: T,
  doc: unknown,
  file: string,
  errors: ContentError[],
  prefix: PropertyKey[] = [],
): z.output<T> | null {
  const parsed = schema.safeParse(doc);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    // A problem inside a reform's notice is the notice's: it needs both sentences.
    const at = issue.path.indexOf('notice');
    const path = at >= 0 ? issue.path.slice(0, at + 1) : issue.path;
    const message = at >= 0 ? 'needs a Danish and an English sentence (da, en)' : issue.message;
    errors.push(
      new ContentError(file, issueField({ ...issue, path: [...prefix, ...path] } as z.core.$ZodIssue), message),
    );
  }
  return null;
}

/**
 * Reads and checks the law registry in `dir` (acts.yaml, reforms.yaml and one file per act) with the zod schemas
 * above, then what a schema cannot see: unknown acts and versions, ids used twice, reforms naming unknown provisions,
 * date ranges that end before they start. Throws ContentErrors naming file and field for every problem found.
 */
export function loadLawRegistry(dir: string, root: string): LawRegistry {
  const errors: ContentError[] = [];
  const provisions: Provision[] = [];

  const actsFile = join(dir, 'acts.yaml');
  const acts: Act[] =
    check(ActsFile, readYaml(actsFile, root, errors) ?? {}, relative(root, actsFile), errors)?.acts ?? [];
  const actIds = new Set(acts.map((a) => a.id));

  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') && n !== 'acts.yaml' && n !== 'reforms.yaml')
    .sort();
  for (const name of files) {
    const path = join(dir, name);
    const rel = relative(root, path);
    const doc = readYaml(path, root, errors);
    if (!doc) continue;
    const file = check(ProvisionsFile, doc, rel, errors);
    if (!file) continue;
    for (const [i, raw] of file.provisions.entries()) {
      const f = `provisions[${i}]`;
      const p = check(ProvisionRecord, { ...raw, act: raw.act ?? file.act }, rel, errors, ['provisions', i]);
      if (!p) continue;
      const act = acts.find((a) => a.id === p.act);
      if (!actIds.has(p.act))
        errors.push(new ContentError(rel, `${f}.act`, `names unknown act "${p.act}" (not in acts.yaml)`));
      const version = act?.versions.find((v) => v.id === p.version);
      if (act && !version)
        errors.push(new ContentError(rel, `${f}.version`, `"${p.version}" is not a version of ${p.act}`));
      if (p.validTo !== null && p.validTo < p.validFrom)
        errors.push(new ContentError(rel, `${f}.validTo`, 'is before validFrom'));
      // The provision's own address when it names one; else the section in the act version (sectionUrl); else the act.
      const url = p.url ?? (version ? sectionUrl(version, p.section) : '');
      // In the schema's order of fields, so the bundle stays the same from one build to the next.
      provisions.push(
        Object.fromEntries(
          Object.keys(ProvisionRecord.shape).map((k) => [k, k === 'url' ? url : p[k as keyof typeof p]]),
        ) as unknown as Provision,
      );
    }
  }
  const seen = new Set<string>();
  for (const p of provisions) {
    if (seen.has(p.id)) errors.push(new ContentError('knowledge/law', p.id, 'this provision id is used twice'));
    seen.add(p.id);
  }

  const reformsFile = join(dir, 'reforms.yaml');
  const reformsRel = relative(root, reformsFile);
  const reforms: Reform[] = (
    check(ReformsFile, readYaml(reformsFile, root, errors) ?? {}, reformsRel, errors)?.reforms ?? []
  ).map((r, i) => {
    for (const [j, id] of r.provisions.entries()) {
      if (!seen.has(id))
        errors.push(
          new ContentError(reformsRel, `reforms[${i}].provisions[${j}]`, `"${id}" is not a provision in the registry`),
        );
    }
    const { authority, notice, ...rest } = r;
    return { ...rest, ...(authority ? { authority } : {}), ...(notice ? { notice } : {}) };
  });

  if (errors.length) throw new ContentErrors(errors);
  return new LawRegistry(acts, provisions, reforms);
}

/** An act's address on retsinformation.dk: https://www.retsinformation.dk/eli/lta/<year>/<number>. */
const ELI_ACT = /^https:\/\/www\.retsinformation\.dk\/eli\/lta\/\d{4}\/\d+$/;
/** A section number as the law writes it: "167", "23 d", "7a". */
const SECTION = /^(\d+)\s*([a-z]?)$/i;

/**
 * The address of a section on retsinformation.dk: the act's ELI address with the anchor the site gives each section,
 * "#P<number>" ("#P167"; "#P7a" for § 7 a). Read in a rendered ELI page of the site (LBK 1180/2023): every section
 * has <span id="P<n>"> before its "§ n." (and "Par<n>" on the number itself); subsections (stk.) have no id of their
 * own, so a link to "§ 167, stk. 2" goes to § 167. Anything else (another site, a version read from an amending
 * act, no section) keeps the act's address.
 */
export function sectionUrl(version: Pick<ActVersion, 'url' | 'sectionAnchors'>, section: string | null): string {
  const m = section === null ? null : SECTION.exec(section.trim());
  if (!m || version.sectionAnchors === false || !ELI_ACT.test(version.url)) return version.url;
  return `${version.url}#P${m[1]}${m[2]!.toLowerCase()}`;
}
