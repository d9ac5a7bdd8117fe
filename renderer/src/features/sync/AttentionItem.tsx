import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../../shared/contract';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { TextInput } from '../../kit/TextInput';
import { formatDateTime } from '../../lib/format';
import { kindTextKey, parseReason, rejectionTextKey } from './sync-text';

export type DeadLetter = MethodOutput<'sync.deadLetters'>[number];

export function ReasonText({ reason }: { reason: string }) {
  const t = useT();
  const parsed = parseReason(reason);
  if (parsed.type === 'conflict') {
    return <p className="sync-reason">{t('syncPanel.conflictFields', { fields: parsed.fields.join(', ') || '—' })}</p>;
  }
  if (parsed.type === 'rejected') {
    const explained = rejectionTextKey(parsed.code);
    return (
      <div className="sync-reason">
        {explained && <p>{t(explained)}</p>}
        <p>
          {t('syncPanel.reasonCode', { code: parsed.code })}
          {parsed.message && <> — {parsed.message}</>}
        </p>
        {parsed.fields.length > 0 && <p>{t('syncPanel.reasonFields', { fields: parsed.fields.join(', ') })}</p>}
      </div>
    );
  }
  return parsed.text === '' ? null : <p className="sync-reason">{parsed.text}</p>;
}

interface AttentionItemProps {
  letter: DeadLetter;
  busy: boolean;
  onRetry(mutationId: string): void;
  /** Resolves true once discarded; the reason form stays open on failure. */
  onDiscard(mutationId: string, reason: string): Promise<boolean>;
}

/** One refused or conflicting change: what it was, why, the record's data, and the supervisor's two ways out. */
export function AttentionItem({ letter, busy, onRetry, onDiscard }: AttentionItemProps) {
  const t = useT();
  const [discarding, setDiscarding] = useState(false);
  const [reason, setReason] = useState('');
  const [empty, setEmpty] = useState(false);
  const reasonBox = useRef<HTMLTextAreaElement>(null);
  const key = kindTextKey(letter.kind);
  const itemId = `sync-item-${letter.mutationId}`;
  const reasonId = `sync-discard-reason-${letter.mutationId}`;

  // The reason box takes focus as soon as the supervisor chooses to discard.
  useEffect(() => {
    if (discarding) reasonBox.current?.focus();
  }, [discarding]);

  async function submit(): Promise<void> {
    if (reason.trim() === '') {
      setEmpty(true);
      reasonBox.current?.focus();
      return;
    }
    if (await onDiscard(letter.mutationId, reason.trim())) setDiscarding(false);
  }

  return (
    <li className={`sync-item sync-item-${letter.status}`}>
      <span className="sync-item-kind" id={itemId}>
        {key ? t(key) : letter.kind} — {t(letter.status === 'dead' ? 'syncPanel.dead' : 'syncPanel.conflict')}
      </span>
      <span className="sync-item-meta">
        {t('syncPanel.savedAt', { time: formatDateTime(letter.createdAt) })} · {t('syncPanel.record', { record: letter.aggregate })}
      </span>
      <ReasonText reason={letter.reason} />
      <details className="sync-payload">
        <summary>{t('syncPanel.payload')}</summary>
        <pre>{JSON.stringify(letter.payload, null, 2)}</pre>
      </details>
      {discarding ? (
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
            label={t('syncPanel.discardReason')}
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
              {t('syncPanel.discardConfirm')}
            </Button>
            <Button onClick={() => setDiscarding(false)}>{t('syncPanel.cancel')}</Button>
          </div>
        </form>
      ) : (
        <div className="kit-button-row">
          <Button aria-describedby={itemId} disabled={busy} onClick={() => onRetry(letter.mutationId)}>
            {t('syncPanel.retry')}
          </Button>
          <Button
            aria-describedby={itemId}
            disabled={busy}
            onClick={() => {
              setDiscarding(true);
              setReason('');
              setEmpty(false);
            }}
          >
            {t('syncPanel.discard')}
          </Button>
        </div>
      )}
    </li>
  );
}
