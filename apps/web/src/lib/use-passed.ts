import { useEffect, useState } from 'react';

const MAX_TIMEOUT = 2 ** 31 - 1;

/** Whether the instant has passed, turning true at that moment (a deadline that enables a button). */
export function usePassed(instant: string): boolean {
  const at = Date.parse(instant);
  const [checks, setChecks] = useState(0);
  const passed = Date.now() >= at;
  useEffect(() => {
    if (passed) return;
    // A deadline further than the longest timeout a browser keeps is looked at again after that timeout.
    const id = setTimeout(() => setChecks((n) => n + 1), Math.min(at - Date.now() + 50, MAX_TIMEOUT));
    return () => clearTimeout(id);
  }, [at, passed, checks]);
  return passed;
}
