/**
 * A stand-in for layout, which jsdom does not do (every box measures 0 there): while a test
 * file uses it, every element's client area is a desk window's and every element is `boxPx` tall, and
 * scrolling a box moves its scrollTop and fires `scroll`.
 * A virtualised list (TanStack Virtual reads clientHeight of its scroller and offsetHeight of
 * each row) then draws what a real window would show.
 */
import { afterAll, beforeAll } from 'vitest';

const PROPERTIES = ['clientWidth', 'clientHeight', 'offsetHeight'] as const;
const RESTORED = [...PROPERTIES, 'scrollHeight'] as const;

export function useLayoutStandIn({ width = 1280, height = 900, boxPx = 100 } = {}): void {
  const sizes: Record<(typeof PROPERTIES)[number], number> = { clientWidth: width, clientHeight: height, offsetHeight: boxPx };
  const originals = RESTORED.map(
    (name) =>
      [
        name,
        Object.getOwnPropertyDescriptor(HTMLElement.prototype, name) ?? Object.getOwnPropertyDescriptor(Element.prototype, name),
      ] as const,
  );
  const scrollTops = new WeakMap<Element, number>();
  const originalScrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop');
  const originalScrollTo = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo');
  beforeAll(() => {
    for (const name of PROPERTIES) Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => sizes[name] });
    // A box's content is as tall as its first child says in its style (a virtualised list sets it).
    Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
      configurable: true,
      get(this: HTMLElement) {
        const set = Number.parseFloat((this.firstElementChild as HTMLElement | null)?.style.height ?? '');
        return Number.isFinite(set) ? Math.max(set, height) : height;
      },
    });
    // Scrolling moves the box's content and says so, as a browser's scroll does.
    Object.defineProperty(Element.prototype, 'scrollTop', {
      configurable: true,
      get(this: Element) {
        return scrollTops.get(this) ?? 0;
      },
      set(this: Element, top: number) {
        scrollTops.set(this, top);
      },
    });
    Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
      this.scrollTop = typeof options === 'object' ? (options.top ?? this.scrollTop) : (options ?? 0);
      this.dispatchEvent(new Event('scroll'));
    } as Element['scrollTo'];
  });
  afterAll(() => {
    if (originalScrollTop) Object.defineProperty(Element.prototype, 'scrollTop', originalScrollTop);
    if (originalScrollTo) Object.defineProperty(Element.prototype, 'scrollTo', originalScrollTo);
    else delete (Element.prototype as Partial<Element>).scrollTo;
    for (const [name, descriptor] of originals) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
      else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name];
    }
  });
}
