import { decodeHTML } from 'entities';

/**
 * Reduces HTML (feed items, Mastodon posts, YouTube comments) to plain text for analysis
 * and display: scripts, styles and comments are dropped with their content, block ends
 * become line breaks, every other tag goes, entities are decoded. The result is text, never
 * markup: the UI renders it as text, so nothing in it can execute.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  const text = html
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(script|style|noscript|template|iframe|object)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6]|blockquote|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>?/g, ' ');
  return decodeHTML(text)
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
