/**
 * The Teams app manifest: the settings it needs from the environment, filling manifest.template.json, and the checks
 * that the filled manifest has what Teams requires.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type AppManifest, AppManifestUtils } from '@microsoft/app-manifest';
import type { JSONSchemaType } from 'ajv';
import { ConfigError } from '../config.js';

const require = createRequire(import.meta.url);

/** The app's accent colour in Teams: the background of color.png and the manifest's accentColor. */
export const ACCENT_COLOR = '#1F5C99';

/** What the packager fills into the manifest template's {{fields}}. */
export interface TeamsSettings {
  /** The Microsoft Entra app id of the Azure Bot; also the Teams app's id. */
  botId: string;
  appId: string;
  /** The bot's public host name, e.g. mentorbot.kommune.dk. */
  domain: string;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
  accentColor: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name]?.trim();
  return v ? v : null;
}

/** `value` when it is an https address; else a ConfigError naming the setting it came from. */
function httpsUrl(name: string, value: string): string {
  let ok: boolean;
  try {
    ok = new URL(value).protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) throw new ConfigError(name, `must be an https address for the Teams app, got "${value}"`);
  return value;
}

/**
 * Reads the manifest's settings from the environment. Required: MicrosoftAppId (a GUID) and TEAMS_BOT_DOMAIN (a host
 * name). The developer details default to the bot's own site: TEAMS_DEVELOPER_NAME (else MUNICIPALITY_NAME, else
 * "Mentorbot"), TEAMS_DEVELOPER_URL (else https://<domain>/), TEAMS_PRIVACY_URL (else PRIVACY_URL on that site,
 * else https://<domain>/privatliv.html), TEAMS_TERMS_URL (else https://<domain>/); TEAMS_APP_VERSION defaults to
 * `packageVersion`. Throws a ConfigError that names the setting.
 */
export function readTeamsSettings(env: NodeJS.ProcessEnv, packageVersion: string, accentColor: string): TeamsSettings {
  const botId = optional(env, 'MicrosoftAppId');
  if (botId === null)
    throw new ConfigError(
      'MicrosoftAppId',
      "is missing; set it to the app id (a GUID) of the Azure Bot's Microsoft Entra app",
    );
  if (!GUID.test(botId)) throw new ConfigError('MicrosoftAppId', `must be an app id (a GUID), got "${botId}"`);
  const domain = optional(env, 'TEAMS_BOT_DOMAIN')?.toLowerCase() ?? null;
  if (domain === null)
    throw new ConfigError(
      'TEAMS_BOT_DOMAIN',
      'is missing; set it to the host name of the bot, such as mentorbot.kommune.dk',
    );
  if (!HOST_NAME.test(domain)) {
    throw new ConfigError(
      'TEAMS_BOT_DOMAIN',
      `must be a host name such as mentorbot.kommune.dk (no https://, port or path), got "${domain}"`,
    );
  }
  const version = optional(env, 'TEAMS_APP_VERSION') ?? packageVersion;
  if (!SEMVER.test(version))
    throw new ConfigError('TEAMS_APP_VERSION', `must be a version such as 1.0.0, got "${version}"`);
  const developerName = optional(env, 'TEAMS_DEVELOPER_NAME') ?? optional(env, 'MUNICIPALITY_NAME') ?? 'Mentorbot';
  if (developerName.length > 32) {
    const name = optional(env, 'TEAMS_DEVELOPER_NAME') ? 'TEAMS_DEVELOPER_NAME' : 'MUNICIPALITY_NAME';
    throw new ConfigError(
      name,
      `is the developer name in Teams, which may have at most 32 characters; set TEAMS_DEVELOPER_NAME to a shorter name`,
    );
  }
  const site = `https://${domain}`;
  // PRIVACY_URL is the web chat's link to the privacy page: a path on the bot's site or an address.
  const privacy = optional(env, 'PRIVACY_URL') ?? '/privatliv.html';
  const teamsPrivacy = optional(env, 'TEAMS_PRIVACY_URL');
  return {
    botId,
    appId: botId,
    domain,
    version,
    developerName,
    websiteUrl: httpsUrl('TEAMS_DEVELOPER_URL', optional(env, 'TEAMS_DEVELOPER_URL') ?? `${site}/`),
    privacyUrl:
      teamsPrivacy !== null
        ? httpsUrl('TEAMS_PRIVACY_URL', teamsPrivacy)
        : httpsUrl('PRIVACY_URL', privacy.startsWith('/') ? site + privacy : privacy),
    termsOfUseUrl: httpsUrl('TEAMS_TERMS_URL', optional(env, 'TEAMS_TERMS_URL') ?? `${site}/`),
    accentColor,
  };
}

