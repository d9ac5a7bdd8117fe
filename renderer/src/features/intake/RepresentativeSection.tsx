import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Notice } from '../../kit/Notice';
import { AuthorityFields } from './AuthorityFields';
import { IntakeCheckbox } from './bound-fields';
import { fieldDomId } from './field-ids';
import { setRepresentativeEnabled, useIntakeStore } from './intake-store';
import { PartyBlock } from './PartyBlock';

/**
 * Why no representative is offered. Taking a representative off here removes the box that had
 * focus: the note takes it then (once it is on screen), so the keyboard stays in the form.
 */
function PersonalAttendanceNote({ takeFocus, onFocused }: { takeFocus: boolean; onFocused(): void }) {
  const t = useT();
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!takeFocus) return;
    note.current?.focus();
    onFocused();
  }, [takeFocus, onFocused]);
  return (
    <div ref={note} tabIndex={-1}>
      <Notice tone="info" announce={false}>
        <p>{t('intake.rep.personalAttendance')}</p>
      </Notice>
    </div>
  );
}

/**
 * Who acts for the applicant (or, when a person concerned is given, for that person): a person on
 * file or entered anew, and the authority they act on. A service that needs the applicant in
 * person offers no representative.
 */
export function RepresentativeSection() {
  const t = useT();
  const rep = useIntakeStore((state) => state.form.representative);
  const applicantRepresents = useIntakeStore((state) => state.form.subject.applicantRepresents);
  const personal = useIntakeStore((state) => state.form.service?.personalAttendance === true);
  const [takenOff, setTakenOff] = useState(false);
  return (
    <section id="intake-rep-section" className="form-section" aria-labelledby="intake-rep-heading">
      <h3 id="intake-rep-heading" className="section-title">
        <span className="section-number" aria-hidden="true">
          3
        </span>
        {t('intake.rep.title')}
      </h3>
      {personal && !rep.enabled ? (
        <PersonalAttendanceNote takeFocus={takenOff} onFocused={() => setTakenOff(false)} />
      ) : applicantRepresents ? (
        <p className="muted">{t('intake.rep.isApplicant')}</p>
      ) : (
        <IntakeCheckbox
          field="representative.enabled"
          label={t('intake.rep.enabled')}
          checked={rep.enabled}
          onChange={(enabled) => {
            setRepresentativeEnabled(enabled);
            if (!enabled && personal) setTakenOff(true);
          }}
        />
      )}
      {rep.enabled && !applicantRepresents && (
        <PartyBlock
          part="representative.applicant"
          containerId="intake-rep-section"
          nextFieldId={fieldDomId('representative.authority.basis')}
        />
      )}
      {rep.enabled && <AuthorityFields fixedBasis={applicantRepresents} />}
    </section>
  );
}
