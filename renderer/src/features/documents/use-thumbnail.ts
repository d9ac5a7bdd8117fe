import { useEffect, useState } from 'react';
import type { PageView } from '../../../../shared/documents';
import { api } from '../../api';

/** Thumbnails already fetched, by what they show: a page's stored image turned by its rotation. */
const cache = new Map<string, string>();

/**
 * A page's thumbnail as a data URL, asked for only when the page is shown (and again only when
 * its image or rotation changed); null until it arrives or when it cannot be made.
 */
export function useThumbnail(page: PageView): string | null {
  const key = `${page.id}:${page.sha256}:${page.rotation}`;
  const [url, setUrl] = useState<string | null>(() => cache.get(key) ?? null);
  useEffect(() => {
    const known = cache.get(key);
    if (known !== undefined) {
      setUrl(known);
      return;
    }
    let alive = true;
    setUrl(null);
    void api.call('documents.thumbnail', { pageId: page.id }).then((result) => {
      if (!result.ok) return;
      const dataUrl = `data:${result.value.mime};base64,${result.value.base64}`;
      cache.set(key, dataUrl);
      if (alive) setUrl(dataUrl);
    });
    return () => {
      alive = false;
    };
  }, [key, page.id]);
  return url;
}
