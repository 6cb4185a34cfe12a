import { expect } from 'chai';
import type { Article } from '../../../knowledge/articles/article.js';
import { knowledgeBase } from '../../helpers.js';

/**
 * What the legal review of 2026-11-29 (issue 12) found wrong, overclaimed, imprecise or badly worded, as checks on
 * the articles: each row names an article and what its Danish answer must and must not say, its certainty and the
 * provisions it must cite.
 */
interface ContentCase {
  why: string;
  id: string;
  says?: (string | RegExp)[];
  never?: (string | RegExp)[];
  certainty?: Article['certainty'];
  cites?: string[];
  notCites?: string[];
}

const CASES: ContentCase[] = [
  // Wrong 1 and 2: the youth right follows the benefit at admission, and needs a qualifying education.
  {
    why: 'the youth right is judged at admission and needs a qualifying education (LAB § 167, stk. 3)',
    id: 'ret-unge-uddannelse',
    says: [
      'da du blev optaget',
      'Får du SU nu, kan du altså stadig have retten',
      'FGU, højskole og AMU tæller ikke',
      'ikke bekræftet',
    ],
    never: ['Vi har ikke set, hvordan loven lyder nu'],
    certainty: 'partly-unverified',
  },
  {
    why: 'the education article names the kinds that do not count',
    id: 'unge-starter-uddannelse',
    says: ['da de blev optaget', 'FGU og højskole tæller ikke'],
  },
  // Wrong 3: BEK § 127.
  {
    why: 'the training hours cannot be counted in the grant; the employee is paid as usual (BEK § 127)',
    id: 'uddannelse-af-mentor',
    says: ['kan ikke regnes med i støtten', 'Medarbejderen får sin løn fra jer som normalt'],
    never: ['Det dækker ikke løn for de timer'],
    cites: ['BEK-127'],
  },
  {
    why: "the cost article does not list the mentor's wage on a course as unpaid",
    id: 'arbejdsgiver-udgift',
    says: ['Medarbejderen får sin løn fra jer som normalt', 'lønomkostningerne', 'direkte kontakt'],
    never: ['mentorens løn, mens han eller hun er på kursus', 'Kommunen dækker lønnen'],
  },
  // Overclaims.
  {
    why: 'the 2026 limit article does not say the youth right "still applies" as settled, and calls § 203 a what it is',
    id: 'aendring-udgiftsloft-2026',
    says: [
      'sandsynligvis også stadig. Det er ikke bekræftet',
      'forbyder ikke en kommune at bruge mere',
      'budgetgaranti',
    ],
    never: ['Det gør retten for nogle unge også'],
    cites: ['LAB-203a-3', 'LAB-203a-4', 'LOV-1749-2025'],
  },
  {
    why: 'VITAS rests on a paraphrase only, so the application article says so and points to the municipality',
    id: 'arbejdsgiver-ansoeg',
    says: ['ikke sikkert, at det altid foregår sådan', 'Spørg derfor kommunen, hvordan I skal søge'],
    certainty: 'partly-unverified',
  },
  {
    why: 'the young-refugee rule is not presented as settled for every programme',
    id: 'flygtninge-integrationsprogram',
    says: [
      'nævner dog kun introduktionsprogrammet',
      'ikke kunnet bekræfte',
      'Integrationsloven kan have sine egne regler om klage',
    ],
    certainty: 'partly-unverified',
  },
  {
    why: "the confidentiality article does not repeat a leaflet's duty to report crimes as law, nor cite §§ 167-168 for it",
    id: 'tavshedspligt',
    says: ['siger ikke noget om tavshedspligt', 'Vi kender ikke en sådan generel regel', 'forvaltningsloven'],
    never: ['Ved alvorlige forhold, fx lovbrud, kan mentoren have pligt'],
    cites: ['FVL-27-1'],
    notCites: ['LAB-167-1'],
  },
  // Imprecise.
  {
    why: 'a representative with a power of attorney may complain too',
    id: 'klage',
    says: ['fuldmagt'],
    never: ['Det er kun dig'],
    cites: ['FVL-8-1', 'LAB-204-2'],
  },
  {
    why: '"kommunen" replaces "jobcenteret" except in a few places, among them the complaint rule',
    id: 'aendring-kommunen-2026',
    says: ['Nogle få steder står ordet jobcenteret dog stadig', 'reglen om klage'],
  },
  {
    why: 'the discharge right names the § 6 groups in plain words and explains "mindst 6 måneder i alt"',
    id: 'ret-psykiatrisk-udskrivning',
    says: [
      'kontanthjælp',
      'sygedagpenge',
      'fleksjob',
      'får du SU, hører du ikke til målgrupperne',
      'mindst 6 måneder i alt',
      'Normalt er en periode med mentor højst 6 måneder',
    ],
    never: ['En region skriver'],
    cites: ['LAB-6'],
  },
  {
    why: 'the discharge procedure explains the target groups',
    id: 'udskrivning-forloeb',
    says: ['Det gør du fx, hvis du får dagpenge'],
    cites: ['LAB-6'],
  },
  {
    why: 'the duration article does not put "mindst" and "højst" side by side unexplained',
    id: 'varighed',
    says: ['Her gælder grænsen på højst 6 måneder altså ikke'],
  },
  {
    why: '"lovens målgrupper" is explained in everyday words',
    id: 'hvem-kan-faa-mentor',
    says: ['fx folk på dagpenge eller kontanthjælp'],
  },
  {
    why: 'BEK § 125: wage costs, direct contact, and the municipality decides',
    id: 'frikoeb',
    says: ['lønomkostningerne', 'direkte kontakt', 'Kommunen afgør også, om I får støtten'],
    never: ['I får dækket lønnen', 'kommunen betaler for de timer'],
    cites: ['BEK-125-1', 'BEK-126'],
  },
  {
    why: 'the employer overview promises support, not full cover',
    id: 'arbejdsgiver-hvad-daekkes',
    says: ['I kan få støtte til udgiften'],
    never: ['I kan få dækket udgiften'],
  },
  {
    why: 'a school gets support for wage costs',
    id: 'uddannelsesinstitution',
    says: ['Skolen kan få støtte til'],
    never: ['Skolen kan få dækket'],
  },
  {
    why: 'the general article does not address employers as "du"',
    id: 'hvad-er-mentorstoette',
    never: ['Er du arbejdsgiver, kan I'],
    says: ['Arbejdsgivere kan få støtte til lønomkostningerne'],
  },
  {
    why: 'revalidering ended for new cases from (we expect) 1 February 2026, and the date is marked unconfirmed',
    id: 'revalidering',
    says: ['1. februar 2026', 'ikke kunnet bekræfte'],
    certainty: 'partly-unverified',
  },
  {
    why: 'before 2026 revalidering existed: that article does not call it abolished',
    id: 'revalidering-foer-2026',
    never: ['afskaffet'],
  },
  // Wording.
  {
    why: 'plain words, not "bruger samme krav om"',
    id: 'betingelse-afgoerende-behov',
    never: ['bruger samme krav om'],
  },
  { why: 'no "sparring til"', id: 'erhvervsmentor-ivaerksaetter', never: ['sparring til'] },
  // New content the simulated people asked for.
  {
    why: 'meeting places and home visits are practice, and the answer says so',
    id: 'hjemmebesoeg-og-moeder',
    says: ['Det er ikke regler i loven', 'hjem til dig'],
    certainty: 'practice',
  },
  {
    why: 'the citizen pays nothing and the municipality pays',
    id: 'hvem-betaler',
    says: ['Du skal ikke betale noget', 'Det er kommunen, der betaler'],
    cites: ['LAB-169-2', 'LAB-170'],
  },
  {
    why: 'the municipality decides who mentors; LAB § 168 does not name family; a relative is unusual',
    id: 'familie-som-mentor',
    says: ['Det er kommunen, der bestemmer, hvem der bliver din mentor', 'Loven nævner ikke familie', 'usædvanligt'],
    cites: ['LAB-168'],
  },
  {
    why: 'an ill mentor or a change of mentor is practice; a no may be a decision to complain about',
    id: 'mentor-syg-eller-skift',
    says: ['ikke regler i loven', 'klage', '4 uger'],
    certainty: 'practice',
  },
  {
    why: 'transport, travel, preparation, overhead and sick pay are not covered (BEK §§ 125-126)',
    id: 'udgifter-der-ikke-daekkes',
    says: ['transport', 'rejseudgifter', 'forberede', 'kontor, ledelse', 'mens mentoren er syg'],
    cites: ['BEK-125-2', 'BEK-126'],
  },
  {
    why: "the employer's complaint options are unverified, and the answer says so",
    id: 'arbejdsgiver-klage',
    says: ['Det er ikke bekræftet'],
    certainty: 'partly-unverified',
    cites: ['LAB-204-2'],
  },
  {
    why: 'AB 401 is only something the municipality may ask for',
    id: 'ansoegningsskema',
    says: ['AB 401', 'ikke sikkert', 'beder dig måske'],
    certainty: 'partly-unverified',
  },
  {
    why: 'the estimate: wage cost per hour incl. holiday pay and pension, hours, weeks; the municipality decides',
    id: 'arbejdsgiver-beregning',
    says: ['lønomkostninger pr. time', 'feriepenge, pension', 'direkte kontakt', 'skøn', 'Kommunen afgør'],
  },
];

