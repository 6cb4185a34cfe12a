/**
 * npm run teams:package: builds the Teams app package for the caseworkers' team, dist/teams/mentorbot-teams.zip,
 * holding manifest.json, color.png and outline.png at its root. Settings come from the environment or .env (see
 * readTeamsSettings); `--out FILE` writes the package elsewhere. Exits with 1 and a message naming the setting when
 * one is missing or invalid, and with 2 on an unknown option.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { projectRoot } from '../../knowledge/paths.js';
import { ConfigError } from '../config.js';
import { ACCENT_COLOR, fillManifest, manifestProblems, readTeamsSettings } from './manifest.js';

/** Where the package goes unless told otherwise. */
export function defaultPackagePath(root: string = projectRoot()): string {
  return join(root, 'dist', 'teams', 'mentorbot-teams.zip');
}

/** The app's icons, committed in bot/teams/: color.png (192×192) and outline.png (32×32, white on transparent). */
export function iconPaths(root: string = projectRoot()): { color: string; outline: string } {
  return { color: join(root, 'bot', 'teams', 'color.png'), outline: join(root, 'bot', 'teams', 'outline.png') };
}

/**
 * Fills and checks the manifest and writes the package to `outFile`; returns the manifest. Throws a ConfigError for
 * a bad setting, and an Error listing every problem when the filled manifest would not pass Teams' checks. The
 * archive is written by fflate, every file deflated and dated `now`.
 */
export async function buildTeamsPackage(
  env: NodeJS.ProcessEnv,
  outFile: string,
  root: string = projectRoot(),
  now: Date = new Date(),
): Promise<Record<string, unknown>> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const settings = readTeamsSettings(env, version, ACCENT_COLOR);
  const template: unknown = JSON.parse(readFileSync(join(root, 'bot', 'teams', 'manifest.template.json'), 'utf8'));
  const manifest = fillManifest(template, settings);
  const problems = await manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`The Teams manifest is not valid: ${problems.join('; ')}`);
  const icons = iconPaths(root);
  for (const path of Object.values(icons)) {
    if (!existsSync(path)) throw new Error(`${path} is missing; it is part of the project (git checkout bot/teams/)`);
  }
  const zip = zipSync(
    {
      'manifest.json': Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8'),
      'color.png': readFileSync(icons.color),
      'outline.png': readFileSync(icons.outline),
    },
    { level: 9, mtime: now },
  );
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip);
  return manifest;
}

async function main(args: string[]): Promise<number> {
  const root = projectRoot();
  let out: string | undefined;
  try {
    ({
      values: { out },
    } = parseArgs({ args, options: { out: { type: 'string' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\nUsage: npm run teams:package [-- --out FILE]`);
    return 2;
  }
  const envFile = join(root, '.env');
  // Variables already set win over .env, as in npm start.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const outFile = out ? resolve(out) : defaultPackagePath(root);
  try {
    const manifest = await buildTeamsPackage(process.env, outFile, root);
    const domains = (manifest.validDomains as string[]).join(', ');
    const shown = relative(process.cwd(), outFile);
    console.log(
      `Wrote ${shown.startsWith('..') ? outFile : shown}: Teams app ${String(manifest.version)} for bot ${String(manifest.id)} on ${domains}.`,
    );
    console.log(
      "Upload it in Teams (Apps > Manage your apps > Upload an app) and add it to the caseworkers' team. See bot/teams/README.md.",
    );
    return 0;
  } catch (e) {
    if (e instanceof ConfigError)
      console.error(`Cannot build the Teams app package. ${e.message}. See bot/teams/README.md.`);
    else console.error(`Cannot build the Teams app package. ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = await main(process.argv.slice(2));
