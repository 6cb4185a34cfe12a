import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { projectRoot } from '../../knowledge/paths.js';
import { freePort, sayTo } from '../helpers.js';

/** Starts `npm start`'s server (dist/bot/main.js) and waits until it answers /healthz. */
async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'bot', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      STORAGE: 'sqlite',
      LOG_LEVEL: 'error',
      MicrosoftAppId: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${stderr}`);
}

async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

describe('state that survives a restart', function () {
  this.timeout(30000);
  let dataDir: string;
  let child: ChildProcess | undefined;

  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mentorbot-restart-'));
  });
  after(() => {
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('continues an intake where it was after the server is killed and started again', async () => {
    const port = await freePort();
    const conversation = randomUUID();
    const say = async (text: string) => {
      const res = await sayTo(`http://127.0.0.1:${port}`, conversation, text);
      expect(res.status).to.equal(200);
      return res.text;
    };

    child = await startServer(port, dataDir);
    await say('Jeg er borger');
    expect(await say('Jeg er ledig')).to.include('Hvilken ydelse får du?');
    child.kill('SIGKILL');
    await stopped(child);

    child = await startServer(port, dataDir);
    // The answer to the question asked before the restart is read as that answer, and the intake goes on.
    expect(await say('kontanthjælp')).to.include('udskrevet fra en psykiatrisk indlæggelse');
    child.kill('SIGTERM');
    await stopped(child);
  });
});

describe('start-up with a bad setting', () => {
  it('refuses to start, naming the setting, without a stack trace', async () => {
    const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'bot', 'main.js')], {
      env: { ...process.env, PORT: 'abc' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).to.equal(1);
    expect(output).to.include('Setting PORT');
    expect(output).to.include('.env.example');
    expect(output).not.to.match(/\n\s+at /);
  });
});
