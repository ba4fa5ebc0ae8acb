// Injected on demand (a click on the button, the shortcut, the panel's "Analyse" button) with
// scripting.executeScript, or registered for the sites the reader opted in to: never declared in the manifest,
// so Sourcier reads no page the reader did not ask about.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageAnalysis } from '../../extension/page-analysis';

const OPTIONS = {
  registration: 'runtime',
  // The "newer copy started" signal stays a DOM event; no window.postMessage for the page to see.
  noScriptStartedPostMessage: true,
} as const;

/** Restarts after a forged "newer copy started" event, at most: a page must not keep Sourcier busy. */
const MAX_RESTARTS = 3;

declare global {
  /** Copies of this script started in this page: the extension's isolated world is shared by all of them. */
  var __sourcierCopies: number | undefined;
}

function start(ctx: ContentScriptContext, restarts: number): void {
  const copy = (globalThis.__sourcierCopies = (globalThis.__sourcierCopies ?? 0) + 1);
  startPageAnalysis(ctx);
  ctx.onInvalidated(() => {
    // WXT stops this copy when a newer one announces itself with a DOM event, which the page can forge once it knows
    // the extension's id (store ids are public). A genuine newer copy counts itself in as it starts (just after its
    // announcement, hence the timeout); if none did and the extension is still there, the event was forged: start
    // again.
    setTimeout(() => {
      if (globalThis.__sourcierCopies !== copy || !browser.runtime?.id || restarts >= MAX_RESTARTS) return;
      // (The class is taken from the context: importing it here would run WXT's runtime code when WXT reads this
      // entrypoint's options at build time.)
      const Context = ctx.constructor as new (name: string, options: typeof OPTIONS) => ContentScriptContext;
      start(new Context('content', OPTIONS), restarts + 1);
    }, 0);
  });
}

export default defineContentScript({
  ...OPTIONS,
  main(ctx) {
    // Injected again into the same page: WXT's context invalidates the older copy, which removes its
    // highlights and listeners, so this copy starts from a clean page (idempotent injection).
    if (window.top !== window) return;
    start(ctx, 0);
  },
});
