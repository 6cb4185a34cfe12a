import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { MemoryStorage, UserState, ConversationState } from 'botbuilder';
import { Answerer } from '../../dialogs/answers.js';
import type { DialogDeps } from '../../dialogs/deps.js';
import { summary } from '../../dialogs/intake/summary.js';
import { Replies } from '../../dialogs/replies.js';
import type { ChatData, Profile } from '../../dialogs/state.js';
import { Templates } from '../../dialogs/templates.js';
import type { IsoDate } from '../../knowledge/dates.js';
import { projectRoot } from '../../knowledge/paths.js';
import { BENEFITS, EDUCATION_KINDS, MENTOR_TYPES, SITUATIONS, type Situation } from '../../knowledge/rules/inputs.js';
import { MAX_STEPS, summarise } from '../../knowledge/rules/summary.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import { knowledgeBase } from '../helpers.js';

const templates = new Templates();

function depsOn(today: IsoDate): DialogDeps {
  const storage = new MemoryStorage();
  return {
    kb: knowledgeBase(),
    replies: new Replies(templates),
    profile: new UserState(storage).createProperty<Profile>('profile'),
    chat: new ConversationState(storage).createProperty<ChatData>('chat'),
    today: () => today,
    contact: { municipality: '', phone: null, url: null, hours: null },
  };
}

function render(situation: Situation, today: IsoDate = '2026-11-22', lang: Lang = 'da'): string {
  const deps = depsOn(today);
  const { activities } = summary(deps, new Answerer(deps), situation, lang);
  return activities.map((a) => a.text ?? '').join('\n');
}

interface Row {
  name: string;
  situation: Situation;
  today?: IsoDate;
  lang?: Lang;
  says: string[];
  not?: string[];
}

describe('the personal summary: situations and what they are told', () => {
  const rows = (
    YAML.parse(readFileSync(join(projectRoot(), 'test', 'cases', 'summaries.yaml'), 'utf8')) as { summaries: Row[] }
  ).summaries;
  for (const row of rows) {
    it(row.name, () => {
      const text = render(row.situation, row.today, row.lang);
      let from = 0;
      for (const f of row.says) {
        const at = text.indexOf(f, from);
        if (at < 0) expect.fail(`expected "${f}" (in this order) in:\n${text}`);
        from = at + f.length;
      }
      for (const f of row.not ?? []) expect(text, `must not say "${f}"`).not.to.include(f);
    });
  }

  it("is one message that starts with the person's outcome", () => {
    const deps = depsOn('2026-11-22');
    const { activities } = summary(
      deps,
      new Answerer(deps),
      { role: 'citizen', situation: 'ledig', benefit: 'dagpenge', age: 30 },
      'da',
    );
    expect(activities).to.have.length(1);
    expect(activities[0]!.text).to.match(/^\*\*Det kan du søge om:\*\*/);
  });
});

/** Outcomes that must never be shown together: each pair excludes the other. */
const EXCLUDE: [string, string][] = [
  ['psychiatricDischargeRight', 'psychiatricDischargeRightInfo'],
  ['psychiatricDischargeRight', 'psychiatricDischargeNotTargetGroup'],
  ['psychiatricDischargeRight', 'psychiatricDischargeNeedsTargetGroup'],
  ['psychiatricDischargeRight', 'periodLength'],
  ['psychiatricDischargeRightConfirm', 'periodLength'],
  ['youthEducationRight', 'youthEducationRightNotOver30'],
  ['youthEducationRight', 'youthEducationRightNotQualifying'],
  ['youthEducationRight', 'youthEducationRightTooLate'],
  ['youthEducationRight', 'youthEducationRightNotWithEducation'],
  ['youthEducationRight', 'youthEducationRightNeedsBenefit'],
  ['youthEducationRightUnsure', 'youthEducationRightNeedsBenefitFrom2025'],
  ['youthEducationRightUnsure', 'youthEducationRightNotWithEducation'],
  ['youthEducationRightUnsure', 'youthEducationRightTooLate'],
  ['periodLength', 'periodEndedExtension'],
  ['employerSupportPossible', 'employerNotBeyondUsual'],
  ['mentorSupportPossible', 'mentorSupportIntegration'],
];

/** A small deterministic generator (mulberry32), so the sample is the same on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleSituations(n: number): { s: Situation; today: IsoDate }[] {
  const r = random(13);
  const pick = <T>(xs: readonly T[]): T | undefined => (r() < 0.15 ? undefined : xs[Math.floor(r() * xs.length)]);
  const bool = () => (r() < 0.2 ? undefined : r() < 0.5);
  const days: IsoDate[] = ['2024-06-01', '2025-03-01', '2026-11-22', '2027-02-01'];
  const out: { s: Situation; today: IsoDate }[] = [];
  for (let i = 0; i < n; i++) {
    const today = days[Math.floor(r() * days.length)]!;
    if (r() < 0.2) {
      out.push({
        today,
        s: {
          role: 'employer',
          supportBeyondUsual: bool(),
          mentorType: pick(MENTOR_TYPES),
          severalPersons: bool(),
        } as Situation,
      });
      continue;
    }
    const s = {
      role: 'citizen',
      situation: pick(SITUATIONS),
      benefit: pick(BENEFITS),
      age: pick([17, 22, 29, 30, 45, 63]),
      admittedToEducation: bool(),
      educationKind: pick(EDUCATION_KINDS),
      admittedRecently: bool(),
      benefitAtAdmission: pick(BENEFITS),
      hasVocationalEducation: bool(),
      psychiatricDischarge: bool(),
      monthsWithMentor: pick([0, 2, 6, 18]),
    } as Record<string, unknown>;
    for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
    out.push({ today, s: s as unknown as Situation });
  }
  return out;
}

describe('the personal summary never contradicts itself (1,500 situations)', function () {
  this.timeout(60_000);
  const situations = sampleSituations(1500);

  it('shows one kind of outcome first, at most two steps, no two outcomes that exclude each other, and no spending limit to citizens', () => {
    const kb = knowledgeBase();
    for (const { s, today } of situations) {
      const p = summarise(kb.assessor, s, today);
      const where = `${today} ${JSON.stringify(s)}`;
      expect(new Set(p.lead.map((o) => o.kind)).size, where).to.be.at.most(1);
      expect(p.steps.length, where).to.be.at.most(MAX_STEPS);
      const shown = new Set([...p.lead, ...p.goodToKnow].map((o) => o.id));
      for (const [a, b] of EXCLUDE) expect(shown.has(a) && shown.has(b), `${a} with ${b}: ${where}`).to.equal(false);
      if (s.role === 'citizen') expect(shown.has('spendingCap2026'), where).to.equal(false);
      if (shown.has('psychiatricDischargeRightInfo'))
        expect(kb.assessor.couldGiveRight(s, { psychiatricDischarge: true }, today), where).to.equal(true);
      const ids = p.steps.map((x) => x.id);
      if ((s.monthsWithMentor ?? 0) > 0) expect(ids, where).not.to.include('askForMentor');
    }
  });

  it('never says "0 måneder", never asks for a mentor after months with one, and never says "du" to an employer', () => {
    for (const { s, today } of situations.slice(0, 500)) {
      const text = render(s, today);
      const where = `${today} ${JSON.stringify(s)}\n${text}`;
      expect(text, where).not.to.match(/\b0 måneder/);
      if (/Du har haft mentor i/.test(text)) expect(text, where).not.to.include('gerne vil have en mentor');
      if (s.role === 'employer') expect(text, where).not.to.match(/\b(du|dig|din|dit|dine)\b/i);
    }
  });
});
