// "Words the grammar knows": a trainer adds a verb, an outlet, a role, a title… to the attribution grammar's word
// lists, sees and removes the words they added, and tries them live on a sample sentence. The words are saved in
// the user's pack (its `lexicon` field, checked by the pack schema), so they are exported and imported with it.
import { useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { analyseText } from '../../analyser';
import { EXTENSIBLE_LISTS, type ExtensibleList } from '../../analyser/attribution/lists';
import type { Finding } from '../../analyser/report';
import { packSchema, type RulePack } from '../../rules/schema';
import { t, type MessageKey } from '../i18n';
import { categoryName } from '../panel/labels';
import { localizeError } from './errors';
import { addWords, lexiconEntries, listKey, removeWord, typedWords, wordKey, LEXICON_LANGS, type LexiconLang, type PackLexicon } from './lexicon';
import { useDebounced } from './use-debounced';
import { SampleResults } from './SampleResults';

export interface LexiconEditorProps {
  pack: RulePack;
  /** Saves the pack with this lexicon; resolves to whether it was saved. */
  onSave: (lexicon: PackLexicon, done: string) => Promise<boolean>;
  /** Delay between the last keystroke and the live check and tester; 0 in tests. */
  debounceMs?: number;
}

const listName = (list: ExtensibleList) => t(listKey(list));
const langName = (lang: LexiconLang) => t(lang === 'fr' ? 'options_lang_fr' : 'options_lang_en');

/** The problems of the typed words, one line each, as the pack schema finds them once they join the list. */
function problemsOf(pack: RulePack, lang: LexiconLang, list: ExtensibleList, text: string): string[] {
  const words = typedWords(text);
  if (!words.length) return [];
  const candidate = addWords(pack.lexicon, lang, list, words).lexicon;
  const result = packSchema.safeParse({ ...pack, lexicon: candidate });
  if (result.success) return [];
  const inList = candidate[lang]?.[list] ?? [];
  const lines = text.split('\n').map((l) => l.trim());
  const out: string[] = [];
  for (const issue of result.error.issues) {
    const [field, l, name, index] = issue.path;
    if (field !== 'lexicon' || l !== lang || name !== list || typeof index !== 'number') continue;
    const word = inList[index] ?? '';
    out.push(t('options_lexicon_line', lines.indexOf(word) + 1, word, localizeError(issue.message)));
  }
  return out;
}

export function LexiconEditor({ pack, onSave, debounceMs = 250 }: LexiconEditorProps) {
  const [lang, setLang] = useState<LexiconLang>('fr');
  const [list, setList] = useState<ExtensibleList>('speech-verbs');
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const [status, setStatus] = useState('');
  const [sample, setSample] = useState('');
  const settledText = useDebounced(text, debounceMs);
  const problems = useMemo(() => problemsOf(pack, lang, list, settledText), [pack, lang, list, settledText]);
  const empty = tried && !typedWords(text).length;
  const errors = empty ? [t('options_lexicon_nothing')] : problems;

  const add = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    setStatus('');
    const words = typedWords(text);
    // What is on screen now, not the debounced check.
    if (!words.length || problemsOf(pack, lang, list, text).length) return;
    const { lexicon, added, known } = addWords(pack.lexicon, lang, list, words);
    const knownText = known.length ? t('options_lexicon_known', known.join(', ')) : '';
    if (added.length && !(await onSave(lexicon, t('options_lexicon_added', added.join(', '))))) return;
    setText('');
    setTried(false);
    setStatus(knownText);
  };

  const entries = lexiconEntries(pack.lexicon);
  const yours = useMemo(() => new Set(lexiconEntries(pack.lexicon).map((e) => `${e.lang}|${wordKey(e.word)}`)), [pack.lexicon]);
  const settledSample = useDebounced(sample, debounceMs);
  const found = useMemo(() => {
    if (!settledSample.trim()) return [];
    // Only what the grammar finds (it traces each finding): the rules' own patterns are another matter.
    return analyseText(settledSample, lang, { packs: [pack] }).findings.filter((f) => f.trace);
  }, [settledSample, lang, pack]);
  const isYours = (entry: string | undefined) => !!entry && yours.has(`${lang}|${wordKey(entry)}`);

  const describedBy = ['lexicon-list-hint', errors.length ? 'lexicon-words-error' : ''].filter(Boolean).join(' ');
  const onLang = (e: JSX.TargetedEvent<HTMLSelectElement>) => {
    setLang(e.currentTarget.value as LexiconLang);
    setStatus('');
  };
  const onList = (e: JSX.TargetedEvent<HTMLSelectElement>) => {
    setList(e.currentTarget.value as ExtensibleList);
    setStatus('');
  };

  return (
    <section id="lexicon" aria-labelledby="lexicon-title">
      <h2 id="lexicon-title">{t('options_lexicon_heading')}</h2>
      <p>{t('options_lexicon_intro')}</p>
      <div class="lexicon-grid">
        <div>
          <form class="lexicon-form" onSubmit={add} noValidate aria-labelledby="lexicon-title">
            <div class="field-row">
              <div class="field">
                <label for="lexicon-lang">{t('options_lexicon_lang')}</label>
                <select id="lexicon-lang" value={lang} onChange={onLang}>
                  {LEXICON_LANGS.map((l) => (
                    <option key={l} value={l}>
                      {langName(l)}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="lexicon-list">{t('options_lexicon_list')}</label>
                <select id="lexicon-list" value={list} onChange={onList} aria-describedby="lexicon-list-hint">
                  {EXTENSIBLE_LISTS.map((l) => (
                    <option key={l} value={l}>
                      {listName(l)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <p class="hint" id="lexicon-list-hint">
              {t(`${listKey(list)}_hint` as MessageKey)}
            </p>
            <div class="field">
              <label for="lexicon-words">{t('options_lexicon_entries')}</label>
              <textarea
                id="lexicon-words"
                rows={3}
                lang={lang}
                value={text}
                onInput={(e) => {
                  setText(e.currentTarget.value);
                  setStatus('');
                }}
                aria-invalid={errors.length ? 'true' : undefined}
                aria-describedby={describedBy}
              />
              {errors.length ? (
                <ul class="field-error" id="lexicon-words-error">
                  {errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              ) : null}
            </div>
            <div class="actions">
              <button type="submit">{t('options_lexicon_add')}</button>
            </div>
            <p class="hint" role="status">
              {status}
            </p>
          </form>

          <h3 id="lexicon-yours-title">{t('options_lexicon_yours')}</h3>
          {entries.length ? (
            <ul class="lexicon-words" aria-labelledby="lexicon-yours-title">
              {entries.map((e) => (
                <li key={`${e.lang}|${e.list}|${e.word}`}>
                  <span class="word" lang={e.lang}>
                    {e.word}
                  </span>{' '}
                  <span class="muted">
                    {listName(e.list)} · {langName(e.lang)}
                  </span>
                  <button
                    type="button"
                    aria-label={t('options_lexicon_remove_label', e.word, listName(e.list), langName(e.lang))}
                    onClick={() => void onSave(removeWord(pack.lexicon, e.lang, e.list, e.word), t('options_lexicon_removed', e.word))}
                  >
                    {t('options_lexicon_remove')}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('options_lexicon_yours_empty')}</p>
          )}
        </div>

        <section class="tester" aria-labelledby="lexicon-tester-title">
          <h3 id="lexicon-tester-title">{t('options_lexicon_tester_heading')}</h3>
          <div class="field">
            <label for="lexicon-sample">{t('options_lexicon_sample')}</label>
            <p class="hint" id="lexicon-sample-hint">
              {t('options_lexicon_sample_hint')}
            </p>
            <textarea
              id="lexicon-sample"
              rows={4}
              lang={lang}
              value={sample}
              onInput={(e) => setSample(e.currentTarget.value)}
              aria-describedby="lexicon-sample-hint"
            />
          </div>
          {settledSample.trim() ? (
            <SampleResults
              className="lexicon-results"
              summary={found.length ? t('options_lexicon_found', found.length) : t('options_lexicon_none')}
              items={found.map((f) => ({ key: f.id, content: <GrammarFinding finding={f} isYours={isYours} /> }))}
            />
          ) : null}
        </section>
      </div>
    </section>
  );
}

/** The list an entry of a trace comes from (`roles: maire`), named for the reader when it is one a pack extends. */
function traceEntry(source: string): { list: string; entry: string } {
  const at = source.indexOf(': ');
  if (at < 0) return { list: '', entry: source };
  const list = source.slice(0, at);
  const entry = source.slice(at + 2);
  return { list: (EXTENSIBLE_LISTS as readonly string[]).includes(list) ? listName(list as ExtensibleList) : list, entry };
}

function frameName(frame: string): string {
  const key = `options_frame_${frame.replace(/-/g, '_')}` as MessageKey;
  const name = t(key);
  return name === key ? frame : name;
}

/** One grammar finding: its category, the marker in its sentence (page text as text), its source, construction and cue. */
function GrammarFinding({ finding: f, isYours }: { finding: Finding; isYours: (entry: string | undefined) => boolean }) {
  const start = f.start - f.sentenceStart;
  const end = f.end - f.sentenceStart;
  const trace = f.trace!;
  const source = trace.source ? traceEntry(trace.source) : null;
  const yours = <span class="badge">{t('options_lexicon_yours_badge')}</span>;
  return (
    <>
      <span class={`category-name cat-${f.category}`}>{categoryName(f.category)}</span>{' '}
      <q class="sentence">
        {f.sentence.slice(0, start)}
        <mark>{f.sentence.slice(start, end)}</mark>
        {f.sentence.slice(end)}
      </q>
      <ul class="trace">
        {f.who ? <li>{t('options_lexicon_trace_source', f.who)}</li> : null}
        <li>{t('options_lexicon_trace_frame', frameName(trace.frame))}</li>
        <li>
          {t('options_lexicon_trace_cue', trace.cue)} {isYours(trace.cue) ? yours : null}
        </li>
        {source ? (
          <li>
            {t('options_lexicon_trace_kind', source.list ? `${source.entry} (${source.list})` : source.entry)} {isYours(source.entry) ? yours : null}
          </li>
        ) : null}
      </ul>
    </>
  );
}
