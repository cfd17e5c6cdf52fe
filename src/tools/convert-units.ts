// The `convert_units` built-in tool.

import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { failure, formatNumber, success, type ToolOutcome } from './outcome';
import { acceptedUnits, findUnit, type Unit } from './units-table';

export const CONVERT_UNITS_TOOL: Tool = {
  name: 'convert_units',
  description:
    'Converts a value from one unit to another of the same kind and returns the converted value. ' +
    `Supported units (case-insensitive; full names such as "miles", "celsius" or "kilograms" also work): ${acceptedUnits()}. ` +
    'Volumes are US customary (gal is the US gallon). KB, MB, GB and TB are 1000-based; KiB, MiB and GiB are 1024-based. ' +
    'Temperatures are converted with their offsets (C, F, K). ' +
    'Both units must measure the same kind of quantity; otherwise an error is returned.',
  input_schema: {
    type: 'object',
    properties: {
      value: { type: 'number', description: 'The numeric value to convert, e.g. 26.2.' },
      from: { type: 'string', description: 'The unit of the value, e.g. "mi", "kg", "F", "km/h", "GiB".' },
      to: { type: 'string', description: 'The unit to convert to, e.g. "km", "lb", "C", "mph", "GB".' },
    },
    required: ['value', 'from', 'to'],
    additionalProperties: false,
  },
};

export type ConversionResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly error: string };

export function convertValue(value: number, from: string, to: string): ConversionResult {
  if (!Number.isFinite(value)) return { ok: false, error: `The value must be a finite number (got ${value})` };
  const source = findUnit(from);
  const target = findUnit(to);
  const unknown = [source === undefined ? from : null, target === undefined ? to : null].filter((name) => name !== null);
  if (source === undefined || target === undefined) {
    const names = unknown.map((name) => `"${name}"`).join(' and ');
    const noun = unknown.length > 1 ? 'units' : 'unit';
    return { ok: false, error: `Unknown ${noun} ${names}. Accepted units: ${acceptedUnits()}` };
  }
  if (source.dimension !== target.dimension) {
    return {
      ok: false,
      error:
        `Cannot convert ${source.dimension} (${source.symbol}) to ${target.dimension} (${target.symbol}). ` +
        `Accepted ${source.dimension} units: ${acceptedUnits(source.dimension).replace(/^[a-z]+: /, '')}`,
    };
  }
  const base = toBase(value, source);
  // Only temperatures have an absolute zero to fall below; other quantities may
  // legitimately be negative (a change in length, a time difference).
  if (source.dimension === 'temperature' && base < 0) {
    return { ok: false, error: `${formatNumber(value)} ${source.symbol} is below absolute zero` };
  }
  const scaled = base / target.factor;
  const result = scaled - target.offset;
  if (!Number.isFinite(result)) return { ok: false, error: 'The result is not a finite number (overflow)' };
  const scale = Math.max(Math.abs(scaled), target.offset, (source.offset * source.factor) / target.factor);
  return { ok: true, value: dropRoundingNoise(result, scale) };
}

/**
 * Offsets make the result a difference of larger terms (32 °F is
 * 273.15000000000003 K minus 273.15), so its absolute error scales with the
 * largest term (in target units), not with the result: keep 12 significant
 * digits of that scale, which turns 5.7e-14 °C into 0 and leaves real digits
 * alone. Without offsets the scale is the result itself.
 */
function dropRoundingNoise(result: number, scale: number): number {
  if (scale === 0) return result;
  const decimals = 12 - Math.floor(Math.log10(scale));
  // toFixed accepts 0..100 digits; outside that range the noise is below formatNumber's precision anyway.
  if (decimals < 0 || decimals > 100) return result;
  return Number(result.toFixed(decimals));
}

function toBase(value: number, unit: Unit): number {
  return (value + unit.offset) * unit.factor;
}

export function runConvertUnits(value: number, from: string, to: string): ToolOutcome {
  const result = convertValue(value, from, to);
  if (!result.ok) return failure(result.error);
  // Units were found by convertValue; look them up again only for their display symbols.
  const fromSymbol = findUnit(from)?.symbol ?? from;
  const toSymbol = findUnit(to)?.symbol ?? to;
  return success(`${formatNumber(value)} ${fromSymbol} = ${formatNumber(result.value)} ${toSymbol}`);
}
