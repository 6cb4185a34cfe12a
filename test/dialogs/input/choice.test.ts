import { expect } from 'chai';
import { type ChoiceMatch, type ChoiceOption, matchChoice } from '../../../dialogs/input/index.js';

type Benefit = 'dagpenge' | 'kontanthjaelp' | 'uddannelseshjaelp' | 'sygedagpenge' | 'ingen';
const BENEFITS: readonly ChoiceOption<Benefit>[] = [
  { value: 'dagpenge', words: ['dagpenge', 'a-kasse', 'unemployment benefit'] },
  { value: 'kontanthjaelp', words: ['kontanthjælp', 'cash benefit', 'social assistance'] },
  { value: 'uddannelseshjaelp', words: ['uddannelseshjælp', 'education benefit'] },
  { value: 'sygedagpenge', words: ['sygedagpenge', 'sickness benefit'] },
  { value: 'ingen', words: ['ingen', 'ingen ydelse', 'none', 'nothing'] },
];

type Situation = 'ledig' | 'sygemeldt' | 'ordinaer' | 'ansat' | 'uddannelse';
const SITUATIONS: readonly ChoiceOption<Situation>[] = [
  { value: 'ledig', words: ['ledig', 'arbejdsløs', 'unemployed'] },
  { value: 'sygemeldt', words: ['sygemeldt', 'on sick leave'] },
  { value: 'ordinaer', words: ['ordinær ansættelse', 'ordinary job'] },
  { value: 'ansat', words: ['ansættelse', 'ansat', 'job'] },
  { value: 'uddannelse', words: ['uddannelse', 'studerende', 'student'] },
];

const one = <T extends string>(value: T): ChoiceMatch<T> => ({ kind: 'one', value });
const several = <T extends string>(...values: T[]): ChoiceMatch<T> => ({ kind: 'several', values });
const none: ChoiceMatch<never> = { kind: 'none' };

const BENEFIT_CASES: [string, ChoiceMatch<Benefit>][] = [
  ['kontanthjælp', one('kontanthjaelp')],
  ['Kontanthjælp', one('kontanthjaelp')],
  ['kontanthjaelp', one('kontanthjaelp')],
  ['kontanthjalp', one('kontanthjaelp')],
  ['kontant-hjælp', one('kontanthjaelp')],
  ['kontant hjælp', one('kontanthjaelp')],
  ['jeg er på kontanthjælp', one('kontanthjaelp')],
  ['jeg får kontanthjælpen lige nu 🙂', one('kontanthjaelp')],
  ['DAGPENGE!', one('dagpenge')],
  ['jeg får dagpengene fra min a-kasse', one('dagpenge')],
  ['jeg får sygedagpenge', one('sygedagpenge')],
  ['uddannelseshjælp', one('uddannelseshjaelp')],
  ['ingen', one('ingen')],
  ['ingen ydelse', one('ingen')],
  ['cash benefit', one('kontanthjaelp')],
  ['I get social assistance', one('kontanthjaelp')],
  ['dagpenge eller kontanthjælp', several('dagpenge', 'kontanthjaelp')],
  ['kontanthjælp og dagpenge', several('dagpenge', 'kontanthjaelp')],
  ['ikke kontanthjælp, men dagpenge', one('dagpenge')],
  ['ikke på kontanthjælp længere', none],
  ['løn', none],
  ['dag', none],
  ['penge', none],
  ['', none],
  ['🙂', none],
];

const SITUATION_CASES: [string, ChoiceMatch<Situation>][] = [
  ['ledig', one('ledig')],
  ['vi er ledige', one('ledig')],
  ['sygemeldt', one('sygemeldt')],
  ['vi er sygemeldte', one('sygemeldt')],
  ['Jeg er sygemeldt fra mit job', several('sygemeldt', 'ansat')],
  ['ordinær ansættelse', one('ordinaer')],
  ['i ordinær-ansættelse', one('ordinaer')],
  ['ansættelse', one('ansat')],
  ['i en ansættelse', one('ansat')],
  ['ikke ordinær ansættelse', none],
  ['jeg er i gang med en uddannelse', one('uddannelse')],
  ['uddannelsen', one('uddannelse')],
  ['jeg er arbejdsløs', one('ledig')],
  ['ikke ledig men sygemeldt', one('sygemeldt')],
  ['ledighed', none],
  ['jobcenter', none],
];

describe('dialogs/input matchChoice', () => {
  for (const [text, expected] of BENEFIT_CASES) {
    it(`matchChoice reads ${JSON.stringify(text)} among benefits as ${JSON.stringify(expected)}`, () => {
      expect(matchChoice(text, BENEFITS)).to.deep.equal(expected);
    });
  }
  for (const [text, expected] of SITUATION_CASES) {
    it(`matchChoice reads ${JSON.stringify(text)} among situations as ${JSON.stringify(expected)}`, () => {
      expect(matchChoice(text, SITUATIONS)).to.deep.equal(expected);
    });
  }

  it('matchChoice lets exact equality with an option word win outright over a word of another option inside it', () => {
    const options: ChoiceOption<'a' | 'b'>[] = [
      { value: 'a', words: ['fleksjob'] },
      { value: 'b', words: ['fleks job', 'job'] },
    ];
    expect(matchChoice('fleksjob', options)).to.deep.equal(one('a'));
    expect(matchChoice('job', options)).to.deep.equal(one('b'));
  });

  it('matchChoice stays fast on a 5,000-character message', () => {
    const long = 'jeg har været på kontanthjælp og ledig i lang tid '.repeat(100).slice(0, 5000);
    const started = Date.now();
    expect(matchChoice(long, BENEFITS)).to.deep.equal(one('kontanthjaelp'));
    expect(Date.now() - started).to.be.below(1500);
  });
});
