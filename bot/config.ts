import { isIP } from 'node:net';
import { isAbsolute, join } from 'node:path';
import { projectRoot } from '../knowledge/paths.js';
import { z } from '../knowledge/schemas.js';
import { type OpeningHours, parseHolidays, parseOpeningHours } from './handoff/opening-hours.js';
import { LOG_LEVELS, type LogLevel } from './log.js';

/**
 * Settings from the environment (see .env.example). Every setting is checked at start, each by a zod schema (below),
 * and then the rules between settings; a bad value stops the server with a message that names the setting, instead
 * of failing later.
 */
export interface Config {
  port: number;
  /**
   * The address the server listens on: loopback unless authentication is on or ALLOW_UNAUTHENTICATED_NETWORK says so.
   */
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
  bot: {
    appId: string | null;
    appPassword: string | null;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string | null;
  };
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
    /**
     * Secret that signs the embedded web chat's tokens; null: kept in DATA_DIR (or made per process in memory mode).
     */
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
    /**
     * HANDOFF_ALLOW_UNAUTHENTICATED=test without MicrosoftAppId: Teams activities are taken unauthenticated (tests
     * only).
     */
    allowUnauthenticated: boolean;
  } | null;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`Setting ${setting}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

/**
 * Reads one setting with its zod schema. The schema gets the value trimmed, or undefined when it is unset or empty;
 * its first problem becomes a ConfigError that names the setting.
 */
function setting<T extends z.ZodType<unknown, string | undefined>>(
  env: NodeJS.ProcessEnv,
  name: string,
  schema: T,
): z.output<T> {
  const raw = env[name]?.trim();
  const parsed = schema.safeParse(raw ? raw : undefined);
  if (!parsed.success) throw new ConfigError(name, parsed.error.issues[0]!.message);
  return parsed.data;
}

/** The settings' vocabulary: each a zod schema from the text of a variable (undefined when unset) to its value. */
const text = z
  .string()
  .optional()
  .transform((v) => v ?? null);
const got = (issue: { input?: unknown }) => `got "${String(issue.input)}"`;
/** One of `values`, in any case; `fallback` when unset. */
const choice = <T extends string>(values: readonly T[], fallback: T) =>
  z
    .string()
    .optional()
    .transform((v, ctx): T => {
      if (v === undefined) return fallback;
      const found = values.find((x) => x.toLowerCase() === v.toLowerCase());
      if (found) return found;
      ctx.addIssue({ code: 'custom', message: `must be one of ${values.join(', ')}, got "${v}"`, input: v });
      return z.NEVER;
    });
/** A whole number from `min` to `max`; `fallback` when unset. */
const whole = (min: number, max: number, fallback: number) =>
  z
    .string()
    .default(String(fallback))
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      error: (i) => `must be a whole number from ${min} to ${max}, ${got(i)}`,
    })
    .transform(Number);
/** Text that matches `pattern`, or unset (null). */
const matching = (pattern: RegExp, problem: string) =>
  z
    .string()
    .refine((v) => pattern.test(v), { error: (i) => `${problem}, ${got(i)}` })
    .optional()
    .transform((v) => v ?? null);
/** An http(s) address; `fallback` when unset. */
const httpAddress = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(httpUrl, { error: (i) => `must be an http(s) address, ${got(i)}` });
/** Origins (http(s)://host[:port], no path) separated by commas; [] when unset. */
const origins = (example: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .superRefine((list, ctx) => {
      const bad = list.find((o) => !httpUrl(o) || new URL(o).origin !== o.replace(/\/+$/, ''));
      if (bad !== undefined)
        ctx.addIssue({ code: 'custom', message: `must list origins such as ${example} (no path), got "${bad}"` });
    });
/** A link on our own site ("/privatliv.html") or an http(s) address; `fallback` when unset. */
const link = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\/(?!\/)[^\s]*$/.test(v) || httpUrl(v), {
      error: (i) => `must be a path on this site (/...) or an http(s) address, ${got(i)}`,
    });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = setting(env, 'PORT', whole(1, 65535, 3978));
  const appId = setting(env, 'MicrosoftAppId', matching(GUID, 'must be an app id (a GUID)'));
  const appPassword = setting(env, 'MicrosoftAppPassword', text);
  const appType = setting(env, 'MicrosoftAppType', choice(APP_TYPES, 'MultiTenant'));
  const tenantId = setting(env, 'MicrosoftAppTenantId', matching(GUID, 'must be a tenant id (a GUID)'));
  if (appId === null && appPassword !== null)
    throw new ConfigError('MicrosoftAppPassword', 'is set but MicrosoftAppId is not');
  if (appId !== null && appType !== 'UserAssignedMSI' && appPassword === null) {
    throw new ConfigError(
      'MicrosoftAppPassword',
      `is needed when MicrosoftAppId is set and MicrosoftAppType is ${appType}`,
    );
  }
  if (appType !== 'MultiTenant' && appId !== null && tenantId === null) {
    throw new ConfigError('MicrosoftAppTenantId', `is needed when MicrosoftAppType is ${appType}`);
  }

  const { host, unauthenticatedOnNetwork } = readHost(env, appId !== null);
  const serviceUrlAllowlist = readServiceUrlAllowlist(env);
  const storage = readStorage(env);

  const phone = setting(
    env,
    'MUNICIPALITY_PHONE',
    matching(/^\+?[\d ]{8,16}$/, 'must be a phone number such as "+45 70 12 34 56"'),
  );
  const url = setting(
    env,
    'MUNICIPALITY_CONTACT_URL',
    z
      .string()
      .refine(httpUrl, { error: (i) => `must be an http(s) address, ${got(i)}` })
      .optional()
      .transform((v) => v ?? null),
  );
  const municipality = setting(
    env,
    'MUNICIPALITY_NAME',
    z
      .string()
      .max(80, { error: 'must be at most 80 characters' })
      .optional()
      .transform((v) => v ?? null),
  );
  // The hours the phone is answered, in HANDOFF_OPENING_HOURS' format ("man-fre 09:00-15:00"); null when unset.
  const hours = setting(
    env,
    'MUNICIPALITY_PHONE_HOURS',
    parsedBy((v) => (v === undefined ? null : parseOpeningHours(v))),
  );

  const logLevel = setting(env, 'LOG_LEVEL', choice(LOG_LEVELS, 'info'));
  const webchat = readWebChat(env);
  if (storage.kind === 'postgres' && webchat.tokenSecret === null) {
    throw new ConfigError(
      'WEBCHAT_TOKEN_SECRET',
      "is needed when DATABASE_URL is set: every instance must sign the web chat's tokens with the same secret (at least 32 characters)",
    );
  }
  const handoff = readHandoff(env);
  const rateLimit = {
    perAddress: setting(env, 'RATE_LIMIT_PER_ADDRESS', whole(0, 100_000, 120)),
    perConversation: setting(env, 'RATE_LIMIT_PER_CONVERSATION', whole(0, 10_000, 30)),
    trustProxy: readTrustProxy(env),
  };

  return {
    port,
    host,
    unauthenticatedOnNetwork,
    serviceUrlAllowlist,
    turnTimeoutMs: setting(env, 'TURN_TIMEOUT_SECONDS', whole(2, 300, 20)) * 1000,
    outboundTimeoutMs: setting(env, 'OUTBOUND_TIMEOUT_SECONDS', whole(1, 120, 10)) * 1000,
    bot: { appId, appPassword, appType, tenantId },
    storage,
    retentionDays: setting(env, 'RETENTION_DAYS', whole(1, 3650, 30)),
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
  const host = setting(
    env,
    'HOST',
    z
      .string()
      .default(authenticated ? '0.0.0.0' : '127.0.0.1')
      .refine((h) => isIP(h) !== 0 || /^[a-z0-9.-]{1,253}$/i.test(h), {
        error: (i) => `must be an address such as 127.0.0.1 or 0.0.0.0, ${got(i)}`,
      }),
  );
  const allow = setting(
    env,
    'ALLOW_UNAUTHENTICATED_NETWORK',
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined || ['true', 'false'].includes(v.toLowerCase())) return v?.toLowerCase() === 'true';
        ctx.addIssue({ code: 'custom', message: `must be true or false, got "${v}"` });
        return z.NEVER;
      }),
  );
  if (authenticated || isLoopback(host)) return { host, unauthenticatedOnNetwork: false };
  if (!allow) {
    throw new ConfigError(
      'HOST',
      `is ${host}, but MicrosoftAppId is not set: without Bot Framework authentication the bot endpoint takes any request, so the server listens on 127.0.0.1 only. Set MicrosoftAppId, or ALLOW_UNAUTHENTICATED_NETWORK=true if you really mean it`,
    );
  }
  return { host, unauthenticatedOnNetwork: true };
}

const DEFAULT_SERVICE_URLS = [
  'http://localhost',
  'http://127.0.0.1',
  'http://[::1]',
  'https://localhost',
  'https://127.0.0.1',
  'https://[::1]',
];

/** SERVICE_URL_ALLOWLIST: origins (http(s)://host[:port]) separated by commas. Default: loopback on any port. */
function readServiceUrlAllowlist(env: NodeJS.ProcessEnv): string[] {
  const list = setting(env, 'SERVICE_URL_ALLOWLIST', origins('http://localhost:3979'));
  return list.length === 0 ? DEFAULT_SERVICE_URLS : list.map((x) => x.replace(/\/+$/, ''));
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
    return (
      allowed.protocol === url.protocol &&
      allowed.hostname === url.hostname &&
      (!portNamed || allowed.port === url.port)
    );
  });
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: empty or "false" (default), a number of proxies (1-10), or the proxies' addresses (IPs, subnets such
 * as 10.0.0.0/8, or loopback/linklocal/uniquelocal). "true" is refused: trusting every hop lets any client choose
 * its own address with X-Forwarded-For and so step around the per-address limit.
 */
function readTrustProxy(env: NodeJS.ProcessEnv): Config['rateLimit']['trustProxy'] {
  const v = setting(env, 'TRUST_PROXY', text);
  if (v === null || v.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(v)) {
    if (Number(v) < 1 || Number(v) > 10)
      throw new ConfigError('TRUST_PROXY', `must be a number of proxies from 1 to 10, got "${v}"`);
    return Number(v);
  }
  const list = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  for (const item of list) {
    const [address, bits, extra] = item.split('/');
    const family = isIP(address ?? '');
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.includes(item) || (family !== 0 && okBits && extra === undefined))) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be false, a number of proxies, or the proxies' addresses (10.0.0.1, 10.0.0.0/8, loopback), got "${item}"`,
      );
    }
  }
  return list;
}

