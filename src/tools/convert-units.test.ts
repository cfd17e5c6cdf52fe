import { describe, it, expect } from 'vitest';
import { convertValue, runConvertUnits, CONVERT_UNITS_TOOL } from './convert-units';
import { DIMENSIONS, findUnit, UNITS } from './units-table';

function convert(value: number, from: string, to: string): number {
  const result = convertValue(value, from, to);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('convert_units: conversions', () => {
  it.each([
    [1, 'mi', 'km', 1.609344],
    [1, 'ft', 'in', 12],
    [3, 'ft', 'yd', 1],
    [1, 'nmi', 'm', 1852],
    [250, 'cm', 'm', 2.5],
    [1, 'm', 'mm', 1000],
    [1, 'lb', 'kg', 0.45359237],
    [16, 'oz', 'lb', 1],
    [1, 't', 'kg', 1000],
    [1500, 'mg', 'g', 1.5],
    [1, 'gal', 'l', 3.785411784],
    [1, 'gal', 'qt', 4],
    [2, 'pt', 'qt', 1],
    [1, 'cup', 'fl_oz', 8],
    [1000, 'ml', 'l', 1],
    [100, 'km/h', 'm/s', 27.7777777778],
    [60, 'mph', 'km/h', 96.56064],
    [1, 'kn', 'km/h', 1.852],
    [1, 'GB', 'MB', 1000],
    [1, 'GiB', 'MiB', 1024],
    [1, 'KiB', 'B', 1024],
    [1, 'TB', 'GB', 1000],
    [1, 'GiB', 'GB', 1.073741824],
    [90, 'min', 'h', 1.5],
    [1, 'week', 'day', 7],
    [1, 'day', 's', 86400],
  ])('%d %s = %d %s', (value, from, to, expected) => {
    expect(convert(value, from, to)).toBeCloseTo(expected, 9);
  });

  it.each([
    [0, 'C', 'F', 32],
    [100, 'C', 'F', 212],
    [32, 'F', 'C', 0],
    [-40, 'F', 'C', -40],
    [0, 'K', 'C', -273.15],
    [0, 'C', 'K', 273.15],
    [212, 'F', 'K', 373.15],
    [-459.67, 'F', 'K', 0],
    [300, 'K', 'F', 80.33],
    [37, 'C', 'F', 98.6],
  ])('temperature: %d %s = %d %s (offsets, exact)', (value, from, to, expected) => {
    expect(convert(value, from, to)).toBe(expected);
  });

  it('round-trips every unit through every other unit of its dimension', () => {
    for (const a of UNITS) {
      for (const b of UNITS.filter((u) => u.dimension === a.dimension)) {
        const there = convert(123.456, a.symbol, b.symbol);
        expect(convert(there, b.symbol, a.symbol)).toBeCloseTo(123.456, 6);
      }
    }
  });

  it('keeps small results precise', () => {
    expect(convert(1, 'mm', 'nmi')).toBeCloseTo(1 / 1_852_000, 18);
    expect(convert(1, 'B', 'TB')).toBe(1e-12);
  });
});

describe('convert_units: names', () => {
  it.each([
    ['meters', 'm'],
    ['Metres', 'm'],
    ['MILES', 'mi'],
    ['feet', 'ft'],
    ['celsius', 'C'],
    ['°F', 'F'],
    ['degrees fahrenheit', 'F'],
    ['Degrees Celsius', 'C'],
    ['kelvin', 'K'],
    ['fl oz', 'fl_oz'],
    ['FL_OZ', 'fl_oz'],
    ['fluid ounces', 'fl_oz'],
    ['KPH', 'km/h'],
    ['knots', 'kn'],
    ['kb', 'KB'],
    ['kib', 'KiB'],
    ['hours', 'h'],
    ['lbs', 'lb'],
    ['litres', 'l'],
    ['US gallons', 'gal'],
  ])('%s is %s', (name, symbol) => {
    expect(findUnit(name)?.symbol).toBe(symbol);
  });

  it('has no ambiguous alias and every dimension has units', () => {
    // Building the index throws on an ambiguous alias, so importing it is the check.
    for (const d of DIMENSIONS) expect(UNITS.some((u) => u.dimension === d)).toBe(true);
  });
});

describe('convert_units: errors are values', () => {
  it('rejects incompatible dimensions, naming the accepted units', () => {
    const result = convertValue(1, 'mi', 'kg');
    expect(result).toEqual({
      ok: false,
      error: 'Cannot convert length (mi) to mass (kg). Accepted length units: m, km, cm, mm, mi, yd, ft, in, nmi',
    });
  });

  it('rejects unknown units, listing all accepted units', () => {
    const result = convertValue(1, 'furlong', 'm');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(/^Unknown unit "furlong"\. Accepted units: length: m, km/);
      expect(result.error).toContain('data: B, KB, MB, GB, TB, KiB, MiB, GiB');
    }
    expect(convertValue(1, 'foo', 'bar')).toMatchObject({ ok: false, error: expect.stringMatching(/^Unknown units "foo" and "bar"/) });
  });

  it('rejects temperatures below absolute zero and non-finite values', () => {
    expect(convertValue(-300, 'C', 'F')).toEqual({ ok: false, error: '-300 C is below absolute zero' });
    expect(convertValue(-1, 'K', 'C').ok).toBe(false);
    expect(convertValue(Number.NaN, 'm', 'km').ok).toBe(false);
    expect(convertValue(1e308, 'km', 'mm').ok).toBe(false);
  });

  it('allows negative values in other dimensions', () => {
    expect(convert(-5, 'km', 'm')).toBe(-5000);
  });
});

describe('convert_units tool', () => {
  it('formats the result with symbols', () => {
    expect(runConvertUnits(26.2, 'miles', 'kilometers')).toEqual({ ok: true, content: '26.2 mi = 42.1648128 km' });
    expect(runConvertUnits(32, '°F', 'celsius')).toEqual({ ok: true, content: '32 F = 0 C' });
  });

  it('describes every unit in its definition', () => {
    for (const u of UNITS) expect(CONVERT_UNITS_TOOL.description).toContain(u.symbol);
    expect(CONVERT_UNITS_TOOL.input_schema.required).toEqual(['value', 'from', 'to']);
  });
});
