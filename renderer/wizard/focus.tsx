// Focus follows the wizard: each step (and each state of a finding's card) has one heading that
// takes focus when it changes, so keyboard and screen-reader users land on what is new. Not on the
// screen's first appearance: switching to the wizard from the navigation keeps focus there.
import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';

const TargetContext = createContext<RefObject<HTMLHeadingElement | null> | undefined>(undefined);

export function FocusOnChange({ focusKey, children }: { focusKey: string; children: ReactNode }) {
  const target = useRef<HTMLHeadingElement | null>(null);
  const last = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (last.current !== undefined && last.current !== focusKey) target.current?.focus();
    last.current = focusKey;
  }, [focusKey]);
  return <TargetContext.Provider value={target}>{children}</TargetContext.Provider>;
}

/** A heading; `target` marks the one that takes focus when the step changes (one per view). */
export function StepHeading({
  level = 1,
  target = false,
  id,
  children,
}: {
  level?: 1 | 2;
  target?: boolean;
  id?: string;
  children: ReactNode;
}) {
  const ref = useContext(TargetContext);
  const Tag = level === 1 ? 'h1' : 'h2';
  return (
    <Tag id={id} ref={target ? ref : undefined} tabIndex={target ? -1 : undefined} className="step-heading">
      {children}
    </Tag>
  );
}
