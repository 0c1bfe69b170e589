import type { ReactNode } from 'react';
import type { ExportRow } from '../../shared/export';
import { ExportButtons } from '../../shared/ExportButtons';

/** A titled figure with its export buttons; `empty` replaces the body when there is no data. */
export function FigureCard({
  id,
  title,
  subtitle,
  rows,
  empty,
  children,
}: {
  id: string;
  title: string;
  subtitle?: string;
  rows: () => ExportRow[];
  empty?: string | null;
  children: ReactNode;
}) {
  return (
    <section className="card figure" aria-labelledby={`fig-${id}`} data-testid={`figure-${id}`}>
      <div className="card-head">
        <h2 id={`fig-${id}`}>{title}</h2>
        {!empty && <ExportButtons name={id} label={title} rows={rows} />}
      </div>
      {subtitle && <p className="muted small">{subtitle}</p>}
      {empty ? <p className="muted empty-note">{empty}</p> : children}
    </section>
  );
}
