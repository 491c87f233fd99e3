import type { markPattern } from './marks';
import { kindNoun, splitMarks } from './marks';

/** Text with each placeholder marked, and named for screen readers and on hover. */
export function MarkedText({ text, matcher, className }: { text: string; matcher: ReturnType<typeof markPattern>; className: string }) {
  return (
    <>
      {splitMarks(text, matcher).map((piece, index) =>
        piece.kind ? (
          <mark key={index} className={className} title={`Hidden: ${kindNoun(piece.kind)}`}>
            {piece.text}
          </mark>
        ) : (
          piece.text
        ),
      )}
    </>
  );
}
