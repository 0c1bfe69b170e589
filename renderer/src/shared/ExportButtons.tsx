import { useTranslation } from 'react-i18next';
import { downloadText, toCsv, type ExportRow } from './export';

/**
 * "CSV" and "JSON" buttons for one figure or list. `name` is the figure's id, optionally
 * followed by `_` and a suffix (kpis_2026-11-01_2026-11-30): the file is named by the id in
 * the UI language (export.files: menciones.csv in Spanish) and the suffix.
 */
export function ExportButtons({
  name,
  label,
  rows,
}: {
  name: string;
  label: string;
  rows: () => ExportRow[];
}) {
  const { t } = useTranslation();
  const id = name.split('_')[0] ?? name;
  const file = `${t(`export.files.${id}`, { defaultValue: id })}${name.slice(id.length)}`;
  const safe = file.replace(/[^\p{L}\p{N}_.-]+/gu, '-');
  return (
    <span className="export-buttons" data-testid={`export-${id}`}>
      <button
        type="button"
        className="link"
        aria-label={t('export.csvOf', { what: label })}
        onClick={() => downloadText(`${safe}.csv`, toCsv(rows()), 'text/csv;charset=utf-8')}
      >
        CSV
      </button>
      <button
        type="button"
        className="link"
        aria-label={t('export.jsonOf', { what: label })}
        onClick={() =>
          downloadText(`${safe}.json`, `${JSON.stringify(rows(), null, 2)}\n`, 'application/json')
        }
      >
        JSON
      </button>
    </span>
  );
}
