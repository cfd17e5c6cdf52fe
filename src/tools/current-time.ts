// The `get_current_time` built-in tool. The instant is passed in (never read
// from a clock here), so results are reproducible and testable.

import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { failure, success, type ToolOutcome } from './outcome';

export const CURRENT_TIME_TOOL: Tool = {
  name: 'get_current_time',
  description:
    'Returns the current date and time in a time zone: the local date and time (ISO 8601 with UTC offset), ' +
    'the weekday, the UTC offset and the time zone name. Use it whenever the answer depends on today\'s date or the current time, ' +
    'which you cannot know otherwise. Defaults to UTC when no time zone is given.',
  input_schema: {
    type: 'object',
    properties: {
      time_zone: {
        type: 'string',
        description: 'An IANA time zone name such as "Europe/Paris", "America/New_York", "Asia/Tokyo" or "UTC". Defaults to "UTC".',
      },
    },
    required: [],
    additionalProperties: false,
  },
};

export interface ZonedTime {
  /** Canonical IANA name as resolved by Intl (e.g. "America/New_York"). */
  readonly time_zone: string;
  /** Local wall-clock time with its offset, e.g. "2024-03-10T21:34:56+09:00". */
  readonly local_time: string;
  readonly date: string;
  readonly time: string;
  readonly weekday: string;
  /** "+09:00", "-04:00", "+00:00". */
  readonly utc_offset: string;
  /** Long localized zone name, e.g. "Japan Standard Time". */
  readonly time_zone_name: string;
  readonly utc_time: string;
}

export type ZonedTimeResult = { readonly ok: true; readonly value: ZonedTime } | { readonly ok: false; readonly error: string };

const FIELDS = ['year', 'month', 'day', 'hour', 'minute', 'second', 'weekday', 'timeZoneName'] as const;
type Field = (typeof FIELDS)[number];

export function zonedTime(now: Date, timeZone = 'UTC'): ZonedTimeResult {
  const instant = now.getTime();
  if (!Number.isFinite(instant)) return { ok: false, error: 'The current time is not a valid date' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      // h23, not hour12: false, which some engines render as "24" at midnight.
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'long',
      timeZoneName: 'long',
    });
  } catch {
    // Intl throws a RangeError for names it does not know; that is the only failure here.
    return {
      ok: false,
      error: `Unknown time zone "${timeZone}". Use an IANA time zone name such as "UTC", "Europe/Paris", "America/New_York" or "Asia/Kolkata".`,
    };
  }
  const parts = new Map<Field, string>();
  for (const part of format.formatToParts(now)) {
    const type = FIELDS.find((field) => field === part.type);
    if (type !== undefined) parts.set(type, part.value);
  }
  const get = (field: Field): string => parts.get(field) ?? '';
  const date = `${get('year')}-${get('month')}-${get('day')}`;
  const time = `${get('hour')}:${get('minute')}:${get('second')}`;
  // The offset is computed rather than read from a "GMT+5:30" label, whose
  // format varies between engines: local wall time read as UTC, minus the
  // instant (truncated to whole seconds, as the wall time is).
  const wallAsUtc = Date.UTC(Number(get('year')), Number(get('month')) - 1, Number(get('day')), Number(get('hour')), Number(get('minute')), Number(get('second')));
  const offsetMinutes = Math.round((wallAsUtc - Math.floor(instant / 1000) * 1000) / 60_000);
  const utcOffset = formatOffset(offsetMinutes);
  return {
    ok: true,
    value: {
      time_zone: displayName(timeZone, format.resolvedOptions().timeZone),
      local_time: `${date}T${time}${utcOffset}`,
      date,
      time,
      weekday: get('weekday'),
      utc_offset: utcOffset,
      time_zone_name: get('timeZoneName'),
      utc_time: now.toISOString(),
    },
  };
}

// Intl canonicalizes names, fixing case ("america/new_york") but also, in
// some ICU versions, turning current names into legacy ones ("Asia/Kolkata"
// into "Asia/Calcutta"): keep the canonical form only for case fixes.
function displayName(requested: string, resolved: string): string {
  return requested.toLowerCase() === resolved.toLowerCase() ? resolved : requested;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function runCurrentTime(now: Date, timeZone: string | undefined): ToolOutcome {
  const result = zonedTime(now, timeZone === undefined || timeZone.trim() === '' ? 'UTC' : timeZone.trim());
  return result.ok ? success(JSON.stringify(result.value, null, 2)) : failure(result.error);
}
