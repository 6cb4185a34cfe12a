import { expect } from 'chai';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadArticles } from '../../../knowledge/articles/load.js';
import { knowledgePaths, projectRoot } from '../../../knowledge/paths.js';
import { knowledgeBase } from '../../helpers.js';

const GOOD = readFileSync(join(projectRoot(), 'knowledge', 'articles', 'citizen', 'varighed.md'), 'utf8');

/** Loads one article (given as file text) in a scratch project and returns the error message, or '' if it loaded. */
function errorsFor(name: string, text: string): string {
  const root = mkdtempSync(join(tmpdir(), 'mentorbot-kb-'));
  cpSync(knowledgePaths(projectRoot()).law, join(root, 'knowledge', 'law'), { recursive: true });
  const dir = join(root, 'knowledge', 'articles');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.md`), text);
  try {
    loadArticles(dir, root, knowledgeBase().registry);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('knowledge base articles', () => {
  const articles = knowledgeBase().articles;
  const answers = articles.filter((a) => a.kind === 'answer');

  it('has 35 or more answers, for citizens and for employers', () => {
    expect(answers.length).to.be.at.least(35);
    expect(answers.filter((a) => a.audience === 'employer').length).to.be.at.least(10);
    expect(answers.filter((a) => a.audience !== 'employer').length).to.be.at.least(20);
  });

  it('covers every group the sources name, the rights, complaints, the 2026-27 changes and an example per audience', () => {
    const ids = new Set(articles.map((a) => a.id));
    for (const id of [
      'ledig-kontaktforloeb',
      'tilbud-praktik-loentilskud',
      'fleksjob',
      'sygemeldt',
      'ordinaert-job',
      'selvforsoergende',
      'unge-starter-uddannelse',
      'revalidering',
      'flygtninge-integrationsprogram',
      'betingelse-afgoerende-behov',
      'ud-over-det-saedvanlige',
      'hvad-hjaelper-mentor-med',
      'hvem-kan-vaere-mentor',
      'varighed',
      'forlaengelse',
      'ret-psykiatrisk-udskrivning',
      'ret-unge-uddannelse',
      'saadan-soeger-du',
      'min-plan-aftale',
      'timer',
      'timer-pr-plads',
      'frikoeb',
      'ekstern-konsulent',
      'uddannelse-af-mentor',
      'arbejdsgiver-udgift',
      'arbejdsgiver-ansoeg',
      'tavshedspligt',
      'eftervaern',
      'klage',
      'aendring-kommunen-2026',
      'aendring-udgiftsloft-2026',
      'aendring-ny-lov-2027',
      'eksempel-borger',
      'eksempel-arbejdsgiver',
    ]) {
      expect(ids.has(id), id).to.equal(true);
    }
  });

  it('keeps every Danish answer at LIX 45 or below, and the average at 40 or below', () => {
    for (const a of articles) expect(a.lix, a.id).to.be.at.most(45);
    expect(answers.reduce((s, a) => s + a.lix, 0) / answers.length).to.be.at.most(40);
  });

  it('cites only provisions in the law registry, and every answer cites one', () => {
    const registry = knowledgeBase().registry;
    for (const a of answers) {
      expect(a.citations.length, a.id).to.be.greaterThan(0);
      for (const c of a.citations) expect(registry.has(c), `${a.id} cites ${c}`).to.equal(true);
    }
  });

  it('says so in the answer when a point is not certain', () => {
    for (const a of answers.filter((x) => x.certainty === 'partly-unverified')) {
      expect(a.answer.da, a.id).to.match(
        /ikke sikker|ikke sikkert|usikker|ved vi ikke|ikke afklaret|ikke endelig|bekræfte/i,
      );
    }
  });

  it('accepts an article in the documented format', () => {
    expect(errorsFor('varighed', GOOD)).to.equal('');
  });

  it('fails an article that cites a section missing from the registry, naming file and field', () => {
    const broken = GOOD.replace(/citations: \[[^\]]*\]/, 'citations: [LAB-167-1, LAB-999]');
    expect(errorsFor('varighed', broken)).to.include(
      'knowledge/articles/varighed.md: citations[1]: "LAB-999" is not a provision',
    );
  });

  it('fails an article with an invalid date, a missing field or a wrong id', () => {
    expect(errorsFor('varighed', GOOD.replace(/validFrom: \S+/, 'validFrom: 2026-02-30'))).to.include(
      'varighed.md: validFrom',
    );
    expect(errorsFor('varighed', GOOD.replace(/\nreviewed: \S+/, ''))).to.include('varighed.md: reviewed');
    expect(errorsFor('other-name', GOOD)).to.include('other-name.md: id: must match the file name');
    expect(errorsFor('varighed', GOOD.replace(/\naudience: \S+/, '\naudience: everyone'))).to.include(
      'varighed.md: audience: must be one of citizen, employer, both',
    );
    expect(errorsFor('varighed', GOOD.replace(/validFrom: \S+/, 'validFrom: 2026-02-30'))).to.include(
      'varighed.md: validFrom: must be a date written YYYY-MM-DD',
    );
    expect(errorsFor('varighed', GOOD.replace(/\ntitle:[\s\S]*?\n(?=\w)/, '\n'))).to.include(
      'varighed.md: title.da: is missing or empty',
    );
  });

  it('fails an article whose Danish answer is too hard to read', () => {
    const hard = GOOD.replace(
      /## da\n[\s\S]*?\n## en/,
      '## da\nBeskæftigelsesindsatsens mentorordningsbestemmelser forudsætter virksomhedsrelaterede introduktionsforløb ud over sædvanlige arbejdsgiverforpligtelser.\n\n## en',
    );
    expect(errorsFor('varighed', hard)).to.match(/varighed\.md: ## da: LIX is \d+/);
  });

  it('fails an article without an English answer', () => {
    expect(errorsFor('varighed', GOOD.replace(/## en[\s\S]*$/, ''))).to.include('varighed.md: ## en');
  });

  it('fails an article that cites a provision not in force while the article is valid', () => {
    const old = GOOD.replace(/validFrom: \S+/, 'validFrom: 2020-01-01')
      .replace(/validTo: \S+/, 'validTo: 2020-12-31')
      .replace(/citations: \[[^\]]*\]/, 'citations: [LAB-203a-4]');
    expect(errorsFor('varighed', old)).to.include('"LAB-203a-4" is not in force at any time the article is valid');
  });
});
