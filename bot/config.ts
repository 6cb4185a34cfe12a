/**
 * Settings from the environment (see .env.example). Every setting is checked at start; a bad value stops the
 * server with a message that names the setting, instead of failing later.
 */
export interface Config {
  port: number;
  host: string;
}

export class ConfigError extends Error {
  constructor(readonly setting: string, problem: string) {
    super(`Setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const rawPort = env.PORT?.trim() || '3978';
  if (!/^\d+$/.test(rawPort) || Number(rawPort) < 1 || Number(rawPort) > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 1 to 65535, got "${env.PORT}"`);
  }
  const host = env.HOST?.trim() || '0.0.0.0';
  return { port: Number(rawPort), host };
}
