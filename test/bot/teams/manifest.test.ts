import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../../bot/config.js';
import { fillManifest, manifestProblems, readTeamsSettings } from '../../../bot/teams/manifest.js';
import { projectRoot } from '../../../knowledge/paths.js';

const appId = '8f2a1c3e-4b5d-4e6f-9a0b-1c2d3e4f5a6b';
const base = { MicrosoftAppId: appId, TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk' };
const settings = (env: Record<string, string>) => readTeamsSettings(env, '0.1.0', '#1F5C99');
const template = () =>
  JSON.parse(readFileSync(join(projectRoot(), 'bot', 'teams', 'manifest.template.json'), 'utf8')) as unknown;

describe('Teams manifest settings', () => {
  it("defaults the developer details to the bot's own site", () => {
    expect(settings(base)).to.deep.equal({
      botId: appId,
      appId,
      domain: 'mentorbot.kommune.dk',
      version: '0.1.0',
      developerName: 'Mentorbot',
      websiteUrl: 'https://mentorbot.kommune.dk/',
      privacyUrl: 'https://mentorbot.kommune.dk/privatliv.html',
      termsOfUseUrl: 'https://mentorbot.kommune.dk/',
      accentColor: '#1F5C99',
    });
  });

  it("takes the municipality's name and the web chat's privacy page", () => {
    const s = settings({ ...base, MUNICIPALITY_NAME: 'Aarhus Kommune', PRIVACY_URL: '/om/privatliv' });
    expect(s).to.include({ developerName: 'Aarhus Kommune', privacyUrl: 'https://mentorbot.kommune.dk/om/privatliv' });
    expect(settings({ ...base, PRIVACY_URL: 'https://www.aarhus.dk/privatliv' }).privacyUrl).to.equal(
      'https://www.aarhus.dk/privatliv',
    );
  });

  it('takes the Teams settings over the others', () => {
    const s = settings({
      ...base,
      MUNICIPALITY_NAME: 'Aarhus Kommune',
      PRIVACY_URL: '/privatliv.html',
      TEAMS_DEVELOPER_NAME: 'Jobcenter Aarhus',
      TEAMS_DEVELOPER_URL: 'https://www.aarhus.dk/',
      TEAMS_PRIVACY_URL: 'https://www.aarhus.dk/privatliv',
      TEAMS_TERMS_URL: 'https://www.aarhus.dk/vilkaar',
      TEAMS_APP_VERSION: '1.2.3',
    });
    expect(s).to.include({
      developerName: 'Jobcenter Aarhus',
      websiteUrl: 'https://www.aarhus.dk/',
      privacyUrl: 'https://www.aarhus.dk/privatliv',
      termsOfUseUrl: 'https://www.aarhus.dk/vilkaar',
      version: '1.2.3',
    });
  });

  const refused: [string, Record<string, string>, string, RegExp][] = [
    ['a missing app id', { TEAMS_BOT_DOMAIN: 'a.dk' }, 'MicrosoftAppId', /is missing; set it to the app id \(a GUID\)/],
    [
      'an app id that is not a GUID',
      { ...base, MicrosoftAppId: 'mentorbot' },
      'MicrosoftAppId',
      /must be an app id \(a GUID\), got "mentorbot"/,
    ],
    ['a missing domain', { MicrosoftAppId: appId }, 'TEAMS_BOT_DOMAIN', /is missing/],
    [
      'a domain given as an address',
      { ...base, TEAMS_BOT_DOMAIN: 'https://mentorbot.kommune.dk/' },
      'TEAMS_BOT_DOMAIN',
      /must be a host name/,
    ],
    [
      'a domain with a port',
      { ...base, TEAMS_BOT_DOMAIN: 'mentorbot.kommune.dk:3978' },
      'TEAMS_BOT_DOMAIN',
      /no https:\/\/, port or path/,
    ],
    ['localhost', { ...base, TEAMS_BOT_DOMAIN: 'localhost' }, 'TEAMS_BOT_DOMAIN', /must be a host name/],
    [
      'an http privacy page',
      { ...base, TEAMS_PRIVACY_URL: 'http://a.dk/p' },
      'TEAMS_PRIVACY_URL',
      /must be an https address/,
    ],
    [
      "the web chat's http privacy page",
      { ...base, PRIVACY_URL: 'http://a.dk/p' },
      'PRIVACY_URL',
      /must be an https address/,
    ],
    [
      'a website that is not an address',
      { ...base, TEAMS_DEVELOPER_URL: 'kommune.dk' },
      'TEAMS_DEVELOPER_URL',
      /must be an https address/,
    ],
    ['terms on http', { ...base, TEAMS_TERMS_URL: 'http://a.dk/' }, 'TEAMS_TERMS_URL', /must be an https address/],
    [
      'a version that is not x.y.z',
      { ...base, TEAMS_APP_VERSION: '1.0' },
      'TEAMS_APP_VERSION',
      /must be a version such as 1.0.0/,
    ],
    [
      'a developer name over 32 characters',
      { ...base, MUNICIPALITY_NAME: 'Jobcenter i Ringkøbing-Skjern Kommune' },
      'MUNICIPALITY_NAME',
      /at most 32 characters/,
    ],
  ];
  for (const [name, env, setting, message] of refused) {
    it(`refuses ${name}, naming ${setting}`, () => {
      expect(() => settings(env))
        .to.throw(ConfigError, message)
        .with.property('setting', setting);
    });
  }
});

describe('Teams manifest', () => {
  const manifest = () => fillManifest(template(), settings(base));

  it('fills the template into a manifest of schema 1.17 for the team scope that the official schema accepts', async () => {
    const m = manifest();
    expect(await manifestProblems(m)).to.deep.equal([]);
    expect(m).to.include({ manifestVersion: '1.17', id: appId, accentColor: '#1F5C99' });
    expect(m.$schema).to.equal(
      'https://developer.microsoft.com/en-us/json-schemas/teams/v1.17/MicrosoftTeams.schema.json',
    );
    expect(m.name).to.deep.include({ short: 'Mentorbot – sagsbehandlere' });
    expect(m.bots).to.deep.equal([{ botId: appId, scopes: ['team'], supportsFiles: false, isNotificationOnly: false }]);
    expect(m.validDomains).to.deep.equal(['mentorbot.kommune.dk']);
    expect(m.icons).to.deep.equal({ color: 'color.png', outline: 'outline.png' });
  });

  it('puts a value with quotes into the JSON as a string, not as JSON', () => {
    const m = fillManifest(template(), settings({ ...base, TEAMS_DEVELOPER_NAME: 'Kommunen "A", {x}' }));
    expect((m.developer as Record<string, string>).name).to.equal('Kommunen "A", {x}');
  });

  it('refuses a template with a field it has no setting for', () => {
    expect(() => fillManifest({ id: '{{teamId}}' }, settings(base))).to.throw(Error, /unknown field \{\{teamId\}\}/);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case breaks the manifest its own way
  const broken: [string, (m: Record<string, any>) => void, RegExp][] = [
    [
      "a manifest version other than its schema's",
      (m) => (m.manifestVersion = '1.16'),
      /^manifestVersion must be equal to constant$/,
    ],
    [
      'no developer privacy page',
      (m) => delete m.developer.privacyUrl,
      /^developer must have required property 'privacyUrl'$/,
    ],
    [
      'a short name over 30 characters',
      (m) => (m.name.short = 'x'.repeat(31)),
      /^name\.short must NOT have more than 30 characters$/,
    ],
    [
      'a developer name over 32 characters',
      (m) => (m.developer.name = 'x'.repeat(33)),
      /^developer\.name must NOT have more than 32 characters$/,
    ],
    [
      'a short description over 80 characters',
      (m) => (m.description.short = 'x'.repeat(81)),
      /^description\.short must NOT have more than 80 characters$/,
    ],
    ['no full description', (m) => delete m.description.full, /^description must have required property 'full'$/],
    ['a bot id that is not a GUID', (m) => (m.bots[0].botId = 'x'), /^bots\.0\.botId must match pattern/],
    ['no valid domains', (m) => (m.validDomains = []), /validDomains must list host names/],
    [
      'an accent colour by name',
      (m) => (m.accentColor = 'blue'),
      /^accentColor must match pattern "\^#\[0-9a-fA-F\]\{6\}\$"$/,
    ],
    ['an accent colour of three digits', (m) => (m.accentColor = '#15A'), /^accentColor must match pattern/],
    ['two bots', (m) => m.bots.push({ ...m.bots[0] }), /^bots must NOT have more than 1 item/],
    ['no bot', (m) => (m.bots = []), /^bots must list the bot$/],
    [
      'a schema the package does not ship',
      (m) => (m.$schema = 'https://example.com/teams.json'),
      /^\$schema must be a Teams manifest schema/,
    ],
    ['a field left over', (m) => (m.name.full = '{{name}}'), /a \{\{field\}\} is left unfilled/],
  ];
  for (const [name, breakIt, problem] of broken) {
    it(`names the problem with ${name}`, async () => {
      const m = manifest();
      breakIt(m);
      const problems = await manifestProblems(m);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.match(problem);
    });
  }
});
