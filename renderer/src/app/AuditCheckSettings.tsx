import { useEffect, useState } from 'react';
import type { AuditCheck } from '../../../shared/contract';
import type { ErrorBody } from '../../../shared/errors';
import { api } from '../api';
import { useT } from '../i18n/use-t';
import { Button } from '../kit/Button';
import { ErrorNotice } from '../kit/ErrorNotice';
import { Notice } from '../kit/Notice';
import { formatDateTime } from '../lib/format';
import { DialogSection } from '../kit/DialogSection';

function AuditCheckNotice({ check }: { check: AuditCheck }) {
  const t = useT();
  switch (check.state) {
    case 'pending':
      return <Notice tone="info">{t('auditCheck.pending')}</Notice>;
    case 'ok':
      return (
        <Notice tone="success" title={t('auditCheck.ok')}>
          <p>{t('auditCheck.okDetail', { entries: check.entries, checkedAt: formatDateTime(check.checkedAt) })}</p>
        </Notice>
      );
    case 'broken':
      return (
        <Notice tone="error" title={t('auditCheck.broken', { seq: check.seq })}>
          <p>
            {t('auditCheck.brokenDetail', {
              problem: t(`auditCheck.problem.${check.problem}`),
              checkedAt: formatDateTime(check.checkedAt),
            })}
          </p>
        </Notice>
      );
    case 'failed':
      return (
        <Notice tone="error" title={t('auditCheck.failed')}>
          <p>{t('auditCheck.failedDetail', { checkedAt: formatDateTime(check.checkedAt) })}</p>
        </Notice>
      );
  }
}

/**
 * The audit chain check (docs/ARCHITECTURE.md §5.4) in the settings dialog, for a supervisor: the
 * newest result from `storage.status`, and a button to check again now.
 */
export function AuditCheckSettings() {
  const t = useT();
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void api.call('storage.status', {}).then((result) => {
      if (!current) return;
      if (result.ok) setCheck(result.value.auditCheck);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, []);

  async function verify(): Promise<void> {
    setBusy(true);
    setError(null);
    const result = await api.call('storage.verifyAudit', {});
    setBusy(false);
    if (result.ok) setCheck(result.value);
    else setError(result.error);
  }

  return (
    <DialogSection id="settings-audit" title={t('auditCheck.title')}>
      <p id="settings-audit-purpose" className="kit-field-hint">
        {t('auditCheck.purpose')}
      </p>
      {check && <AuditCheckNotice check={check} />}
      {error && <ErrorNotice error={error} context="auditCheck.verifyFailed" />}
      <div className="kit-button-row">
        <Button aria-describedby="settings-audit-purpose" disabled={busy} onClick={() => void verify()}>
          {t('auditCheck.verify')}
        </Button>
      </div>
    </DialogSection>
  );
}
