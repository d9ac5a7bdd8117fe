import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { TextInput } from '../../kit/TextInput';
import { findCase, useCaseStore } from './case-store';

/** The case by its registration number (as printed on the receipt). */
export function FindCaseForm() {
  const t = useT();
  const [regNumber, setRegNumber] = useState(() => useCaseStore.getState().application?.regNumber ?? '');
  const searching = useCaseStore((state) => state.searching);
  const notFound = useCaseStore((state) => state.notFound);
  return (
    <form
      className="find-case"
      onSubmit={(event) => {
        event.preventDefault();
        if (regNumber.trim() !== '') void findCase(regNumber);
      }}
    >
      <TextInput
        id="documents-reg-number"
        label={t('documents.find.label')}
        value={regNumber}
        onChange={setRegNumber}
        maxLength={40}
        size="medium"
        error={notFound ? t('documents.find.notFound') : undefined}
      />
      <Button type="submit" variant="primary" disabled={searching}>
        {t('documents.find.submit')}
      </Button>
    </form>
  );
}
