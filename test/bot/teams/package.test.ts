import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTeamsPackage } from '../../../bot/teams/package.js';
import { projectRoot } from '../../../knowledge/paths.js';
import { readPng, readZip } from './read-files.js';

const appId = '8f2a1c3e-4b5d-4e6f-9a0b-1c2d3e4f5a6b';
const script = join(projectRoot(), 'dist', 'bot', 'teams', 'package.js');

describe('Teams app package', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mentorbot-teams-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds manifest.json, color.png and outline.png at the root, readable by an unzip tool', () => {
    const out = join(dir, 'app.zip');
    buildTeamsPackage({ MicrosoftAppId: appId, TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk', MUNICIPALITY_NAME: 'Aarhus Kommune' }, out);
    const files = readZip(readFileSync(out));
    expect([...files.keys()].sort()).to.deep.equal(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    expect(manifest).to.include({ manifestVersion: '1.17', id: appId });
    expect(manifest.bots[0]).to.include({ botId: appId });
    expect(manifest.developer).to.deep.equal({
      name: 'Aarhus Kommune',
      websiteUrl: 'https://mentorbot.kommune.dk/',
      privacyUrl: 'https://mentorbot.kommune.dk/privatliv.html',
      termsOfUseUrl: 'https://mentorbot.kommune.dk/',
    });
    expect(manifest.name.short).to.equal('Mentorbot – sagsbehandlere');
    expect(readPng(files.get('color.png')!)).to.include({ width: 192, height: 192 });
    expect(readPng(files.get('outline.png')!)).to.include({ width: 32, height: 32 });
  });

  it('is written by the command line with --out', () => {
    const out = join(dir, 'sub', 'app.zip');
    const run = spawnSync(process.execPath, [script, '--out', out], {
      env: { PATH: process.env.PATH, MicrosoftAppId: appId, TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(/Wrote .*app\.zip: Teams app \d+\.\d+\.\d+ for bot 8f2a1c3e-.* on mentorbot\.kommune\.dk/);
    expect(readZip(readFileSync(out)).size).to.equal(3);
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    ['a missing app id', { MicrosoftAppId: '', TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk' }, /Cannot build the Teams app package\. Setting MicrosoftAppId: is missing/],
    ['an app id that is not a GUID', { MicrosoftAppId: 'mentorbot', TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk' }, /Setting MicrosoftAppId: must be an app id \(a GUID\), got "mentorbot"/],
    ['a missing domain', { MicrosoftAppId: appId, TEAMS_BOT_DOMAIN: '' }, /Setting TEAMS_BOT_DOMAIN: is missing/],
  ];
  for (const [name, env, message] of refused) {
    it(`is refused by the command line for ${name}, with exit code 1 and no file`, () => {
      const out = join(dir, 'app.zip');
      const run = spawnSync(process.execPath, [script, '--out', out], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8' });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.match(message);
      expect(existsSync(out)).to.equal(false);
    });
  }
});