/**
 * DATABASE_URL chooses PostgreSQL; STORAGE may then be empty or postgres. Saying sqlite or memory as well is a
 * contradiction and stops the server rather than silently ignoring one of the two.
 */
function readStorage(env: NodeJS.ProcessEnv): Config['storage'] {
  const rawDir = setting(
    env,
    'DATA_DIR',
    z
      .string()
      .default('data')
      .refine((d) => !d.includes('\0'), { error: 'must be a folder path' }),
  );
  const dataDir = isAbsolute(rawDir) ? rawDir : join(projectRoot(), rawDir);
  const databaseUrl = setting(env, 'DATABASE_URL', text);
  const kind = setting(
    env,
    'STORAGE',
    choice(['sqlite', 'memory', 'postgres'] as const, databaseUrl === null ? 'sqlite' : 'postgres'),
  );
  if (databaseUrl === null) {
    if (kind === 'postgres') throw new ConfigError('DATABASE_URL', 'is needed when STORAGE is postgres');
    return { kind, dataDir, databaseUrl: null };
  }
  if (kind !== 'postgres')
    throw new ConfigError(
      'STORAGE',
      `is ${kind} but DATABASE_URL is set; leave STORAGE empty (or postgres) to use PostgreSQL, or unset DATABASE_URL`,
    );
  // The address is not quoted back: it may hold a password.
  let protocol: string;
  try {
    protocol = new URL(databaseUrl).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new ConfigError(
      'DATABASE_URL',
      'must be a PostgreSQL address such as postgres://user:password@host:5432/database',
    );
  }
  return { kind, dataDir, databaseUrl };
}

