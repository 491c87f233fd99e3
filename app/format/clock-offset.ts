/** "3.0 hours ahead", "7 minutes behind", "1.5 seconds ahead", or "less than a second off". */
export function describeClockOffset(offsetMs: number): string {
  const seconds = Math.abs(offsetMs) / 1000;
  if (seconds < 1) return 'less than a second off';
  const direction = offsetMs > 0 ? 'ahead' : 'behind';
  const amount =
    seconds >= 3600
      ? `${(seconds / 3600).toFixed(1)} hours`
      : seconds >= 120
        ? `${Math.round(seconds / 60)} minutes`
        : `${seconds.toFixed(1)} seconds`;
  return `${amount} ${direction}`;
}
