import type { CallbackQuery, CallbackPage } from '../dialogs/consent-callback';

const KEYS = ['state', 'code', 'error', 'error_description', 'admin_consent', 'tenant'] as const;
/** Generous for Entra's values (codes run to ~1–2 KB); beyond it a value is hostile or broken. */
const MAX_VALUE_LENGTH = 8192;

/**
 * Microsoft's redirect query, reduced to the keys we read, each a single string of sane length.
 * A repeated key or an oversized value makes the whole query invalid rather than guessed at.
 */
export function parseCallbackQuery(rawUrl: string): CallbackQuery | undefined {
  let params: URLSearchParams;
  try {
    params = new URL(rawUrl, 'http://callback.invalid').searchParams;
  } catch {
    return undefined;
  }
  const query: CallbackQuery = {};
  for (const key of KEYS) {
    const values = params.getAll(key);
    if (values.length > 1) return undefined;
    const value = values[0];
    if (value === undefined) continue;
    if (value.length > MAX_VALUE_LENGTH || !value.isWellFormed()) return undefined;
    query[key] = value;
  }
  return query;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A small page: what happened and what to do next. Everything shown is escaped; no script. */
export function renderCallbackPage(page: CallbackPage): string {
  const title = escapeHtml(page.title);
  // Markdown bold and code from outcome texts, shown as plain words.
  const message = escapeHtml(page.message.replace(/\*\*|`/g, ''));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title} · Tikit Consent Assistant</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#242424}h1{font-size:1.4rem}</style>
</head><body><h1>${title}</h1><p>${message}</p><p>Tikit Consent Assistant</p></body></html>
`;
}
