// The panel's non-report states: each says what happened and what to do next, never a blank panel.
import type { ComponentChildren } from 'preact';

interface StateMessageProps {
  kind: 'loading' | 'analysing' | 'idle' | 'no-article' | 'unsupported' | 'error';
  title: string;
  children?: ComponentChildren;
  action?: { label: string; onClick(): void };
}

export function StateMessage({ kind, title, children, action }: StateMessageProps) {
  const busy = kind === 'loading' || kind === 'analysing';
  return (
    <section class={`state state-${kind}`} aria-labelledby="state-heading" aria-busy={busy || undefined}>
      {busy && <span class="spinner" aria-hidden="true" />}
      {/* While the panel waits, the heading sits in a live region so screen readers hear what it waits for. */}
      {busy ? (
        <div role="status">
          <h2 id="state-heading">{title}</h2>
        </div>
      ) : (
        <h2 id="state-heading">{title}</h2>
      )}
      {children}
      {action && (
        <button type="button" class="button button-primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  );
}
