// The HTML report as a small tree of elements, not a string: the saved file is this tree serialized,
// and the app's preview builds the very same elements with React (its CSP allows no HTML strings).

export const HTML_TAGS = [
  'div',
  'header',
  'footer',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'p',
  'dl',
  'dt',
  'dd',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'code',
  'span',
  'strong',
] as const;
export type HtmlTag = (typeof HTML_TAGS)[number];

export interface HtmlAttributes {
  class?: string;
  scope?: 'col' | 'row';
  colspan?: number;
}

export interface HtmlElement {
  tag: HtmlTag;
  attrs?: HtmlAttributes;
  children: HtmlNode[];
}

/** Text is always text: escaped when serialized, a text node in the preview. */
export type HtmlNode = string | HtmlElement;

export function el(tag: HtmlTag, attrs: HtmlAttributes | undefined, ...children: (HtmlNode | undefined | false)[]): HtmlElement {
  const kept = children.filter((child): child is HtmlNode => child !== undefined && child !== false && child !== '');
  return attrs ? { tag, attrs, children: kept } : { tag, children: kept };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

export function serializeHtml(nodes: readonly HtmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += escapeHtml(node);
      continue;
    }
    let attrs = '';
    if (node.attrs?.class) attrs += ` class="${escapeHtml(node.attrs.class)}"`;
    if (node.attrs?.scope) attrs += ` scope="${node.attrs.scope}"`;
    if (node.attrs?.colspan !== undefined) attrs += ` colspan="${Math.trunc(node.attrs.colspan)}"`;
    out += `<${node.tag}${attrs}>${serializeHtml(node.children)}</${node.tag}>`;
    // Line breaks between block elements keep the saved file readable in a text editor.
    if (BLOCK.has(node.tag)) out += '\n';
  }
  return out;
}

const BLOCK = new Set<HtmlTag>([
  'header',
  'footer',
  'section',
  'article',
  'h1',
  'h2',
  'h3',
  'p',
  'dl',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
]);
