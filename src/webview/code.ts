import type { PanelContext } from './context';
import { button, h } from './dom';

/**
 * Code in a narrow side bar: the block wraps its long lines instead of hiding them behind a
 * horizontal scrollbar, and carries two actions, "Copy" and "Insert as TODO scaffold" (the
 * extension inserts it as comments above the cursor, never as code). The block itself is
 * focusable, so keyboard users reach it, and the actions are a labelled group of native buttons.
 */
export function codeBlock(ctx: PanelContext, pre: HTMLPreElement, options: { key: string; onInsert: () => void }): HTMLElement {
  const text = pre.textContent ?? '';
  pre.classList.add('code');
  pre.tabIndex = 0;
  const copy = button(ctx.t('code.copy'), {
    icon: 'copy',
    key: `${options.key}#copy`,
    onClick: () => {
      ctx.post({ type: 'copyText', text });
      const label = copy.querySelector('.label');
      if (!label) return;
      label.textContent = ctx.t('code.copied');
      setTimeout(() => (label.textContent = ctx.t('code.copy')), 1500);
    },
  });
  const insert = button(ctx.t('code.insert'), { icon: 'add', key: `${options.key}#insert`, onClick: options.onInsert });
  return h('div', { class: 'code-block' }, pre, h('div', { class: 'code-actions', attrs: { role: 'group', 'aria-label': ctx.t('code.actions') } }, copy, insert));
}

/** A plain text block (a scaffold) as a code block. */
export function textCodeBlock(ctx: PanelContext, text: string, options: { key: string; onInsert: () => void }): HTMLElement {
  return codeBlock(ctx, h('pre', {}, h('code', { text })), options);
}

/** Gives every code block of rendered Markdown the actions; "insert" sends the block's own text. */
export function withCodeActions(ctx: PanelContext, fragment: DocumentFragment, key: string): DocumentFragment {
  Array.from(fragment.querySelectorAll('pre')).forEach((pre, index) => {
    const placeholder = document.createComment('code');
    pre.replaceWith(placeholder);
    const text = pre.textContent ?? '';
    placeholder.replaceWith(codeBlock(ctx, pre, { key: `${key}#code-${index}`, onInsert: () => ctx.post({ type: 'insertCode', text }) }));
  });
  return fragment;
}
