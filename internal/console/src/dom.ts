// Small DOM helpers shared by the pages.
import { ApiError } from './api';

/** el makes an element with attributes and children. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** button makes a button that runs onClick. */
export function button(label: string, attrs: Record<string, string>, onClick: (ev: MouseEvent) => void): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** confirmButton makes a button for what cannot be undone. The first press only asks:
 * the button reads "Confirm …" (its name "Confirm …" too, announced in a live region)
 * for ten seconds or until focus leaves it. A later, separate press runs onConfirm: the
 * second click of a double-click, a click within half a second, or a held key's repeats
 * do not, so one hurried gesture never confirms. While what onConfirm returns (a
 * promise) is pending, the button is disabled, so the action cannot be sent twice. */
export function confirmButton(label: string, attrs: Record<string, string>, onConfirm: () => unknown): HTMLButtonElement {
  const name = attrs['aria-label'] ?? label;
  const armedName = `Confirm ${name.charAt(0).toLowerCase()}${name.slice(1)}`;
  let armedAt = 0;
  let timer = 0;
  const reset = (): void => {
    window.clearTimeout(timer);
    armedAt = 0;
    delete b.dataset.confirming;
    b.textContent = label;
    if (attrs['aria-label'] !== undefined) b.setAttribute('aria-label', name);
  };
  const b = button(label, attrs, (ev) => {
    if (armedAt === 0) {
      armedAt = performance.now();
      b.dataset.confirming = '';
      b.textContent = `Confirm ${label.toLowerCase()}`;
      if (attrs['aria-label'] !== undefined) b.setAttribute('aria-label', armedName);
      announce(`Press again to confirm: ${name}`);
      timer = window.setTimeout(reset, 10_000);
      return;
    }
    if (ev.detail > 1 || performance.now() - armedAt < 500) return;
    reset();
    const done = onConfirm();
    if (done instanceof Promise) {
      b.disabled = true;
      void done.finally(() => { b.disabled = false; });
    }
  });
  b.addEventListener('keydown', (ev) => {
    if (ev.repeat && (ev.key === 'Enter' || ev.key === ' ')) ev.preventDefault();
  });
  b.addEventListener('blur', reset);
  return b;
}

/** announce says text in the page's shared polite live region. */
function announce(text: string): void {
  let region = document.getElementById('announce');
  if (!region) {
    region = el('div', { id: 'announce', 'aria-live': 'polite', class: 'visually-hidden' });
    document.body.append(region);
  }
  region.textContent = text;
}

/** when shows a time from the API (RFC 3339) in the reader's locale, the exact value in
 * its datetime attribute and tooltip. */
export function when(iso: string): HTMLTimeElement {
  const t = new Date(iso);
  const text = Number.isNaN(t.getTime()) ? iso : t.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return el('time', { datetime: iso, title: iso }, text);
}

/** showError renders an error with its code, message and request id into where. */
export function showError(where: Element, e: unknown): void {
  const text = e instanceof ApiError ? e.describe() : `UNEXPECTED: ${String(e)}`;
  where.replaceChildren(el('p', { role: 'alert', class: 'error' }, text));
}

/** field makes a labelled input. */
export function field(id: string, label: string, attrs: Record<string, string> = {}): [HTMLLabelElement, HTMLInputElement] {
  return [el('label', { for: id }, label), el('input', { id, ...attrs })];
}

/** table makes a table with a header row and, through fill, its body rows. */
export function table(id: string, headings: string[], rows: HTMLTableRowElement[]): HTMLTableElement {
  const t = el('table', { id },
    el('thead', {}, el('tr', {}, ...headings.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}));
  fill(t, rows);
  return t;
}

/** fill replaces (or, with append, extends) t's body rows. Each cell is labelled with its
 * column's heading, which a narrow screen shows before it once the table stacks, and a
 * table with no rows says so in its footer. */
export function fill(t: HTMLTableElement, rows: HTMLTableRowElement[], append = false): void {
  const headings = [...(t.tHead?.rows[0]?.cells ?? [])].map((c) => c.textContent ?? '');
  for (const r of rows) {
    [...r.cells].forEach((c, i) => {
      const heading = headings[i];
      if (heading) c.dataset.label = heading;
    });
  }
  const body = t.tBodies[0] ?? t.createTBody();
  if (append) body.append(...rows);
  else body.replaceChildren(...rows);
  t.deleteTFoot();
  if (body.rows.length === 0) {
    t.createTFoot().append(el('tr', {}, el('td', { colspan: String(headings.length), class: 'meta' }, 'None.')));
  }
}

/** row makes a table row of cells. */
export function row(...cells: (Node | string)[]): HTMLTableRowElement {
  return el('tr', {}, ...cells.map((c) => el('td', {}, c)));
}

/** liveStatus makes the polite live region where a form reports its outcome. */
export function liveStatus(attrs: Record<string, string> = {}): HTMLElement {
  return el('div', { 'aria-live': 'polite', ...attrs });
}

/** onSubmit runs run when form is submitted, showing its error in status. */
export function onSubmit(form: HTMLFormElement, status: Element, run: () => Promise<unknown>): void {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    status.replaceChildren();
    run().catch((e: unknown) => showError(status, e));
  });
}

/** select makes a labelled select of options ([value, label]), value chosen. */
export function select(id: string, label: string, options: [string, string][], value: string): [HTMLLabelElement, HTMLSelectElement] {
  const s = el('select', { id }, ...options.map(([v, l]) => el('option', v === value ? { value: v, selected: '' } : { value: v }, l)));
  return [el('label', { for: id }, label), s];
}

/** swap empties where and returns a new element inside it for a page to render into: a
 * page still loading when another is shown finishes into an element no longer on screen. */
export function swap(where: Element): HTMLElement {
  const page = el('div', {}, el('p', {}, 'Loading…'));
  where.replaceChildren(page);
  return page;
}
