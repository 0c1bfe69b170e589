/** Feed addresses for the usual sources, built from the brand keywords (for the user to add). */
export function buildFeedUrls(
  keywords: string[],
  instance = 'mastodon.social',
): Array<{ source: string; url: string; note?: string }> {
  const out: Array<{ source: string; url: string; note?: string }> = [];
  for (const k of keywords.slice(0, 10)) {
    const q = encodeURIComponent(k.includes(' ') ? `"${k}"` : k);
    out.push({
      source: 'Google News (es)',
      url: `https://news.google.com/rss/search?q=${q}&hl=es&gl=ES&ceid=ES:es`,
    });
    out.push({
      source: 'Google News (en)',
      url: `https://news.google.com/rss/search?q=${q}&hl=en-US&gl=US&ceid=US:en`,
    });
    out.push({ source: 'Reddit search', url: `https://www.reddit.com/search.rss?q=${q}&sort=new` });
    const tag = k.replace(/[^\p{L}\p{N}_]/gu, '');
    if (tag)
      out.push({
        source: 'Mastodon tag',
        url: `https://${instance}/tags/${encodeURIComponent(tag)}.rss`,
      });
  }
  out.push({
    source: 'Google Alerts',
    url: 'https://www.google.com/alerts',
    note: 'Create an alert for each keyword, choose “Deliver to: RSS feed”, then paste the feed address here.',
  });
  return out;
}
