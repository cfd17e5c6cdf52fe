import { describe, it, expect } from 'vitest';
import { runCurrentTime, zonedTime, CURRENT_TIME_TOOL } from './current-time';

const NOW = new Date('2024-03-10T12:34:56.789Z');

function at(now: Date, zone?: string) {
  const result = zonedTime(now, zone);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('get_current_time', () => {
  it('defaults to UTC', () => {
    expect(at(NOW)).toEqual({
      time_zone: 'UTC',
      local_time: '2024-03-10T12:34:56+00:00',
      date: '2024-03-10',
      time: '12:34:56',
      weekday: 'Sunday',
      utc_offset: '+00:00',
      time_zone_name: 'Coordinated Universal Time',
      utc_time: '2024-03-10T12:34:56.789Z',
    });
  });

  it.each([
    ['Asia/Tokyo', '2024-03-10T21:34:56+09:00', 'Sunday'],
    ['Asia/Kolkata', '2024-03-10T18:04:56+05:30', 'Sunday'],
    ['Asia/Kathmandu', '2024-03-10T18:19:56+05:45', 'Sunday'],
    // DST in the US began at 2:00 local time that very morning.
    ['America/New_York', '2024-03-10T08:34:56-04:00', 'Sunday'],
    ['America/Los_Angeles', '2024-03-10T05:34:56-07:00', 'Sunday'],
    ['Europe/Paris', '2024-03-10T13:34:56+01:00', 'Sunday'],
    ['Pacific/Kiritimati', '2024-03-11T02:34:56+14:00', 'Monday'],
    ['Pacific/Pago_Pago', '2024-03-10T01:34:56-11:00', 'Sunday'],
  ])('formats %s', (zone, local, weekday) => {
    const time = at(NOW, zone);
    expect(time.time_zone).toBe(zone);
    expect(time.local_time).toBe(local);
    expect(time.weekday).toBe(weekday);
    expect(time.utc_offset).toBe(local.slice(-6));
  });

  it('crosses midnight and reads 00, not 24', () => {
    const midnight = new Date('2024-12-31T23:00:00Z');
    expect(at(midnight, 'Europe/Berlin').local_time).toBe('2025-01-01T00:00:00+01:00');
    expect(at(midnight, 'Europe/Berlin').weekday).toBe('Wednesday');
  });

  it('accepts zone names in any case and reports the canonical spelling', () => {
    expect(at(NOW, 'america/new_york').time_zone).toBe('America/New_York');
  });

  it('returns an error value for an unknown zone or an invalid clock', () => {
    expect(zonedTime(NOW, 'Mars/Olympus_Mons')).toMatchObject({ ok: false, error: expect.stringMatching(/^Unknown time zone "Mars\/Olympus_Mons"/) });
    expect(zonedTime(new Date(Number.NaN)).ok).toBe(false);
  });

  it('runs as a tool with JSON content, treating a blank zone as UTC', () => {
    const outcome = runCurrentTime(NOW, '  ');
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(JSON.parse(outcome.content)).toMatchObject({ time_zone: 'UTC', weekday: 'Sunday' });
    expect(runCurrentTime(NOW, 'Nowhere').ok).toBe(false);
  });

  it('has an optional time_zone in its schema', () => {
    expect(CURRENT_TIME_TOOL.input_schema.required).toEqual([]);
    expect(CURRENT_TIME_TOOL.input_schema.properties).toHaveProperty('time_zone');
  });
});
