// The findings grouped by category. One tab stop for the whole list (roving tabindex): ↑ ↓ Home End
// move between findings, Enter or a click shows the finding in the page, T opens the trainer's note,
// and N / P (anywhere in the panel) jump to the next / previous red flag in reading order and show
// it in the page — so a trainer can walk a class through an article's red flags.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { reportLangOf, type Finding, type Report } from '../../analyser/report';
import { SENTENCE_CATEGORIES } from '../../analyser/taxonomy';
import { t } from '../i18n';
import { CategoryIcon, FlagIcon } from './CategoryIcon';
import { categoryName, qualifierName } from './labels';
import { inReadingOrder } from './red-flags';

interface FindingListProps {
  report: Report;
  redFlags: ReadonlySet<string>;
  onShowFinding(findingId: string): void;
  announce(message: string): void;
}

/** The sentence cut around its marker; null when the marker cannot be found in it. */
export function splitSentence(finding: Finding): [string, string, string] | null {
  const { sentence, text } = finding;
  if (!text) return null;
  const fromOffsets = finding.start - finding.sentenceStart;
  const at = fromOffsets >= 0 && sentence.slice(fromOffsets, fromOffsets + text.length) === text ? fromOffsets : sentence.indexOf(text);
  if (at < 0) return null;
  return [sentence.slice(0, at), text, sentence.slice(at + text.length)];
}

