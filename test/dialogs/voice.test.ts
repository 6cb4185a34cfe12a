import { join } from 'node:path';
import { expect } from 'chai';
import { EMPLOYER_TEMPLATE_KEYS } from '../../dialogs/template-keys.js';
import { Templates } from '../../dialogs/templates.js';
import { projectRoot } from '../../knowledge/paths.js';
import { MENTOR_TYPES, type Situation } from '../../knowledge/rules/inputs.js';
import { loadRuleTexts } from '../../knowledge/rules/texts.js';
import { knowledgeBase } from '../helpers.js';

/** The Danish words that address one person: an employer is "I" (a company), never "du". */
const SINGULAR = /\b(du|dig|din|dit|dine)\b/i;

/** Values for every placeholder of the employer templates. */
const SAMPLE = {
  authority: 'kommunen',
  Authority: 'Kommunen',
  municipality: 'kommunen',
  phone: '+45 99 99 99 99',
  url: 'https://x.example',
  hours: 'man-fre 9-15',
  card: true,
  why: 'Fordi.',
  words: 'ledig',
  title: 'Titel',
  answer: 'Svar.',
  citations: [],
  lead: [
    { heading: 'Det kan I få støtte til', text: 'Tekst.', because: 'Fordi I svarede.', unsure: false, citations: [] },
  ],
  nothing: true,
  steps: ['Et trin.'],
  goodToKnow: [{ text: 'Tekst.', unsure: false, citations: [] }],
  estimate: true,
  total: '1',
  wage: '1',
  hourly: '1',
  hoursPerWeek: '1',
  weeks: '1',
  additions: [],
  consultant: false,
  trainingGrant: true,
  longPeriod: true,
  assumedPeriod: true,
};

describe('voice: employers are "I" in Danish, citizens "du"', () => {
  it('the employer templates say "I", never "du", "dig", "din", "dit" or "dine"', () => {
    const templates = new Templates();
    for (const key of EMPLOYER_TEMPLATE_KEYS) {
      const text = templates.render('da', key, SAMPLE);
      expect(text, key).not.to.match(SINGULAR);
    }
  });

  it('the rule texts an employer gets (outcomes, answers, reasons, next steps) say "I"', () => {
    const texts = loadRuleTexts(join(projectRoot(), 'knowledge', 'rules', 'texts.yaml'), projectRoot());
    const kb = knowledgeBase();
    // Every outcome some employer can get, on dates before and after the 2026 and 2027 changes.
    const ids = new Set<string>();
    for (const date of ['2024-06-01', '2026-11-22', '2027-02-01']) {
      for (const supportBeyondUsual of [true, false, undefined]) {
        for (const mentorType of [...MENTOR_TYPES, undefined]) {
          for (const severalPersons of [true, false, undefined]) {
            const s = { role: 'employer', supportBeyondUsual, mentorType, severalPersons } as Situation;
            for (const o of kb.assessor.assess(s, date).outcomes) {
              ids.add(o.id);
              expect(o.text, o.id).not.to.match(SINGULAR);
              expect(o.because, o.id).not.to.match(SINGULAR);
            }
          }
        }
      }
    }
    expect(ids).to.include.members([
      'employerSupportPossible',
      'employerNotBeyondUsual',
      'employerFrikoeb',
      'spendingCap2026Employer',
    ]);
    for (const input of ['supportBeyondUsual', 'mentorType', 'severalPersons']) {
      expect(texts.inputs[input]!.why.da, input).not.to.match(SINGULAR);
      for (const [value, text] of Object.entries(texts.answers[input]!))
        expect(text.da, `${input}.${value}`).not.to.match(SINGULAR);
    }
    for (const [id, step] of Object.entries(texts.steps))
      if (id.startsWith('employer')) expect(step.da, id).not.to.match(SINGULAR);
    expect(texts.trace.prefixEmployer.da).not.to.match(SINGULAR);
  });
});
