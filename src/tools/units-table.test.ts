// Every unit name `convert_units` accepts, with what it means: a lost alias or
// a wrong factor shows here.
import { describe, expect, it } from 'vitest';
import { acceptedUnits, DIMENSIONS, findUnit, unitKey, UNITS } from './units-table';

/** Symbol -> dimension, how many base units (m, kg, l, m/s, B, s; kelvin steps) one is, and every other accepted name. */
const EXPECTED: Readonly<Record<string, readonly [string, number, readonly string[]]>> = {
  m: ['length', 1, ['meter', 'meters', 'metre', 'metres']],
  km: ['length', 1000, ['kilometer', 'kilometers', 'kilometre', 'kilometres']],
  cm: ['length', 0.01, ['centimeter', 'centimeters', 'centimetre', 'centimetres']],
  mm: ['length', 0.001, ['millimeter', 'millimeters', 'millimetre', 'millimetres']],
  mi: ['length', 1609.344, ['mile', 'miles']],
  yd: ['length', 0.9144, ['yard', 'yards']],
  ft: ['length', 0.3048, ['foot', 'feet']],
  in: ['length', 0.0254, ['inch', 'inches']],
  nmi: ['length', 1852, ['nautical mile', 'nautical miles']],
  kg: ['mass', 1, ['kilogram', 'kilograms', 'kilo', 'kilos']],
  g: ['mass', 0.001, ['gram', 'grams', 'gramme', 'grammes']],
  mg: ['mass', 1e-6, ['milligram', 'milligrams']],
  lb: ['mass', 0.45359237, ['lbs', 'pound', 'pounds']],
  oz: ['mass', 0.028349523125, ['ounce', 'ounces']],
  t: ['mass', 1000, ['tonne', 'tonnes', 'metric ton', 'metric tons']],
  C: ['temperature', 1, ['°C', 'degC', 'celsius', 'degrees celsius', 'centigrade']],
  F: ['temperature', 5 / 9, ['°F', 'degF', 'fahrenheit', 'degrees fahrenheit']],
  K: ['temperature', 1, ['°K', 'kelvin', 'kelvins']],
  l: ['volume', 1, ['liter', 'liters', 'litre', 'litres']],
  ml: ['volume', 0.001, ['milliliter', 'milliliters', 'millilitre', 'millilitres']],
  gal: ['volume', 3.785411784, ['gallon', 'gallons', 'US gal', 'US gallon', 'US gallons']],
  qt: ['volume', 0.946352946, ['quart', 'quarts']],
  pt: ['volume', 0.473176473, ['pint', 'pints']],
  cup: ['volume', 0.2365882365, ['cups']],
  fl_oz: ['volume', 0.0295735295625, ['fl oz', 'fluid ounce', 'fluid ounces']],
  'm/s': ['speed', 1, ['mps', 'meters per second', 'metres per second']],
  'km/h': ['speed', 1 / 3.6, ['kph', 'kmh', 'kmph', 'kilometers per hour', 'kilometres per hour']],
  mph: ['speed', 0.44704, ['mi/h', 'miles per hour']],
  kn: ['speed', 1852 / 3600, ['kt', 'kts', 'knot', 'knots']],
  B: ['data', 1, ['byte', 'bytes']],
  KB: ['data', 1e3, ['kilobyte', 'kilobytes']],
  MB: ['data', 1e6, ['megabyte', 'megabytes']],
  GB: ['data', 1e9, ['gigabyte', 'gigabytes']],
  TB: ['data', 1e12, ['terabyte', 'terabytes']],
  KiB: ['data', 1024, ['kibibyte', 'kibibytes']],
  MiB: ['data', 1048576, ['mebibyte', 'mebibytes']],
  GiB: ['data', 1073741824, ['gibibyte', 'gibibytes']],
  s: ['time', 1, ['sec', 'secs', 'second', 'seconds']],
  min: ['time', 60, ['mins', 'minute', 'minutes']],
  h: ['time', 3600, ['hr', 'hrs', 'hour', 'hours']],
  day: ['time', 86400, ['d', 'days']],
  week: ['time', 604800, ['wk', 'wks', 'weeks']],
};

describe('UNITS', () => {
  it('has exactly the expected units, in order of dimension', () => {
    expect(UNITS.map((u) => u.symbol)).toEqual(Object.keys(EXPECTED));
    expect(DIMENSIONS).toEqual(['length', 'mass', 'temperature', 'volume', 'speed', 'data', 'time']);
  });

  it.each(Object.entries(EXPECTED))('%s: its dimension, its size in base units and every name for it', (symbol, [dimension, factor, aliases]) => {
    const unit = findUnit(symbol);
    expect(unit?.symbol).toBe(symbol);
    expect(unit?.dimension).toBe(dimension);
    expect(unit?.factor).toBeCloseTo(factor, 12);
    expect(unit?.aliases).toEqual(aliases);
    for (const alias of aliases) expect(findUnit(alias)?.symbol, alias).toBe(symbol);
  });

  it('offsets only the temperatures that need it: Celsius and Fahrenheit to kelvin', () => {
    expect(Object.fromEntries(UNITS.filter((u) => u.offset !== 0).map((u) => [u.symbol, u.offset]))).toEqual({ C: 273.15, F: 459.67 });
  });
});

describe('unit names', () => {
  it('ignore case, spaces, dots, underscores, hyphens and a leading "degree(s)"', () => {
    expect(unitKey('FL. oz')).toBe('floz');
    expect(unitKey('fl_oz')).toBe('floz');
    expect(unitKey('Metric-Ton')).toBe('metricton');
    expect(unitKey('degrees Celsius')).toBe('celsius');
    expect(unitKey('degree fahrenheit')).toBe('fahrenheit');
    expect(unitKey('degrees')).toBe('degrees');
    expect(findUnit('degrees')).toBeUndefined();
    expect(unitKey('degreesC')).toBe('c');
    expect(findUnit('MB')).toBe(findUnit('mb'));
    expect(findUnit('furlong')).toBeUndefined();
  });

  it('are listed per dimension for error messages', () => {
    expect(acceptedUnits('temperature')).toBe('temperature: C, F, K');
    expect(acceptedUnits()).toBe(
      'length: m, km, cm, mm, mi, yd, ft, in, nmi; mass: kg, g, mg, lb, oz, t; temperature: C, F, K; volume: l, ml, gal, qt, pt, cup, fl_oz; speed: m/s, km/h, mph, kn; data: B, KB, MB, GB, TB, KiB, MiB, GiB; time: s, min, h, day, week',
    );
  });
});
