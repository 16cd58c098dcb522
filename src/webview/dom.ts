/** Small DOM helpers: the panel builds its own UI with createElement and textContent only. */

type Child = Node | string | undefined | false | null;

export interface Props {
  readonly class?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
  readonly onClick?: (event: Event) => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) if (value !== undefined) element.setAttribute(name, value);
  if (props.onClick) element.addEventListener('click', props.onClick);
  for (const child of children) {
    if (child === undefined || child === false || child === null) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A codicon, hidden from assistive technology (the button's text names it). */
export function icon(name: string): HTMLSpanElement {
  return h('span', { class: `codicon codicon-${name}`, attrs: { 'aria-hidden': 'true' } });
}

/**
 * A native button (Enter and Space work without extra code) with a codicon and a visible label.
 * `key` identifies it across re-renders so focus can be restored.
 */
export function button(
  label: string,
  options: { icon?: string; key?: string; primary?: boolean; ariaLabel?: string; describedBy?: string; iconOnly?: boolean; onClick: () => void },
): HTMLButtonElement {
  // An icon-only button is named by `label` (aria-label) and shows it as a tooltip.
  const iconOnly = options.iconOnly === true && options.icon !== undefined;
  return h(
    'button',
    {
      class: `${options.primary ? 'button primary' : 'button'}${iconOnly ? ' icon-only' : ''}`,
      attrs: {
        type: 'button',
        'data-key': options.key,
        'aria-label': iconOnly ? label : options.ariaLabel,
        title: iconOnly ? label : options.ariaLabel,
        'aria-describedby': options.describedBy,
      },
      onClick: () => options.onClick(),
    },
    options.icon ? icon(options.icon) : undefined,
    iconOnly ? undefined : h('span', { class: 'label', text: label }),
  );
}

/** Re-renders `container` and puts focus back on the element with the same `data-key`, if any. */
export function rerender(container: HTMLElement, build: () => Node[]): void {
  const active = document.activeElement;
  const key = active instanceof HTMLElement && container.contains(active) ? active.dataset.key : undefined;
  container.replaceChildren(...build());
  if (key) {
    const again = Array.from(container.querySelectorAll<HTMLElement>('[data-key]')).find((element) => element.dataset.key === key);
    again?.focus();
  }
}
