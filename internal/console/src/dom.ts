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
export function button(label: string, attrs: Record<string, string>, onClick: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
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
