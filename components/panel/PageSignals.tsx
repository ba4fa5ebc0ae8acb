// What the page says about itself: byline, date, links to sources, the site's policies.
// Everything comes from the page, so it is shown as text; only http(s) links become links.
import type { ComponentChildren } from 'preact';
import type { PageSignals as Signals } from '../../analyser/report';
import { t, uiLang } from '../i18n';

/** The page's link target when it is safe to open from the panel (no javascript:, data:, …). */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function formatDate(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const hasTime = /T\d{2}:\d{2}/.test(value);
  try {
    return new Intl.DateTimeFormat(uiLang(), { dateStyle: 'long', ...(hasTime ? { timeStyle: 'short' } : {}) }).format(time);
  } catch {
    return value;
  }
}

function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  const safe = safeHref(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
      <span class="visually-hidden"> {t('panelOpensInNewTab')}</span>
    </a>
  );
}

/** A policy is either a URL (linked) or a sentence quoted from the page. */
function Policy({ value }: { value: string | null }) {
  if (!value) return <dd class="muted">{t('panelNotFound')}</dd>;
  const isUrl = /^https?:\/\/\S+$/i.test(value.trim()) && safeHref(value.trim());
  return <dd>{isUrl ? <ExternalLink href={value.trim()}>{value}</ExternalLink> : value}</dd>;
}

export function PageSignals({ page, lang }: { page: Signals; lang: string }) {
  return (
    <dl class="signals">
      <dt>{t('panelByline')}</dt>
      {page.byline ? <dd lang={lang}>{page.byline}</dd> : <dd class="muted">{t('panelNoByline')}</dd>}
      <dt>{t('panelPublished')}</dt>
      {page.published ? (
        <dd>
          <time dateTime={page.published}>{formatDate(page.published)}</time>
        </dd>
      ) : (
        <dd class="muted">{t('panelNoDate')}</dd>
      )}
      <dt>{t('panelLinks')}</dt>
      {page.links.length ? (
        <dd>
          <ul class="links" lang={lang}>
            {page.links.map((link, i) => (
              <li key={`${link.href}-${i}`}>
                <ExternalLink href={link.href}>{link.text.trim() || link.href}</ExternalLink>
                <span class="link-host"> ({link.host})</span>
              </li>
            ))}
          </ul>
        </dd>
      ) : (
        <dd class="muted">{t('panelNoLinks')}</dd>
      )}
      <dt>{t('panelPolicy')}</dt>
      <Policy value={page.unnamedSourcesPolicy} />
      <dt>{t('panelCorrections')}</dt>
      <Policy value={page.correctionsPolicy} />
    </dl>
  );
}
