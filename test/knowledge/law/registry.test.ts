import { expect } from 'chai';
import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentErrors } from '../../../knowledge/content-error.js';
import { loadLawRegistry, sectionUrl } from '../../../knowledge/law/registry.js';
import { knowledgePaths, projectRoot } from '../../../knowledge/paths.js';
import { knowledgeBase } from '../../helpers.js';

describe('law registry', () => {
  const registry = knowledgeBase().registry;

  it('labels citations the way a person reads them', () => {
    expect(registry.citation('LAB-167-2').label).to.equal('LAB § 167, stk. 2');
    expect(registry.citation('LAB-167-1-p2').label).to.equal('LAB § 167, stk. 1, 2. pkt.');
    expect(registry.citation('LAB-168').label).to.equal('LAB § 168');
    expect(registry.citation('LAB-6-4-5').label).to.equal('LAB § 6, nr. 4-5');
    expect(registry.citation('INTL-23d-1').label).to.equal('Integrationsloven § 23 d, stk. 1');
    expect(registry.citation('RSL-67-1').label).to.equal('Retssikkerhedsloven § 67, stk. 1');
    expect(registry.citation('LOV-1750-2025').label).to.equal('LOV 1750/2025');
  });

  it('gives every provision an act, an official address, a version, dates and a status', () => {
    expect(registry.provisions.length).to.be.greaterThan(30);
    for (const p of registry.provisions) {
      const c = registry.citation(p.id);
      expect(c.url, p.id).to.match(/^https:\/\//);
      expect(
        registry.act(p.act).versions.map((v) => v.id),
        p.id,
      ).to.include(p.version);
      expect(['verified', 'unverified'], p.id).to.include(p.status);
      expect(p.summary.length, p.id).to.be.greaterThan(20);
      expect(p.summaryEn.length, p.id).to.be.greaterThan(20);
    }
  });

  it('marks what the law notes leave unverified as unverified', () => {
    expect(registry.provision('LAB-6-4-5-2025').status).to.equal('unverified');
    expect(registry.provision('NY-LAB-2027').status).to.equal('unverified');
    expect(registry.provision('LAB-167-2').status).to.equal('verified');
  });

  it("records what it takes from the law notes' third pass with its source", () => {
    const six = registry.provision('LAB-6');
    expect(six.status).to.equal('verified');
    expect(six.source)
      .to.match(/law-notes T1/)
      .and.to.match(/2024_280\.json/);
    expect(registry.citation('LAB-6').label).to.equal('LAB § 6');
    expect(registry.provision('BEK-127').source).to.match(/T2/);
    expect(registry.provision('BEK-127').summary).to.match(/løn som normalt/);
    for (const id of ['LAB-203a-3', 'LAB-203a-4']) {
      expect(registry.provision(id).source, id).to.match(/T2/);
      expect(registry.provision(id).summary, id).to.match(/budgetgarantien/);
    }
    expect(registry.provision('LAB-203a-4').summary).to.match(/forbyder ikke en kommune at bruge mere/);
    expect(registry.citation('LAB-203a-4').label).to.equal('LAB § 203 a, stk. 4');
  });

  it('holds LOV 1749/2025, which inserted § 203 a, among the amending acts', () => {
    expect(registry.act('LOV-1749-2025').versions[0]!.url).to.equal('https://www.retsinformation.dk/eli/lta/2025/1749');
    expect(registry.citation('LOV-1749-2025').label).to.equal('LOV 1749/2025');
    expect(registry.reform('udgiftsloft-2026').provisions).to.include('LOV-1749-2025');
  });

  it("links a section to its anchor on retsinformation.dk (#P167, #P23d), an act or an amending act's change to the act", () => {
    const lbk = 'https://www.retsinformation.dk/eli/lta/2024/280';
    expect(registry.citation('LAB-167-2').url).to.equal(`${lbk}#P167`);
    expect(registry.citation('LAB-168').url).to.equal(`${lbk}#P168`);
    expect(registry.citation('INTL-23d-1').url).to.equal('https://www.retsinformation.dk/eli/lta/2020/1146#P23d');
    expect(registry.citation('BEK-136-4').url).to.equal('https://www.retsinformation.dk/eli/lta/2023/1216#P136');
    // § 203 a is read from the amending act, where it is not a section of its own: the act.
    expect(registry.citation('LAB-203a-4').url).to.equal('https://www.retsinformation.dk/eli/lta/2025/1749');
    expect(registry.citation('LOV-1750-2025').url).to.equal('https://www.retsinformation.dk/eli/lta/2025/1750');
    expect(sectionUrl({ url: lbk }, '7 a')).to.equal(`${lbk}#P7a`);
    expect(sectionUrl({ url: lbk }, null)).to.equal(lbk);
    expect(sectionUrl({ url: lbk, sectionAnchors: false }, '167')).to.equal(lbk);
    expect(sectionUrl({ url: 'https://star.dk/da/x' }, '167')).to.equal('https://star.dk/da/x');
    for (const p of registry.provisions) expect(p.url, p.id).to.match(/^https:\/\/[^\s#]+(#P\d+[a-z]?)?$/);
  });

  it('marks VITAS (BEK § 136, stk. 4, only paraphrased) as unverified', () => {
    expect(registry.provision('BEK-136-4').status).to.equal('unverified');
  });

  it('keeps "jobcenteret" only where LOV 1750/2025 keeps it, and says so', () => {
    expect(registry.reform('kommunen-2026').summary).to.match(
      /§ 188, stk\. 1, overskriften før § 204 og\s+§ 204, stk\. 1/,
    );
    expect(registry.provision('LAB-204-1').note).to.match(/jobcenterets/);
  });

  it('lets a representative complain (forvaltningsloven § 8)', () => {
    expect(registry.citation('FVL-8-1').label).to.equal('Forvaltningsloven § 8, stk. 1');
    expect(registry.provision('LAB-204-2').summary).to.match(/fuldmagt/);
  });

  it('holds the reforms as dated data', () => {
    expect(registry.reform('kommunen-2026').date).to.equal('2026-02-01');
    expect(registry.reform('udgiftsloft-2026').date).to.equal('2026-01-01');
    expect(registry.reform('ny-lab-2027')).to.include({ date: '2027-01-01', status: 'unverified' });
    expect(registry.reform('ungeret-afskaffes-2027').provisions).to.include('LAB-167-3');
  });

  it('names the deciding body by date: jobcentret before 1 February 2026, kommunen from then', () => {
    expect(registry.authorityName('2026-01-31', 'da')).to.equal('jobcentret');
    expect(registry.authorityName('2026-02-01', 'da')).to.equal('kommunen');
    expect(registry.authorityName('2026-02-01', 'en')).to.equal('the municipality');
  });

  it('knows when a provision is in force', () => {
    expect(registry.inForce('LAB-203a-4', '2025-12-31')).to.equal(false);
    expect(registry.inForce('LAB-203a-4', '2026-01-01')).to.equal(true);
    expect(registry.inForce('LAB-6-4-5', '2025-07-01')).to.equal(false);
  });

  it('refuses an unknown provision id with a message that says where to look', () => {
    expect(() => registry.provision('LAB-999')).to.throw(/LAB-999.*knowledge\/law/);
  });

  it('fails to load a broken registry file, naming the file and the field', () => {
    const root = mkdtempSync(join(tmpdir(), 'mentorbot-law-'));
    const dir = join(root, 'knowledge', 'law');
    cpSync(knowledgePaths(projectRoot()).law, dir, { recursive: true });
    writeFileSync(
      join(dir, 'broken.yaml'),
      'act: LAB\nprovisions:\n  - id: LAB-X\n    section: "1"\n    title: T\n    summary: S\n    summaryEn: S\n    version: LBK-280-2024\n    validFrom: 2026-02-30\n    status: maybe\n',
    );
    try {
      loadLawRegistry(dir, root);
      expect.fail('a broken registry loaded');
    } catch (e) {
      expect(e).to.be.instanceOf(ContentErrors);
      const msg = (e as Error).message;
      expect(msg).to.include('knowledge/law/broken.yaml: provisions[0].validFrom');
      expect(msg).to.include('knowledge/law/broken.yaml: provisions[0].status: must be "verified" or "unverified"');
      expect(msg).to.include('knowledge/law/broken.yaml: provisions[0].validFrom: must be a date written YYYY-MM-DD');
    }
  });
});
