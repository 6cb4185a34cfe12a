import { expect } from 'chai';
import { ConfigError, readConfig, serviceUrlAllowed } from '../../bot/config.js';

describe('configuration', () => {
  it('uses port 3978 by default and PORT when set', () => {
    expect(readConfig({}).port).to.equal(3978);
    expect(readConfig({ PORT: '8080' }).port).to.equal(8080);
  });

  it('refuses an invalid PORT with a message that names the setting', () => {
    for (const PORT of ['abc', '0', '70000', '-1', '80.5']) {
      expect(() => readConfig({ PORT }), PORT).to.throw(ConfigError, /PORT/);
    }
  });
});

describe('configuration of the bot', () => {
  const appId = '00000000-0000-0000-0000-000000000001';

  it('runs without authentication and with SQLite in ./data by default', () => {
    const c = readConfig({});
    expect(c.bot.appId).to.equal(null);
    expect(c.storage.kind).to.equal('sqlite');
    expect(c.storage.dataDir).to.match(/\/data$/);
    expect(c.logLevel).to.equal('info');
  });

  it('takes an app id with its password, and a relative DATA_DIR under the project folder', () => {
    const c = readConfig({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 's3cret',
      DATA_DIR: 'state',
      STORAGE: 'Memory',
    });
    expect(c.bot).to.include({ appId, appPassword: 's3cret', appType: 'MultiTenant' });
    expect(c.storage.kind).to.equal('memory');
    expect(c.storage.dataDir).to.match(/\/state$/);
  });

  const refused: [Record<string, string>, RegExp][] = [
    [{ MicrosoftAppId: 'my-bot' }, /MicrosoftAppId/],
    [{ MicrosoftAppId: appId }, /MicrosoftAppPassword/],
    [{ MicrosoftAppPassword: 'x' }, /MicrosoftAppPassword/],
    [{ MicrosoftAppId: appId, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
    [{ MicrosoftAppType: 'Everyone' }, /MicrosoftAppType/],
    [{ STORAGE: 'oracle' }, /STORAGE/],
    [{ STORAGE: 'postgres' }, /DATABASE_URL/],
    [{ MUNICIPALITY_PHONE: 'ring til os' }, /MUNICIPALITY_PHONE/],
    [{ MUNICIPALITY_CONTACT_URL: 'javascript:alert(1)' }, /MUNICIPALITY_CONTACT_URL/],
    [{ MUNICIPALITY_CONTACT_URL: 'kommune.dk' }, /MUNICIPALITY_CONTACT_URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ];
  for (const [env, setting] of refused) {
    it(`refuses ${JSON.stringify(env)} with a message naming ${setting.source}`, () => {
      expect(() => readConfig(env)).to.throw(ConfigError, setting);
    });
  }
});

describe('configuration of PostgreSQL storage', () => {
  const secret = 'x'.repeat(32);
  const url = 'postgres://mentorbot:hemmeligt@db.internal:5432/mentorbot';

  it('chooses PostgreSQL when DATABASE_URL is set, with STORAGE empty or postgres', () => {
    for (const STORAGE of [undefined, 'postgres', 'PostgreS']) {
      const c = readConfig({ DATABASE_URL: url, WEBCHAT_TOKEN_SECRET: secret, ...(STORAGE ? { STORAGE } : {}) });
      expect(c.storage, STORAGE).to.include({ kind: 'postgres', databaseUrl: url });
    }
    expect(
      readConfig({ DATABASE_URL: 'postgresql://db/mentorbot', WEBCHAT_TOKEN_SECRET: secret }).storage.kind,
    ).to.equal('postgres');
  });

  it('has no database address with SQLite or memory', () => {
    expect(readConfig({}).storage.databaseUrl).to.equal(null);
    expect(readConfig({ STORAGE: 'memory' }).storage.databaseUrl).to.equal(null);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL address, without quoting it back', () => {
    for (const DATABASE_URL of ['mysql://u:hemmeligt@db/x', 'db.internal:5432', 'sqlite:///tmp/x']) {
      expect(() => readConfig({ DATABASE_URL, WEBCHAT_TOKEN_SECRET: secret }), DATABASE_URL)
        .to.throw(ConfigError, /DATABASE_URL/)
        .with.property('message')
        .that.does.not.include('hemmeligt');
    }
  });

  it('refuses STORAGE sqlite or memory together with DATABASE_URL, naming STORAGE', () => {
    for (const STORAGE of ['sqlite', 'memory']) {
      expect(() => readConfig({ DATABASE_URL: url, WEBCHAT_TOKEN_SECRET: secret, STORAGE }), STORAGE).to.throw(
        ConfigError,
        /^Setting STORAGE:/,
      );
    }
  });

  it('refuses DATABASE_URL without WEBCHAT_TOKEN_SECRET, since every instance must sign tokens alike', () => {
    expect(() => readConfig({ DATABASE_URL: url })).to.throw(
      ConfigError,
      /^Setting WEBCHAT_TOKEN_SECRET: .*DATABASE_URL/,
    );
  });
});

describe('configuration: secrets are never quoted back', () => {
  it('names OPS_TOKEN, WEBCHAT_TOKEN_SECRET and DATABASE_URL without repeating their values', () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ OPS_TOKEN: 'kort hemmeligt' }, 'OPS_TOKEN', 'hemmeligt'],
      [{ WEBCHAT_TOKEN_SECRET: 'hemmeligt' }, 'WEBCHAT_TOKEN_SECRET', 'hemmeligt'],
      [{ DATABASE_URL: 'mysql://u:hemmeligt@db/x', WEBCHAT_TOKEN_SECRET: 'x'.repeat(32) }, 'DATABASE_URL', 'hemmeligt'],
    ];
    for (const [env, setting, secret] of cases) {
      expect(() => readConfig(env), setting)
        .to.throw(ConfigError)
        .with.property('setting', setting);
      expect(() => readConfig(env), setting)
        .to.throw(ConfigError)
        .with.property('message')
        .that.does.not.include(secret);
    }
  });
});

