// Sourcier's options page: categories and rules on and off, category weights, sites analysed
// automatically, the user's own rules (editor with live tester, import with preview, export).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SENTENCE_CATEGORIES, type Category } from '../../analyser/taxonomy';
import { builtinPacks } from '../../rules/builtin';
import type { Rule, RulePack } from '../../rules/schema';
import { parseUserPack } from '../../rules/safety';
import {
  clearBackups,
  defaultSettings,
  listBackups,
  settingsRecord,
  StorageSaveError,
  userRulesRecord,
  watchStoredOptions,
  type Backup,
  type StoredSettings,
  type StoredUserRules,
} from '../../extension/storage';
import { addAutoSite, listAutoSites, originPatternFor, removeAutoSite } from '../../extension/auto-sites';
import { t } from '../i18n';
import { categoryName } from '../panel/labels';
import { deleteRule, duplicateRule, exportPack, overrideFromBuiltin, previewImport, upsertRule, type ImportPreview } from './packs';
import { RuleEditor, draftFromRule, emptyDraft, type RuleDraft } from './RuleEditor';
import { localizeError } from './errors';
import { LexiconEditor } from './LexiconEditor';
import { lexiconEntries, listKey } from './lexicon';

const builtinRules = new Map<string, { rule: Rule; pack: RulePack }>();
for (const pack of builtinPacks) for (const rule of pack.rules) builtinRules.set(rule.id, { rule, pack });
const builtinIds: ReadonlySet<string> = new Set(builtinRules.keys());

/** Largest pack file read on import. */
const MAX_IMPORT_BYTES = 2_000_000;

type Notice = { kind: 'ok' | 'error'; text: string } | null;

interface Editing {
  title: string;
  initial: RuleDraft;
  base?: Partial<Rule>;
  previousId: string | null;
  vocabulary: Record<string, string>;
}

function saveErrorText(error: unknown): string {
  if (error instanceof StorageSaveError && error.quota) return t('options_save_quota');
  return t('options_save_failed', error instanceof Error ? error.message : String(error));
}

