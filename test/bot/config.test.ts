import { expect } from 'chai';
import { ConfigError, readConfig } from '../../bot/config.js';

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
