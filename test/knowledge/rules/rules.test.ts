import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../../knowledge/paths.js';
import { checkRuleCitations } from '../../../knowledge/rules/assess.js';
import { LawRegistry } from '../../../knowledge/law/registry.js';
import { Assessor, checkRuleCitations as checkCitations } from '../../../knowledge/rules/assess.js';
import {
  BENEFITS,
  INPUTS,
  SITUATIONS,
  type Situation,
  admittedWithinYouthRight,
  benefitAtAdmissionOf,
  benefitChoicesOn,
  benefitOn,
  benefitsOn,
  openInputs,
} from '../../../knowledge/rules/inputs.js';
import { loadRuleTexts } from '../../../knowledge/rules/texts.js';
import { knowledgePaths } from '../../../knowledge/paths.js';
import { RULES } from '../../../knowledge/rules/rules.js';
import { knowledgeBase } from '../../helpers.js';

interface RuleCase {
  name: string;
  date: string;
  situation: Situation;
  outcomes?: Record<string, string>;
  absent?: string[];
  citations?: Record<string, string[]>;
  notCited?: Record<string, string[]>;
  text?: Record<string, string>;
  textNot?: Record<string, string>;
  because?: Record<string, string>;
  certainty?: Record<string, string>;
}

const casesDir = join(projectRoot(), 'test', 'cases', 'rules');
const files = readdirSync(casesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('rule module', () => {
  const { assessor, registry } = knowledgeBase();

  for (const file of files) {
    const { cases } = parseYaml(readFileSync(join(casesDir, file), 'utf8')) as { cases: RuleCase[] };
    describe(`cases in test/cases/rules/${file}`, () => {
      for (const c of cases) {
        it(c.name, () => {
          const a = assessor.assess(c.situation, String(c.date));
          const byId = new Map(a.outcomes.map((o) => [o.id, o]));
          expect(a.asOf).to.equal(String(c.date));
          for (const [id, kind] of Object.entries(c.outcomes ?? {})) {
            expect(byId.get(id)?.kind, `${id} (got ${[...byId.keys()].join(', ')})`).to.equal(kind);
          }
          for (const id of c.absent ?? []) expect(byId.has(id), `${id} should not apply`).to.equal(false);
          for (const [id, labels] of Object.entries(c.citations ?? {})) {
            const got = byId.get(id)!.citations.map((x) => x.label);
            for (const label of labels) expect(got, id).to.include(label);
          }
          for (const [id, labels] of Object.entries(c.notCited ?? {})) {
            const got = byId.get(id)!.citations.map((x) => x.label);
            for (const label of labels) expect(got, id).to.not.include(label);
          }
          for (const [id, words] of Object.entries(c.text ?? {})) expect(byId.get(id)!.text, id).to.include(words);
          for (const [id, words] of Object.entries(c.textNot ?? {}))
            expect(byId.get(id)!.text, id).to.not.include(words);
          for (const [id, words] of Object.entries(c.because ?? {}))
            expect(byId.get(id)!.because, id).to.include(words);
          for (const [id, certainty] of Object.entries(c.certainty ?? {}))
            expect(byId.get(id)!.certainty, id).to.equal(certainty);
        });
      }
    });
  }

  it("cites only provisions in the registry, each in force for part of the rule's dates", () => {
    expect(checkRuleCitations(registry)).to.deep.equal([]);
  });

  it('gives every outcome a Danish and English text, a trace and at least one citation, with no placeholder left', () => {
    const dates = ['2019-06-01', '2021-06-01', '2024-09-01', '2025-09-01', '2026-01-15', '2026-11-22', '2027-03-01'];
    const seen = new Set<string>();
    for (const date of dates) {
      for (const situation of SITUATIONS) {
        for (const benefit of BENEFITS) {
          const extras = [
            {},
            {
              age: 24,
              admittedToEducation: true,
              hasVocationalEducation: false,
              psychiatricDischarge: true,
              monthsWithMentor: 7,
            },
            {
              age: 24,
              admittedToEducation: true,
              educationKind: 'qualifying',
              admittedRecently: true,
              hasVocationalEducation: false,
              psychiatricDischarge: true,
            },
            { age: 31, admittedToEducation: true, psychiatricDischarge: false, monthsWithMentor: 2 },
            { age: 22, admittedToEducation: true, hasVocationalEducation: true },
            { age: 19, admittedToEducation: true, educationKind: 'fgu' },
            { age: 19, admittedToEducation: true, educationKind: 'other' },
            { age: 19, admittedToEducation: true, educationKind: 'qualifying', admittedRecently: false },
            { age: 71, seeksWorkOrEducation: false },
          ] as const;
          for (const extra of extras) {
            const a = assessor.assess({ role: 'citizen', situation, benefit, ...extra }, date);
            expect(a.outcomes.length, `${date} ${situation} ${benefit}`).to.be.greaterThan(0);
            for (const o of a.outcomes) {
              seen.add(o.id);
              for (const t of [o.text, o.textEn, o.because, o.becauseEn]) {
                expect(t, o.id)
                  .to.be.a('string')
                  .and.not.match(/\{\w+\}/);
                expect(t.length, o.id).to.be.greaterThan(10);
              }
              expect(o.citations.length, `${o.id} on ${date}`).to.be.greaterThan(0);
              for (const c of o.citations) expect(registry.has(c.id)).to.equal(true);
            }
          }
        }
      }
      for (const extra of [
        {},
        { supportBeyondUsual: true, mentorType: 'employee', severalPersons: true },
        { supportBeyondUsual: true, mentorType: 'external' },
        { supportBeyondUsual: false },
      ] as const) {
        for (const o of assessor.assess({ role: 'employer', ...extra }, date).outcomes) seen.add(o.id);
      }
    }
    expect([...seen].sort()).to.deep.equal(RULES.map((r) => r.id).sort());
  });

  describe('the notice of a new act (from 1 January 2027, until the registry holds it)', () => {
    it('is there on and after 1 January 2027, and not before', () => {
      expect(registry.newActNotice('2026-12-31')).to.equal(null);
      expect(registry.newActNotice('2027-01-01')?.da).to.match(
        /ny lov .* 1\. januar 2027, og det er kommunen, der har det sidste ord/,
      );
      expect(assessor.assess({ role: 'citizen' }, '2027-01-01').notice?.en).to.match(/final word/);
      expect(assessor.assess({ role: 'citizen' }, '2026-12-31').notice).to.equal(null);
    });

    it('stops once the registry holds the new act (the reform is marked verified)', () => {
      const withAct = new LawRegistry(
        registry.acts,
        registry.provisions,
        registry.reforms.map((r) => (r.id === 'ny-lab-2027' ? { ...r, status: 'verified' as const } : r)),
      );
      expect(withAct.newActNotice('2027-03-01')).to.equal(null);
      const texts = loadRuleTexts(knowledgePaths(projectRoot()).ruleTexts, projectRoot());
      const ids = new Assessor(withAct, texts)
        .assess({ role: 'citizen', situation: 'ledig' }, '2027-03-01')
        .outcomes.map((o) => o.id);
      expect(ids).to.not.include('newActExpected2027');
      expect(checkCitations(withAct)).to.deep.equal([]);
    });
  });

  it('counts an admission within the 6 months of the youth right before today, or ahead, as recent', () => {
    expect(admittedWithinYouthRight('2026-05-29', '2026-11-29')).to.equal(true);
    expect(admittedWithinYouthRight('2026-05-28', '2026-11-29')).to.equal(false);
    expect(admittedWithinYouthRight('2027-01-05', '2026-11-29')).to.equal(true);
  });

  describe('benefits by date', () => {
    it('offers no uddannelseshjælp after 30 June 2025, and still did the day before', () => {
      expect(benefitsOn('2025-06-30')).to.include('uddannelseshjaelp');
      expect(benefitsOn('2025-07-01')).to.not.include('uddannelseshjaelp');
      expect(benefitsOn('2026-11-22')).to.include.members([
        'dagpenge',
        'kontanthjaelp',
        'sygedagpenge',
        'ledighedsydelse',
        'su',
        'ingen',
      ]);
    });

    it("maps the word people still use to today's benefit", () => {
      expect(benefitOn('uddannelseshjaelp', '2026-11-22')).to.equal('kontanthjaelp');
      expect(benefitOn('uddannelseshjaelp', '2025-06-30')).to.equal('uddannelseshjaelp');
      expect(benefitOn('dagpenge', '2026-11-22')).to.equal('dagpenge');
      const kontanthjaelp = benefitChoicesOn('2026-11-22').find((c) => c.value === 'kontanthjaelp');
      expect(kontanthjaelp?.formerly).to.deep.equal(['uddannelseshjaelp']);
      expect(benefitChoicesOn('2025-01-01').find((c) => c.value === 'kontanthjaelp')?.formerly).to.deep.equal([]);
    });
  });

  describe('the benefit at admission', () => {
    it("is taken from today's benefit when the admission is recent and the benefit is not SU", () => {
      expect(benefitAtAdmissionOf({ role: 'citizen', benefit: 'kontanthjaelp', admittedRecently: true })).to.equal(
        'kontanthjaelp',
      );
      expect(benefitAtAdmissionOf({ role: 'citizen', benefit: 'su', admittedRecently: true })).to.equal(undefined);
      expect(benefitAtAdmissionOf({ role: 'citizen', benefit: 'kontanthjaelp', admittedRecently: false })).to.equal(
        undefined,
      );
      expect(
        benefitAtAdmissionOf({ role: 'citizen', benefit: 'su', benefitAtAdmission: 'uddannelseshjaelp' }),
      ).to.equal('uddannelseshjaelp');
    });
  });

  it('is deterministic: the same situation and date give the same outcomes', () => {
    const s: Situation = {
      role: 'citizen',
      situation: 'ledig',
      benefit: 'kontanthjaelp',
      age: 22,
      admittedToEducation: true,
      hasVocationalEducation: false,
    };
    expect(assessor.assess(s, '2026-11-22')).to.deep.equal(assessor.assess({ ...s }, '2026-11-22'));
  });

  it('lists rights before possibilities before information', () => {
    const kinds = assessor
      .assess({ role: 'citizen', situation: 'ledig', benefit: 'dagpenge', psychiatricDischarge: true }, '2026-11-22')
      .outcomes.map((o) => o.kind);
    expect(kinds[0]).to.equal('right');
    expect(kinds.lastIndexOf('possible')).to.be.lessThan(kinds.indexOf('info'));
  });

  it('explains in plain Danish which answers an outcome rests on', () => {
    const o = assessor
      .assess({ role: 'citizen', situation: 'ledig', benefit: 'dagpenge', psychiatricDischarge: true }, '2026-11-22')
      .outcomes.find((x) => x.id === 'psychiatricDischargeRight')!;
    expect(o.because).to.equal(
      'Fordi du svarede, at du bliver udskrevet fra en psykiatrisk indlæggelse, og at du får dagpenge.',
    );
    expect(o.inputs).to.deep.equal(['psychiatricDischarge', 'benefit']);
  });

  it('has a "hvorfor spørger vi?" text in both languages for every input', () => {
    for (const input of INPUTS) {
      const why = assessor.why(input.name);
      expect(why.da.length, input.name).to.be.greaterThan(20);
      expect(why.en.length, input.name).to.be.greaterThan(20);
    }
  });

  describe('which questions to ask next', () => {
    it('asks a citizen about the situation first and never about health', () => {
      const open = openInputs({ role: 'citizen' });
      expect(open[0]).to.equal('situation');
      expect(open).to.not.include('psychiatricDischarge');
    });

    it('skips the benefit for someone who supports themselves, and the education questions for someone over 30', () => {
      expect(openInputs({ role: 'citizen', situation: 'selvforsorgende' })).to.not.include('benefit');
      const open = openInputs({ role: 'citizen', situation: 'ledig', benefit: 'dagpenge', age: 45 });
      expect(open).to.not.include('admittedToEducation');
      expect(open).to.not.include('hasVocationalEducation');
    });

    it('asks a young person about admission, the kind of education, how recent it is, then about a vocational education', () => {
      const young: Situation = { role: 'citizen', situation: 'ledig', benefit: 'kontanthjaelp', age: 22 };
      expect(openInputs(young)[0]).to.equal('admittedToEducation');
      expect(openInputs({ ...young, admittedToEducation: true })[0]).to.equal('educationKind');
      expect(openInputs({ ...young, admittedToEducation: true, educationKind: 'qualifying' })[0]).to.equal(
        'admittedRecently',
      );
      // Admitted recently and still on kontanthjælp: the benefit at admission is inferred, not asked.
      expect(
        openInputs({ ...young, admittedToEducation: true, educationKind: 'qualifying', admittedRecently: true })[0],
      ).to.equal('hasVocationalEducation');
    });

    it("asks for the benefit at admission only when today's benefit cannot tell", () => {
      const student: Situation = {
        role: 'citizen',
        situation: 'uddannelse',
        benefit: 'su',
        age: 20,
        admittedToEducation: true,
        educationKind: 'qualifying',
        admittedRecently: true,
      };
      expect(openInputs(student)[0]).to.equal('benefitAtAdmission');
      expect(openInputs({ ...student, benefitAtAdmission: 'kontanthjaelp' })[0]).to.equal('hasVocationalEducation');
    });

    it('does not ask about a vocational education when uddannelseshjælp at admission settles it', () => {
      const open = openInputs({
        role: 'citizen',
        situation: 'ledig',
        benefit: 'uddannelseshjaelp',
        age: 22,
        admittedToEducation: true,
        educationKind: 'qualifying',
        admittedRecently: true,
      });
      expect(open).to.not.include('hasVocationalEducation');
      expect(open).to.not.include('benefitAtAdmission');
    });

    it('stops the youth questions for FGU, højskole or AMU, and when the admission is more than 6 months ago', () => {
      const base: Situation = {
        role: 'citizen',
        situation: 'ledig',
        benefit: 'kontanthjaelp',
        age: 22,
        admittedToEducation: true,
      };
      for (const educationKind of ['fgu', 'hoejskole', 'amu'] as const) {
        const open = openInputs({ ...base, educationKind });
        for (const input of ['admittedRecently', 'benefitAtAdmission', 'hasVocationalEducation'] as const)
          expect(open, educationKind).to.not.include(input);
      }
      const late = openInputs({ ...base, educationKind: 'qualifying', admittedRecently: false });
      expect(late).to.not.include('benefitAtAdmission');
      expect(late).to.not.include('hasVocationalEducation');
    });

    it('stops asking an employer once the mentor does no more than the usual introduction', () => {
      expect(openInputs({ role: 'employer' })).to.deep.equal(['supportBeyondUsual', 'mentorType', 'severalPersons']);
      expect(openInputs({ role: 'employer', supportBeyondUsual: false })).to.deep.equal([]);
    });
  });
});
