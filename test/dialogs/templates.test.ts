import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { projectRoot } from '../../knowledge/paths.js';
import { TEMPLATE_KEYS } from '../../dialogs/template-keys.js';
import { LANGS, Templates, escapeMarkdown, escapeMarkup } from '../../dialogs/templates.js';

/** One set of values that covers every placeholder any template uses. */
const SAMPLE = {
  authority: 'kommunen',
  Authority: 'Kommunen',
  municipality: 'Assens Kommune',
  phone: '+45 64 74 74 74',
  url: 'https://example.org/kontakt',
  why: 'Fordi reglerne er forskellige.',
  words: 'ledig, kontanthjælp',
  limit: 2000,
  title: 'Hvor længe kan jeg have en mentor?',
  answer: 'Højst 6 måneder ad gangen.',
  heading: 'Godt at vide',
  citations: [
    { label: 'LAB § 167, stk. 1', url: 'https://www.retsinformation.dk/eli/lta/2019/548', unverified: false },
  ],
  outcomes: [
    {
      heading: 'Det kan du søge om',
      text: 'Du kan søge.',
      because: 'Fordi du svarede, at du er ledig.',
      unsure: true,
      citations: [],
    },
  ],
  name: 'Mette Hansen',
  text: 'Hej, jeg ringer i morgen.',
  days: '30',
  hours: 'man-tor 9-15, fre 9-13',
  card: true,
  lead: [
    {
      heading: 'Det kan du søge om',
      text: 'Du kan søge.',
      because: 'Fordi du svarede, at du er ledig.',
      unsure: false,
      citations: [],
    },
  ],
  nothing: false,
  steps: ['Kontakt kommunen.'],
  goodToKnow: [{ text: 'En periode er højst 6 måneder.', unsure: false, citations: [] }],
  estimate: true,
  total: '17.940',
  wage: '230',
  hourly: '230',
  hoursPerWeek: '3',
  weeks: '26',
  additions: [{ label: 'pension', percent: '12' }],
  consultant: false,
  trainingGrant: true,
  longPeriod: false,
  assumedPeriod: true,
  next: 'mandag den 30. november kl. 09.00',
};

describe('reply templates', () => {
  const templates = new Templates();

  for (const lang of LANGS) {
    it(`renders every template in ${lang} with values and leaves no placeholder behind`, () => {
      for (const key of TEMPLATE_KEYS) {
        const text = templates.render(lang, key, SAMPLE);
        expect(text, key).to.have.length.greaterThan(0);
        expect(text, key).not.to.match(/\{\{|\}\}/);
      }
    });
  }

  it('throws in strict mode when a template lacks a value, instead of printing nothing', () => {
    expect(() => templates.render('da', 'ask.why', {})).to.throw(/why/);
  });

  it('does not HTML-escape chat text: "Søren & Åse" stays as written', () => {
    expect(templates.render('da', 'ask.why', { why: 'Søren & Åse <3' })).to.include('Søren & Åse <3');
  });

  it('renders citations as Markdown links to the law and marks unconfirmed ones', () => {
    const text = templates.render('da', 'answer.article', {
      ...SAMPLE,
      citations: [
        { label: 'LAB § 167, stk. 1', url: 'https://a.example/1', unverified: false },
        { label: 'LAB § 6, nr. 4', url: 'https://a.example/2', unverified: true },
      ],
    });
    expect(text).to.include(
      'Lovgrundlag: [LAB § 167, stk. 1](https://a.example/1), [LAB § 6, nr. 4](https://a.example/2) (ikke bekræftet)',
    );
  });

  it('escapes Markdown in text a person wrote', () => {
    expect(escapeMarkdown('*fed* [link](x) _kursiv_')).to.equal('\\*fed\\* \\[link\\]\\(x\\) \\_kursiv\\_');
  });

  it('escapes lists, headings, quotes, addresses and HTML in text a person wrote, for Markdown', () => {
    expect(escapeMarkdown('# Hej\n- a\n1. b\n> c\n===')).to.equal('\\# Hej\n\\- a\n1\\. b\n\\> c\n\\=\\=\\=');
    expect(escapeMarkdown('se www.x.dk og https://x.dk')).to.equal('se www\\.x\\.dk og https\\://x\\.dk');
    expect(escapeMarkdown('<at>Alle</at> &lt;')).to.equal('\\<at\\>Alle\\</at\\> \\&lt;');
  });

  it('escapes Markdown and writes &, < and > as entities, for a channel that may read HTML too', () => {
    expect(escapeMarkup("<a href='https://x.dk'>log ind</a> & **VIGTIGT**")).to.equal(
      "&lt;a href\\='https\\://x\\.dk'&gt;log ind&lt;/a&gt; &amp; \\*\\*VIGTIGT\\*\\*",
    );
    expect(escapeMarkup('&lt;at&gt;')).to.equal('&amp;lt;at&amp;gt;');
  });

  it('refuses to start when a language lacks a template, naming the file and key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    const source = join(projectRoot(), 'dialogs', 'templates');
    writeFileSync(join(dir, 'da.yaml'), readFileSync(join(source, 'da.yaml'), 'utf8'));
    writeFileSync(join(dir, 'en.yaml'), readFileSync(join(source, 'en.yaml'), 'utf8').replace(/^restart:.*$/m, ''));
    expect(() => new Templates(dir)).to.throw(/en\.yaml.*missing template "restart"/);
  });

  it('refuses to start when a template cannot be parsed, naming the file and key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    const source = join(projectRoot(), 'dialogs', 'templates');
    writeFileSync(
      join(dir, 'da.yaml'),
      readFileSync(join(source, 'da.yaml'), 'utf8').replace(/^restart:.*$/m, 'restart: "{{#if x}}ubalanceret"'),
    );
    writeFileSync(join(dir, 'en.yaml'), readFileSync(join(source, 'en.yaml'), 'utf8'));
    expect(() => new Templates(dir)).to.throw(/da\.yaml: template "restart"/);
  });
});
