import { readFileSync } from 'node:fs';
import type { PackResult } from '../rules/schema';
import { parseUserPack } from '../rules/safety';

/**
 * Reads a rule pack file; errors name the file problem, or the rule and field. A pack file is untrusted (trainers
 * share them): it goes through the same safety check as a pack imported in the extension.
 */
export function loadPackFile(file: string): PackResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, errors: [(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`not valid JSON (${(e as Error).message})`] };
  }
  return parseUserPack(json);
}
