import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { ErrorNotice } from '../../kit/ErrorNotice';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { ApplicantSection } from './ApplicantSection';
import { checkForm } from './check-form';
import { DeliverySection } from './DeliverySection';
import { ErrorSummary } from './ErrorSummary';
import type { FieldProblem } from './field-ids';
import { focusFirstInvalid, INTAKE_FORM_ID } from './focus-field';
import { localToday } from '../../app/center-today';
import { discardDraft, register, useIntakeStore } from './intake-store';
import { ProblemsContext } from './problems-context';
import type { FieldProblems } from './problems-context';
import { RepresentativeSection } from './RepresentativeSection';
import { ServiceSection } from './ServiceSection';
import { SubjectSection } from './SubjectSection';

export function IntakeFormView() {
  const t = useT();
  const form = useIntakeStore((state) => state.form);
  const visited = useIntakeStore((state) => state.visited);
  const attempted = useIntakeStore((state) => state.attempted);
  const serverProblems = useIntakeStore((state) => state.serverProblems);
  const failure = useIntakeStore((state) => state.failure);
  const focusRequest = useIntakeStore((state) => state.focusRequest);
  const busy = useIntakeStore((state) => state.phase === 'registering');
  const draft = useIntakeStore((state) => state.draft);
  const ticket = useIntakeStore((state) => state.ticket);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const check = useMemo(() => checkForm(form, localToday()), [form]);
  const { problems, shown } = useMemo(() => {
    const shownErrors = new Map<string, FieldProblem>();
    for (const p of serverProblems) if (!shownErrors.has(p.field)) shownErrors.set(p.field, p);
    for (const p of check.errors) if (!shownErrors.has(p.field) && (attempted || visited[p.field])) shownErrors.set(p.field, p);
    const context: FieldProblems = {
      error: (field) => shownErrors.get(field)?.problem,
      warnings: (field) =>
        shownErrors.has(field)
          ? []
          : check.warnings.filter((w) => w.field === field && (attempted || visited[field])).map((w) => w.problem),
    };
    const all = [...serverProblems, ...check.errors.filter((p) => !serverProblems.some((s) => s.field === p.field))];
    return { problems: context, shown: attempted ? all : [] };
  }, [check, serverProblems, attempted, visited]);

  // After a failed Register: the first field in error takes focus, else the summary or the notice.
  const firstRequest = useRef(focusRequest);
  useEffect(() => {
    // Only requests made while the form is on screen, not one left over from before it mounted.
    if (focusRequest === firstRequest.current) return;
    if (focusFirstInvalid(formRef.current)) return;
    (summaryRef.current ?? failureRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [focusRequest]);

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void register();
    }
  }

  return (
    <ProblemsContext.Provider value={problems}>
      <form
        ref={formRef}
        id={INTAKE_FORM_ID}
        className="intake-form"
        noValidate
        aria-label={t('intake.formLabel')}
        aria-busy={busy}
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          void register();
        }}
      >
        {ticket && <p className="intake-ticket">{t('intake.forTicket', { number: ticket.number })}</p>}
        <ErrorSummary ref={summaryRef} problems={shown} />
        {failure && (
          <div ref={failureRef}>
            <ErrorNotice error={failure} context="intake.registerFailed" />
          </div>
        )}
        <ApplicantSection />
        <SubjectSection />
        <RepresentativeSection />
        <ServiceSection />
        <DeliverySection />
        <div className="form-actions">
          <Button type="submit" variant="primary" size="large" disabled={busy} aria-keyshortcuts="Control+Enter">
            {busy ? t('intake.registering') : t('intake.register')}
          </Button>
          <kbd className="key-hint" aria-hidden="true">
            Ctrl+Enter
          </kbd>
          <p className="draft-status" role="status">
            {draft.status === 'saving' && t('intake.draft.saving')}
            {draft.status === 'saved' &&
              t('intake.draft.saved', { time: new Date(draft.at).toLocaleTimeString('uk-UA', { hour: '2-digit', minute: '2-digit' }) })}
            {draft.status === 'kept' && t('intake.draft.kept')}
            {draft.status === 'failed' && t('intake.draft.failed')}
          </p>
          <div className="discard">
            <Button
              variant="danger"
              confirm={{ question: t('intake.discard.confirm'), yes: t('intake.discard.yes'), no: t('intake.discard.no') }}
              onClick={() => void discardDraft()}
            >
              {t('intake.discard.start')}
            </Button>
          </div>
        </div>
      </form>
    </ProblemsContext.Provider>
  );
}
