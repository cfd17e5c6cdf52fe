// Units known to `convert_units`. Each unit converts to its dimension's base
// unit (metre, kilogram, kelvin, litre, metre per second, byte, second) as
// base = (value + offset) * factor; only temperatures need the offset.

export type Dimension = 'length' | 'mass' | 'temperature' | 'volume' | 'speed' | 'data' | 'time';

export interface Unit {
  /** The symbol shown in results and error messages. */
  readonly symbol: string;
  readonly dimension: Dimension;
  readonly factor: number;
  readonly offset: number;
  readonly aliases: readonly string[];
}

export const DIMENSIONS: readonly Dimension[] = ['length', 'mass', 'temperature', 'volume', 'speed', 'data', 'time'];

const unit = (symbol: string, dimension: Dimension, factor: number, aliases: readonly string[], offset = 0): Unit => ({
  symbol,
  dimension,
  factor,
  offset,
  aliases,
});

// Exact definitions: international yard and pound (1959), US customary
// liquid measures (US gallon = 231 in³), international nautical mile and knot.
const INCH = 0.0254;
const POUND = 0.45359237;
const US_GALLON = 3.785411784;

export const UNITS: readonly Unit[] = [
  unit('m', 'length', 1, ['meter', 'meters', 'metre', 'metres']),
  unit('km', 'length', 1000, ['kilometer', 'kilometers', 'kilometre', 'kilometres']),
  unit('cm', 'length', 0.01, ['centimeter', 'centimeters', 'centimetre', 'centimetres']),
  unit('mm', 'length', 0.001, ['millimeter', 'millimeters', 'millimetre', 'millimetres']),
  unit('mi', 'length', 5280 * 12 * INCH, ['mile', 'miles']),
  unit('yd', 'length', 36 * INCH, ['yard', 'yards']),
  unit('ft', 'length', 12 * INCH, ['foot', 'feet']),
  unit('in', 'length', INCH, ['inch', 'inches']),
  unit('nmi', 'length', 1852, ['nautical mile', 'nautical miles']),

  unit('kg', 'mass', 1, ['kilogram', 'kilograms', 'kilo', 'kilos']),
  unit('g', 'mass', 0.001, ['gram', 'grams', 'gramme', 'grammes']),
  unit('mg', 'mass', 1e-6, ['milligram', 'milligrams']),
  unit('lb', 'mass', POUND, ['lbs', 'pound', 'pounds']),
  unit('oz', 'mass', POUND / 16, ['ounce', 'ounces']),
  unit('t', 'mass', 1000, ['tonne', 'tonnes', 'metric ton', 'metric tons']),

  unit('C', 'temperature', 1, ['°C', 'degC', 'celsius', 'degrees celsius', 'centigrade'], 273.15),
  unit('F', 'temperature', 5 / 9, ['°F', 'degF', 'fahrenheit', 'degrees fahrenheit'], 459.67),
  unit('K', 'temperature', 1, ['°K', 'kelvin', 'kelvins']),

  unit('l', 'volume', 1, ['liter', 'liters', 'litre', 'litres']),
  unit('ml', 'volume', 0.001, ['milliliter', 'milliliters', 'millilitre', 'millilitres']),
  unit('gal', 'volume', US_GALLON, ['gallon', 'gallons', 'US gal', 'US gallon', 'US gallons']),
  unit('qt', 'volume', US_GALLON / 4, ['quart', 'quarts']),
  unit('pt', 'volume', US_GALLON / 8, ['pint', 'pints']),
  unit('cup', 'volume', US_GALLON / 16, ['cups']),
  unit('fl_oz', 'volume', US_GALLON / 128, ['fl oz', 'fluid ounce', 'fluid ounces']),

  unit('m/s', 'speed', 1, ['mps', 'meters per second', 'metres per second']),
  unit('km/h', 'speed', 1000 / 3600, ['kph', 'kmh', 'kmph', 'kilometers per hour', 'kilometres per hour']),
  unit('mph', 'speed', (5280 * 12 * INCH) / 3600, ['mi/h', 'miles per hour']),
  unit('kn', 'speed', 1852 / 3600, ['kt', 'kts', 'knot', 'knots']),

  unit('B', 'data', 1, ['byte', 'bytes']),
  unit('KB', 'data', 1e3, ['kilobyte', 'kilobytes']),
  unit('MB', 'data', 1e6, ['megabyte', 'megabytes']),
  unit('GB', 'data', 1e9, ['gigabyte', 'gigabytes']),
  unit('TB', 'data', 1e12, ['terabyte', 'terabytes']),
  unit('KiB', 'data', 1024, ['kibibyte', 'kibibytes']),
  unit('MiB', 'data', 1024 ** 2, ['mebibyte', 'mebibytes']),
  unit('GiB', 'data', 1024 ** 3, ['gibibyte', 'gibibytes']),

  unit('s', 'time', 1, ['sec', 'secs', 'second', 'seconds']),
  unit('min', 'time', 60, ['mins', 'minute', 'minutes']),
  unit('h', 'time', 3600, ['hr', 'hrs', 'hour', 'hours']),
  unit('day', 'time', 86400, ['d', 'days']),
  unit('week', 'time', 7 * 86400, ['wk', 'wks', 'weeks']),
];

/**
 * Lookup key for a unit name: case-insensitive, and blind to spaces, dots,
 * underscores and hyphens, so "fl_oz", "fl. oz" and "FL OZ" are one unit.
 * Being case-insensitive means "mb" is a megabyte (there are no bits here).
 */
export function unitKey(name: string): string {
  const key = name.toLowerCase().replace(/[\s._-]+/g, '');
  // "degrees Celsius", "degree F": the word is noise before a unit. "degrees" alone is no unit
  // (stripping "degree" from it would leave "s", a second).
  const unit = key === 'degrees' ? null : /^degrees?(.+)$/.exec(key);
  return unit?.[1] ?? key;
}

function buildIndex(units: readonly Unit[]): ReadonlyMap<string, Unit> {
  const index = new Map<string, Unit>();
  for (const u of units) {
    for (const name of [u.symbol, ...u.aliases]) {
      const key = unitKey(name);
      const existing = index.get(key);
      // A programming error in the table above, caught by the unit tests.
      if (existing !== undefined && existing !== u) throw new Error(`Unit alias "${name}" is ambiguous`);
      index.set(key, u);
    }
  }
  return index;
}

const INDEX = buildIndex(UNITS);

export function findUnit(name: string): Unit | undefined {
  return INDEX.get(unitKey(name));
}

/** "length: m, km, …; mass: kg, …" — the accepted symbols per dimension, for error messages. */
export function acceptedUnits(only?: Dimension): string {
  return DIMENSIONS.filter((d) => only === undefined || d === only)
    .map((d) => `${d}: ${UNITS.filter((u) => u.dimension === d).map((u) => u.symbol).join(', ')}`)
    .join('; ');
}
