import { isMap, isPair, isScalar } from 'yaml';
import type { Document, LineCounter } from 'yaml';

/**
 * Finds the 1-based line of the node at `path`, or of its nearest ancestor that exists. When
 * `key` is given, the line of that key inside the map at `path` is preferred, which places an
 * "unrecognized key" problem on the key itself. Returns null when nothing along the path exists.
 */
export function locateYamlPath(
  document: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
  key?: string,
): number | null {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (key !== undefined && length === path.length && isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && item.key.value === key,
      );
      const keyRange = pair !== undefined && isScalar(pair.key) ? pair.key.range : undefined;
      if (keyRange) {
        return lineCounter.linePos(keyRange[0]).line;
      }
    }
    const range = hasRange(node) ? node.range : undefined;
    if (range) {
      return lineCounter.linePos(range[0]).line;
    }
  }
  return null;
}

function hasRange(node: unknown): node is { range?: [number, number, number] | null } {
  return typeof node === 'object' && node !== null && 'range' in node;
}