function download(filename: string, data: unknown) {
  const blob = new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export interface OptionsPageProps {
  /** Validation delay in the rule editor (0 in tests). */
  debounceMs?: number;
}

export function OptionsPage({ debounceMs }: OptionsPageProps) {
  const [settings, setSettings] = useState<StoredSettings | null>(null);
  const [userRules, setUserRules] = useState<StoredUserRules | null>(null);
  const [backups, setBackups] = useState<Backup[]>([]);
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<Editing | null>(null);

  // A confirmation fades after a while; an error stays until the next action.
  useEffect(() => {
    if (notice?.kind !== 'ok') return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const load = useCallback(async () => {
    // The options page is where unreadable values are set aside (and said so).
    const [s, r, b] = await Promise.all([settingsRecord.read({ recover: true }), userRulesRecord.read({ recover: true }), listBackups()]);
    setSettings(s.value);
    setUserRules(r.value);
    setBackups(b);
  }, []);

  useEffect(() => {
    void load();
    // Changes from another tab or device show up here too.
    return watchStoredOptions(() => void load());
  }, [load]);

  const saveSettings = async (next: StoredSettings, done?: string) => {
    try {
      setSettings(await settingsRecord.write(next));
      setNotice({ kind: 'ok', text: done ?? t('options_saved') });
      return true;
    } catch (e) {
      setNotice({ kind: 'error', text: saveErrorText(e) });
      // Show what is really saved.
      setSettings((await settingsRecord.read()).value);
      return false;
    }
  };

  const saveRules = async (pack: RulePack, done: string) => {
    if (!userRules) return false;
    // Same gate as an import: the schema and the safety check, on the whole pack.
    const checked = parseUserPack(pack);
    if (!checked.ok) {
      setNotice({ kind: 'error', text: t('options_save_failed', checked.errors.join('; ')) });
      return false;
    }
    try {
      setUserRules(await userRulesRecord.write({ ...userRules, pack: checked.pack }));
      setNotice({ kind: 'ok', text: done });
      return true;
    } catch (e) {
      setNotice({ kind: 'error', text: saveErrorText(e) });
      return false;
    }
  };

  const loaded = !!settings && !!userRules;
  useEffect(() => {
    // Opened at a section (the panel's "Choose sites analysed automatically" opens #sites): the browser could not
    // scroll to it on load, since the sections appear only once the settings are read.
    if (!loaded || location.hash.length < 2) return;
    document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
  }, [loaded]);

  if (!settings || !userRules) {
    return (
      <main class="options">
        <p role="status">{t('options_loading')}</p>
      </main>
    );
  }

  const pack = userRules.pack;
  const userIds = new Set(pack.rules.map((r) => r.id));

  const startEdit = (rule: Rule | null, vocabulary = pack.vocabulary, title?: string) =>
    setEditing({
      title: title ?? (rule ? t('options_editor_edit', rule.id) : t('options_editor_new')),
      initial: rule ? draftFromRule(rule) : emptyDraft(),
      base: rule ?? undefined,
      previousId: rule && userIds.has(rule.id) ? rule.id : null,
      vocabulary,
    });

  const startOverride = (id: string) => {
    const mine = pack.rules.find((r) => r.id === id);
    if (mine) return startEdit(mine, pack.vocabulary, t('options_editor_override', id));
    const builtin = builtinRules.get(id)!;
    const copy = overrideFromBuiltin(pack, builtin.rule, builtin.pack);
    startEdit(copy.rule, copy.vocabulary, t('options_editor_override', id));
  };

  return (
    <main class="options">
      <header class="page-header">
        <h1>{t('options_title')}</h1>
        <p>{t('options_intro')}</p>
        <nav aria-label={t('options_nav_label')}>
          <ul>
            <li>
              <a href="#categories">{t('options_categories_heading')}</a>
            </li>
            <li>
              <a href="#my-rules">{t('options_rules_heading')}</a>
            </li>
            <li>
              <a href="#lexicon">{t('options_lexicon_heading')}</a>
            </li>
            <li>
              <a href="#sites">{t('options_sites_heading')}</a>
            </li>
          </ul>
        </nav>
      </header>

      {backups.length ? (
        <div class="banner warning" role="alert">
          <h2>{t('options_recovered_title')}</h2>
          <p>{t('options_recovered_text')}</p>
          <div class="actions">
            <button type="button" onClick={() => download('sourcier-unreadable-settings.json', backups)}>
              {t('options_recovered_download')}
            </button>
            <button
              type="button"
              onClick={async () => {
                await clearBackups();
                setBackups([]);
              }}
            >
              {t('options_recovered_dismiss')}
            </button>
          </div>
        </div>
      ) : null}

      <div class={`notice ${notice?.kind ?? ''}`} role={notice?.kind === 'error' ? 'alert' : 'status'}>
        {notice?.text ?? ''}
      </div>

      <Categories
        settings={settings}
        pack={pack}
        onChange={saveSettings}
        onOverride={startOverride}
        onResetOverride={(id) => saveRules(deleteRule(pack, id), t('options_saved'))}
      />

      <section id="my-rules" aria-labelledby="my-rules-title">
        <h2 id="my-rules-title">{t('options_rules_heading')}</h2>
        <p>{t('options_rules_intro')}</p>
        {editing ? (
          <RuleEditor
            key={editing.title + (editing.previousId ?? '')}
            title={editing.title}
            initial={editing.initial}
            base={editing.base}
            vocabulary={editing.vocabulary}
            lexicon={pack.lexicon}
            takenIds={new Set([...userIds].filter((id) => id !== editing.previousId))}
            debounceMs={debounceMs}
            onCancel={() => setEditing(null)}
            onSave={async (rule) => {
              const next = upsertRule({ ...pack, vocabulary: editing.vocabulary }, rule, editing.previousId ?? rule.id);
              if (await saveRules(next, t('options_editor_saved', rule.id))) setEditing(null);
            }}
          />
        ) : (
          <>
            {pack.rules.length ? (
              <ul class="rule-list">
                {pack.rules.map((rule) => (
                  <li key={rule.id}>
                    <span class="rule-id">{rule.id}</span>
                    <span class="badge">{builtinIds.has(rule.id) ? t('options_rule_overridden') : t('options_rule_custom')}</span>
                    <span class="muted">{categoryName(rule.category)}</span>
                    <span class="row-actions">
                      <button type="button" aria-label={t('options_rules_edit_label', rule.id)} onClick={() => startEdit(rule)}>
                        {t('options_rules_edit')}
                      </button>
                      <button
                        type="button"
                        aria-label={t('options_rules_duplicate_label', rule.id)}
                        onClick={() => {
                          const copy = duplicateRule(pack, rule.id, new Set([...userIds, ...builtinIds]));
                          if (copy) void saveRules(copy.pack, t('options_editor_saved', copy.rule.id));
                        }}
                      >
                        {t('options_rules_duplicate')}
                      </button>
                      <button
                        type="button"
                        class="danger"
                        aria-label={t('options_rules_delete_label', rule.id)}
                        onClick={() => void saveRules(deleteRule(pack, rule.id), t('options_rules_deleted', rule.id))}
                      >
                        {t('options_rules_delete')}
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">{t('options_rules_empty')}</p>
            )}
            <div class="actions">
              <button type="button" class="primary" onClick={() => startEdit(null)}>
                {t('options_rules_new')}
              </button>
              <button
                type="button"
                disabled={!pack.rules.length && !lexiconEntries(pack.lexicon).length}
                onClick={() => download(`sourcier-rules-${new Date().toISOString().slice(0, 10)}.json`, exportPack(pack))}
              >
                {t('options_rules_export')}
              </button>
            </div>
            <ImportPack
              user={pack}
              onConfirm={(merged, count, words) =>
                saveRules(merged, words ? `${t('options_import_done', count)} ${t('options_import_words_done', words)}` : t('options_import_done', count))
              }
            />
          </>
        )}
      </section>

      <LexiconEditor pack={pack} debounceMs={debounceMs} onSave={(lexicon, done) => saveRules({ ...pack, lexicon }, done)} />

      <AutoSites onNotice={setNotice} />

      <ResetSettings onReset={() => saveSettings({ ...defaultSettings(), savedAt: settings.savedAt }, t('options_reset_done'))} />
    </main>
  );
}

interface CategoriesProps {
  settings: StoredSettings;
  pack: RulePack;
  onChange: (next: StoredSettings) => Promise<boolean>;
  onOverride: (id: string) => void;
  onResetOverride: (id: string) => void;
}

function Categories({ settings, pack, onChange, onOverride, onResetOverride }: CategoriesProps) {
  const off = new Set(settings.disabledCategories);
  const offRules = new Set(settings.disabledRules);
  const userById = new Map(pack.rules.map((r) => [r.id, r]));
  // Rules in force per category: built-in ones (overridden or not), then the user's own.
  const byCategory = useMemo(() => {
    const map = new Map<Category, Array<{ rule: Rule; origin: 'builtin' | 'overridden' | 'custom' }>>();
    const push = (c: Category, entry: { rule: Rule; origin: 'builtin' | 'overridden' | 'custom' }) => map.set(c, [...(map.get(c) ?? []), entry]);
    for (const { rule } of builtinRules.values()) {
      const mine = userById.get(rule.id);
      push((mine ?? rule).category, { rule: mine ?? rule, origin: mine ? 'overridden' : 'builtin' });
    }
    for (const rule of pack.rules) if (!builtinIds.has(rule.id)) push(rule.category, { rule, origin: 'custom' });
    return map;
  }, [pack]);

  const setCategory = (c: Category, on: boolean) =>
    onChange({ ...settings, disabledCategories: on ? settings.disabledCategories.filter((x) => x !== c) : [...settings.disabledCategories, c] });
  const setRule = (id: string, on: boolean) =>
    onChange({ ...settings, disabledRules: on ? settings.disabledRules.filter((x) => x !== id) : [...settings.disabledRules, id] });
  const setWeight = (c: Category, value: number) => {
    if (!Number.isFinite(value)) return;
    const weight = Math.round(Math.min(2, Math.max(0, value)) * 100) / 100;
    const categoryWeights = { ...settings.categoryWeights };
    if (weight === 1) delete categoryWeights[c];
    else categoryWeights[c] = weight;
    void onChange({ ...settings, categoryWeights });
  };

  return (
    <section id="categories" aria-labelledby="categories-title">
      <h2 id="categories-title">{t('options_categories_heading')}</h2>
      <p>{t('options_categories_intro')}</p>
      <ul class="categories">
        {SENTENCE_CATEGORIES.map((c) => {
          const name = categoryName(c);
          const weight = settings.categoryWeights[c] ?? 1;
          const rules = byCategory.get(c) ?? [];
          return (
            <li key={c} class={`category cat-${c}`}>
              <div class="category-head">
                <input id={`cat-${c}`} type="checkbox" checked={!off.has(c)} onChange={(e) => void setCategory(c, e.currentTarget.checked)} />
                <label for={`cat-${c}`} class="category-name">
                  {name}
                </label>
              </div>
              <div class="weight">
                <label for={`weight-${c}`}>{t('options_category_weight', name)}</label>
                {/* Saved on change (release), not on every input: sync storage limits writes per minute. */}
                <input
                  id={`weight-${c}`}
                  type="range"
                  min={0}
                  max={2}
                  step={0.1}
                  value={weight}
                  disabled={off.has(c)}
                  onChange={(e) => setWeight(c, Number(e.currentTarget.value))}
                />
                <input
                  type="number"
                  class="weight-value"
                  aria-label={t('options_category_weight_value', name)}
                  min={0}
                  max={2}
                  step={0.1}
                  value={weight}
                  disabled={off.has(c)}
                  onChange={(e) => setWeight(c, Number(e.currentTarget.value))}
                />
              </div>
              <details>
                <summary>{t('options_category_rules', rules.length)}</summary>
                <ul class="rules">
                  {rules.map(({ rule, origin }) => (
                    <li key={rule.id}>
                      <input
                        id={`rule-on-${rule.id}`}
                        type="checkbox"
                        checked={!offRules.has(rule.id)}
                        aria-label={t('options_rule_enabled', rule.id)}
                        onChange={(e) => void setRule(rule.id, e.currentTarget.checked)}
                      />
                      <label for={`rule-on-${rule.id}`}>
                        <span class="rule-id">{rule.id}</span> <span class="muted">{rule.explanation}</span>
                      </label>
                      <span class="badge">
                        {origin === 'builtin' ? t('options_rule_builtin') : origin === 'overridden' ? t('options_rule_overridden') : t('options_rule_custom')}
                      </span>
                      {origin === 'builtin' ? (
                        <button type="button" aria-label={t('options_rule_override_label', rule.id)} onClick={() => onOverride(rule.id)}>
                          {t('options_rule_override')}
                        </button>
                      ) : null}
                      {origin === 'overridden' ? (
                        <button type="button" aria-label={t('options_rule_reset_override_label', rule.id)} onClick={() => onResetOverride(rule.id)}>
                          {t('options_rule_reset_override')}
                        </button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ResetSettings({ onReset }: { onReset: () => Promise<boolean> }) {
  const [asking, setAsking] = useState(false);
  return (
    <section aria-labelledby="reset-title">
      <h2 id="reset-title">{t('options_reset_heading')}</h2>
      <p id="reset-text">{t('options_reset_text')}</p>
      {asking ? (
        <div class="actions">
          <button
            type="button"
            class="danger"
            onClick={async () => {
              await onReset();
              setAsking(false);
            }}
          >
            {t('options_reset_confirm')}
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            {t('options_cancel')}
          </button>
        </div>
      ) : (
        <button type="button" aria-describedby="reset-text" onClick={() => setAsking(true)}>
          {t('options_reset_button')}
        </button>
      )}
    </section>
  );
}

function AutoSites({ onNotice }: { onNotice: (n: Notice) => void }) {
  const [sites, setSites] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => listAutoSites().then(setSites, () => setSites([])), []);
  useEffect(() => void refresh(), [refresh]);

  const add = async (event: Event) => {
    event.preventDefault();
    const origin = originPatternFor(input);
    if (!origin) {
      setError(t('options_sites_invalid'));
      return;
    }
    setError(null);
    // No await before this call: the permission prompt needs the click's user gesture.
    const added = await addAutoSite(origin).catch(() => false);
    if (!added) {
      setError(t('options_sites_refused'));
      return;
    }
    setInput('');
    onNotice({ kind: 'ok', text: t('options_sites_added') });
    await refresh();
  };

  return (
    <section id="sites" aria-labelledby="sites-title">
      <h2 id="sites-title">{t('options_sites_heading')}</h2>
      <p>{t('options_sites_intro')}</p>
      {sites.length ? (
        <ul class="sites">
          {sites.map((site) => (
            <li key={site}>
              <span class="mono">{site.replace(/\/\*$/, '')}</span>
              <button
                type="button"
                aria-label={t('options_sites_remove_label', site)}
                onClick={async () => {
                  await removeAutoSite(site);
                  onNotice({ kind: 'ok', text: t('options_sites_removed') });
                  await refresh();
                }}
              >
                {t('options_sites_remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('options_sites_empty')}</p>
      )}
      <form class="inline-form" onSubmit={add} noValidate>
        <div class="field">
          <label for="site-input">{t('options_sites_add_label')}</label>
          <p class="hint" id="site-hint">
            {t('options_sites_add_hint')}
          </p>
          <input
            id="site-input"
            type="url"
            inputMode="url"
            value={input}
            onInput={(e) => setInput(e.currentTarget.value)}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'site-hint site-error' : 'site-hint'}
          />
          {error ? (
            <p class="field-error" id="site-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit">{t('options_sites_add')}</button>
      </form>
    </section>
  );
}

function ImportPack({ user, onConfirm }: { user: RulePack; onConfirm: (merged: RulePack, count: number, words: number) => Promise<boolean> }) {
  const [errors, setErrors] = useState<string[] | null>(null);
  const [preview, setPreview] = useState<{ name: string; preview: ImportPreview } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reset = () => {
    setPreview(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const read = async (file: File | undefined) => {
    setErrors(null);
    setPreview(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setErrors([t('options_import_too_big')]);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      return setErrors([t('options_import_not_json', (e as Error).message)]);
    }
    const result = parseUserPack(json);
    // Where the error is (rule id, field) stays as written in the file; the message is translated.
    if (!result.ok)
      return setErrors(result.errors.map((e) => e.replace(/^(.*?: )(.*)$/s, (_, where: string, message: string) => where + localizeError(message))));
    setPreview({ name: result.pack.name, preview: previewImport(user, result.pack, builtinIds) });
  };

  const list = (rules: Rule[]) => (
    <ul>
      {rules.map((r) => (
        <li key={r.id}>
          <span class="rule-id">{r.id}</span> <span class="muted">({categoryName(r.category)})</span>
        </li>
      ))}
    </ul>
  );

  return (
    <div class="import">
      <label for="import-file" class="file-label">
        {t('options_rules_import')}
      </label>
      <p class="hint" id="import-hint">
        {t('options_rules_import_hint')}
      </p>
      <input
        id="import-file"
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        aria-describedby={errors ? 'import-hint import-errors' : 'import-hint'}
        onChange={(e) => void read(e.currentTarget.files?.[0])}
      />
      {errors ? (
        <div class="banner error" id="import-errors" role="alert">
          <p>{t('options_import_invalid')}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i} class="mono">
                {e}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview ? (
        <div class="banner preview" role="region" aria-labelledby="import-preview-title">
          <h3 id="import-preview-title">{t('options_import_preview', preview.name)}</h3>
          <p>{t('options_import_nothing_saved')}</p>
          {preview.preview.added.length ? (
            <div class="import-added">
              <h4>{t('options_import_added', preview.preview.added.length)}</h4>
              {list(preview.preview.added)}
            </div>
          ) : null}
          {preview.preview.replaced.length ? (
            <div class="import-replaced">
              <h4>{t('options_import_replaced', preview.preview.replaced.length)}</h4>
              {list(preview.preview.replaced)}
            </div>
          ) : null}
          {preview.preview.overrides.length ? (
            <div class="import-overrides">
              <h4>{t('options_import_overrides', preview.preview.overrides.length)}</h4>
              {list(preview.preview.overrides)}
            </div>
          ) : null}
          {preview.preview.words.length ? (
            <div class="import-words">
              <h4>{t('options_import_words', preview.preview.words.length)}</h4>
              <ul>
                {preview.preview.words.map((w) => (
                  <li key={`${w.lang}|${w.list}|${w.word}`}>
                    <span lang={w.lang}>{w.word}</span>{' '}
                    <span class="muted">
                      ({t(listKey(w.list))}, {t(w.lang === 'fr' ? 'options_lang_fr' : 'options_lang_en')})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {preview.preview.renamed.length ? <p>{t('options_import_renamed', preview.preview.renamed.map(([a, b]) => `${a} → ${b}`).join(', '))}</p> : null}
          <div class="actions">
            <button
              type="button"
              class="primary"
              onClick={async () => {
                const count = preview.preview.added.length + preview.preview.replaced.length + preview.preview.overrides.length;
                const words = preview.preview.words.length;
                if (await onConfirm(preview.preview.merged, count, words)) reset();
              }}
            >
              {t('options_import_confirm')}
            </button>
            <button type="button" onClick={reset}>
              {t('options_cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
