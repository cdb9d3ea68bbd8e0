export interface FoundLink {
  text: string;
  index: number;
}

// Matches URLs with a scheme or www, and bare domains on common top-level domains. The
// lookbehind skips the domain part of an e-mail address.
const linkPattern =
  /(?<![@\w.-])(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|us|info|biz|ly|me|app|site|online|xyz|link|gl|gg|tv|ru|cn)\b(?:\/[^\s<>"]*)?)/gi;

/** Finds web links in a text, including bare domains such as `example.com/x`. */
export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of text.matchAll(linkPattern)) {
    const trimmed = match[0].replace(/[.,!?;:)\]]+$/, '');
    links.push({ text: trimmed, index: match.index });
  }
  return links;
}
