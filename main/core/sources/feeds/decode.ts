import iconv from 'iconv-lite';

/**
 * Decodes feed bytes. A BOM wins (it cannot lie). Then bytes that are valid UTF-8 are read as
 * UTF-8 whatever the server or the XML declaration claims: non-ASCII text in a single-byte
 * charset is practically never valid UTF-8, while servers announcing ISO-8859-1 for UTF-8
 * feeds are common. Otherwise the HTTP charset, then the XML declaration, then Windows-1252
 * (the superset of ISO-8859-1) — so Latin-1 feeds without any declaration read correctly.
 */
export function decodeFeed(
  body: Buffer,
  contentType: string | null,
): { text: string; charset: string } {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)
    return { text: body.subarray(3).toString('utf8'), charset: 'utf-8' };
  if (body[0] === 0xff && body[1] === 0xfe)
    return { text: iconv.decode(body.subarray(2), 'utf16le'), charset: 'utf-16le' };
  if (body[0] === 0xfe && body[1] === 0xff)
    return { text: iconv.decode(body.subarray(2), 'utf16-be'), charset: 'utf-16be' };
  if (isUtf8(body)) return { text: body.toString('utf8'), charset: 'utf-8' };
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  const head = body.subarray(0, 512).toString('latin1');
  const fromDecl = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]?.toLowerCase();
  for (const cs of [fromHeader, fromDecl]) {
    if (!cs || /^utf-?8$/.test(cs) || !iconv.encodingExists(cs)) continue;
    const name = /^(iso-?8859-?1|latin-?1|us-ascii|ascii)$/.test(cs) ? 'win1252' : cs;
    return { text: iconv.decode(body, name), charset: cs };
  }
  return { text: iconv.decode(body, 'win1252'), charset: 'windows-1252' };
}

function isUtf8(b: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}
