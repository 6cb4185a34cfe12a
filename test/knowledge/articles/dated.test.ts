import { expect } from 'chai';
import { articleOn } from '../../../knowledge/articles/dated.js';
import { LawRegistry } from '../../../knowledge/law/registry.js';
import { knowledgeBase } from '../../helpers.js';

describe('articles as shown on a date (the notice of the new act from 1 January 2027)', () => {
  const kb = knowledgeBase();
  const notice = kb.registry.newActNotice('2027-01-01')!;

  it('ends every answer found by search on or after 1 January 2027 with the notice, in both languages', () => {
    const out = kb.search.search('hvor længe kan jeg have en mentor', { date: '2027-01-01' });
    expect(out.hits[0]?.article.id).to.equal('varighed');
    for (const h of out.hits) {
      expect(h.article.answer.da, h.article.id).to.match(
        /det er kommunen, der har det sidste ord om, hvad der er ændret\.$/,
      );
      expect(h.article.answer.en, h.article.id).to.match(/final word on what has changed\.$/);
    }
    expect(kb.search.search('frikøb af medarbejder', { date: '2027-06-30' }).hits[0]?.article.answer.da).to.include(
      notice.da,
    );
  });

  it('says nothing of it on 31 December 2026', () => {
    const out = kb.search.search('hvor længe kan jeg have en mentor', { date: '2026-12-31' });
    expect(out.hits[0]?.article.answer.da).to.not.include(notice.da);
  });

  it('leaves the stored article and an out-of-scope topic unchanged', () => {
    const varighed = kb.articles.find((a) => a.id === 'varighed')!;
    const shown = kb.articleOn(varighed, '2027-03-01');
    expect(shown.answer.da.endsWith(notice.da)).to.equal(true);
    expect(varighed.answer.da).to.not.include(notice.da);
    const weather = kb.articles.find((a) => a.kind === 'outside')!;
    expect(kb.articleOn(weather, '2027-03-01')).to.equal(weather);
  });

  it('stops once the registry holds the new act', () => {
    const withAct = new LawRegistry(
      kb.registry.acts,
      kb.registry.provisions,
      kb.registry.reforms.map((r) => (r.id === 'ny-lab-2027' ? { ...r, status: 'verified' as const } : r)),
    );
    const varighed = kb.articles.find((a) => a.id === 'varighed')!;
    expect(articleOn(varighed, '2027-03-01', withAct)).to.equal(varighed);
  });
});