function readOpsToken(env: NodeJS.ProcessEnv): string | null {
  // The token is not quoted back: it is a secret.
  const token = z.string().regex(/^\S{24,}$/, { error: 'must be at least 24 characters without spaces' });
  return setting(
    env,
    'OPS_TOKEN',
    token.optional().transform((t) => t ?? null),
  );
}

function readHandoff(env: NodeJS.ProcessEnv): Config['handoff'] {
  const channelId = setting(env, 'HANDOFF_TEAMS_CHANNEL_ID', text);
  const tenantId = setting(env, 'HANDOFF_TEAMS_TENANT_ID', text);
  if ((channelId === null) !== (tenantId === null)) {
    throw new ConfigError(
      channelId === null ? 'HANDOFF_TEAMS_CHANNEL_ID' : 'HANDOFF_TEAMS_TENANT_ID',
      'must be set together with the other Teams handoff setting',
    );
  }
  const serviceUrl = setting(env, 'HANDOFF_TEAMS_SERVICE_URL', httpAddress('https://smba.trafficmanager.net/emea/'));
  const openingHours = setting(
    env,
    'HANDOFF_OPENING_HOURS',
    parsedBy((v) => parseOpeningHours(v ?? '')),
  );
  const holidays = setting(
    env,
    'HANDOFF_HOLIDAYS',
    parsedBy((v) => parseHolidays(v ?? '')),
  );
  const timeoutMinutes = setting(env, 'HANDOFF_TIMEOUT_MINUTES', whole(1, 1440, 10));
  const callbackDays = setting(env, 'HANDOFF_CALLBACK_DAYS', whole(1, 365, 30));
  const testMode = setting(
    env,
    'HANDOFF_ALLOW_UNAUTHENTICATED',
    matching(/^test$/i, 'must be empty, or "test" in tests only'),
  );
  if (channelId === null || tenantId === null) return null;
  // Without authentication anyone who reaches /api/messages could send "Teams" activities that claim a case and
  // write to the citizen: the handoff needs it, unless a test says it is a test.
  const authenticated = setting(env, 'MicrosoftAppId', text) !== null;
  if (!authenticated && testMode === null) {
    throw new ConfigError(
      'HANDOFF_TEAMS_CHANNEL_ID',
      'the handoff needs Bot Framework authentication: set MicrosoftAppId and its secret (bot/teams/README.md), ' +
        'or HANDOFF_ALLOW_UNAUTHENTICATED=test in tests only',
    );
  }
  const allowUnauthenticated = !authenticated;
  return {
    serviceUrl,
    channelId,
    tenantId,
    openingHours,
    holidays,
    timeoutMinutes,
    callbackDays,
    allowUnauthenticated,
  };
}

function httpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** A setting read by a parser of its own (opening hours, holidays), whose Error becomes the setting's problem. */
function parsedBy<T>(parse: (v: string | undefined) => T) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parse(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    });
}

function readWebChat(env: NodeJS.ProcessEnv): Config['webchat'] {
  const transport = setting(env, 'WEBCHAT_TRANSPORT', choice(['embedded', 'directline'] as const, 'embedded'));
  const tokenSecret = setting(
    env,
    'WEBCHAT_TOKEN_SECRET',
    z
      .string()
      .min(32, { error: 'must be at least 32 characters' })
      .optional()
      .transform((v) => v ?? null),
  );
  // Web Chat's Direct Line client refreshes its token every 15 minutes: a shorter token would run out first.
  const tokenMinutes = setting(
    env,
    'WEBCHAT_TOKEN_MINUTES',
    z
      .string()
      .default('60')
      .refine((v) => /^\d+$/.test(v) && Number(v) >= 20 && Number(v) <= 1440, {
        error: (i) => `must be a whole number of minutes from 20 to 1440, ${got(i)}`,
      })
      .transform(Number),
  );
  const allowedOrigins = setting(env, 'WEBCHAT_ALLOWED_ORIGINS', origins('https://www.kommune.dk'));
  const directLineSecret = setting(env, 'DIRECTLINE_SECRET', text);
  const directLineEndpoint = setting(
    env,
    'DIRECTLINE_ENDPOINT',
    httpAddress('https://europe.directline.botframework.com/v3/directline'),
  );
  if (transport === 'directline' && directLineSecret === null) {
    throw new ConfigError('DIRECTLINE_SECRET', 'is needed when WEBCHAT_TRANSPORT is directline');
  }
  return {
    transport,
    tokenSecret,
    tokenMinutes,
    conversationHours: setting(env, 'WEBCHAT_CONVERSATION_HOURS', whole(1, 168, 24)),
    allowedOrigins,
    privacyUrl: setting(env, 'PRIVACY_URL', link('/privatliv.html')),
    accessibilityUrl: setting(env, 'ACCESSIBILITY_URL', link('/tilgaengelighed.html')),
    directLineSecret,
    directLineEndpoint: directLineEndpoint.replace(/\/+$/, ''),
  };
}
