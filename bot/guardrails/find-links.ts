export interface FoundLink {
  text: string;
  index: number;
}

// Any `label.tld` counts as a link, whatever precedes it. Messaging apps link bare domains on
// many TLDs (.shop, .de, .zip), and a fixed list falls behind. A TLD is two or more letters, so
// "e.g.", "a.m.", "3.5" and "3.30" stay text. "done.Thanks", a sentence ended without a space,
// is found as a link too, because losing that word is safer than sending a link.
// The dots include the ideographic and full-width dots that URL parsers map to ".".
const dot = '[.\\u3002\\uFF0E\\uFF61]';
const label = '[\\p{L}\\p{N}_-]+';
// An e-mail address or `user@` in front of a host is part of the link, so it is removed whole.
const userInfo = "(?:[\\p{L}\\p{N}._%+'-]+@)?";
const bareHost = `${userInfo}(?:${label}${dot})+\\p{L}{2,}`;
const linkPattern = new RegExp(
  `(?:https?://[^\\s<>"]+|www${dot}[^\\s<>"]+|${bareHost}(?::\\d+)?(?:[/?#][^\\s<>"]*)?)`,
  'giu',
);

/**
 * Finds web links in a text: URLs with a scheme, `www.` links, and bare domains such as
 * `example.shop/x`, `x_example.de` or `pay@example.com/login`. E-mail addresses count as links.
 */
export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of text.matchAll(linkPattern)) {
    const trimmed = match[0].replace(/[.,!?;:)\]]+$/, '');
    links.push({ text: trimmed, index: match.index });
  }
  return links;
}
