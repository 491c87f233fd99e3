import type { RunEvent } from '../../app/contract/check';

/** A one-line live counter on a terminal; silent when the output is a file or a pipe. */
export function progressLine(stream: NodeJS.WriteStream): { onEvent(event: RunEvent): void; clear(): void } {
  if (!stream.isTTY) return { onEvent: () => undefined, clear: () => undefined };
  let total = 0;
  let done = 0;
  let failed = 0;
  const draw = (last: string) => {
    const text = `Checking… ${done}/${total}${failed ? `, ${failed} failed` : ''}  ${last}`;
    stream.write(`\r\x1b[2K${text.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
  };
  return {
    onEvent(event) {
      if (event.type === 'run-started') {
        total = event.planned.length;
        draw('');
      } else if (event.type === 'check-result') {
        done += 1;
        if (event.result.status === 'fail') failed += 1;
        draw(event.result.title);
      }
    },
    clear() {
      stream.write('\r\x1b[2K');
    },
  };
}
