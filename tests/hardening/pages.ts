// Hostile pages shared by the hardening unit tests (Node) and the browser tests (tests/e2e/security.e2e.ts),
// generated in code.

/** Payloads as they must appear to the reader: literally. */
export const PAYLOADS = [
  '<img src=x onerror="window.__sourcierXss=1">',
  '<script>window.__sourcierXss=2</script>',
  '<svg onload="window.__sourcierXss=3">',
  '"><iframe src="javascript:window.__sourcierXss=4">',
  '{{constructor.constructor("window.__sourcierXss=5")()}}',
  '${window.__sourcierXss=6}',
  '<a href="javascript:window.__sourcierXss=7">lien</a>',
];

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A French article whose text is full of payloads (escaped in the HTML: they are text on the page). */
export function xssPage(): string {
  const p = PAYLOADS.map(escapeHtml);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8">
  <title>Exclusif ${p[0]} | Le Site ${p[1]}</title>
  <meta property="og:site_name" content="${escapeHtml(PAYLOADS[2]!)}">
  <script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: PAYLOADS[0],
    author: { '@type': 'Person', name: `Jean ${PAYLOADS[1]} Dupont` },
    datePublished: `2024-05-01${PAYLOADS[3]}`,
    publisher: {
      '@type': 'Organization',
      name: 'Le Site',
      unnamedSourcesPolicy: 'javascript:window.__sourcierXss=8',
      correctionsPolicy: `https://site.example/corrections"${PAYLOADS[2]}`,
    },
  }).replace(/</g, '\\u003c')}</script>
  </head><body><main><article>
  <p class="kicker">Exclusif</p>
  <h1>Exclusif : ${p[0]} « selon nos sources » ${p[1]}</h1>
  <p class="byline">Par <a rel="author" href="javascript:window.__sourcierXss=9">Jean ${p[1]} Dupont</a></p>
  <p>Selon nos sources ${p[2]}, le ministre aurait démissionné ${p[3]} hier soir après une longue réunion au ministère.</p>
  <p>« Rien n’est décidé ${p[4]} », a déclaré Jean Dupont, ministre de la Défense ${p[5]}, dans un communiqué publié lundi.</p>
  <p>Des sources proches du dossier ${p[6]} affirment que le préfet serait visé. Voir <a href="javascript:window.__sourcierXss=10">le rapport</a>,
     <a href="data:text/html,<script>parent.__sourcierXss=11</script>">l’annexe</a> et <a href="https://www.ccomptes.fr/rapport">le rapport de la Cour des comptes</a>.</p>
  <p>Le conseil municipal a voté le budget mardi soir après un long débat qui a duré une bonne partie de l’après-midi ${p[0]}.</p>
  </article></main></body></html>`;
}

const FILLER = 'Le conseil municipal a voté le budget mardi soir après un long débat qui a duré une bonne partie de l’après-midi.';
const VISIBLE = [
  'Le ministre des Transports, Aminata Diallo, a déclaré lundi que les travaux du port commenceront en mars, pour trois ans.',
  `Selon nos sources, le chantier serait déjà en retard. ${FILLER}`,
  `Dans un communiqué publié mardi, l’autorité portuaire précise que le trafic ne sera pas interrompu. ${FILLER}`,
];

/** Ways a stylesheet hides text (the element itself carries only a class, or nothing at all). */
export const STYLESHEET_HIDING: Record<string, string> = {
  'h-display': 'display: none',
  'h-visibility': 'visibility: hidden',
  'h-opacity': 'opacity: 0',
  'h-zero': 'width: 0; height: 0; overflow: hidden',
  'h-height': 'height: 0; overflow: hidden; margin: 0; padding: 0',
  'h-offleft': 'position: absolute; left: -10000px',
  'h-offtop': 'position: absolute; top: -10000px',
  'h-clip': 'position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap',
  'h-clippath': 'clip-path: inset(50%)',
  'h-font': 'font-size: 0',
  'h-scale': 'transform: scale(0)',
  'h-indent': 'text-indent: -9999px; overflow: hidden; white-space: nowrap',
  'h-cv': 'content-visibility: hidden',
};

/**
 * An article whose hidden paragraphs (and hidden spans inside visible ones) are full of markers that would change
 * the score: each way of hiding gets its own marker words, so a leak names the way that failed.
 */
export function hiddenByStylesheetPage(): string {
  const css = Object.entries(STYLESHEET_HIDING)
    .map(([cls, rule]) => `.${cls} { ${rule} }`)
    .join('\n');
  const hidden = Object.keys(STYLESHEET_HIDING)
    .map((cls) => `<p class="${cls}">Selon des sources proches du dossier ${cls.slice(2)}, le contrat aurait été truqué.</p>`)
    .join('\n');
  const inline = Object.keys(STYLESHEET_HIDING)
    .filter((cls) => !['h-zero', 'h-height', 'h-clippath', 'h-indent', 'h-cv'].includes(cls)) // box rules that do not apply to inline boxes
    .map((cls) => `<span class="${cls}">D’après nos sources ${cls.slice(2)}, tout serait faux.</span>`)
    .join(' ');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Le port de Dakar agrandi</title>
  <style>${css}
  /* Hidden by a selector, without any class on the element. */
  article > section:nth-of-type(2) { display: none; }
  </style></head><body><main><article>
  <h1>Le port de Dakar agrandi</h1>
  <p>${VISIBLE[0]}</p>
  <section><p>${VISIBLE[1]}</p></section>
  <section><p>Nos sources affirment que l’appel d’offres aurait été truqué, selon un témoin anonyme.</p></section>
  ${hidden}
  <p>${VISIBLE[2]} ${inline}</p>
  <p>${FILLER} ${FILLER}</p>
  </article></main></body></html>`;
}

