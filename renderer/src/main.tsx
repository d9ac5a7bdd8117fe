import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { bindBackend } from './app/backend-binding';
import { ErrorBoundary } from './app/ErrorBoundary';
import { AuthGate } from './app/AuthGate';
import { restoreAndPersistLanguage } from './i18n/persist-language';
import { restoreAndPersistScreen } from './app/last-screen';
import { localStorageOrUndefined } from './lib/local-storage';
// Stylesheets load here, not in the components, so unit tests importing screens see no CSS.
// Tokens first: every other sheet reads them.
import './kit/tokens.css';
import './styles.css';
import './kit/field.css';
import './kit/checkbox.css';
import './kit/button.css';
import './kit/dialog.css';
import './kit/data-table.css';
import './kit/notice.css';
import './components/search-combobox.css';
import './components/receipt-actions.css';
import './features/intake/intake.css';
import './features/applications/applications.css';
import './features/payments/payments.css';
import './features/calendar/calendar.css';
import './features/review/review.css';
import './features/sync/sync.css';
import './features/queue/queue.css';
import './features/documents/documents.css';
import './features/auth/auth.css';

restoreAndPersistLanguage();
restoreAndPersistScreen(localStorageOrUndefined());
bindBackend(api);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <AuthGate />
      </ErrorBoundary>
    </StrictMode>,
  );
}
