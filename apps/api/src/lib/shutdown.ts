// How the process ends. SIGTERM (or SIGINT) lets in-flight requests finish and closes the database, then exits 0;
// past the grace period it exits 0 anyway, and a second signal exits at once. Supervisors that wait for the exit
// (a process manager, a test harness, `pnpm start` under a closed terminal) never keep an orphan.
export interface ShutdownOptions {
  graceMs: number;
  /** Closes the listener, waits for in-flight requests, releases the database. */
  close(): Promise<void>;
  log(message: string, err?: unknown): void;
}

export function exitOnSignals({ graceMs, close, log }: ShutdownOptions): void {
  let stopping = false;
  const stop = (reason: string, code: number) => {
    if (stopping) process.exit(code);
    stopping = true;
    log(`${reason}: finishing in-flight requests (at most ${Math.round(graceMs / 1000)} s)`);
    // A ref'd timer: even if close() never settles, the process ends on time.
    setTimeout(() => { log('shutdown grace period over: exiting'); process.exit(code); }, graceMs);
    close().then(() => process.exit(code), (err) => { log('shutdown failed', err); process.exit(code || 1); });
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal, 0));
  process.on('uncaughtException', (err) => { log('uncaught exception', err); stop('uncaught exception', 1); });
  process.on('unhandledRejection', (err) => { log('unhandled rejection', err); stop('unhandled rejection', 1); });
}
