import { en } from './en';
import { es } from './es';
import { withAllPluralForms } from './plural-forms';

/** The UI text as i18next loads it, each language with all of its plural forms. */
export const resources = {
  en: { translation: withAllPluralForms(en, 'en') },
  es: { translation: withAllPluralForms(es, 'es') },
};
