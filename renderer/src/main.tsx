import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { bindBackend } from './app/backend-binding';
import { ErrorBoundary } from './app/ErrorBoundary';
import { Shell } from './app/Shell';
import { restoreAndPersistLanguage } from './i18n/persist-language';
import './styles.css';
// Feature stylesheets load here, not in the components, so unit tests importing screens see no CSS.
import './features/intake/intake.css';
import './features/applications/applications.css';
import './features/calendar/calendar.css';
import './features/sync/sync.css';

restoreAndPersistLanguage();
bindBackend(api);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <Shell />
      </ErrorBoundary>
    </StrictMode>,
  );
}
