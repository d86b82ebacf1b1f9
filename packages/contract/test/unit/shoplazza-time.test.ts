import { describe, expect, it } from 'vitest';
import { parseShoplazzaTime } from '../../src/sandbox/shoplazza';

describe('parseShoplazzaTime', () => {
  it.each([
    ['2024-01-01T00:00:00Z', Date.UTC(2024, 0, 1)],
    ['2024-01-01T08:00:00+08:00', Date.UTC(2024, 0, 1)],
    ['2024-01-01T08:00:00 08:00', Date.UTC(2024, 0, 1)],
    ['2023-12-31T19:00:00.000-05:00', Date.UTC(2024, 0, 1)],
  ])('reads %s', (value, epoch) => {
    expect(parseShoplazzaTime(value)).toBe(epoch);
  });

  it.each(['2024-01-01', '2024-01-01T00:00:00', '2024-13-01T00:00:00Z', 'yesterday', ''])(
    'refuses %j',
    (value) => {
      expect(parseShoplazzaTime(value)).toBeUndefined();
    },
  );
});
