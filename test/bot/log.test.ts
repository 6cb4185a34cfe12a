import { expect } from 'chai';
import { log } from '../../bot/log.js';

/** Captures what the log writes to stdout and stderr while `fn` runs. */
function capture(fn: () => void): string[] {
  const lines: string[] = [];
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const grab = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  try {
    fn();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  return lines;
}

describe('log', () => {
  afterEach(() => log.setLevel('silent'));

  it('writes one JSON object per line with CPR numbers, e-mail addresses and phone numbers masked', () => {
    log.setLevel('info');
    const lines = capture(() =>
      log.error('turn failed', { error: new Error('bad input: 010190-1234 søren@kommune.dk +45 12 34 56 78') }),
    );
    expect(lines).to.have.length(1);
    const entry = JSON.parse(lines[0]!) as { level: string; msg: string; error: { message: string } };
    expect(entry.level).to.equal('error');
    expect(entry.msg).to.equal('turn failed');
    expect(entry.error.message).not.to.match(/010190|søren@|12 34 56 78/);
    expect(entry.error.message).to.include('[CPR-nummer fjernet]');
  });

  it('writes nothing below the level set', () => {
    log.setLevel('error');
    expect(capture(() => log.info('hello'))).to.deep.equal([]);
    log.setLevel('silent');
    expect(capture(() => log.error('hello'))).to.deep.equal([]);
  });
});
