import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir` (any depth) whose name ends in one of `endings`, sorted by path; [] when `dir` is missing. */
export function filesBelow(dir: string, endings: string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesBelow(path, endings));
    else if (endings.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}
