// Building the report's DOM: elements with text children only. Nothing from the data is ever
// parsed as HTML: a value holding `<img onerror=...>` becomes a text node showing those characters.
type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

export function time(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z').replace('T', ' ');
}

export function table(
  headers: readonly string[],
  rows: readonly (readonly Child[])[],
  className = '',
): HTMLTableElement {
  return el(
    'table',
    className ? { class: className } : {},
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c) => el('td', {}, c))))),
  );
}

/** A <details> whose content is built when first opened: a closed section costs nothing. */
export function lazyDetails(
  summary: Child[],
  build: () => Node,
  attributes: Record<string, string> = {},
): HTMLDetailsElement {
  const details = el('details', attributes, el('summary', {}, ...summary));
  let built = false;
  details.addEventListener('toggle', () => {
    if (details.open && !built) {
      built = true;
      details.appendChild(build());
    }
  });
  return details;
}
