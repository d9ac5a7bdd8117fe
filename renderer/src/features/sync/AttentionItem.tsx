import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { TextInput } from '../../kit/TextInput';
import { formatDateTime } from '../../lib/format';
import { kindTextKey } from './sync-text';
import { CompareTable, RecordText, RefusalText } from './ChangeParts';
import type { DeadLetter } from './ChangeParts';

export type { DeadLetter } from './ChangeParts';

interface AttentionItemProps {
  letter: DeadLetter;
  busy: boolean;
  onRetry(mutationId: string): void;
  /** Resolves true once discarded; the reason form stays open on failure. */
  onDiscard(mutationId: string, reason: string): Promise<boolean>;
  /** Takes the back office's version of the record (a conflict that carried it); true once done. */
  onResolve(mutationId: string, reason: string): Promise<boolean>;
}

/** The two ways out that need a reason: each opens the same reason form with its own words. */
const REASON_TEXT = {
  discard: { label: 'syncPanel.discardReason', confirm: 'syncPanel.discardConfirm' },
  resolve: { label: 'syncPanel.resolveReason', confirm: 'syncPanel.resolveConfirm' },
} as const;

/** One refused or conflicting change: what it was, why, both versions, and the supervisor's ways out. */
export function AttentionItem({ letter, busy, onRetry, onDiscard, onResolve }: AttentionItemProps) {
  const t = useT();
  const [asking, setAsking] = useState<keyof typeof REASON_TEXT | null>(null);
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const key = kindTextKey(letter.kind);
  const itemId = `sync-item-${letter.mutationId}`;
  const reasonId = `sync-discard-reason-${letter.mutationId}`;

  // The reason box takes focus as soon as the supervisor chooses to discard.
  useEffect(() => {
    if (asking !== null) reasonBox.current?.focus();
  }, [asking]);

  function ask(action: keyof typeof REASON_TEXT): void {
    setAsking(action);
    setReason('');
    setEmpty(false);
  }

  async function submit(): Promise<void> {
    if (reason.trim() === '') {
      setEmpty(true);
      reasonBox.current?.focus();
      return;
    }
    const done = asking === 'resolve' ? onResolve : onDiscard;
    if (await done(letter.mutationId, reason.trim())) setAsking(null);
  }

  return (
    <li className={`sync-item sync-item-${letter.status}`}>
      <span className="sync-item-kind" id={itemId}>
        {key ? t(key) : letter.kind} — {t(letter.status === 'dead' ? 'syncPanel.dead' : 'syncPanel.conflict')}
      </span>
      <span className="sync-item-meta">
        <RecordText record={letter.record} /> · {t('syncPanel.savedAt', { time: formatDateTime(letter.createdAt) })}
      </span>
      <RefusalText refusal={letter.refusal} />
      <CompareTable fields={letter.fields} caption={t('syncPanel.compareTitle')} />
      {asking !== null ? (
        <form
          className="sync-discard"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <TextInput
            id={reasonId}
            textareaRef={reasonBox}
            label={t(REASON_TEXT[asking].label)}
            size="long"
            rows={2}
            maxLength={500}
            required
            value={reason}
            error={empty ? t('syncPanel.discardReasonEmpty') : undefined}
            onChange={(value) => {
              setReason(value);
              setEmpty(false);
            }}
          />
          {/* The reason form is this action's confirmation step, so its submit is not a second danger button. */}
          <div className="kit-button-row">
            <Button type="submit" variant="primary" disabled={busy}>
              {t(REASON_TEXT[asking].confirm)}
            </Button>
            <Button onClick={() => setAsking(null)}>{t('syncPanel.cancel')}</Button>
          </div>
        </form>
      ) : (
        <div className="kit-button-row">
          <Button aria-describedby={itemId} disabled={busy} onClick={() => onRetry(letter.mutationId)}>
            {t('syncPanel.retry')}
          </Button>
          {letter.resolvable && (
            <Button aria-describedby={itemId} disabled={busy} onClick={() => ask('resolve')}>
              {t('syncPanel.resolve')}
            </Button>
          )}
          <Button aria-describedby={itemId} disabled={busy} onClick={() => ask('discard')}>
            {t('syncPanel.discard')}
          </Button>
        </div>
      )}
    </li>
  );
}
