import { useId } from 'react';
import { Button } from '../../kit/Button';
import { PANEL_SHORTCUTS } from './panel-shortcuts';
import type { ShortcutTarget } from './panel-shortcuts';

interface ActionButtonProps {
  target: ShortcutTarget;
  label: string;
  enabled: boolean;
  /** Why it cannot be pressed now, in words; null when it can, or when the ticket's status already says so. */
  reason: string | null;
  primary?: boolean;
  onPress(): void;
}

/** A big counter button with its key on it, and under it why it cannot be pressed now. */
export function ActionButton({ target, label, enabled, reason, primary, onPress }: ActionButtonProps) {
  const reasonId = useId();
  const key = PANEL_SHORTCUTS[target].label;
  return (
    <div className="queue-action">
      <Button
        variant={primary ? 'primary' : 'secondary'}
        size="large"
        disabled={!enabled}
        aria-keyshortcuts={key}
        aria-describedby={reason ? reasonId : undefined}
        onClick={onPress}
      >
        <span className="queue-action-label">{label}</span>
        <kbd className="queue-action-key" aria-hidden="true">
          {key}
        </kbd>
      </Button>
      {reason && (
        <span id={reasonId} className="queue-action-reason">
          {reason}
        </span>
      )}
    </div>
  );
}
