import createDOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

/**
 * Renders Markdown from the teacher or a model: markdown-it with raw HTML disabled, then
 * DOMPurify with a small allow-list, returned as a DOM fragment. Model text never reaches the
 * DOM unsanitised, and there is no hand-written escaping.
 */
export interface MarkdownRenderer {
  render(markdown: string): DocumentFragment;
}

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

export function createMarkdownRenderer(win: Window): MarkdownRenderer {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  const purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links open outside the webview (VS Code handles the click); never give them an opener.
    if (node.tagName === 'A') node.setAttribute('rel', 'noopener noreferrer');
  });
  const config = {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'start', 'class', 'rel'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true as const,
  };
  return {
    render(markdown: string): DocumentFragment {
      return purify.sanitize(md.render(markdown), config);
    },
  };
}
