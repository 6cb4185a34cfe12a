import { isIP } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { projectRoot } from '../knowledge/paths.js';
import { type OpeningHours, parseHolidays, parseOpeningHours } from './handoff/opening-hours.js';
import { LOG_LEVELS, type LogLevel } from './log.js';

/**
 * Settings from the environment (see .env.example). Every setting is checked at start; a bad value stops the
 * server with a message that names the setting, instead of failing later.
 */
export interface Config {
  port: number;
  /** The address the server listens on: loopback unless authentication is on or ALLOW_UNAUTHENTICATED_NETWORK says so. */
  host: string;
  /**
   * True when the server listens beyond loopback without Bot Framework authentication, because the operator said so
   * (ALLOW_UNAUTHENTICATED_NETWORK=true): the start prints a warning.
   */
  unauthenticatedOnNetwork: boolean;
  /**
   * Without authentication: the only places /api/messages may send replies to (the activity's serviceUrl), as
   * origins; an origin without a port allows every port of that host. Default: loopback.
   */
  serviceUrlAllowlist: string[];
  /** The longest a turn may take (ms); after it the person gets an error and the conversation's next turn may run. */
  turnTimeoutMs: number;
  /** The longest one call to a channel (a reply, an update) may take (ms). */
  outboundTimeoutMs: number;
  /** Bot Framework authentication. With no appId, /api/messages accepts plain requests (local use only). */
  bot: { appId: string | null; appPassword: string | null; appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI'; tenantId: string | null };
  /** Where conversation state lives. With DATABASE_URL it is PostgreSQL, shared by every instance. */
  storage:
    | { kind: 'sqlite' | 'memory'; dataDir: string; databaseUrl: null }
    | { kind: 'postgres'; dataDir: string; databaseUrl: string };
  /** Days conversation state, transcripts and handoff cases are kept after their last change. */
  retentionDays: number;
  /** Bearer token for the operators' endpoint; null: the endpoint is off. */
  opsToken: string | null;
  /** How a citizen reaches a person: the municipality, its phone and the phone's opening hours, its contact page. */
  contact: { municipality: string | null; phone: string | null; url: string | null; hours: OpeningHours | null };
  logLevel: LogLevel;
  webchat: {
    transport: 'embedded' | 'directline';
    /** Secret that signs the embedded web chat's tokens; null: kept in DATA_DIR (or made per process in memory mode). */
    tokenSecret: string | null;
    tokenMinutes: number;
    /** The longest a web chat conversation's tokens live from its start, however often refreshed (hours). */
    conversationHours: number;
    /** Origins of other sites that may embed the widget (CORS), e.g. https://www.kommune.dk. */
    allowedOrigins: string[];
    privacyUrl: string;
    accessibilityUrl: string;
    directLineSecret: string | null;
    directLineEndpoint: string;
  };
  /**
   * Rate limits: requests per minute per client address (all /api routes) and messages per minute per conversation
   * (/api/messages and the web chat); 0 turns a limit off. `trustProxy` is express's `trust proxy`: false (the
   * default: the address is the connection's), a number of proxies in front, or the proxies' addresses.
   */
  rateLimit: { perAddress: number; perConversation: number; trustProxy: false | number | string[] };
  /** The handoff to caseworkers in Teams; null when no caseworkers' channel is configured. */
  handoff: {
    serviceUrl: string;
    channelId: string;
    tenantId: string;
    openingHours: OpeningHours;
    holidays: string[];
    timeoutMinutes: number;
    callbackDays: number;
    /** HANDOFF_ALLOW_UNAUTHENTICATED=test without MicrosoftAppId: Teams activities are taken unauthenticated (tests only). */
    allowUnauthenticated: boolean;
  } | null;
}

export class ConfigError extends Error {
  constructor(readonly setting: string, problem: string) {
    super(`Setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name]?.trim();
  return v ? v : null;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, values: readonly T[], fallback: T): T {
  const v = optional(env, name);
  if (v === null) return fallback;
  const found = values.find((x) => x.toLowerCase() === v.toLowerCase());
  if (!found) throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${v}"`);
  return found;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const rawPort = env.PORT?.trim() || '3978';
  if (!/^\d+$/.test(rawPort) || Number(rawPort) < 1 || Number(rawPort) > 65535) {
    throw new ConfigError('PORT', `must be a whole number from 1 to 65535, got "${env.PORT}"`);
  }
  const appId = optional(env, 'MicrosoftAppId');
  const appPassword = optional(env, 'MicrosoftAppPassword');
  const appType = oneOf(env, 'MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const tenantId = optional(env, 'MicrosoftAppTenantId');
  const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (appId !== null && !guid.test(appId)) throw new ConfigError('MicrosoftAppId', `must be an app id (a GUID), got "${appId}"`);
  if (appId === null && appPassword !== null) throw new ConfigError('MicrosoftAppPassword', 'is set but MicrosoftAppId is not');
  if (appId !== null && appType !== 'UserAssignedMSI' && appPassword === null) {
    throw new ConfigError('MicrosoftAppPassword', `is needed when MicrosoftAppId is set and MicrosoftAppType is ${appType}`);
  }
  if (appType !== 'MultiTenant' && appId !== null && tenantId === null) {
    throw new ConfigError('MicrosoftAppTenantId', `is needed when MicrosoftAppType is ${appType}`);
  }
  if (tenantId !== null && !guid.test(tenantId)) throw new ConfigError('MicrosoftAppTenantId', `must be a tenant id (a GUID), got "${tenantId}"`);

  const { host, unauthenticatedOnNetwork } = readHost(env, appId !== null);
  const serviceUrlAllowlist = readServiceUrlAllowlist(env);
  const storage = readStorage(env);

  const phone = optional(env, 'MUNICIPALITY_PHONE');
  if (phone !== null && !/^\+?[\d ]{8,16}$/.test(phone)) {
    throw new ConfigError('MUNICIPALITY_PHONE', `must be a phone number such as "+45 70 12 34 56", got "${phone}"`);
  }
  const url = optional(env, 'MUNICIPALITY_CONTACT_URL');
  if (url !== null) {
    let ok = false;
    try {
      ok = ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError('MUNICIPALITY_CONTACT_URL', `must be an http(s) address, got "${url}"`);
  }
  const rawHours = optional(env, 'MUNICIPALITY_PHONE_HOURS');
  let hours: OpeningHours | null = null;
  if (rawHours !== null) {
    try {
      hours = parseOpeningHours(rawHours);
    } catch (e) {
      throw new ConfigError('MUNICIPALITY_PHONE_HOURS', (e as Error).message);
    }
  }
  const municipality = optional(env, 'MUNICIPALITY_NAME');
  if (municipality !== null && municipality.length > 80) throw new ConfigError('MUNICIPALITY_NAME', 'must be at most 80 characters');

  const logLevel = oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info');
  const webchat = readWebChat(env);
  if (storage.kind === 'postgres' && webchat.tokenSecret === null) {
    throw new ConfigError('WEBCHAT_TOKEN_SECRET', 'is needed when DATABASE_URL is set: every instance must sign the web chat\'s tokens with the same secret (at least 32 characters)');
  }
  const handoff = readHandoff(env);
  const rateLimit = {
    perAddress: wholeNumber(env, 'RATE_LIMIT_PER_ADDRESS', 120, 0, 100_000),
    perConversation: wholeNumber(env, 'RATE_LIMIT_PER_CONVERSATION', 30, 0, 10_000),
    trustProxy: readTrustProxy(env),
  };

  return {
    port: Number(rawPort),
    host,
    unauthenticatedOnNetwork,
    serviceUrlAllowlist,
    turnTimeoutMs: wholeNumber(env, 'TURN_TIMEOUT_SECONDS', 20, 2, 300) * 1000,
    outboundTimeoutMs: wholeNumber(env, 'OUTBOUND_TIMEOUT_SECONDS', 10, 1, 120) * 1000,
    bot: { appId, appPassword, appType, tenantId },
    storage,
    retentionDays: wholeNumber(env, 'RETENTION_DAYS', 30, 1, 3650),
    opsToken: readOpsToken(env),
    contact: { municipality, phone, url, hours },
    logLevel,
    webchat,
    rateLimit,
    handoff,
  };
}

/** Whether an address (or host name) reaches only this machine. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * HOST: without Bot Framework authentication the server listens on loopback (127.0.0.1) only, since /api/messages
 * then takes any request. Another address needs ALLOW_UNAUTHENTICATED_NETWORK=true, a deliberate choice that the
 * start reports as a warning. With authentication the default is every interface (0.0.0.0).
 */
function readHost(env: NodeJS.ProcessEnv, authenticated: boolean): { host: string; unauthenticatedOnNetwork: boolean } {
  const host = optional(env, 'HOST') ?? (authenticated ? '0.0.0.0' : '127.0.0.1');
  if (!(isIP(host) !== 0 || /^[a-z0-9.-]{1,253}$/i.test(host))) throw new ConfigError('HOST', `must be an address such as 127.0.0.1 or 0.0.0.0, got "${host}"`);
  const allow = optional(env, 'ALLOW_UNAUTHENTICATED_NETWORK');
  if (allow !== null && !['true', 'false'].includes(allow.toLowerCase())) {
    throw new ConfigError('ALLOW_UNAUTHENTICATED_NETWORK', `must be true or false, got "${allow}"`);
  }
  if (authenticated || isLoopback(host)) return { host, unauthenticatedOnNetwork: false };
  if (allow?.toLowerCase() !== 'true') {
    throw new ConfigError(
      'HOST',
      `is ${host}, but MicrosoftAppId is not set: without Bot Framework authentication the bot endpoint takes any request, so the server listens on 127.0.0.1 only. Set MicrosoftAppId, or ALLOW_UNAUTHENTICATED_NETWORK=true if you really mean it`,
    );
  }
  return { host, unauthenticatedOnNetwork: true };
}

const DEFAULT_SERVICE_URLS = ['http://localhost', 'http://127.0.0.1', 'http://[::1]', 'https://localhost', 'https://127.0.0.1', 'https://[::1]'];

/** SERVICE_URL_ALLOWLIST: origins (http(s)://host[:port]) separated by commas. Default: loopback on any port. */
function readServiceUrlAllowlist(env: NodeJS.ProcessEnv): string[] {
  const v = optional(env, 'SERVICE_URL_ALLOWLIST');
  if (v === null) return DEFAULT_SERVICE_URLS;
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const item of list) {
    if (!httpUrl(item) || new URL(item).origin !== item.replace(/\/+$/, '')) {
      throw new ConfigError('SERVICE_URL_ALLOWLIST', `must list origins such as http://localhost:3979 (no path), got "${item}"`);
    }
  }
  return list.map((x) => x.replace(/\/+$/, ''));
}

/**
 * Whether `serviceUrl` is on the allowlist: same protocol and host as an entry, and the same port when the entry
 * names one. A value that is not an http(s) address is never allowed.
 */
export function serviceUrlAllowed(serviceUrl: string, allowlist: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return allowlist.some((entry) => {
    const allowed = new URL(entry);
    const portNamed = /:\d+$/.test(entry);
    return allowed.protocol === url.protocol && allowed.hostname === url.hostname && (!portNamed || allowed.port === url.port);
  });
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: empty or "false" (default), a number of proxies (1-10), or the proxies' addresses (IPs, subnets such
 * as 10.0.0.0/8, or loopback/linklocal/uniquelocal). "true" is refused: trusting every hop lets any client choose
 * its own address with X-Forwarded-For and so step around the per-address limit.
 */
function readTrustProxy(env: NodeJS.ProcessEnv): Config['rateLimit']['trustProxy'] {
  const v = optional(env, 'TRUST_PROXY');
  if (v === null || v.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(v)) {
    if (Number(v) < 1 || Number(v) > 10) throw new ConfigError('TRUST_PROXY', `must be a number of proxies from 1 to 10, got "${v}"`);
    return Number(v);
  }
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const item of list) {
    const [address, bits, extra] = item.split('/');
    const family = isIP(address ?? '');
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.includes(item) || (family !== 0 && okBits && extra === undefined))) {
      throw new ConfigError('TRUST_PROXY', `must be false, a number of proxies, or the proxies' addresses (10.0.0.1, 10.0.0.0/8, loopback), got "${item}"`);
    }
  }
  return list;
}

