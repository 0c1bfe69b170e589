import { useTranslation } from 'react-i18next';
import { downloadText, toCsv, type ExportRow } from './export';

/** "CSV" and "JSON" buttons for one figure or list; `name` becomes the file name. */
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
  const safe = name.replace(/[^\p{L}\p{N}_.-]+/gu, '-');
  return (
    <span className="export-buttons" data-testid={`export-${name.split('_')[0]}`}>
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
