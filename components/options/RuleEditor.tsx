// The custom rule form: every edit is validated with the same zod schema as the packs (plus the
// regex safety check), errors sit next to their field, and the rule runs live on its examples and
// on a sample text.
import { useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { SENTENCE_CATEGORIES } from '../../analyser/taxonomy';
import { PACK_SCHEMA_VERSION, describePackErrors, type Rule, type RulePack } from '../../rules/schema';
import { userPackSchema } from '../../rules/safety';
import { t, type MessageKey } from '../i18n';
import { categoryName } from '../panel/labels';
import { findWithRule, runExamples, type RuleHit } from './rule-tester';
import { localizeError } from './errors';
import { useDebounced } from './use-debounced';
import { SampleResults } from './SampleResults';

/** The form's text: lists are edited one item per line. */
export interface RuleDraft {
  id: string;
  category: string;
  lang: string;
  patterns: string;
  unless: string;
  weight: string;
  explanation: string;
  trainerNote: string;
  match: string;
  noMatch: string;
  inQuotes: string;
  caseSensitive: boolean;
}

type Field = keyof RuleDraft;

export function draftFromRule(rule: Rule): RuleDraft {
  return {
    id: rule.id,
    category: rule.category,
    lang: rule.lang,
    patterns: rule.patterns.join('\n'),
    unless: rule.unless.join('\n'),
    weight: String(rule.weight),
    explanation: rule.explanation,
    trainerNote: rule.trainerNote,
    match: rule.examples.match.join('\n'),
    noMatch: rule.examples.noMatch.join('\n'),
    inQuotes: rule.inQuotes,
    caseSensitive: rule.caseSensitive,
  };
}

export function emptyDraft(): RuleDraft {
  return {
    id: '',
    category: 'anonymous-source',
    lang: 'fr',
    patterns: '',
    unless: '',
    weight: '-3',
    explanation: '',
    trainerNote: '',
    match: '',
    noMatch: '',
    inQuotes: 'skip',
    caseSensitive: false,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The rule as the schema reads it; fields the form does not show are kept from `base`. */
export function ruleInput(draft: RuleDraft, base: Partial<Rule> = {}): Record<string, unknown> {
  const weight = draft.weight.trim() === '' ? NaN : Number(draft.weight.replace(',', '.').replace('−', '-'));
  return {
    ...base,
    id: draft.id.trim(),
    category: draft.category,
    lang: draft.lang,
    patterns: lines(draft.patterns),
    unless: lines(draft.unless),
    weight: Number.isFinite(weight) ? weight : draft.weight,
    explanation: draft.explanation.trim(),
    trainerNote: draft.trainerNote.trim(),
    examples: { match: lines(draft.match), noMatch: lines(draft.noMatch) },
    inQuotes: draft.inQuotes,
    caseSensitive: draft.caseSensitive,
  };
}

/** Maps a schema path inside the rule to the form field that shows its error. */
function fieldOf(path: PropertyKey[]): Field {
  const [first, second] = path;
  if (first === 'examples') return second === 'noMatch' ? 'noMatch' : 'match';
  const known: Field[] = ['id', 'category', 'lang', 'patterns', 'unless', 'weight', 'explanation', 'trainerNote', 'inQuotes', 'caseSensitive'];
  return known.includes(first as Field) ? (first as Field) : 'id';
}

export interface Validation {
  rule: Rule | null;
  errors: Partial<Record<Field, string[]>>;
}

/** Validates the draft as the only rule of a pack that has the user's vocabulary. */
export function validateDraft(draft: RuleDraft, vocabulary: Record<string, string>, takenIds: ReadonlySet<string>, base?: Partial<Rule>): Validation {
  const input = ruleInput(draft, base);
  const pack = { schemaVersion: PACK_SCHEMA_VERSION, id: 'draft', name: 'draft', vocabulary, rules: [input] };
  const result = userPackSchema.safeParse(pack);
  const errors: Partial<Record<Field, string[]>> = {};
  const add = (field: Field, message: string) => (errors[field] ??= []).push(message);
  if (takenIds.has(String(input.id))) add('id', t('options_editor_taken'));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [, , ...inRule] = issue.path;
      if (issue.path[0] !== 'rules') continue;
      // The message without the "rule … ›" prefix: it sits next to its field already.
      const [described] = describePackErrors({ issues: [issue] } as never, pack);
      const index = inRule.length > 1 && typeof inRule[1] === 'number' ? ` ${Number(inRule[1]) + 1}` : '';
      const text = localizeError((described ?? issue.message).replace(/^[^:]*: /, ''));
      add(fieldOf(inRule), index ? `${t('options_line')}${index}: ${text}` : text);
    }
  }
  const ok = result.success && !errors.id;
  return { rule: ok ? (result.data.rules[0] as Rule) : null, errors };
}

export interface RuleEditorProps {
  title: string;
  initial: RuleDraft;
  /** Fields of the original rule the form does not show (qualifiers, whoIs…), kept on save. */
  base?: Partial<Rule>;
  vocabulary: RulePack['vocabulary'];
  /** The words the user added to the grammar: a grammar rule is tried with them. */
  lexicon?: RulePack['lexicon'];
  /** Ids of the user's other rules (the edited one excluded). */
  takenIds: ReadonlySet<string>;
  onSave: (rule: Rule) => void | Promise<void>;
  onCancel: () => void;
  /** Milliseconds between the last keystroke and validation; 0 in tests. */
  debounceMs?: number;
}

export function RuleEditor({ title, initial, base, vocabulary, lexicon, takenIds, onSave, onCancel, debounceMs = 250 }: RuleEditorProps) {
  // A grammar rule (a copy of a built-in one) has no patterns: the attribution grammar finds its markers, and the
  // rule lends them its id, weight and wording. The form shows which kind of source it stands for instead.
  const grammar = base?.grammar;
  const triedWith = useMemo(() => ({ vocabulary, lexicon: lexicon ?? {} }), [vocabulary, lexicon]);
  const [draft, setDraft] = useState(initial);
  const [sample, setSample] = useState('');
  const [tried, setTried] = useState(false);
  // Errors show on the fields the user has changed (or all of them after a save attempt), so that a
  // new, empty rule does not open covered in red.
  const [touched, setTouched] = useState<ReadonlySet<Field>>(new Set());
  const settled = useDebounced(draft, debounceMs);
  const validation = useMemo(() => validateDraft(settled, vocabulary, takenIds, base), [settled, vocabulary, takenIds, base]);
  const examples = useMemo(() => (validation.rule ? runExamples(validation.rule, triedWith) : []), [validation.rule, triedWith]);
  const settledSample = useDebounced(sample, debounceMs);
  const sampleHits = useMemo(
    () => (validation.rule ? findWithRule(validation.rule, triedWith, settledSample) : []),
    [validation.rule, triedWith, settledSample],
  );

  const set = (field: Field) => (event: JSX.TargetedEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const target = event.currentTarget;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    setDraft((d) => ({ ...d, [field]: value }));
    setTouched((f) => (f.has(field) ? f : new Set([...f, field])));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    // Validate what is on screen now, not the debounced copy.
    const now = validateDraft(draft, vocabulary, takenIds, base);
    if (now.rule) await onSave(now.rule);
  };

  const errorsFor = (field: Field) => (tried || touched.has(field) ? (validation.errors[field] ?? []) : []);
  const describedBy = (field: Field, hint?: boolean) =>
    [hint ? `rule-${field}-hint` : '', errorsFor(field).length ? `rule-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorList = (field: Field) => {
    const errors = errorsFor(field);
    return errors.length ? (
      <ul class="field-error" id={`rule-${field}-error`}>
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    ) : null;
  };
  const textField = (field: Field, label: string, options: { multiline?: boolean; hint?: string; rows?: number; mono?: boolean } = {}) => (
    <div class="field">
      <label for={`rule-${field}`}>{label}</label>
      {options.hint ? (
        <p class="hint" id={`rule-${field}-hint`}>
          {options.hint}
        </p>
      ) : null}
      {options.multiline ? (
        <textarea
          id={`rule-${field}`}
          name={field}
          rows={options.rows ?? 3}
          class={options.mono ? 'mono' : undefined}
          spellcheck={!options.mono}
          value={draft[field] as string}
          onInput={set(field)}
          aria-invalid={errorsFor(field).length ? 'true' : undefined}
          aria-describedby={describedBy(field, !!options.hint)}
        />
      ) : (
        <input
          id={`rule-${field}`}
          name={field}
          type="text"
          class={options.mono ? 'mono' : undefined}
          value={draft[field] as string}
          onInput={set(field)}
          aria-invalid={errorsFor(field).length ? 'true' : undefined}
          aria-describedby={describedBy(field, !!options.hint)}
        />
      )}
      {errorList(field)}
    </div>
  );
  const invalid = !validation.rule;

  return (
    <form class="rule-editor" onSubmit={submit} aria-labelledby="rule-editor-title" noValidate>
      <h3 id="rule-editor-title">{title}</h3>
      <div class="editor-grid">
        <div class="editor-fields">
          {textField('id', t('options_field_id'), { hint: t('options_field_id_hint'), mono: true })}
          <div class="field-row">
            <div class="field">
              <label for="rule-category">{t('options_field_category')}</label>
              <select id="rule-category" value={draft.category} onChange={set('category')} aria-describedby={describedBy('category')}>
                {SENTENCE_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {categoryName(c)}
                  </option>
                ))}
              </select>
              {errorList('category')}
            </div>
            <div class="field">
              <label for="rule-lang">{t('options_field_lang')}</label>
              <select id="rule-lang" value={draft.lang} onChange={set('lang')}>
                <option value="fr">{t('options_lang_fr')}</option>
                <option value="en">{t('options_lang_en')}</option>
                <option value="any">{t('options_lang_any')}</option>
              </select>
            </div>
            <div class="field">
              <label for="rule-weight">{t('options_field_weight')}</label>
              <input
                id="rule-weight"
                type="number"
                min={-20}
                max={20}
                step={0.5}
                value={draft.weight}
                onInput={set('weight')}
                aria-invalid={errorsFor('weight').length ? 'true' : undefined}
                aria-describedby={describedBy('weight')}
              />
              {errorList('weight')}
            </div>
          </div>
          {grammar ? (
            <p class="grammar-note" id="rule-grammar-note">
              {t('options_grammar_rule_note', t(`options_grammar_kind_${grammar.replace('-', '_')}` as MessageKey))}
            </p>
          ) : (
            <>
              {textField('patterns', t('options_field_patterns'), { multiline: true, hint: t('options_field_patterns_hint'), mono: true })}
              {textField('unless', t('options_field_unless'), { multiline: true, rows: 2, mono: true })}
            </>
          )}
          <div class="field-row">
            <div class="field">
              <label for="rule-inQuotes">{t('options_field_inQuotes')}</label>
              <select id="rule-inQuotes" value={draft.inQuotes} onChange={set('inQuotes')}>
                <option value="skip">{t('options_inquotes_skip')}</option>
                <option value="keep">{t('options_inquotes_keep')}</option>
              </select>
            </div>
            {grammar ? null : (
              <div class="field checkbox">
                <input id="rule-caseSensitive" type="checkbox" checked={draft.caseSensitive} onChange={set('caseSensitive')} />
                <label for="rule-caseSensitive">{t('options_field_caseSensitive')}</label>
              </div>
            )}
          </div>
          {textField('explanation', t('options_field_explanation'), { multiline: true, rows: 2 })}
          {textField('trainerNote', t('options_field_trainerNote'), { multiline: true, rows: 3 })}
          {textField('match', t('options_field_match'), { multiline: true, rows: 3 })}
          {textField('noMatch', t('options_field_noMatch'), { multiline: true, rows: 2 })}
        </div>

        <section class="tester" aria-labelledby="tester-title">
          <h4 id="tester-title">{t('options_tester_heading')}</h4>
          {invalid ? <p class="hint">{t('options_tester_invalid')}</p> : null}
          <h5>{t('options_tester_examples')}</h5>
          <ul class="example-results" aria-live="polite">
            {examples.map((e, i) => (
              <li key={i} class={e.ok ? 'ok' : 'wrong'}>
                <span class="verdict">
                  {e.ok ? '✓' : '✗'} {e.expected === 'match' ? t('options_tester_expect_match') : t('options_tester_expect_nomatch')},{' '}
                  {e.ok ? t('options_tester_ok') : t('options_tester_wrong')}
                </span>
                <Sentence sentence={e.sentence} hits={e.hits} />
              </li>
            ))}
          </ul>
          <div class="field">
            <label for="rule-sample">{t('options_tester_sample')}</label>
            <p class="hint" id="rule-sample-hint">
              {t('options_tester_sample_hint')}
            </p>
            <textarea id="rule-sample" rows={5} value={sample} onInput={(e) => setSample(e.currentTarget.value)} aria-describedby="rule-sample-hint" />
          </div>
          {validation.rule && settledSample.trim() ? (
            <SampleResults
              summary={sampleHits.length ? t('options_tester_found', sampleHits.length) : t('options_tester_none')}
              items={sampleHits.map((hit, i) => ({ key: i, content: <HitInSentence hit={hit} /> }))}
            />
          ) : null}
        </section>
      </div>
      {tried && invalid ? (
        <p class="form-error" role="alert">
          {t('options_editor_invalid')}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary">
          {t('options_editor_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('options_cancel')}
        </button>
      </div>
    </form>
  );
}

/** A sentence with the rule's markers in <mark>: page text shown as text, never as HTML. */
function Sentence({ sentence, hits }: { sentence: string; hits: RuleHit[] }) {
  const parts: Array<string | JSX.Element> = [];
  let at = 0;
  for (const [i, hit] of hits.filter((h) => h.sentence === sentence || sentence.includes(h.sentence)).entries()) {
    const offset = sentence.indexOf(hit.sentence);
    const start = offset + hit.start;
    const end = offset + hit.end;
    if (start < at) continue;
    parts.push(sentence.slice(at, start), <mark key={i}>{sentence.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(sentence.slice(at));
  return <q class="sentence">{parts}</q>;
}

function HitInSentence({ hit }: { hit: RuleHit }) {
  return (
    <>
      <q class="sentence">
        {hit.sentence.slice(0, hit.start)}
        <mark>{hit.sentence.slice(hit.start, hit.end)}</mark>
        {hit.sentence.slice(hit.end)}
      </q>
      {hit.who ? <span class="who"> — {t('options_tester_who', hit.who)}</span> : null}
    </>
  );
}