/** Wording the review named, which no answer may use. */
const NEVER_ANYWHERE = [
  /give[r]? (god )?mening/i,
  /ret-regler/,
  /sparring til/,
  /Politikerne vil/,
  /Vi har ikke set, hvordan loven lyder/,
  /En region skriver/,
];

describe('article content after the legal review (issue 12)', () => {
  const { articles } = knowledgeBase();
  const byId = new Map(articles.map((a) => [a.id, a]));

  for (const c of CASES) {
    it(`${c.id}: ${c.why}`, () => {
      const a = byId.get(c.id);
      expect(a, `article ${c.id}`).to.not.equal(undefined);
      for (const s of c.says ?? [])
        expect(a!.answer.da, c.id).to.match(typeof s === 'string' ? new RegExp(escape(s)) : s);
      for (const s of c.never ?? [])
        expect(a!.answer.da, c.id).to.not.match(typeof s === 'string' ? new RegExp(escape(s)) : s);
      if (c.certainty) expect(a!.certainty, c.id).to.equal(c.certainty);
      for (const id of c.cites ?? []) expect(a!.citations, c.id).to.include(id);
      for (const id of c.notCites ?? []) expect(a!.citations, c.id).to.not.include(id);
    });
  }

  it('uses none of the phrasings the review named in any Danish answer', () => {
    for (const a of articles) for (const re of NEVER_ANYWHERE) expect(a.answer.da, `${a.id} ${re}`).to.not.match(re);
  });

  it('addresses employers as "I", never as "du"', () => {
    for (const a of articles.filter((x) => x.audience === 'employer')) {
      expect(a.answer.da, a.id).to.not.match(/(^|[^\p{L}])(du|dig|din|dit|dine)(?![\p{L}])/iu);
    }
  });

  it('gives every new article at least 3 Danish and 1 English question', () => {
    const ids = [
      'hjemmebesoeg-og-moeder',
      'hvem-betaler',
      'familie-som-mentor',
      'mentor-syg-eller-skift',
      'udgifter-der-ikke-daekkes',
      'arbejdsgiver-klage',
      'ansoegningsskema',
      'arbejdsgiver-beregning',
    ];
    for (const id of ids) {
      const a = byId.get(id);
      expect(a, id).to.not.equal(undefined);
      expect(a!.questions.da.length, id).to.be.at.least(3);
      expect(a!.questions.en.length, id).to.be.at.least(1);
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
