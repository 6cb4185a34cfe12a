import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../../knowledge/paths.js';
import { checkRuleCitations } from '../../../knowledge/rules/assess.js';
import { BENEFITS, INPUTS, SITUATIONS, type Situation, openInputs } from '../../../knowledge/rules/inputs.js';
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
  certainty?: Record<string, string>;
}

const casesDir = join(projectRoot(), 'test', 'cases', 'rules');
const files = readdirSync(casesDir).filter((f) => f.endsWith('.yaml')).sort();

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
          for (const [id, certainty] of Object.entries(c.certainty ?? {})) expect(byId.get(id)!.certainty, id).to.equal(certainty);
        });
      }
    });
  }

  it('cites only provisions in the registry, each in force for part of the rule\'s dates', () => {
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
            { age: 24, admittedToEducation: true, hasVocationalEducation: false, psychiatricDischarge: true, monthsWithMentor: 7 },
            { age: 31, admittedToEducation: true, psychiatricDischarge: false, monthsWithMentor: 2 },
            { age: 22, admittedToEducation: true, hasVocationalEducation: true },
          ];
          for (const extra of extras) {
            const a = assessor.assess({ role: 'citizen', situation, benefit, ...extra }, date);
            expect(a.outcomes.length, `${date} ${situation} ${benefit}`).to.be.greaterThan(0);
            for (const o of a.outcomes) {
              seen.add(o.id);
              for (const t of [o.text, o.textEn, o.because, o.becauseEn]) {
                expect(t, o.id).to.be.a('string').and.not.match(/\{\w+\}/);
                expect(t.length, o.id).to.be.greaterThan(10);
              }
              expect(o.citations.length, `${o.id} on ${date}`).to.be.greaterThan(0);
              for (const c of o.citations) expect(registry.has(c.id)).to.equal(true);
            }
          }
        }
      }
      for (const extra of [{}, { supportBeyondUsual: true, mentorType: 'employee', severalPersons: true }, { supportBeyondUsual: true, mentorType: 'external' }, { supportBeyondUsual: false }] as const) {
        for (const o of assessor.assess({ role: 'employer', ...extra }, date).outcomes) seen.add(o.id);
      }
    }
    expect([...seen].sort()).to.deep.equal(RULES.map((r) => r.id).sort());
  });

  it('is deterministic: the same situation and date give the same outcomes', () => {
    const s: Situation = { role: 'citizen', situation: 'ledig', benefit: 'kontanthjaelp', age: 22, admittedToEducation: true, hasVocationalEducation: false };
    expect(assessor.assess(s, '2026-11-22')).to.deep.equal(assessor.assess({ ...s }, '2026-11-22'));
  });

  it('lists rights before possibilities before information', () => {
    const kinds = assessor.assess({ role: 'citizen', situation: 'ledig', benefit: 'dagpenge', psychiatricDischarge: true }, '2026-11-22').outcomes.map((o) => o.kind);
    expect(kinds[0]).to.equal('right');
    expect(kinds.lastIndexOf('possible')).to.be.lessThan(kinds.indexOf('info'));
  });

  it('explains in plain Danish which answers an outcome rests on', () => {
    const o = assessor.assess({ role: 'citizen', situation: 'ledig', benefit: 'dagpenge', psychiatricDischarge: true }, '2026-11-22').outcomes.find((x) => x.id === 'psychiatricDischargeRight')!;
    expect(o.because).to.equal('Fordi du svarede, at du bliver udskrevet fra en psykiatrisk indlæggelse, og at du får dagpenge.');
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

    it('asks a young person about admission, then about a vocational education', () => {
      expect(openInputs({ role: 'citizen', situation: 'ledig', benefit: 'kontanthjaelp', age: 22 })[0]).to.equal('admittedToEducation');
      expect(openInputs({ role: 'citizen', situation: 'ledig', benefit: 'kontanthjaelp', age: 22, admittedToEducation: true })[0]).to.equal('hasVocationalEducation');
    });

    it('stops asking an employer once the mentor does no more than the usual introduction', () => {
      expect(openInputs({ role: 'employer' })).to.deep.equal(['supportBeyondUsual', 'mentorType', 'severalPersons']);
      expect(openInputs({ role: 'employer', supportBeyondUsual: false })).to.deep.equal([]);
    });
  });
});
