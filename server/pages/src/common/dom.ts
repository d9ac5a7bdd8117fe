/**
 * A tiny element builder: the pages are small enough that a framework would outweigh them.
 * Text goes in as text nodes only (never innerHTML), so nothing from the server is ever parsed as markup.
 */
type Child = Node | string | null | false;
/** Attributes by name; `on…` names take a listener for that event (`onclick`, `onsubmit`). */
type Attrs = Readonly<Record<string, string | boolean | number | undefined | ((event: never) => void)>>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value as EventListener);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== undefined && value !== false) element.setAttribute(name, String(value));
  }
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

/** Replaces everything in `root` with `children`. */
export function render(root: Element, ...children: Child[]): void {
  root.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== false));
}
