import { createElement, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { HtmlNode } from '../../app/report/render/html-tree';
import { REPORT_CSS } from '../../app/report/render/style';
import { MarkedText } from './MarkedText';
import { markPattern, type Mark } from './marks';

// The HTML report shown with its own stylesheet, exactly as saved: the same elements (main sends the
// tree the file is serialized from) and the same CSS, in a shadow root so neither the app's styles
// nor the report's leak into the other. Built with DOM calls, not HTML strings: the app's CSP allows none.

const MARK_CSS = `
:host { display: block; }
.sd-hidden { background: #fff0a8; color: inherit; border-radius: 3px; box-shadow: 0 0 0 1px #c99a00; padding: 0 1px; }
@media screen and (prefers-color-scheme: dark) {
  .sd-report:not(.sd-paper) .sd-hidden { background: #5c4b0c; box-shadow: 0 0 0 1px #e6c04d; }
}
`;

let sheet: CSSStyleSheet | undefined;
function reportSheet(): CSSStyleSheet | undefined {
  if (sheet) return sheet;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${REPORT_CSS}\n${MARK_CSS}`);
    return sheet;
  } catch {
    return undefined;
  }
}

function toReact(node: HtmlNode, matcher: ReturnType<typeof markPattern>, key: number, rootClass?: string): ReactNode {
  if (typeof node === 'string') return <MarkedText key={key} text={node} matcher={matcher} className="sd-hidden" />;
  const className = [node.attrs?.class, rootClass].filter(Boolean).join(' ') || undefined;
  return createElement(
    node.tag,
    { key, className, scope: node.attrs?.scope, colSpan: node.attrs?.colspan },
    ...node.children.map((child, index) => toReact(child, matcher, index)),
  );
}

export function DocumentPreview({ body, paper, marks, label }: { body: HtmlNode; paper: boolean; marks: readonly Mark[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [root, setRoot] = useState<ShadowRoot | null>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const styles = reportSheet();
    if (styles) shadow.adoptedStyleSheets = [styles];
    setRoot(shadow);
  }, []);
  const matcher = useMemo(() => markPattern(marks), [marks]);
  const tree = useMemo(() => toReact(body, matcher, 0, paper ? 'sd-paper' : undefined), [body, matcher, paper]);
  return (
    <div ref={host} className={`report-document${paper ? ' report-document-paper' : ''}`} role="document" aria-label={label} tabIndex={0}>
      {root ? createPortal(tree, root) : null}
    </div>
  );
}
