// Injected on demand (a click on the button, the shortcut, the panel's "Analyse" button) with
// scripting.executeScript, or registered for the sites the reader opted in to: never declared in the manifest,
// so Sourcier reads no page the reader did not ask about.
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startPageAnalysis } from '../../extension/page-analysis';

export default defineContentScript({
  registration: 'runtime',
  // The "newer copy started" signal stays a DOM event; no window.postMessage for the page to see.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Injected again into the same page: WXT's context invalidates the older copy, which removes its
    // highlights and listeners, so this copy starts from a clean page (idempotent injection).
    if (window.top !== window) return;
    startPageAnalysis(ctx);
  },
});
