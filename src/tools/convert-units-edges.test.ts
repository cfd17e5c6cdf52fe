import { describe, expect, it } from 'vitest';
import { CONVERT_UNITS_TOOL, convertValue, runConvertUnits } from './convert-units';
import { acceptedUnits } from './units-table';

describe("convert_units' definition", () => {
  const description = CONVERT_UNITS_TOOL.description ?? '';
  const properties = CONVERT_UNITS_TOOL.input_schema.properties as Record<string, { type: string; description: string } | undefined>;

  it('says what it does, every accepted unit, and the conventions it follows', () => {
    expect(description).toBe(
      'Converts a value from one unit to another of the same kind and returns the converted value. ' +
        `Supported units (case-insensitive; full names such as "miles", "celsius" or "kilograms" also work): ${acceptedUnits()}. ` +
        'Volumes are US customary (gal is the US gallon). KB, MB, GB and TB are 1000-based; KiB, MiB and GiB are 1024-based. ' +
        'Temperatures are converted with their offsets (C, F, K). ' +
        'Both units must measure the same kind of quantity; otherwise an error is returned.',
    );
    // The conventions it states hold.
    expect(convertValue(1, 'gal', 'l')).toEqual({ ok: true, value: 3.785411784 });
    expect(convertValue(1, 'GB', 'MB')).toEqual({ ok: true, value: 1000 });
    expect(convertValue(1, 'GiB', 'MiB')).toEqual({ ok: true, value: 1024 });
    expect(convertValue(100, 'C', 'F')).toEqual({ ok: true, value: 212 });
    for (const name of ['miles', 'celsius', 'kilograms']) expect(convertValue(1, name, name).ok, name).toBe(true);
  });

  it('describes its three inputs with examples it accepts', () => {
    expect(properties.value).toEqual({ type: 'number', description: 'The numeric value to convert, e.g. 26.2.' });
    expect(properties.from).toEqual({ type: 'string', description: 'The unit of the value, e.g. "mi", "kg", "F", "km/h", "GiB".' });
    expect(properties.to).toEqual({ type: 'string', description: 'The unit to convert to, e.g. "km", "lb", "C", "mph", "GB".' });
    const examples = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '');
    const [from, to] = [examples(properties.from?.description ?? ''), examples(properties.to?.description ?? '')];
    expect(from.map((unit, i) => convertValue(1, unit, to[i] ?? '').ok)).toEqual([true, true, true, true, true]);
    expect(CONVERT_UNITS_TOOL.input_schema.additionalProperties).toBe(false);
  });
});

describe('convertValue at its edges', () => {
  it('names the value that is not finite', () => {
    expect(convertValue(Number.POSITIVE_INFINITY, 'm', 'km')).toEqual({ ok: false, error: 'The value must be a finite number (got Infinity)' });
  });

  it('names only the unknown unit, whichever side it is on', () => {
    expect(convertValue(1, 'm', 'furlong')).toMatchObject({ ok: false, error: expect.stringMatching(/^Unknown unit "furlong"\. Accepted units: /) });
    expect(convertValue(1, 'furlong', 'm')).toMatchObject({ ok: false, error: expect.stringMatching(/^Unknown unit "furlong"\. /) });
  });

  it('lists the accepted units of the dimension without its name', () => {
    expect(convertValue(1, 's', 'm')).toEqual({ ok: false, error: 'Cannot convert time (s) to length (m). Accepted time units: s, min, h, day, week' });
  });

  it('says when the result overflows', () => {
    // 1e300 TB is 1e312 bytes, past the largest double.
    expect(convertValue(1e300, 'TB', 'B')).toEqual({ ok: false, error: 'The result is not a finite number (overflow)' });
  });

  it('drops rounding noise against the largest term, including the source offset', () => {
    // 0 °C in kelvin and back, and absolute zero: exact.
    expect(convertValue(0, 'C', 'K')).toEqual({ ok: true, value: 273.15 });
    expect(convertValue(273.15, 'K', 'C')).toEqual({ ok: true, value: 0 });
    expect(convertValue(-459.67, 'F', 'K')).toEqual({ ok: true, value: 0 });
    expect(convertValue(0, 'K', 'F')).toEqual({ ok: true, value: -459.67 });
    expect(convertValue(-40, 'F', 'C')).toEqual({ ok: true, value: -40 });
    // A zero stays zero, a tiny value keeps its digits, a huge one is not rounded away.
    expect(convertValue(0, 'm', 'km')).toEqual({ ok: true, value: 0 });
    expect(convertValue(1e-9, 'mm', 'm')).toEqual({ ok: true, value: 1e-12 });
    expect(convertValue(1.2345678901234e200, 'km', 'm')).toEqual({ ok: true, value: 1.2345678901234e203 });
    expect(convertValue(0.1, 'm', 'cm')).toEqual({ ok: true, value: 10 });
  });
});

describe('runConvertUnits', () => {
  it('returns the error as a failure', () => {
    expect(runConvertUnits(1, 'm', 'kg')).toEqual({ ok: false, error: expect.stringMatching(/^Cannot convert length \(m\) to mass \(kg\)/) });
  });

  it('shows the symbols for any name the units were given by', () => {
    expect(runConvertUnits(2, 'Hours', 'MINUTES')).toEqual({ ok: true, content: '2 h = 120 min' });
  });
});
