import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full garbage collection on demand, without starting the test process with --expose-gc: for
// tests of code that must keep working when what it holds only weakly is collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Collects garbage in a later turn of the event loop: objects a WeakRef was made to in the current
 * turn are kept until it ends, so collecting now would prove nothing.
 */
export function collectGarbageSoon(): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      gc();
      resolve();
    }),
  );
}
