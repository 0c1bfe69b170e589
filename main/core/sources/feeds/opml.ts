import { decodeHTML, encodeXML } from 'entities';

export interface OpmlFeed {
  title: string;
  xmlUrl: string;
  htmlUrl?: string | null;
}

/** Reads the feed outlines of an OPML file (any nesting); tolerant of attribute order. */
export function parseOpml(xml: string): OpmlFeed[] {
  const out: OpmlFeed[] = [];
  for (const m of xml.matchAll(/<outline\b([^>]*?)\/?>/gi)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attrs[(a[1] ?? '').toLowerCase()] = decodeHTML(a[3] ?? a[4] ?? '');
    }
    const url = attrs['xmlurl'];
    if (url && /^https?:\/\//i.test(url))
      out.push({
        title: attrs['title'] ?? attrs['text'] ?? url,
        xmlUrl: url,
        htmlUrl: attrs['htmlurl'] ?? null,
      });
  }
  return out;
}

export function writeOpml(title: string, feeds: OpmlFeed[]): string {
  const lines = feeds.map(
    (f) =>
      `    <outline type="rss" text="${encodeXML(f.title)}" title="${encodeXML(f.title)}" xmlUrl="${encodeXML(f.xmlUrl)}"${f.htmlUrl ? ` htmlUrl="${encodeXML(f.htmlUrl)}"` : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head><title>${encodeXML(title)}</title></head>\n  <body>\n${lines.join('\n')}\n  </body>\n</opml>\n`;
}
