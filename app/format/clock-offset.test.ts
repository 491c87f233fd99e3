import { describe, expect, it } from 'vitest';
import { describeClockOffset } from './clock-offset';

describe('describeClockOffset', () => {
  it('says ahead for a positive offset and behind for a negative one, in the largest sensible unit', () => {
    expect(describeClockOffset(3 * 3600_000)).toBe('3.0 hours ahead');
    expect(describeClockOffset(-7 * 60_000)).toBe('7 minutes behind');
    expect(describeClockOffset(1500)).toBe('1.5 seconds ahead');
    expect(describeClockOffset(-119_000)).toBe('119.0 seconds behind');
  });

  it('does not give a direction to an offset under a second', () => {
    expect(describeClockOffset(0)).toBe('less than a second off');
    expect(describeClockOffset(-999)).toBe('less than a second off');
  });
});