describe('configuration of the web chat', () => {
  it('uses the embedded transport, 60-minute tokens and local privacy and accessibility pages by default', () => {
    expect(readConfig({}).webchat).to.deep.include({
      transport: 'embedded',
      tokenMinutes: 60,
      allowedOrigins: [],
      privacyUrl: '/privatliv.html',
      accessibilityUrl: '/tilgaengelighed.html',
    });
  });

  it('takes allowed origins as a list', () => {
    expect(
      readConfig({ WEBCHAT_ALLOWED_ORIGINS: 'https://a.dk, http://localhost:8080' }).webchat.allowedOrigins,
    ).to.deep.equal(['https://a.dk', 'http://localhost:8080']);
  });

  const refused: [Record<string, string>, RegExp][] = [
    [{ WEBCHAT_TRANSPORT: 'carrier-pigeon' }, /WEBCHAT_TRANSPORT/],
    [{ WEBCHAT_TRANSPORT: 'directline' }, /DIRECTLINE_SECRET/],
    [{ WEBCHAT_TOKEN_SECRET: 'short' }, /WEBCHAT_TOKEN_SECRET/],
    [{ WEBCHAT_TOKEN_MINUTES: '1' }, /WEBCHAT_TOKEN_MINUTES/],
    [{ WEBCHAT_TOKEN_MINUTES: '15' }, /WEBCHAT_TOKEN_MINUTES.*from 20/],
    [{ WEBCHAT_ALLOWED_ORIGINS: 'https://a.dk/side' }, /WEBCHAT_ALLOWED_ORIGINS/],
    [{ PRIVACY_URL: 'javascript:alert(1)' }, /PRIVACY_URL/],
    [{ ACCESSIBILITY_URL: '//evil.example/x' }, /ACCESSIBILITY_URL/],
    [{ DIRECTLINE_ENDPOINT: 'ftp://x' }, /DIRECTLINE_ENDPOINT/],
  ];
  for (const [env, setting] of refused) {
    it(`refuses ${JSON.stringify(env)} with a message naming ${setting.source}`, () => {
      expect(() => readConfig(env)).to.throw(ConfigError, setting);
    });
  }
});

