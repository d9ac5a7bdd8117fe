import { useState } from 'react';
import type { CaseDocument } from '../../../../shared/documents';
import { api } from '../../api';
import { useT } from '../../i18n/use-t';
import { Button } from '../../kit/Button';
import { Notice } from '../../kit/Notice';
import { pdfBlobUrl } from '../../lib/pdf-blob';
import { problemOf, problemText } from './document-problem';
import type { DocumentProblem } from './document-problem';
import { sizeText } from './size-text';

/** Opens the PDF in a new tab, or saves it where the browser allows no tab. */
function openPdf(base64: string, fileName: string): void {
  const url = pdfBlobUrl(base64);
  if (window.open(url, '_blank') !== null) return;
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
}

/** One attached document: pages, size, where it came from, whether the back office has it; "Відкрити". */
export function DocumentLink({ document: doc, name }: { document: CaseDocument; name: string }) {
  const t = useT();
  const [opening, setOpening] = useState(false);
  const [problem, setProblem] = useState<DocumentProblem | null>(null);
  const source = doc.source === null ? t('documents.source.unknown') : t(`documents.source.${doc.source}`);
  const state = doc.file === 'purged' ? 'documents.doc.purged' : doc.uploaded ? 'documents.doc.uploaded' : 'documents.doc.waiting';

  async function open(): Promise<void> {
    setOpening(true);
    setProblem(null);
    const result = await api.call('documents.file', { documentId: doc.id });
    setOpening(false);
    if (result.ok) openPdf(result.value.base64, result.value.fileName);
    else setProblem(problemOf(result.error));
  }

  return (
    <div className="document-link">
      <span>
        {t('documents.doc.summary', { pages: doc.pages, size: sizeText(t, doc.bytes), source })} · {t(state)}
      </span>
      <Button variant="quiet" disabled={opening} onClick={() => void open()}>
        {opening ? t('documents.doc.opening') : t('documents.doc.open', { name })}
      </Button>
      {problem && <Notice tone="error">{problemText(t, problem)}</Notice>}
    </div>
  );
}
