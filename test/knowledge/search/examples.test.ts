import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentErrors } from '../../../knowledge/content-error.js';
import { OUT_OF_SCOPE, examplePhrasings, loadExamples } from '../../../knowledge/search/examples.js';

describe('example questions (knowledge/examples)', () => {
  let root: string;
  const ids = new Set(['varighed', 'klage']);
  const write = (path: string, text: string) => {
    mkdirSync(join(root, 'examples', ...path.split('/').slice(0, -1)), { recursive: true });
    writeFileSync(join(root, 'examples', path), text);
  };
  beforeEach(() => (root = mkdtempSync(join(tmpdir(), 'examples-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names a set by its file at the top, or by its folder, whose files make one set', () => {
    write('eval-a.yaml', 'questions:\n  - { q: "hvor længe", lang: da, expect: [varighed] }\n');
    write('dev2/questions-1.yaml', 'questions:\n  - { q: "how long", lang: en, expect: [varighed] }\n');
    write('dev2/questions-2.yaml', 'questions:\n  - { q: "jeg vil klage", lang: da, expect: [klage] }\n');
    const sets = loadExamples(join(root, 'examples'), root, ids);
    expect(sets.map((s) => [s.name, s.questions.length])).to.deep.equal([
      ['dev2', 2],
      ['eval-a', 1],
    ]);
  });

  it('fails the build, naming the file and the question, for an id that is no article or a question without text', () => {
    write('dev/questions.yaml', 'questions:\n  - { q: "x", lang: da, expect: [nope] }\n  - { lang: da, expect: [] }\n');
    expect(() => loadExamples(join(root, 'examples'), root, ids))
      .to.throw(ContentErrors)
      .with.property('message')
      .that.contains('examples/dev/questions.yaml')
      .and.contains('"nope"')
      .and.contains('questions[1]');
  });

  it('teaches each in-scope question for its first article, the others as out of scope, and leaves out a set', () => {
    write('eval-a.yaml', 'questions:\n  - { q: "hvor længe", lang: da, expect: [varighed, klage] }\n');
    write(
      'eval-b.yaml',
      'questions:\n  - { q: "vejret", lang: da, expect: [] }\n  - { q: "klage", lang: da, expect: [klage] }\n',
    );
    const sets = loadExamples(join(root, 'examples'), root, ids);
    const all = examplePhrasings(sets);
    expect([...all.keys()].sort()).to.deep.equal([OUT_OF_SCOPE, 'klage', 'varighed'].sort());
    expect(all.get('varighed')!.map((q) => q.q)).to.deep.equal(['hvor længe']);
    expect(all.get(OUT_OF_SCOPE)!.map((q) => q.q)).to.deep.equal(['vejret']);
    expect([...examplePhrasings(sets, 'eval-b').keys()]).to.deep.equal(['varighed']);
  });
});
