import type { PageView } from '../../../../shared/documents';
import { useThumbnail } from './use-thumbnail';

/** A page's picture, the backend's thumbnail already turned by the page's rotation; a blank tile until it arrives. */
export function PageThumbnail({ page, alt }: { page: PageView; alt: string }) {
  const url = useThumbnail(page);
  if (url === null) return <span className="page-thumb-blank" role="img" aria-label={alt} />;
  return <img className="page-thumb-image" src={url} alt={alt} loading="lazy" />;
}
