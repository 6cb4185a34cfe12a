import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTeamsPackage } from '../../../bot/teams/package.js';
import { projectRoot } from '../../../knowledge/paths.js';
import { pngHeader, readZip } from './read-files.js';

const appId = '8f2a1c3e-4b5d-4e6f-9a0b-1c2d3e4f5a6b';
const script = join(projectRoot(), 'dist', 'bot', 'teams', 'package.js');

describe('Teams app package', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mentorbot-teams-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('holds manifest.json, color.png and outline.png at the root, readable by an unzip tool', async () => {
    const out = join(dir, 'app.zip');
    await buildTeamsPackage(
      { MicrosoftAppId: appId, TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk', MUNICIPALITY_NAME: 'Aarhus Kommune' },
      out,
    );
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
    expect(pngHeader(files.get('color.png')!)).to.include({ width: 192, height: 192 });
    expect(pngHeader(files.get('outline.png')!)).to.deep.equal({ width: 32, height: 32, colourType: 6 });
    expect(
      files.get('color.png')!.equals(readFileSync(join(projectRoot(), 'bot', 'teams', 'color.png'))),
      'the committed icon',
    ).to.equal(true);
  });

  it('is written by the command line with --out', () => {
    const out = join(dir, 'sub', 'app.zip');
    const run = spawnSync(process.execPath, [script, '--out', out], {
      env: { PATH: process.env.PATH, MicrosoftAppId: appId, TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk' },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stdout).to.match(
      /Wrote .*app\.zip: Teams app \d+\.\d+\.\d+ for bot 8f2a1c3e-.* on mentorbot\.kommune\.dk/,
    );
    expect(readZip(readFileSync(out)).size).to.equal(3);
  });

  it('writes the same bytes for the same settings and time (fflate, deflated, dated)', async () => {
    const env = { MicrosoftAppId: appId, TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk' };
    const at = new Date('2026-11-23T09:30:10Z');
    await buildTeamsPackage(env, join(dir, 'a.zip'), projectRoot(), at);
    await buildTeamsPackage(env, join(dir, 'b.zip'), projectRoot(), at);
    const zip = readFileSync(join(dir, 'a.zip'));
    expect(zip.equals(readFileSync(join(dir, 'b.zip')))).to.equal(true);
    expect(zip.readUInt32LE(0), 'a local file header first').to.equal(0x04034b50);
    expect(zip.readUInt16LE(8), 'deflated').to.equal(8);
  });

  it('refuses to write a manifest that the official schema rejects, listing the problem', async () => {
    const env = {
      MicrosoftAppId: appId,
      TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk',
      TEAMS_DEVELOPER_URL: 'https://a.dk/' + 'x'.repeat(2100),
    };
    const out = join(dir, 'app.zip');
    let error: Error | undefined;
    await buildTeamsPackage(env, out).catch((e: Error) => (error = e));
    expect(error?.message).to.match(
      /^The Teams manifest is not valid: developer\.websiteUrl must NOT have more than 2048 characters/,
    );
    expect(existsSync(out)).to.equal(false);
  });

  it('is refused by the command line for an unknown option, with exit code 2', () => {
    const run = spawnSync(process.execPath, [script, '--output', 'x.zip'], {
      env: { PATH: process.env.PATH },
      encoding: 'utf8',
    });
    expect(run.status).to.equal(2);
    expect(run.stderr).to.match(/Unknown option '--output'/);
  });

  const refused: [string, Record<string, string>, RegExp][] = [
    [
      'a missing app id',
      { MicrosoftAppId: '', TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk' },
      /Cannot build the Teams app package\. Setting MicrosoftAppId: is missing/,
    ],
    [
      'an app id that is not a GUID',
      { MicrosoftAppId: 'mentorbot', TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk' },
      /Setting MicrosoftAppId: must be an app id \(a GUID\), got "mentorbot"/,
    ],
    ['a missing domain', { MicrosoftAppId: appId, TEAMS_BOT_DOMAIN: '' }, /Setting TEAMS_BOT_DOMAIN: is missing/],
  ];
  for (const [name, env, message] of refused) {
    it(`is refused by the command line for ${name}, with exit code 1 and no file`, () => {
      const out = join(dir, 'app.zip');
      const run = spawnSync(process.execPath, [script, '--out', out], {
        env: { PATH: process.env.PATH, ...env },
        encoding: 'utf8',
      });
      expect(run.status).to.equal(1);
      expect(run.stderr).to.match(message);
      expect(existsSync(out)).to.equal(false);
    });
  }
});
