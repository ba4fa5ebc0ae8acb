// Validation messages in the options page's language. The pack schema's own messages are English
// (they also serve the CLI and hand-written packs); here the known ones are matched and shown in
// the UI language, and zod's generic messages come from zod's locale.
import { z } from 'zod';
import fr from 'zod/v4/locales/fr.js';
import { t, uiLang, type MessageKey } from '../i18n';

/** Switches zod's generic messages ("Too big: …") to the UI language. Call once at start-up. */
export function localizeZodMessages(lang = uiLang()): void {
  if (lang === 'fr') z.config(fr());
}

// The English messages of rules/schema.ts and rules/safety.ts, and their message keys.
const KNOWN: Array<[RegExp, MessageKey]> = [
  [/^use lower-case letters, digits and dashes/, 'options_err_id'],
  [/^a pattern cannot be empty$/, 'options_err_empty_pattern'],
  [/^a rule needs at least one pattern$/, 'options_err_no_pattern'],
  [/^not a valid regular expression: (.*)$/, 'options_err_regex'],
  [/^unknown vocabulary entry (\{\{.*\}\})$/, 'options_err_vocabulary'],
  [/^vocabulary references nest too deep/, 'options_err_vocabulary_loop'],
  [/^explain the rule to a reader in a sentence$/, 'options_err_explanation'],
  [/^give the trainer a longer explanation$/, 'options_err_trainer_note'],
  [/^give at least one sentence the rule must match$/, 'options_err_match'],
  [/^duplicate rule id "(.*)"$/, 'options_err_duplicate'],
  [/^this pattern can backtrack catastrophically[^(]*(?:\(by (.*?)\))?\./, 'options_err_catastrophic'],
  [/^pattern too complex to prove safe/, 'options_err_too_complex'],
  [/^pattern too long(?: once vocabulary is expanded)? \((\d+) characters, at most (\d+)\)$/, 'options_err_too_long'],
  [/^the safety checker cannot read this pattern/, 'options_err_unsupported'],
  [/^write the word or phrase itself/, 'options_err_lexicon_word'],
  [/^an entry needs at least one letter$/, 'options_err_lexicon_letter'],
  [/^give the verb by its infinitive/, 'options_err_lexicon_infinitive'],
];

/** The message in the UI language when it is a known one, else as it is. */
export function localizeError(message: string): string {
  for (const [pattern, key] of KNOWN) {
    const m = pattern.exec(message);
    if (m) return t(key, ...m.slice(1).map((s) => s ?? ''));
  }
  return message;
}
