import { useTranslation } from 'react-i18next';
import type { ExplainNote } from '../../../../main/core/api/contract';

/**
 * An explanation sentence in the UI language (`mentions.explain.<key>`, filled with the words
 * and figures the core names): a topic id by its name, numbers in the locale's digits. A key
 * this UI does not know yet shows the core's English sentence.
 */
export function useExplainText(): (n: ExplainNote) => string {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  return (n) => {
    const params: Record<string, string | number> = {};
    for (const [name, v] of Object.entries(n.params))
      params[name] =
        name === 'topic' ? t(`topics.${v}`) : typeof v === 'number' ? number.format(v) : v;
    const count = n.params['n'];
    return t(`mentions.explain.${n.key}`, {
      ...params,
      ...(typeof count === 'number' ? { count } : {}),
      defaultValue: n.text,
    });
  };
}
