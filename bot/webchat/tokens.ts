import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storage } from '../sdk.js';

/**
 * What a token is for. A conversation token goes in the Authorization header of every Direct Line call; a stream
 * ticket is the short-lived token in the streamUrl (a browser's WebSocket cannot send headers), good only for
 * opening the conversation's stream. Neither is accepted for the other's job.
 */
export type TokenPurpose = 'conversation' | 'stream';

/** What a web chat token grants: one conversation, as one user, until it expires. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, in seconds since 1970. */
  exp: number;
  /** When the conversation started, in seconds since 1970: no token of it lives beyond start + maxAge. */
  start: number;
}

const VERSION = 3;
/** How long a stream ticket may be used to open a stream, in seconds. The stream itself lives on. */
export const STREAM_TICKET_SECONDS = 120;
const PURPOSE_CODE: Record<TokenPurpose, string> = { conversation: 'c', stream: 's' };

function b64(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * Issues and checks the tokens of the embedded web chat: `<payload>.<HMAC-SHA256 of it>`, both base64url. A token
 * names its conversation and user, so a token for one conversation can never reach another. Verification is in
 * constant time and rejects anything malformed, forged, from another secret or expired.
 */
export class TokenSigner {
  constructor(
    private readonly secret: Buffer,
    /** Lifetime of a token in seconds. */
    readonly lifetime: number,
    private readonly now: () => number = () => Date.now(),
    /**
     * The longest a conversation's tokens live, counted from its start, in seconds, however often they are refreshed.
     */
    readonly maxAge = 24 * 3600,
  ) {
    if (secret.length < 32) throw new Error('The web chat token secret must be at least 32 bytes');
  }

  /** A token for a conversation that starts now. */
  issue(conversationId: string, userId: string): { token: string; expiresIn: number } {
    const now = Math.floor(this.now() / 1000);
    return this.make(conversationId, userId, now, now);
  }

  /** A ticket that opens the stream of the conversation of valid claims, for STREAM_TICKET_SECONDS. */
  streamTicket(claims: TokenClaims): string {
    const now = Math.floor(this.now() / 1000);
    return this.make(claims.conversationId, claims.userId, claims.start, now, 'stream').token;
  }

  /**
   * A new token for the conversation of a valid one, keeping the conversation's start: however often it is refreshed,
   * no token lives beyond start + maxAge. Null when that time has come.
   */
  refresh(claims: TokenClaims): { token: string; expiresIn: number } | null {
    const now = Math.floor(this.now() / 1000);
    if (claims.start + this.maxAge <= now) return null;
    return this.make(claims.conversationId, claims.userId, claims.start, now);
  }

  private make(
    conversationId: string,
    userId: string,
    start: number,
    now: number,
    purpose: TokenPurpose = 'conversation',
  ): { token: string; expiresIn: number } {
    const lifetime = purpose === 'stream' ? STREAM_TICKET_SECONDS : this.lifetime;
    const exp = Math.min(now + lifetime, start + this.maxAge);
    const payload = b64(
      JSON.stringify({ v: VERSION, p: PURPOSE_CODE[purpose], c: conversationId, u: userId, exp, s: start }),
    );
    return { token: `${payload}.${this.sign(payload)}`, expiresIn: exp - now };
  }

  /** The claims of a valid, unexpired token for `purpose`; null for anything else. */
  verify(token: unknown, purpose: TokenPurpose = 'conversation'): TokenClaims | null {
    const checked = this.check(token, purpose);
    return checked.ok ? checked.claims : null;
  }

  /**
   * Why a token is refused, or its claims: `invalid` (not ours: missing, malformed, forged, another secret, another
   * purpose) or `expired` (ours, but its time or the conversation's has run out).
   */
  check(
    token: unknown,
    purpose: TokenPurpose = 'conversation',
  ): { ok: true; claims: TokenClaims } | { ok: false; reason: 'invalid' | 'expired' } {
    const invalid = { ok: false, reason: 'invalid' } as const;
    if (typeof token !== 'string' || token.length > 1000) return invalid;
    const parts = token.split('.');
    if (parts.length !== 2) return invalid;
    const [payload, signature] = parts as [string, string];
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;
    let claims: { v?: unknown; p?: unknown; c?: unknown; u?: unknown; exp?: unknown; s?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return invalid;
    }
    if (
      claims.v !== VERSION ||
      claims.p !== PURPOSE_CODE[purpose] ||
      typeof claims.c !== 'string' ||
      typeof claims.u !== 'string'
    )
      return invalid;
    if (typeof claims.exp !== 'number' || typeof claims.s !== 'number') return invalid;
    if (claims.exp * 1000 <= this.now() || (claims.s + this.maxAge) * 1000 <= this.now())
      return { ok: false, reason: 'expired' };
    return { ok: true, claims: { conversationId: claims.c, userId: claims.u, exp: claims.exp, start: claims.s } };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
}

/**
 * The secret tokens are signed with: the configured one; else one kept in the data folder (so tokens outlive a
 * restart); else, with no data folder, a new one for this process.
 */
export function tokenSecret(configured: string | null, dataDir: string | null): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  if (!dataDir) return randomBytes(32);
  const file = join(dataDir, 'webchat-secret');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, `${secret.toString('base64')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

/** The storage key that marks a conversation's tokens as revoked. Holds no personal data, only the time. */
const revokedKey = (conversationId: string) => `webchat/revoked/${conversationId}`;

/**
 * Conversations whose tokens are no longer accepted, although signed and unexpired: the person asked to have their
 * data deleted. Kept in the state storage, so every instance refuses them; a revocation is remembered in this process
 * too, so a revoked conversation costs no read. Retention deletes the marks with the rest (tokens live a day at most).
 */
export class Revocations {
  private readonly known = new Set<string>();

  constructor(private readonly storage: Storage) {}

  async add(conversationId: string): Promise<void> {
    this.remember(conversationId);
    await this.storage.write({ [revokedKey(conversationId)]: { at: new Date().toISOString() } });
  }

  async has(conversationId: string): Promise<boolean> {
    if (this.known.has(conversationId)) return true;
    const key = revokedKey(conversationId);
    const found = key in (await this.storage.read([key]));
    if (found) this.remember(conversationId);
    return found;
  }

  /** At most 10,000 are remembered here, the oldest forgotten first (the storage still has them). */
  private remember(conversationId: string): void {
    this.known.add(conversationId);
    if (this.known.size > 10_000) this.known.delete(this.known.values().next().value as string);
  }
}
