// How the process ends. SIGTERM (or SIGINT) lets in-flight requests finish and closes the database, then exits 0;
// past the grace period it exits 0 anyway, and a second signal exits at once. Supervisors that wait for the exit
// (a process manager, a test harness, `pnpm start` under a closed terminal) never keep an orphan.
// Ctrl-C reaches the server twice at once: the terminal signals the whole process group, and pnpm forwards the
// signal to its child (the server, which `pnpm start` execs). A repeat within SAME_PRESS_MS is that one press, not a
// second one asking to exit at once.
export const SAME_PRESS_MS = 250;

export interface ShutdownOptions {
  graceMs: number;
  /** Closes the listener, waits for in-flight requests, releases the database. */
  close(): Promise<void>;
  log(message: string, err?: unknown): void;
}

export function exitOnSignals({ graceMs, close, log }: ShutdownOptions): void {
  let stopping = false;
  let firstSignalAt = 0;
  const stop = (reason: string, code: number, signal = false) => {
    if (stopping) {
      if (signal && Date.now() - firstSignalAt < SAME_PRESS_MS) return;
      process.exit(code);
    }
    stopping = true;
    if (signal) firstSignalAt = Date.now();
    log(`${reason}: finishing in-flight requests (at most ${Math.round(graceMs / 1000)} s)`);
    // A ref'd timer: even if close() never settles, the process ends on time.
    setTimeout(() => { log('shutdown grace period over: exiting'); process.exit(code); }, graceMs);
    close().then(() => { log('stopped'); process.exit(code); }, (err) => { log('shutdown failed', err); process.exit(code || 1); });
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal, 0, true));
  process.on('uncaughtException', (err) => { log('uncaught exception', err); stop('uncaught exception', 1); });
  process.on('unhandledRejection', (err) => { log('unhandled rejection', err); stop('unhandled rejection', 1); });
}
