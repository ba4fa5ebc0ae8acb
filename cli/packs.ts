import { readFileSync } from 'node:fs';
import { parsePack, type PackResult } from '../rules/schema';

/** Reads a rule pack file; errors name the file problem, or the rule and field. */
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
  return parsePack(json);
}
