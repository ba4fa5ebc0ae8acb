// The built-in rule packs, validated at load time: a broken built-in pack fails loudly, naming the rule
// and the field, instead of silently analysing with fewer rules.
import frPack from './packs/fr.json';
import enPack from './packs/en.json';
import { parsePack, type RulePack } from './schema';

function load(input: unknown, file: string): RulePack {
  const result = parsePack(input);
  if (!result.ok) throw new Error(`rules/packs/${file} is not a valid rule pack:\n  ${result.errors.join('\n  ')}`);
  return result.pack;
}

export const builtinPacks: RulePack[] = [load(frPack, 'fr.json'), load(enPack, 'en.json')];