/**
 * DATABASE_URL chooses PostgreSQL; STORAGE may then be empty or postgres. Saying sqlite or memory as well is a
 * contradiction and stops the server rather than silently ignoring one of the two.
 */
function readStorage(env: NodeJS.ProcessEnv): Config['storage'] {
  const rawDir = optional(env, 'DATA_DIR') ?? 'data';
  if (rawDir.includes('\0')) throw new ConfigError('DATA_DIR', 'must be a folder path');
  const dataDir = isAbsolute(rawDir) ? rawDir : join(projectRoot(), rawDir);
  const databaseUrl = optional(env, 'DATABASE_URL');
  const kind = oneOf(env, 'STORAGE', ['sqlite', 'memory', 'postgres'] as const, databaseUrl === null ? 'sqlite' : 'postgres');
  if (databaseUrl === null) {
    if (kind === 'postgres') throw new ConfigError('DATABASE_URL', 'is needed when STORAGE is postgres');
    return { kind, dataDir, databaseUrl: null };
  }
  if (kind !== 'postgres') throw new ConfigError('STORAGE', `is ${kind} but DATABASE_URL is set; leave STORAGE empty (or postgres) to use PostgreSQL, or unset DATABASE_URL`);
  // The address is not quoted back: it may hold a password.
  let protocol = '';
  try {
    protocol = new URL(databaseUrl).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', 'must be a PostgreSQL address such as postgres://user:password@host:5432/database');
  }
  return { kind, dataDir, databaseUrl };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name) ?? String(fallback);
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