/** A page that tries to reach the extension: window.postMessage, DOM events, forged WXT events, runtime APIs. */
export function talkingPage(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Un article</title></head><body><main><article>
  <h1>Un article ordinaire</h1>
  <p>${VISIBLE[0]}</p><p>${VISIBLE[1]}</p><p>${VISIBLE[2]}</p><p>${FILLER} ${FILLER}</p>
  </article></main>
  <script>
    // What the page sees of Sourcier, and what it tries.
    window.__probe = { chromeRuntime: typeof (window.chrome && window.chrome.runtime && window.chrome.runtime.sendMessage), browserGlobal: typeof window.browser, messagesSeen: 0 };
    window.addEventListener('message', () => window.__probe.messagesSeen++);
    window.__attack = (extensionId /* or null */) => {
      const forged = { status: 'ready', report: { schemaVersion: 1, score: 100, band: 'strong', findings: [] } };
      const messages = [
        { type: 'run-analysis' }, { type: 'tab-report', state: forged }, { type: 'content-set-highlights-visible', visible: false },
        { type: 'content-scroll-to-finding', findingId: 'f1' }, { type: 'analyse-tab', tabId: 1 },
      ];
      for (const m of messages) { window.postMessage(m, '*'); window.top.postMessage(m, '*'); }
      // WXT's real event names start with the extension's id: only a page that knows it can forge them.
      const names = ['wxt:content-script-started', 'wxt:locationchange', 'run-analysis', 'sourcier', 'message']
        .concat(extensionId ? [extensionId + ':content:wxt:content-script-started', extensionId + ':content:wxt:locationchange'] : []);
      const target = extensionId || 'abcdefghijklmnopabcdefghijklmnop';
      for (const name of names) {
        const detail = { contentScriptName: 'content', messageId: 'forged', type: 'run-analysis' };
        document.dispatchEvent(new CustomEvent(name, { detail }));
        window.dispatchEvent(new CustomEvent(name, { detail }));
      }
      try { chrome.runtime.sendMessage(target, messages[1]); window.__probe.sent = true; } catch (e) { window.__probe.sendError = String(e).slice(0, 80); }
      try { chrome.runtime.connect(target); window.__probe.connected = true; } catch (e) { window.__probe.connectError = String(e).slice(0, 80); }
      // The highlights live in the page's own registry: a page can remove them (it cannot change the panel's report).
    };
  </script></body></html>`;
}

/** A page whose article keeps changing, fast, while Sourcier reads it. */
export function mutatingPage(): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Direct</title></head><body><main><article id="a">
  <h1>En direct : le port de Dakar</h1>
  <p>${VISIBLE[0]}</p><p>${VISIBLE[1]}</p><p>${VISIBLE[2]}</p><p>${FILLER} ${FILLER}</p>
  </article></main>
  <script>
    window.__ticks = 0;
    let n = 0;
    window.__timer = setInterval(() => {
      const article = document.getElementById('a');
      for (let i = 0; i < 20; i++) {
        n++;
        const p = document.createElement('p');
        p.textContent = 'Mise à jour ' + n + ' : selon nos sources, le navire numéro ' + n + ' aurait accosté. ' + ${JSON.stringify(FILLER)};
        article.append(p);
        if (article.children.length > 40) article.children[1].remove();
        const text = article.querySelector('p') && article.querySelector('p').firstChild;
        if (text) text.data = text.data.split('').reverse().join('');
      }
      window.__ticks++;
    }, 2);
    window.__stop = () => clearInterval(window.__timer);
  </script></body></html>`;
}

/**
 * An article nested `depth` elements deep. Built by a script: the HTML parser caps nesting (at 512 in Chromium),
 * the DOM does not.
 */
export function deepPage(depth: number): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Profond</title></head><body>
  <script>
    let parent = document.body;
    for (let i = 0; i < ${depth}; i++) parent = parent.appendChild(document.createElement(i % 2 ? 'div' : 'section'));
    const article = parent.appendChild(document.createElement('article'));
    article.innerHTML = ${JSON.stringify(`<h1>Un article très imbriqué</h1><p>${VISIBLE[1]}</p><p>${VISIBLE[0]}</p><p>${FILLER} ${FILLER}</p>`)};
    window.__depth = ${depth};
  </script></body></html>`;
}