/** Keys typed into a text field are the reader's, not shortcuts. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  return target.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((target as HTMLInputElement).type);
}

export function FindingList({ report, redFlags, onShowFinding, announce }: FindingListProps) {
  const groups = useMemo(
    () =>
      SENTENCE_CATEGORIES.map((category) => ({ category, findings: inReadingOrder(report.findings.filter((f) => f.category === category)) })).filter(
        (group) => group.findings.length > 0,
      ),
    [report],
  );
  const listOrder = useMemo(() => groups.flatMap((g) => g.findings), [groups]);
  const redFlagOrder = useMemo(() => inReadingOrder(report.findings.filter((f) => redFlags.has(f.id))), [report, redFlags]);
  const [activeId, setActiveIdState] = useState<string | null>(listOrder[0]?.id ?? null);
  // Read by the key handlers: a focus change is known to them before the re-render.
  const activeRef = useRef(activeId);
  const setActiveId = (id: string | null) => {
    activeRef.current = id;
    setActiveIdState(id);
  };
  const [openNotes, setOpenNotes] = useState<ReadonlySet<string>>(new Set());
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  // A new report (another tab, a refresh) starts again at its first finding.
  useEffect(() => {
    setActiveId(listOrder[0]?.id ?? null);
    setOpenNotes(new Set());
  }, [listOrder]);

  const focusFinding = (id: string) => {
    setActiveId(id);
    buttons.current.get(id)?.focus();
  };

  const toggleNote = (id: string) =>
    setOpenNotes((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const jumpToRedFlag = (direction: 1 | -1) => {
    const total = redFlagOrder.length;
    if (total === 0) {
      announce(t('panelNoRedFlags'));
      return;
    }
    const current = report.findings.find((f) => f.id === activeRef.current);
    let index: number;
    const here = current ? redFlagOrder.findIndex((f) => f.id === current.id) : -1;
    if (here >= 0) index = (here + direction + total) % total;
    else if (!current) index = direction === 1 ? 0 : total - 1;
    else if (direction === 1)
      index = Math.max(
        0,
        redFlagOrder.findIndex((f) => f.start > current.start),
      );
    else {
      const before = redFlagOrder.filter((f) => f.start < current.start).length;
      index = before > 0 ? before - 1 : total - 1;
    }
    const target = redFlagOrder[index]!;
    focusFinding(target.id);
    onShowFinding(target.id);
    announce(t('panelRedFlagPosition', index + 1, total));
  };

  // N / P work from anywhere in the panel, not only from inside the list.
  const jumpRef = useRef(jumpToRedFlag);
  jumpRef.current = jumpToRedFlag;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key !== 'n' && key !== 'p') return;
      event.preventDefault();
      jumpRef.current(key === 'n' ? 1 : -1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onItemKeyDown = (event: KeyboardEvent, finding: Finding) => {
    const at = listOrder.findIndex((f) => f.id === finding.id);
    let next: Finding | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = listOrder[Math.min(at + 1, listOrder.length - 1)];
        break;
      case 'ArrowUp':
        next = listOrder[Math.max(at - 1, 0)];
        break;
      case 'Home':
        next = listOrder[0];
        break;
      case 'End':
        next = listOrder[listOrder.length - 1];
        break;
      case 't':
      case 'T':
        if (event.ctrlKey || event.altKey || event.metaKey) return;
        event.preventDefault();
        toggleNote(finding.id);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) focusFinding(next.id);
  };

  if (listOrder.length === 0) return <p class="muted">{t('panelNoFindings')}</p>;

  let index = 0;
  return (
    <div class="finding-groups">
      <p class="help" id="findings-help">
        {t('panelFindingsHelp')}
      </p>
      {groups.map(({ category, findings }) => (
        <section key={category} class={`finding-group cat-${category}`} aria-labelledby={`group-${category}`}>
          <h3 id={`group-${category}`} class="group-heading">
            <CategoryIcon category={category} />
            <span>{categoryName(category)}</span>
            <span class="group-count">({findings.length})</span>
          </h3>
          <ol class="findings">
            {findings.map((finding) => {
              const domId = `finding-${index++}`;
              const parts = splitSentence(finding);
              const active = finding.id === activeId;
              const noteOpen = openNotes.has(finding.id);
              const isRedFlag = redFlags.has(finding.id);
              return (
                <li key={finding.id} class={`finding${isRedFlag ? ' is-red-flag' : ''}`}>
                  <button
                    type="button"
                    class="finding-main"
                    id={domId}
                    data-finding-id={finding.id}
                    tabIndex={active ? 0 : -1}
                    aria-describedby={`${domId}-explanation`}
                    ref={(el) => {
                      if (el) buttons.current.set(finding.id, el);
                      else buttons.current.delete(finding.id);
                    }}
                    onFocus={() => setActiveId(finding.id)}
                    onClick={() => {
                      setActiveId(finding.id);
                      onShowFinding(finding.id);
                    }}
                    onKeyDown={(event) => onItemKeyDown(event, finding)}
                  >
                    {isRedFlag && (
                      <span class="tag tag-flag tag-flag-text">
                        <FlagIcon />
                        {t('panelRedFlag')}
                        <span class="visually-hidden">: </span>
                      </span>
                    )}
                    <span class="finding-sentence" lang={report.lang}>
                      {parts ? (
                        <>
                          {parts[0]}
                          <mark class="marker">{parts[1]}</mark>
                          {parts[2]}
                        </>
                      ) : (
                        <>
                          <mark class="marker">{finding.text}</mark> {finding.sentence}
                        </>
                      )}
                    </span>
                  </button>
                  <p class="finding-explanation" id={`${domId}-explanation`} lang={reportLangOf(report)}>
                    {finding.explanation}
                  </p>
                  {(finding.who || finding.qualifiers.length > 0) && (
                    <p class="finding-meta">
                      {finding.who && <span>{t('panelWho', finding.who)}</span>}
                      {finding.qualifiers.map((q) => (
                        <span key={q} class="tag">
                          {qualifierName(q)}
                        </span>
                      ))}
                    </p>
                  )}
                  {finding.trainerNote && (
                    <>
                      <button
                        type="button"
                        class="disclosure"
                        tabIndex={active ? 0 : -1}
                        aria-expanded={noteOpen}
                        aria-controls={`${domId}-note`}
                        onFocus={() => setActiveId(finding.id)}
                        onClick={() => toggleNote(finding.id)}
                      >
                        <svg class="disclosure-icon" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                          <path d="M4 2l5 4-5 4z" fill="currentColor" />
                        </svg>
                        {t('panelTrainerNote')}
                      </button>
                      <div class="trainer-note" id={`${domId}-note`} hidden={!noteOpen} lang={reportLangOf(report)}>
                        {finding.trainerNote}
                      </div>
                    </>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
