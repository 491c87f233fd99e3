import { useMemo } from 'react';
import { MarkedText } from './MarkedText';
import { markPattern, type Mark } from './marks';

/** Markdown or JSON exactly as saved (or copied), with the placeholders marked. */
export function TextPreview({ text, marks, label }: { text: string; marks: readonly Mark[]; label: string }) {
  const matcher = useMemo(() => markPattern(marks), [marks]);
  return (
    <pre className="report-text" aria-label={label} tabIndex={0}>
      <MarkedText text={text} matcher={matcher} className="report-mark" />
    </pre>
  );
}
