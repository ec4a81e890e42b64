// Go's time.Parse for the two layouts the API's timestamps use (metav1.Time's RFC 3339 and
// metav1.MicroTime's RFC 3339 with microseconds), with Go's error texts: `parsing time "x" as
// "2006-01-02T15:04:05Z07:00": cannot parse "x" as "2006"`, `parsing time "...": month out of range`.

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339_MICRO = '2006-01-02T15:04:05.000000Z07:00';

type Element = { readonly literal: string } | { readonly std: '2006' | '01' | '02' | '15' | '04' | '05' | '.000000' | 'Z07:00' };

const LAYOUTS: Readonly<Record<string, readonly Element[]>> = {
  [RFC3339]: [{ std: '2006' }, { literal: '-' }, { std: '01' }, { literal: '-' }, { std: '02' }, { literal: 'T' }, { std: '15' }, { literal: ':' }, { std: '04' }, { literal: ':' }, { std: '05' }, { std: 'Z07:00' }],
  [RFC3339_MICRO]: [{ std: '2006' }, { literal: '-' }, { std: '01' }, { literal: '-' }, { std: '02' }, { literal: 'T' }, { std: '15' }, { literal: ':' }, { std: '04' }, { literal: ':' }, { std: '05' }, { std: '.000000' }, { std: 'Z07:00' }],
};

const quote = (text: string) => JSON.stringify(text);
const isDigit = (text: string, index: number) => index < text.length && text[index]! >= '0' && text[index]! <= '9';

/** Go's getnum: one or two digits (exactly two when fixed). */
function number(text: string, fixed: boolean): { readonly value: number; readonly rest: string } | undefined {
  if (!isDigit(text, 0)) return undefined;
  if (!isDigit(text, 1)) return fixed ? undefined : { value: Number(text[0]), rest: text.slice(1) };
  return { value: Number(text.slice(0, 2)), rest: text.slice(2) };
}

interface Parsed {
  readonly rest: string;
  readonly range?: string;
}

/** One layout element against the front of the value; undefined when it does not parse. */
function parseElement(std: Exclude<Element, { literal: string }>['std'], value: string, fields: Record<string, number>, fractionFollows: boolean): Parsed | undefined {
  const two = (name: string, fixed: boolean, max: number, min = 0): Parsed | undefined => {
    const parsed = number(value, fixed);
    if (parsed === undefined) return undefined;
    fields[name] = parsed.value;
    return parsed.value < min || parsed.value > max ? { rest: parsed.rest, range: name } : { rest: parsed.rest };
  };
  switch (std) {
    case '2006':
      if (value.length < 4 || ![0, 1, 2, 3].every((index) => isDigit(value, index))) return undefined;
      fields.year = Number(value.slice(0, 4));
      return { rest: value.slice(4) };
    case '01':
      return two('month', true, 12, 1);
    case '02':
      // Any two digits: the day is checked against the month once everything is parsed.
      return two('day', true, 99);
    case '15':
      return two('hour', false, 23);
    case '04':
      return two('minute', true, 59);
    case '05': {
      const parsed = two('second', true, 59);
      // A fractional second the layout does not name is accepted after the seconds, as Go does.
      if (parsed === undefined || parsed.range !== undefined || !/^[.,][0-9]/.test(parsed.rest) || fractionFollows) return parsed;
      return { rest: parsed.rest.replace(/^[.,][0-9]+/, '') };
    }
    case '.000000':
      return /^[.,][0-9]{6}/.test(value) ? { rest: value.slice(7) } : undefined;
    case 'Z07:00':
      if (value.startsWith('Z')) return { rest: value.slice(1) };
      if (value.length < 6 || value[3] !== ':' || (value[0] !== '+' && value[0] !== '-')) return undefined;
      if (number(value.slice(1, 3), true) === undefined || number(value.slice(4, 6), true) === undefined) return undefined;
      return { rest: value.slice(6) };
  }
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** undefined when the value parses; Go's error text otherwise. */
export function goTimeParseError(layout: typeof RFC3339 | typeof RFC3339_MICRO, value: string): string | undefined {
  const elements = LAYOUTS[layout]!;
  const fields: Record<string, number> = {};
  let rest = value;
  for (const [index, element] of elements.entries()) {
    if ('literal' in element) {
      if (!rest.startsWith(element.literal)) return `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(rest)} as ${quote(element.literal)}`;
      rest = rest.slice(element.literal.length);
      continue;
    }
    const next = elements[index + 1];
    const fractionFollows = next !== undefined && 'std' in next && next.std === '.000000';
    const parsed = parseElement(element.std, rest, fields, fractionFollows);
    if (parsed === undefined) return `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(rest)} as ${quote(element.std)}`;
    if (parsed.range !== undefined) return `parsing time ${quote(value)}: ${parsed.range} out of range`;
    rest = parsed.rest;
  }
  if (rest !== '') return `parsing time ${quote(value)}: extra text: ${quote(rest)}`;
  if ((fields.day ?? 0) < 1 || (fields.day ?? 0) > daysIn(fields.month ?? 1, fields.year ?? 0)) return `parsing time ${quote(value)}: day out of range`;
  return undefined;
}