function readOpsToken(env: NodeJS.ProcessEnv): string | null {
  const token = optional(env, 'OPS_TOKEN');
  if (token !== null && (token.length < 24 || /\s/.test(token))) throw new ConfigError('OPS_TOKEN', 'must be at least 24 characters without spaces');
  return token;
}

function readHandoff(env: NodeJS.ProcessEnv): Config['handoff'] {
  const channelId = optional(env, 'HANDOFF_TEAMS_CHANNEL_ID');
  const tenantId = optional(env, 'HANDOFF_TEAMS_TENANT_ID');
  if ((channelId === null) !== (tenantId === null)) {
    throw new ConfigError(channelId === null ? 'HANDOFF_TEAMS_CHANNEL_ID' : 'HANDOFF_TEAMS_TENANT_ID', 'must be set together with the other Teams handoff setting');
  }
  const serviceUrl = optional(env, 'HANDOFF_TEAMS_SERVICE_URL') ?? 'https://smba.trafficmanager.net/emea/';
  if (!httpUrl(serviceUrl)) throw new ConfigError('HANDOFF_TEAMS_SERVICE_URL', `must be an http(s) address, got "${serviceUrl}"`);
  let openingHours: OpeningHours;
  try {
    openingHours = parseOpeningHours(optional(env, 'HANDOFF_OPENING_HOURS') ?? '');
  } catch (e) {
    throw new ConfigError('HANDOFF_OPENING_HOURS', (e as Error).message);
  }
  let holidays: string[];
  try {
    holidays = parseHolidays(optional(env, 'HANDOFF_HOLIDAYS') ?? '');
  } catch (e) {
    throw new ConfigError('HANDOFF_HOLIDAYS', (e as Error).message);
  }
  const timeoutMinutes = wholeNumber(env, 'HANDOFF_TIMEOUT_MINUTES', 10, 1, 1440);
  const callbackDays = wholeNumber(env, 'HANDOFF_CALLBACK_DAYS', 30, 1, 365);
  const testMode = optional(env, 'HANDOFF_ALLOW_UNAUTHENTICATED');
  if (testMode !== null && testMode.toLowerCase() !== 'test') {
    throw new ConfigError('HANDOFF_ALLOW_UNAUTHENTICATED', `must be empty, or "test" in tests only, got "${testMode}"`);
  }
  if (channelId === null || tenantId === null) return null;
  // Without authentication anyone who reaches /api/messages could send "Teams" activities that claim a case and
  // write to the citizen: the handoff needs it, unless a test says it is a test.
  const authenticated = optional(env, 'MicrosoftAppId') !== null;
  if (!authenticated && testMode === null) {
    throw new ConfigError(
      'HANDOFF_TEAMS_CHANNEL_ID',
      'the handoff needs Bot Framework authentication: set MicrosoftAppId and its secret (bot/teams/README.md), '
        + 'or HANDOFF_ALLOW_UNAUTHENTICATED=test in tests only',
    );
  }
  const allowUnauthenticated = !authenticated;
  return { serviceUrl, channelId, tenantId, openingHours, holidays, timeoutMinutes, callbackDays, allowUnauthenticated };
}

function httpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A link on our own site ("/privatliv.html") or an http(s) address. */
function linkSetting(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const v = optional(env, name);
  if (v === null) return fallback;
  if (!(/^\/(?!\/)[^\s]*$/.test(v) || httpUrl(v))) throw new ConfigError(name, `must be a path on this site (/...) or an http(s) address, got "${v}"`);
  return v;
}

function readWebChat(env: NodeJS.ProcessEnv): Config['webchat'] {
  const transport = oneOf(env, 'WEBCHAT_TRANSPORT', ['embedded', 'directline'] as const, 'embedded');
  const tokenSecret = optional(env, 'WEBCHAT_TOKEN_SECRET');
  if (tokenSecret !== null && tokenSecret.length < 32) throw new ConfigError('WEBCHAT_TOKEN_SECRET', 'must be at least 32 characters');
  const rawMinutes = optional(env, 'WEBCHAT_TOKEN_MINUTES') ?? '60';
  // Web Chat's Direct Line client refreshes its token every 15 minutes: a shorter token would run out first.
  if (!/^\d+$/.test(rawMinutes) || Number(rawMinutes) < 20 || Number(rawMinutes) > 1440) {
    throw new ConfigError('WEBCHAT_TOKEN_MINUTES', `must be a whole number of minutes from 20 to 1440, got "${rawMinutes}"`);
  }
  const allowedOrigins = (optional(env, 'WEBCHAT_ALLOWED_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const o of allowedOrigins) {
    if (!httpUrl(o) || new URL(o).origin !== o) {
      throw new ConfigError('WEBCHAT_ALLOWED_ORIGINS', `must list origins such as https://www.kommune.dk (no path), got "${o}"`);
    }
  }
  const directLineSecret = optional(env, 'DIRECTLINE_SECRET');
  const directLineEndpoint = optional(env, 'DIRECTLINE_ENDPOINT') ?? 'https://europe.directline.botframework.com/v3/directline';
  if (!httpUrl(directLineEndpoint)) throw new ConfigError('DIRECTLINE_ENDPOINT', `must be an http(s) address, got "${directLineEndpoint}"`);
  if (transport === 'directline' && directLineSecret === null) {
    throw new ConfigError('DIRECTLINE_SECRET', 'is needed when WEBCHAT_TRANSPORT is directline');
  }
  return {
    transport,
    tokenSecret,
    tokenMinutes: Number(rawMinutes),
    conversationHours: wholeNumber(env, 'WEBCHAT_CONVERSATION_HOURS', 24, 1, 168),
    allowedOrigins,
    privacyUrl: linkSetting(env, 'PRIVACY_URL', '/privatliv.html'),
    accessibilityUrl: linkSetting(env, 'ACCESSIBILITY_URL', '/tilgaengelighed.html'),
    directLineSecret,
    directLineEndpoint: directLineEndpoint.replace(/\/+$/, ''),
  };
}
