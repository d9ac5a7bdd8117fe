import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/language';
import { useLanguageStore } from '../i18n/language-store';
import { useT } from '../i18n/use-t';

export function LanguageSwitch() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const setLanguage = useLanguageStore((state) => state.setLanguage);
  return (
    <div className="language-switch" role="group" aria-labelledby="language-label">
      {/* Named for screen readers only: the two language names say what the buttons are, and the center name needs the room. */}
      <span id="language-label" className="visually-hidden">
        {t('language.label')}
      </span>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="language-option"
          aria-pressed={option === language}
          onClick={() => setLanguage(option)}
        >
          {LANGUAGE_NAMES[option]}
        </button>
      ))}
    </div>
  );
}
