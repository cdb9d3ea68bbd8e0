export interface FoundLink {
  text: string;
  index: number;
}

// NOTE: a bare domain is found only on these top-level domains; "evil.shop" without a scheme
// or www gets through. Links with http(s):// or www. are always found.
const topLevelDomains =
  'com|net|org|io|co|us|info|biz|ly|me|app|site|online|xyz|link|gl|gg|tv|ru|cn';
// The lookbehind skips the domain part of an e-mail address.
const linkPattern = new RegExp(
  '(?<![@\\w.-])(?:https?://[^\\s<>"]+|www\\.[^\\s<>"]+|' +
    `[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:${topLevelDomains})\\b(?:/[^\\s<>"]*)?)`,
  'gi',
);

/** Finds web links in a text, including bare domains such as `example.com/x`. */
export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of text.matchAll(linkPattern)) {
    const trimmed = match[0].replace(/[.,!?;:)\]]+$/, '');
    links.push({ text: trimmed, index: match.index });
  }
  return links;
}
