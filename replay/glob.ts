// Shell-style patterns for picking events by name: `*` is any run of characters (slashes too, so
// `pod/*` is every pod event and `kubelet/*` every kubelet), `?` is one character, and a list
// separated by commas matches what any of its patterns matches.

function patternRegExp(pattern: string): RegExp {
  const body = [...pattern]
    .map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/** A test for text against "pod/*" or "web-*,db-?"; empty patterns in the list are ignored. */
export function globMatcher(patterns: string): (text: string) => boolean {
  const expressions = patterns
    .split(',')
    .map((pattern) => pattern.trim())
    .filter((pattern) => pattern !== '')
    .map(patternRegExp);
  return (text) => expressions.some((expression) => expression.test(text));
}
