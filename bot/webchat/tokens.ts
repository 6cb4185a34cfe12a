import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a web chat token grants: one conversation, as one user, until it expires. */
export interface TokenClaims {
  conversationId: string;
  userId: string;
  /** Expiry, in seconds since 1970. */
  exp: number;
}

const VERSION = 1;

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
  ) {
    if (secret.length < 32) throw new Error('The web chat token secret must be at least 32 bytes');
  }

  issue(conversationId: string, userId: string): { token: string; expiresIn: number } {
    const exp = Math.floor(this.now() / 1000) + this.lifetime;
    const payload = b64(JSON.stringify({ v: VERSION, c: conversationId, u: userId, exp }));
    return { token: `${payload}.${this.sign(payload)}`, expiresIn: this.lifetime };
  }

  /** The claims of a valid, unexpired token; null for anything else. */
  verify(token: unknown): TokenClaims | null {
    if (typeof token !== 'string' || token.length > 1000) return null;
    const parts = token.split('.');
    if (parts.length !== 2) return null;
    const [payload, signature] = parts as [string, string];
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: { v?: unknown; c?: unknown; u?: unknown; exp?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return null;
    }
    if (claims.v !== VERSION || typeof claims.c !== 'string' || typeof claims.u !== 'string' || typeof claims.exp !== 'number') return null;
    if (claims.exp * 1000 <= this.now()) return null;
    return { conversationId: claims.c, userId: claims.u, exp: claims.exp };
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