/**
 * Fills every {{name}} in the template's strings with the setting of that name. The values go into parsed JSON, so
 * no value can break the JSON. Throws on a field that has no setting.
 */
export function fillManifest(template: unknown, settings: TeamsSettings): Record<string, unknown> {
  const values = settings as unknown as Record<string, string>;
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
        if (!(name in values)) throw new Error(`The manifest template has an unknown field {{${name}}}`);
        return values[name]!;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  return fill(template) as Record<string, unknown>;
}

/**
 * The problems Teams would refuse the manifest for, in words ("name.short must NOT have more than 30 characters");
 * empty when it is fine. The manifest is checked against the official Teams schema its $schema names, as shipped in
 * @microsoft/app-manifest (read from the package, never fetched), and then for what this app needs beyond the schema:
 * a bot, host names in validDomains, and no {{field}} left unfilled.
 */
export async function manifestProblems(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = officialSchema(manifest.$schema);
  if (!schema)
    return [
      `$schema must be a Teams manifest schema that @microsoft/app-manifest ships, got ${JSON.stringify(manifest.$schema)}`,
    ];
  const problems = (await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema)).map(
    inWords,
  );
  const bots = manifest.bots;
  if (!Array.isArray(bots) || bots.length === 0) problems.push('bots must list the bot');
  const domains = manifest.validDomains;
  if (
    !Array.isArray(domains) ||
    domains.length === 0 ||
    !domains.every((d) => typeof d === 'string' && HOST_NAME.test(d))
  ) {
    problems.push(`validDomains must list host names, got ${JSON.stringify(domains)}`);
  }
  if (JSON.stringify(manifest).includes('{{')) problems.push('a {{field}} is left unfilled');
  return problems;
}

/** Where a Teams manifest schema lives: https://developer.microsoft.com/[locale/]json-schemas/teams/v1.17/MicrosoftTeams.schema.json. */
const TEAMS_SCHEMA =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?json-schemas\/teams\/(v1\.\d+)\/MicrosoftTeams\.schema\.json$/i;

/** The Teams schema that `url` names, from the copy in @microsoft/app-manifest; null when the package has none. */
function officialSchema(url: unknown): JSONSchemaType<AppManifest> | null {
  const version = typeof url === 'string' ? TEAMS_SCHEMA.exec(url)?.[1] : undefined;
  if (!version) return null;
  const path = join(
    dirname(require.resolve('@microsoft/app-manifest')),
    'json-schemas',
    'teams',
    version,
    'MicrosoftTeams.schema.json',
  );
  if (!existsSync(path)) return null;
  // The published schemas write a bell and a vertical tab as \a and \v, which JSON does not know (the package does the
  // same).
  return JSON.parse(
    readFileSync(path, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'),
  ) as JSONSchemaType<AppManifest>;
}

/**
 * "/name/short must NOT have more than 30 characters. Details: {...}" as "name.short must NOT have more than 30
 * characters".
 */
function inWords(problem: string): string {
  const m = /^(\S*) (.*?)\. Details: [\s\S]*$/.exec(problem);
  if (!m) return problem;
  return `${m[1]!.slice(1).replaceAll('/', '.') || 'the manifest'} ${m[2]}`;
}
