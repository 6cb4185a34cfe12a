/**
 * npm run teams:package: builds the Teams app package for the caseworkers' team, dist/teams/mentorbot-teams.zip,
 * holding manifest.json, color.png and outline.png at its root. Settings come from the environment or .env (see
 * readTeamsSettings); `--out FILE` writes the package elsewhere. Exits with 1 and a message naming the setting when
 * one is missing or invalid.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../../knowledge/paths.js';
import { ConfigError } from '../config.js';
import { ACCENT_COLOR, iconPaths } from './icons.js';
import { fillManifest, manifestProblems, readTeamsSettings } from './manifest.js';
import { writeZip } from './zip.js';

/** Where the package goes unless told otherwise. */
export function defaultPackagePath(root: string = projectRoot()): string {
  return join(root, 'dist', 'teams', 'mentorbot-teams.zip');
}

/**
 * Fills and checks the manifest and writes the package to `outFile`; returns the manifest. Throws a ConfigError for
 * a bad setting, and an Error listing every problem when the filled manifest would not pass Teams' checks.
 */
export function buildTeamsPackage(env: NodeJS.ProcessEnv, outFile: string, root: string = projectRoot(), now: Date = new Date()): Record<string, unknown> {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const settings = readTeamsSettings(env, version, ACCENT_COLOR);
  const template: unknown = JSON.parse(readFileSync(join(root, 'bot', 'teams', 'manifest.template.json'), 'utf8'));
  const manifest = fillManifest(template, settings);
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`The Teams manifest is not valid: ${problems.join('; ')}`);
  const icons = iconPaths(root);
  for (const path of Object.values(icons)) {
    if (!existsSync(path)) throw new Error(`${path} is missing; draw the icons again with node dist/bot/teams/icons.js`);
  }
  const zip = writeZip(
    [
      { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') },
      { name: 'color.png', data: readFileSync(icons.color) },
      { name: 'outline.png', data: readFileSync(icons.outline) },
    ],
    now,
  );
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, zip);
  return manifest;
}

function main(args: string[]): void {
  const root = projectRoot();
  const envFile = join(root, '.env');
  // Variables already set win over .env, as in npm start.
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const at = args.indexOf('--out');
  const outFile = at >= 0 && args[at + 1] ? resolve(args[at + 1]!) : defaultPackagePath(root);
  try {
    const manifest = buildTeamsPackage(process.env, outFile, root);
    const domains = (manifest.validDomains as string[]).join(', ');
    const shown = relative(process.cwd(), outFile);
    console.log(`Wrote ${shown.startsWith('..') ? outFile : shown}: Teams app ${String(manifest.version)} for bot ${String(manifest.id)} on ${domains}.`);
    console.log('Upload it in Teams (Apps > Manage your apps > Upload an app) and add it to the caseworkers\' team. See bot/teams/README.md.');
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Cannot build the Teams app package. ${e.message}. See bot/teams/README.md.`);
      process.exit(1);
    }
    console.error(`Cannot build the Teams app package. ${(e as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
