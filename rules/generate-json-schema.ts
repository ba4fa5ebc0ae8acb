// Writes rules/pack.schema.json from the zod schema (zod 4's z.toJSONSchema), so that a trainer's
// editor can check a pack written by hand and show what each field means.
// Run with `npm run schema`; tests/schema-json.test.ts fails when the committed file is out of date.
import { z } from 'zod';
import { packSchema, ruleSchema } from './schema';
import { MAX_PATTERN_LENGTH } from './safety';

export const JSON_SCHEMA_FILE = 'rules/pack.schema.json';

// Descriptions for editors' tooltips: the zod schema's doc comments, in plain words.
const PACK_FIELDS: Record<string, string> = {
  $schema: 'Path or URL of this JSON Schema, for editors ("./pack.schema.json").',
  schemaVersion: 'Version of the pack format. Always 1 for now.',
  id: 'The pack\'s id: lower-case letters, digits and dashes, e.g. "cours-sourcage".',
  name: "The pack's name, shown to users.",
  description: 'What the pack is for.',
  lexicon:
    'Entries added to the attribution grammar\'s word lists, per language and list (see rules/lexicon/README.md), e.g. {"fr": {"speech-verbs": ["pérorer"], "outlets": ["Le Courrier picard"]}}. Verbs by their lemma (infinitive); their forms are generated.',
  vocabulary: 'Reusable pattern fragments. Write {{name}} in a pattern (or another entry) to insert the entry "name" as a group.',
  rules: 'The rules. A rule with the id of a built-in rule replaces it for the user who imports the pack.',
};

const RULE_FIELDS: Record<string, string> = {
  id: 'Unique id: lower-case letters, digits and dashes, e.g. "fr-anonymous-nos-sources". Use a built-in rule\'s id to replace that rule.',
  category: 'The sourcing category of what the rule finds (see the taxonomy).',
  lang: 'The article language the rule applies to: "fr", "en", or "any".',
  patterns: `Regular expressions (not needed when "grammar" is set) in JavaScript syntax, without slashes, at most ${MAX_PATTERN_LENGTH} characters each. The whole match is the marker highlighted for the reader. Matching ignores accents and typographic variants (’ ' « » " and non-breaking spaces) and ignores case unless caseSensitive is true. A named group (?<who>…) captures the speaker or outlet. Patterns that can backtrack catastrophically are refused.`,
  grammar:
    'Instead of patterns: the attributions the grammar finds whose source is of this kind ("named", "refers-back", "anonymous", "vague", "relay", "self", "document") take this rule\'s id, weight and wording. Copy a built-in grammar rule to change its wording or weight.',
  unless: 'Regular expressions: when one of them matches the sentence that holds the marker, the marker is not reported.',
  caseSensitive: 'Match case exactly (default false).',
  accentSensitive: 'Match accents exactly (default false).',
  inQuotes:
    '"skip" (default): a marker inside quoted speech is the speaker\'s words and is not reported. "keep": report it anyway (for markers that attribute the quote itself).',
  weight: 'Points one finding adds to (positive) or takes from (negative) the score, from -20 to 20, before diminishing returns.',
  qualifiers: 'Nuances the score reads, e.g. "bare" for an unnamed source with no description at all.',
  refersBack: 'For pronoun or role attributions ("a-t-il ajouté", "he said"): reported only after a named source, which becomes its "who".',
  whoIs:
    'A condition on the (?<who>…) group: "anyone" (default), "this-site" (it must be the outlet of the page, e.g. "TMZ has learned" on tmz.com), "other-site" (it must not be), "known-outlet" (a name the article already introduced as an outlet).',
  explanation: "One or two sentences for a reader, in the rule's language.",
  trainerNote: 'The longer explanation for a trainer: why it matters, what good practice looks like.',
  examples: 'Sentences the rule must find a marker in ("match", at least one) and must not ("noMatch"). The options page runs them live.',
  enabled: 'Set to false to ship a rule turned off.',
};

export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(packSchema, {
    io: 'input', // fields with defaults are optional when writing a pack
    target: 'draft-2020-12',
    override: (ctx) => {
      const js = ctx.jsonSchema as { properties?: Record<string, { description?: string }> };
      const fields = ctx.zodSchema === packSchema ? PACK_FIELDS : ctx.zodSchema === ruleSchema ? RULE_FIELDS : null;
      if (!fields || !js.properties) return;
      for (const [name, property] of Object.entries(js.properties)) {
        const description = fields[name];
        // A copy: zod shares one JSON object between uses of one schema (pack id and rule id).
        if (description) js.properties[name] = { ...property, description };
      }
    },
  }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://sourcier.invalid/pack.schema.json',
    title: 'Sourcier rule pack',
    description: 'A pack of sourcing rules for the Sourcier extension. Import it on the options page (Custom rules › Import a pack).',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

export function packJsonSchemaText(): string {
  return JSON.stringify(packJsonSchema(), null, 2) + '\n';
}

// `npm run schema` bundles this file and runs it with `--write`.
if (typeof process !== 'undefined' && process.argv.includes('--write')) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(JSON_SCHEMA_FILE, packJsonSchemaText());
  console.log(`wrote ${JSON_SCHEMA_FILE}`);
}
