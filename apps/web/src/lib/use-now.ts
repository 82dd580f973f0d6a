import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` (for countdowns). */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Whole days, hours and minutes left until `deadline` (zero when past). */
export function timeLeft(deadline: string, now: number) {
  const ms = Math.max(0, Date.parse(deadline) - now);
  const minutes = Math.floor(ms / 60_000);
  return { past: ms === 0, days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
