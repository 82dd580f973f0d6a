import { describe, expect, it } from 'vitest';
import { instantToZoned, kopecksToRoubles, roublesToKopecks, zonedToInstant } from '../src/pages/organiser/zoned-time';

describe('competition times in the competition’s zone', () => {
  it('reads a Moscow wall-clock time as the right instant and back', () => {
    expect(zonedToInstant('2027-03-01T18:00', 'Europe/Moscow')).toBe('2027-03-01T15:00:00.000Z');
    expect(instantToZoned('2027-03-01T15:00:00.000Z', 'Europe/Moscow')).toBe('2027-03-01T18:00');
  });
  it('handles other zones, across midnight and daylight saving', () => {
    expect(zonedToInstant('2027-01-01T01:30', 'Asia/Vladivostok')).toBe('2026-12-31T15:30:00.000Z');
    expect(zonedToInstant('2027-07-01T12:00', 'Europe/Berlin')).toBe('2027-07-01T10:00:00.000Z');
    expect(zonedToInstant('2027-01-15T12:00', 'Europe/Berlin')).toBe('2027-01-15T11:00:00.000Z');
    expect(instantToZoned('2027-07-01T10:00:00.000Z', 'Europe/Berlin')).toBe('2027-07-01T12:00');
  });
  it('refuses what is not a datetime-local value', () => {
    expect(zonedToInstant('', 'Europe/Moscow')).toBeNull();
    expect(zonedToInstant('01.03.2027 18:00', 'Europe/Moscow')).toBeNull();
  });
  it('converts roubles to whole kopecks', () => {
    expect(roublesToKopecks(1_500_000)).toBe(150_000_000);
    expect(roublesToKopecks(0.1 + 0.2)).toBe(30);
    expect(roublesToKopecks(1234.56)).toBe(123456);
    expect(kopecksToRoubles(150_000_000)).toBe(1_500_000);
  });
});
