import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { TokenSigner, tokenSecret } from '../../bot/webchat/tokens.js';

describe('web chat tokens', () => {
  const secret = Buffer.alloc(32, 7);
  let now = 1_800_000_000_000;
  const signer = new TokenSigner(secret, 600, () => now);

  it('give back the conversation and user they were issued for', () => {
    const { token, expiresIn } = signer.issue('conv-1', 'user-1');
    expect(expiresIn).to.equal(600);
    expect(signer.verify(token)).to.deep.include({ conversationId: 'conv-1', userId: 'user-1' });
  });

  it('are refused when changed, signed with another secret, malformed or expired', () => {
    const { token } = signer.issue('conv-1', 'user-1');
    const [payload, signature] = token.split('.') as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify({ v: 1, c: 'conv-2', u: 'user-1', exp: 9_999_999_999 })).toString(
      'base64url',
    );
    const other = new TokenSigner(Buffer.alloc(32, 8), 600, () => now);
    for (const bad of [
      `${forgedPayload}.${signature}`,
      `${payload}.${signature.slice(1)}`,
      other.issue('conv-1', 'user-1').token,
      '',
      'a.b.c',
      'x',
      42,
      null,
      'é'.repeat(2000),
    ]) {
      expect(signer.verify(bad), String(bad).slice(0, 20)).to.equal(null);
    }
    now += 601_000;
    expect(signer.verify(token)).to.equal(null);
  });

  it("refresh keeps the conversation's start, so no token of it lives beyond the maximum age however often it is refreshed", () => {
    let clock = 1_800_000_000_000;
    const capped = new TokenSigner(secret, 600, () => clock, 1800);
    let current = capped.issue('conv-1', 'user-1').token;
    const refreshedTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      clock += 500_000;
      const claims = capped.verify(current);
      if (!claims) break;
      const next = capped.refresh(claims);
      if (!next) break;
      refreshedTimes.push(next.expiresIn);
      current = next.token;
    }
    // 1800 s from the start: refreshed at 500, 1000 and 1500 s; the last one lives only until 1800 s.
    expect(refreshedTimes).to.deep.equal([600, 600, 300]);
    clock = 1_800_000_000_000 + 1_800_000;
    expect(capped.verify(current)).to.equal(null);
  });

  it("keep the conversation token and the stream ticket apart: neither is taken for the other's job", () => {
    const { token } = signer.issue('conv-1', 'user-1');
    const claims = signer.verify(token)!;
    const ticket = signer.streamTicket(claims);
    expect(signer.verify(ticket, 'stream')).to.deep.include({ conversationId: 'conv-1', userId: 'user-1' });
    expect(signer.verify(ticket)).to.equal(null);
    expect(signer.verify(token, 'stream')).to.equal(null);
  });

  it('say why a token is refused: not ours (invalid) or ours but run out (expired); a ticket runs out after two minutes', () => {
    let clock = 1_800_000_000_000;
    const timed = new TokenSigner(secret, 600, () => clock);
    const { token } = timed.issue('conv-1', 'user-1');
    const ticket = timed.streamTicket(timed.verify(token)!);
    expect(timed.check('x.y')).to.deep.equal({ ok: false, reason: 'invalid' });
    expect(timed.check(ticket)).to.deep.equal({ ok: false, reason: 'invalid' });
    clock += 121_000;
    expect(timed.check(ticket, 'stream')).to.deep.equal({ ok: false, reason: 'expired' });
    expect(timed.check(token).ok).to.equal(true);
    clock += 600_000;
    expect(timed.check(token)).to.deep.equal({ ok: false, reason: 'expired' });
  });

  it('needs a secret of at least 32 bytes', () => {
    expect(() => new TokenSigner(Buffer.alloc(16), 600)).to.throw(/32 bytes/);
  });

  it('keep their secret in the data folder, readable only by the service, so tokens outlive a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webchat-secret-'));
    try {
      const first = tokenSecret(null, dir);
      expect(tokenSecret(null, dir).equals(first)).to.equal(true);
      expect(statSync(join(dir, 'webchat-secret')).mode & 0o777).to.equal(0o600);
      expect(tokenSecret('x'.repeat(40), dir).toString()).to.equal('x'.repeat(40));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
