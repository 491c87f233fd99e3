import { useEffect, useState } from 'react';

/**
 * How many of `total` items to render now: `chunk` at first, then `chunk` more after each task, so
 * mounting hundreds of rows never blocks the page for long. Once reached, the count follows `total`.
 */
export function useProgressiveCount(total: number, chunk: number): number {
  const [shown, setShown] = useState(Math.min(total, chunk));
  useEffect(() => {
    if (shown >= total) return;
    const timer = setTimeout(() => setShown((n) => Math.min(total, n + chunk)), 0);
    return () => clearTimeout(timer);
  }, [shown, total, chunk]);
  return Math.min(shown, total);
}
