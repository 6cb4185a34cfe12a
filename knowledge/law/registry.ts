import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, ContentErrors } from '../content-error.js';
import { type DateRange, type IsoDate, inRange, isIsoDate } from '../dates.js';
import { type Citation, citationLabel } from '../citation.js';

/** How sure we are of a provision's content: `verified` = read in a copy of the legal text. */
export type Status = 'verified' | 'unverified';

export interface ActVersion {
  id: string;
  title: string;
  url: string;
  validFrom: IsoDate;
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

function str(file: string, field: string, v: unknown, errors: ContentError[]): string {
  if (typeof v !== 'string' || v.trim() === '') {
    errors.push(new ContentError(file, field, 'must be a non-empty text'));
    return '';
  }
  return v.trim();
}

function date(file: string, field: string, v: unknown, errors: ContentError[]): IsoDate {
  if (!isIsoDate(v)) {
    errors.push(new ContentError(file, field, `must be a date written YYYY-MM-DD, got ${JSON.stringify(v)}`));
    return '1970-01-01';
  }
  return v;
}

function optionalInt(file: string, field: string, v: unknown, errors: ContentError[]): number | null {
  if (v === undefined || v === null) return null;
  if (!Number.isInteger(v) || (v as number) < 1) {
    errors.push(new ContentError(file, field, 'must be a whole number of 1 or more'));
    return null;
  }
  return v as number;
}

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

/**
 * Reads and checks the law registry in `dir` (acts.yaml, reforms.yaml and one file per act).
 * Throws ContentErrors naming file and field for every problem found.
 */
export function loadLawRegistry(dir: string, root: string): LawRegistry {
  const errors: ContentError[] = [];
  const acts: Act[] = [];
  const provisions: Provision[] = [];
  let reforms: Reform[] = [];

  const actsFile = join(dir, 'acts.yaml');
  const actsDoc = readYaml(actsFile, root, errors);
  const actsRel = relative(root, actsFile);
  for (const [i, raw] of (Array.isArray(actsDoc?.acts) ? (actsDoc!.acts as Raw[]) : []).entries()) {
    const f = `acts[${i}]`;
    const versions = Array.isArray(raw.versions) ? (raw.versions as Raw[]) : [];
    if (versions.length === 0) errors.push(new ContentError(actsRel, `${f}.versions`, 'must list at least one version'));
    acts.push({
      id: str(actsRel, `${f}.id`, raw.id, errors),
      label: str(actsRel, `${f}.label`, raw.label, errors),
      name: str(actsRel, `${f}.name`, raw.name, errors),
      versions: versions.map((v, j) => ({
        id: str(actsRel, `${f}.versions[${j}].id`, v.id, errors),
        title: str(actsRel, `${f}.versions[${j}].title`, v.title, errors),
        url: str(actsRel, `${f}.versions[${j}].url`, v.url, errors),
        validFrom: date(actsRel, `${f}.versions[${j}].validFrom`, v.validFrom, errors),
      })),
    });
  }
  const actIds = new Set(acts.map((a) => a.id));

  const files = readdirSync(dir).filter((n) => n.endsWith('.yaml') && n !== 'acts.yaml' && n !== 'reforms.yaml').sort();
  for (const name of files) {
    const path = join(dir, name);
    const rel = relative(root, path);
    const doc = readYaml(path, root, errors);
    if (!doc) continue;
    const fileAct = doc.act;
    if (!Array.isArray(doc.provisions)) {
      errors.push(new ContentError(rel, 'provisions', 'must be a list'));
      continue;
    }
    for (const [i, raw] of (doc.provisions as Raw[]).entries()) {
      const f = `provisions[${i}]`;
      const actId = str(rel, `${f}.act`, raw.act ?? fileAct, errors);
      const act = acts.find((a) => a.id === actId);
      if (actId && !actIds.has(actId)) errors.push(new ContentError(rel, `${f}.act`, `names unknown act "${actId}" (not in acts.yaml)`));
      const versionId = str(rel, `${f}.version`, raw.version, errors);
      const version = act?.versions.find((v) => v.id === versionId);
      if (act && versionId && !version) errors.push(new ContentError(rel, `${f}.version`, `"${versionId}" is not a version of ${actId}`));
      const status = raw.status;
      if (status !== 'verified' && status !== 'unverified') {
        errors.push(new ContentError(rel, `${f}.status`, 'must be "verified" or "unverified"'));
      }
      const validFrom = date(rel, `${f}.validFrom`, raw.validFrom, errors);
      const validTo = raw.validTo === undefined || raw.validTo === null ? null : date(rel, `${f}.validTo`, raw.validTo, errors);
      if (validTo !== null && validTo < validFrom) errors.push(new ContentError(rel, `${f}.validTo`, 'is before validFrom'));
      provisions.push({
        id: str(rel, `${f}.id`, raw.id, errors),
        act: actId,
        section: raw.section === undefined || raw.section === null ? null : String(raw.section),
        subsection: optionalInt(rel, `${f}.subsection`, raw.subsection, errors),
        punktum: optionalInt(rel, `${f}.punktum`, raw.punktum, errors),
        item: raw.item === undefined || raw.item === null ? null : String(raw.item),
        title: str(rel, `${f}.title`, raw.title, errors),
        summary: str(rel, `${f}.summary`, raw.summary, errors),
        summaryEn: str(rel, `${f}.summaryEn`, raw.summaryEn, errors),
        version: versionId,
        // The act's address unless a provision names its own. retsinformation.dk's ELI addresses name an act
        // (…/eli/lta/<year>/<number>, and …/xml for its text); no address or anchor of a single section is known to us
        // (law-notes §§ 6 and S8), so a link goes to the act rather than to a guessed anchor that may lead nowhere.
        url: typeof raw.url === 'string' ? raw.url : (version?.url ?? ''),
        status: status === 'unverified' ? 'unverified' : 'verified',
        note: typeof raw.note === 'string' ? raw.note.trim() : null,
        source: typeof raw.source === 'string' ? raw.source.trim() : null,
        validFrom,
        validTo,
      });
    }
  }
  const seen = new Set<string>();
  for (const p of provisions) {
    if (seen.has(p.id)) errors.push(new ContentError('knowledge/law', p.id, 'this provision id is used twice'));
    seen.add(p.id);
  }

  const reformsFile = join(dir, 'reforms.yaml');
  const reformsRel = relative(root, reformsFile);
  const reformsDoc = readYaml(reformsFile, root, errors);
  reforms = (Array.isArray(reformsDoc?.reforms) ? (reformsDoc!.reforms as Raw[]) : []).map((raw, i) => {
    const f = `reforms[${i}]`;
    const ids = Array.isArray(raw.provisions) ? raw.provisions.map(String) : [];
    for (const [j, id] of ids.entries()) {
      if (!seen.has(id)) errors.push(new ContentError(reformsRel, `${f}.provisions[${j}]`, `"${id}" is not a provision in the registry`));
    }
    const reform: Reform = {
      id: str(reformsRel, `${f}.id`, raw.id, errors),
      date: date(reformsRel, `${f}.date`, raw.date, errors),
      status: raw.status === 'unverified' ? 'unverified' : 'verified',
      provisions: ids,
      summary: str(reformsRel, `${f}.summary`, raw.summary, errors),
      summaryEn: str(reformsRel, `${f}.summaryEn`, raw.summaryEn, errors),
    };
    if (raw.authority) reform.authority = raw.authority as Reform['authority'];
    if (raw.notice !== undefined) {
      const n = raw.notice as Record<string, unknown> | null;
      if (!n || typeof n.da !== 'string' || typeof n.en !== 'string' || !n.da.trim() || !n.en.trim()) {
        errors.push(new ContentError(reformsRel, `${f}.notice`, 'needs a Danish and an English sentence (da, en)'));
      } else {
        reform.notice = { da: n.da.trim(), en: n.en.trim() };
      }
    }
    return reform;
  });

  if (errors.length) throw new ContentErrors(errors);
  return new LawRegistry(acts, provisions, reforms);
}
