import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { Button } from '../kit/Button';

function CrashNotice() {
  const t = useT();
  return (
    <main className="crash" role="alert">
      <h1>{t('crash.title')}</h1>
      <p>{t('crash.body')}</p>
      {/* A reload keeps the URL, and with it the browser host's token in the fragment. */}
      <Button variant="primary" onClick={() => window.location.reload()}>
        {t('crash.reload')}
      </Button>
    </main>
  );
}

interface ErrorBoundaryState {
  failed: boolean;
}

/** A render error shows a readable notice in the clerk's language instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is what support collects from DevTools; the clerk sees only the notice.
    console.error('Vikno render error', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashNotice /> : this.props.children;
  }
}
