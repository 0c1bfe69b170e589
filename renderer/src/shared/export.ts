/** Figures and lists leave the app as files the user owns: CSV (spreadsheets) or JSON. */
export type ExportRow = Record<string, string | number | boolean | null>;

function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  const s = String(v);
  // Quote when needed; a leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row from the union of the rows' keys. */
export function toCsv(rows: ExportRow[]): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [cols.map(csvCell).join(',')];
  for (const r of rows) lines.push(cols.map((c) => csvCell(r[c] ?? null)).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves text as a file through the browser's download (works the same in the desktop app). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
