import { createHash } from 'node:crypto';
import type { FlowFile } from './flow-schema.ts';

/**
 * Returns the first 16 hex digits of a SHA-256 over the parsed flow with sorted keys. Comments,
 * layout and defaults written out explicitly do not change it; any change in behaviour does.
 */
export function hashFlow(file: FlowFile): string {
  return createHash('sha256').update(toCanonicalJson(file)).digest('hex').slice(0, 16);
}

function toCanonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(toCanonicalJson).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([key, entry]) => `${JSON.stringify(key)}:${toCanonicalJson(entry)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
