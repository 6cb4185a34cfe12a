import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsStale, loadKnowledgeBase } from '../../../knowledge/kb.js';
import { knowledgePaths, projectRoot } from '../../../knowledge/paths.js';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'knowledge', 'build', 'cli.js');

/** A scratch project folder holding a copy of this project's content files. */
function scratchProject(): string {
  const root = mkdtempSync(join(tmpdir(), 'mentorbot-build-'));
  const from = knowledgePaths(projectRoot());
  const to = knowledgePaths(root);
  cpSync(from.law, to.law, { recursive: true });
  cpSync(from.articles, to.articles, { recursive: true });
  mkdirSync(dirname(to.ruleTexts), { recursive: true });
  cpSync(from.ruleTexts, to.ruleTexts);
  mkdirSync(dirname(to.synonyms), { recursive: true });
  cpSync(from.synonyms, to.synonyms);
  cpSync(from.kinds, to.kinds);
  mkdirSync(dirname(to.lexicon), { recursive: true });
  cpSync(from.lexicon, to.lexicon);
  return root;
}

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

describe('npm run kb:build', () => {
  it('refuses an unknown option with exit code 2, naming it and the options there are (node:util parseArgs)', () => {
    const out = run('--if-stall');
    expect(out.status).to.equal(2);
    expect(out.stderr).to.match(/Unknown option '--if-stall'.*--if-stale, --quiet, --root DIR/);
  });

  it('builds the bundle, reports LIX per answer, and is then up to date until the content changes', () => {
    const root = scratchProject();
    const first = run('--root', root);
    expect(first.status, first.stderr).to.equal(0);
    expect(first.stdout).to.match(/LIX per Danish answer/);
    expect(first.stdout).to.match(/\d+\.\d\s+varighed/);
    expect(bundleIsStale(root)).to.equal(false);
    expect(
      loadKnowledgeBase(root).search.search('hvor længe kan jeg have en mentor', { date: '2026-11-22' }).hits[0]
        ?.article.id,
    ).to.equal('varighed');
    expect(run('--root', root, '--if-stale').stdout).to.match(/up to date/);

    const file = join(knowledgePaths(root).articles, 'citizen', 'varighed.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Hvor længe', 'Hvor lang tid'));
    expect(bundleIsStale(root)).to.equal(true);
  });

  it('fails with the file and the field when an article cites a provision that is not in the registry', () => {
    const root = scratchProject();
    const file = join(knowledgePaths(root).articles, 'employer', 'frikoeb.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/citations: \[/, 'citations: [LAB-170-9, '));
    const out = run('--root', root);
    expect(out.status).to.equal(1);
    expect(out.stderr).to.include(
      'knowledge/articles/employer/frikoeb.md: citations[0]: "LAB-170-9" is not a provision in the law registry',
    );
  });

  it('fails when a rule text is missing', () => {
    const root = scratchProject();
    const file = knowledgePaths(root).ruleTexts;
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n {2}employerApply:\n( {4}.*\n)+/, '\n'));
    const out = run('--root', root);
    expect(out.status).to.equal(1);
    expect(out.stderr).to.include('knowledge/rules/texts.yaml: outcomes.employerApply');
  });

  it('fails when a rule text loses its end to an unquoted comma in a YAML flow mapping', () => {
    const root = scratchProject();
    const file = knowledgePaths(root).ruleTexts;
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        "su: { da: 'at du fik SU, da du blev optaget',",
        'su: { da: at du fik SU, da du blev optaget,',
      ),
    );
    const out = run('--root', root);
    expect(out.status).to.equal(1);
    expect(out.stderr).to.include('knowledge/rules/texts.yaml: answers.benefitAtAdmission.su');
  });
});
