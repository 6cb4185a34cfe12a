import { randomUUID } from 'node:crypto';

export interface DirectLineToken {
  token: string;
  conversationId: string;
  expiresIn: number;
  /** The endpoint the page gives WebChat.createDirectLine as `domain`. */
  domain: string;
}

/**
 * Exchanges the Direct Line secret for a token for one new conversation (Direct Line 3.0 `tokens/generate`). The
 * secret stays on the server. The user id starts with "dl_", which Direct Line requires for ids bound to a token.
 */
export async function exchangeDirectLineSecret(
  endpoint: string,
  secret: string,
  timeoutMs = 10_000,
): Promise<{ ok: true; value: DirectLineToken } | { ok: false; message: string }> {
  let res: Response;
  try {
    res = await fetch(`${endpoint}/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: `dl_${randomUUID()}` } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, message: 'Direct Line could not be reached' };
  }
  if (!res.ok) return { ok: false, message: `Direct Line answered ${res.status}` };
  const body = (await res.json().catch(() => null)) as {
    token?: unknown;
    conversationId?: unknown;
    expires_in?: unknown;
  } | null;
  if (!body || typeof body.token !== 'string' || typeof body.conversationId !== 'string') {
    return { ok: false, message: 'Direct Line gave no token' };
  }
  return {
    ok: true,
    value: {
      token: body.token,
      conversationId: body.conversationId,
      expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 1800,
      domain: endpoint,
    },
  };
}
