import { expect } from 'chai';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../knowledge/paths.js';

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : n.endsWith('.ts') ? [p] : [];
  });
}

describe('architecture', () => {
  it('knowledge/ imports nothing from bot/ or dialogs/, and no Bot Framework or express', () => {
    const root = projectRoot();
    for (const file of tsFiles(join(root, 'knowledge'))) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec, relative(root, file)).to.not.match(/(^|\/)(bot|dialogs)\//);
        expect(spec, relative(root, file)).to.not.match(/^(botbuilder|express)/);
      }
    }
  });

  it('dialogs/ imports nothing from bot/ and no express, and only dialogs/sdk.ts imports the Bot Framework', () => {
    const root = projectRoot();
    for (const file of tsFiles(join(root, 'dialogs'))) {
      const text = readFileSync(file, 'utf8');
      const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) {
        expect(spec, relative(root, file)).to.not.match(/(^|\/)bot\//);
        expect(spec, relative(root, file)).to.not.match(/^express/);
        if (!file.endsWith(join('dialogs', 'sdk.ts'))) expect(spec, relative(root, file)).to.not.match(/^botbuilder/);
      }
    }
  });

  it('in bot/, only sdk.ts imports the Bot Framework', () => {
    const root = projectRoot();
    for (const file of tsFiles(join(root, 'bot'))) {
      if (file.endsWith(join('bot', 'sdk.ts'))) continue;
      const imports = [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const spec of imports) expect(spec, relative(root, file)).to.not.match(/^botbuilder/);
    }
  });
});
