import { useT } from '../i18n/use-t';
import { useShellStore } from './shell-store';
import { useCurrentScreen, useVisibleScreens } from './visible-screens';

/** The screens the clerk's roles open; the others are not shown at all. */
export function Navigation() {
  const t = useT();
  const screens = useVisibleScreens();
  const current = useCurrentScreen();
  const showScreen = useShellStore((state) => state.showScreen);
  return (
    <nav className="navigation" aria-label={t('nav.label')}>
      <ul>
        {screens.map((screen) => (
          <li key={screen.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={screen.id === current ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${screen.digit}`}
              onClick={() => showScreen(screen.id)}
            >
              <span className="nav-label">{t(screen.label)}</span>
              {/* Hidden from the accessible name, which aria-keyshortcuts already carries. */}
              <kbd className="nav-shortcut" aria-hidden="true">
                {t('nav.shortcutHint', { digit: screen.digit })}
              </kbd>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