describe('configuration of the address the server listens on', () => {
  const appId = '00000000-0000-0000-0000-000000000001';

  it('listens on loopback only without Bot Framework authentication, and on every interface with it', () => {
    expect(readConfig({}).host).to.equal('127.0.0.1');
    expect(readConfig({}).unauthenticatedOnNetwork).to.equal(false);
    expect(readConfig({ MicrosoftAppId: appId, MicrosoftAppPassword: 'x' }).host).to.equal('0.0.0.0');
    for (const HOST of ['127.0.0.1', 'localhost', '::1', '127.0.1.1']) expect(readConfig({ HOST }).host).to.equal(HOST);
  });

  it('refuses another address without authentication, naming HOST, unless ALLOW_UNAUTHENTICATED_NETWORK is true', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.10', 'bot.kommune.dk']) {
      expect(() => readConfig({ HOST }), HOST).to.throw(
        ConfigError,
        /HOST.*MicrosoftAppId.*ALLOW_UNAUTHENTICATED_NETWORK/,
      );
      const c = readConfig({ HOST, ALLOW_UNAUTHENTICATED_NETWORK: 'true' });
      expect(c.host).to.equal(HOST);
      expect(c.unauthenticatedOnNetwork).to.equal(true);
    }
    expect(() => readConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_NETWORK: 'yes' })).to.throw(
      ConfigError,
      /ALLOW_UNAUTHENTICATED_NETWORK/,
    );
    expect(() => readConfig({ HOST: 'a b' })).to.throw(ConfigError, /HOST/);
  });

  it('lets replies go only to loopback by default without authentication, or to the origins in SERVICE_URL_ALLOWLIST', () => {
    const allowed = readConfig({}).serviceUrlAllowlist;
    for (const url of ['http://localhost:3979/', 'http://127.0.0.1:51234/v3', 'http://[::1]:80/'])
      expect(serviceUrlAllowed(url, allowed), url).to.equal(true);
    for (const url of [
      'http://169.254.169.254/',
      'https://evil.example/',
      'http://localhost.evil.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      '',
    ]) {
      expect(serviceUrlAllowed(url, allowed), url).to.equal(false);
    }
    const list = readConfig({
      SERVICE_URL_ALLOWLIST: 'https://smba.trafficmanager.net, http://127.0.0.1:3979',
    }).serviceUrlAllowlist;
    expect(serviceUrlAllowed('https://smba.trafficmanager.net/emea/', list)).to.equal(true);
    expect(serviceUrlAllowed('http://127.0.0.1:3979/x', list)).to.equal(true);
    expect(serviceUrlAllowed('http://127.0.0.1:3980/x', list)).to.equal(false);
    expect(() => readConfig({ SERVICE_URL_ALLOWLIST: 'https://a.dk/path' })).to.throw(
      ConfigError,
      /SERVICE_URL_ALLOWLIST/,
    );
  });
});

describe('configuration of the handoff to Teams', () => {
  const teams = { HANDOFF_TEAMS_CHANNEL_ID: '19:cw@thread.tacv2', HANDOFF_TEAMS_TENANT_ID: 'tenant-kommune' };
  const bot = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 's3cret' };

  it("has no handoff without a caseworkers' channel", () => {
    expect(readConfig({}).handoff).to.equal(null);
  });

  it('refuses a handoff without Bot Framework authentication, naming HANDOFF_TEAMS_CHANNEL_ID and what to set', () => {
    expect(() => readConfig(teams))
      .to.throw(ConfigError, /^Setting HANDOFF_TEAMS_CHANNEL_ID: .*MicrosoftAppId.*HANDOFF_ALLOW_UNAUTHENTICATED=test/)
      .with.property('setting', 'HANDOFF_TEAMS_CHANNEL_ID');
  });

  it('takes a handoff with Bot Framework authentication, not in test mode', () => {
    expect(readConfig({ ...teams, ...bot }).handoff).to.include({
      channelId: '19:cw@thread.tacv2',
      allowUnauthenticated: false,
    });
  });

  it('takes a handoff without authentication only in the test mode HANDOFF_ALLOW_UNAUTHENTICATED=test, and says so in the configuration', () => {
    expect(readConfig({ ...teams, HANDOFF_ALLOW_UNAUTHENTICATED: 'test' }).handoff).to.include({
      allowUnauthenticated: true,
    });
    expect(readConfig({ ...teams, ...bot, HANDOFF_ALLOW_UNAUTHENTICATED: 'test' }).handoff).to.include({
      allowUnauthenticated: false,
    });
  });

  for (const value of ['true', 'yes', '1', 'false']) {
    it(`refuses HANDOFF_ALLOW_UNAUTHENTICATED=${JSON.stringify(value)}, naming the setting`, () => {
      expect(() => readConfig({ ...teams, HANDOFF_ALLOW_UNAUTHENTICATED: value })).to.throw(
        ConfigError,
        /^Setting HANDOFF_ALLOW_UNAUTHENTICATED: /,
      );
    });
  }
});
