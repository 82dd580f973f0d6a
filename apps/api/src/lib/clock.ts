/** The server's clock; tests inject their own to judge deadlines to the millisecond. */
export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and move. */
export function fixedClock(start: Date | string | number = Date.now()) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set(v: Date | string | number) { t = new Date(v).getTime(); },
    advance(ms: number) { t += ms; },
  };
}
