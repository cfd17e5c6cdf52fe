// What get_current_time's definition promises, checked against what it returns.
import { describe, expect, it } from 'vitest';
import { CURRENT_TIME_TOOL, runCurrentTime, zonedTime } from './current-time';

const now = new Date('2026-12-07T18:30:05.250Z');

describe("get_current_time's definition", () => {
  it('lists every field it returns, and its default', () => {
    expect(CURRENT_TIME_TOOL.description).toBe(
      'Returns the current date and time in a time zone: the local date and time (ISO 8601 with UTC offset), ' +
        "the weekday, the UTC offset and the time zone name. Use it whenever the answer depends on today's date or the current time, " +
        'which you cannot know otherwise. Defaults to UTC when no time zone is given.',
    );
    const result = zonedTime(now, 'Asia/Tokyo');
    expect(result).toEqual({
      ok: true,
      value: {
        time_zone: 'Asia/Tokyo',
        local_time: '2026-12-08T03:30:05+09:00',
        date: '2026-12-08',
        time: '03:30:05',
        weekday: 'Tuesday',
        utc_offset: '+09:00',
        time_zone_name: 'Japan Standard Time',
        utc_time: '2026-12-07T18:30:05.250Z',
      },
    });
  });

  it('describes its one optional input with examples it accepts', () => {
    const zone = (CURRENT_TIME_TOOL.input_schema.properties as Record<string, { type: string; description: string } | undefined>).time_zone;
    expect(zone?.type).toBe('string');
    expect(zone?.description).toBe('An IANA time zone name such as "Europe/Paris", "America/New_York", "Asia/Tokyo" or "UTC". Defaults to "UTC".');
    for (const example of [...(zone?.description ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '')) expect(zonedTime(now, example).ok, example).toBe(true);
    expect(CURRENT_TIME_TOOL.input_schema.required).toEqual([]);
    expect(CURRENT_TIME_TOOL.input_schema.additionalProperties).toBe(false);
  });
});

describe('get_current_time at its edges', () => {
  it('says so when the clock is not a valid date', () => {
    expect(zonedTime(new Date(Number.NaN))).toEqual({ ok: false, error: 'The current time is not a valid date' });
  });

  it('trims the zone name it is given, and reads half-hour offsets', () => {
    const result = runCurrentTime(now, '  Asia/Kolkata  ');
    expect(result.ok).toBe(true);
    expect(result.ok && JSON.parse(result.content)).toMatchObject({ time_zone: 'Asia/Kolkata', utc_offset: '+05:30', local_time: '2026-12-08T00:00:05+05:30' });
    expect(zonedTime(now, 'America/St_Johns')).toMatchObject({ ok: true, value: { utc_offset: '-03:30' } });
  });
});
