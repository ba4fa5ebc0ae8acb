// "What Sourcier read": the text the score rests on, block by block, behind a disclosure (it can be long), and
// what the reader left out of the page, counted but not shown (menus, comments, captions…). A trainer sees exactly
// what was scored; a reader sees why a paragraph of the page was or was not analysed. Page text is shown as text.
import type { MessageKey } from '../i18n';
import { t, uiLang } from '../i18n';
import type { PanelReading } from '../../extension/messages';

type LeftKey = keyof PanelReading['leftovers'];

const LEFT_LABELS: Array<[LeftKey, MessageKey]> = [
  ['menus', 'panelLeftMenus'],
  ['comments', 'panelLeftComments'],
  ['captions', 'panelLeftCaptions'],
  ['related', 'panelLeftRelated'],
  ['promos', 'panelLeftPromos'],
  ['hidden', 'panelLeftHidden'],
  ['otherChars', 'panelLeftOther'],
];

const number = (n: number) => new Intl.NumberFormat(uiLang()).format(n);

export function WhatWasRead({ reading, lang }: { reading: PanelReading; lang: string }) {
  const left = LEFT_LABELS.filter(([key]) => reading.leftovers[key] > 0);
  return (
    <>
      <p>{t('panelReadIntro', number(reading.length))}</p>
      <details class="read-text">
        <summary>{t('panelReadShow')}</summary>
        <div class="read-blocks" lang={lang}>
          {reading.blocks.map((b, i) => (
            <p key={i} class={`read-block read-${b.kind}`}>
              {b.text}
            </p>
          ))}
        </div>
        {reading.shownChars < reading.length && <p class="note">{t('panelReadCut', number(reading.shownChars))}</p>}
      </details>
      <h3 id="read-left-heading">{t('panelReadLeftHeading')}</h3>
      {left.length ? (
        <ul class="read-left" aria-labelledby="read-left-heading">
          {left.map(([key, label]) => (
            <li key={key}>{t(label, number(reading.leftovers[key]))}</li>
          ))}
        </ul>
      ) : (
        <p class="muted">{t('panelReadLeftNone')}</p>
      )}
    </>
  );
}
