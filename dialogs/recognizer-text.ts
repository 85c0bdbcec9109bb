/** A message made ready for the recognizer: cleaned text and its lower-case words with offsets. */
export interface PreparedText {
  /** Mentions, tags, entities and control characters removed; original case kept. */
  readonly text: string;
  readonly words: readonly Word[];
  /** The message @mentioned the bot (a bare mention still deserves an answer). */
  readonly mentioned: boolean;
  readonly endsWithQuestionMark: boolean;
}

export interface Word {
  /** Lower case, apostrophes and inner hyphens dropped: "don't" → "dont", "e-mail" → "email". */
  readonly w: string;
  readonly start: number;
  readonly end: number;
}

/** Raw input beyond this is never looked at: commands are short, and a 200 kB paste must stay fast. */
const MAX_RAW = 2_000;
/** What is analysed after cleaning. */
const MAX_CLEAN = 600;
const MAX_WORDS = 120;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: "'",
  lsquo: "'",
  ldquo: '"',
  rdquo: '"',
};

export function prepareText(raw: string): PreparedText {
  const input = typeof raw === 'string' ? raw.slice(0, MAX_RAW) : '';
  const mentioned = /<at\b[^>]{0,100}>|&lt;at\b/i.test(input);
  const text = cleanText(input).slice(0, MAX_CLEAN);
  return { text, words: splitWords(text), mentioned, endsWithQuestionMark: /\?[\s.!)"']*$/.test(text) };
}

function cleanText(input: string): string {
  // Entities first, so an encoded mention ("&lt;at&gt;Tikit&lt;/at&gt;") is stripped like a plain one.
  return decodeEntities(input)
    .replace(/<at\b[^>]{0,100}>[^<]{0,200}<\/at>/gi, ' ')
    .replace(/<[^<>]{0,200}>/g, ' ')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ')
    .replace(/[\u0000-\u001F\u007F-\u009F\u200B-\u200D\u2028\u2029\uFEFF]/g, ' ')
    .replace(/[\u2018\u2019\u02BC`\u00B4]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0x1f && code < 0xd800 ? String.fromCharCode(code) : ' ';
  });
}

function splitWords(text: string): Word[] {
  const words: Word[] = [];
  // Matched case-insensitively on the text itself so offsets stay those of `text`.
  for (const match of text.matchAll(/[a-z0-9]+(?:['-][a-z0-9]+)*/gi)) {
    const w = match[0].replace(/['-]/g, '').toLowerCase();
    words.push({ w, start: match.index, end: match.index + match[0].length });
    if (words.length >= MAX_WORDS) break;
  }
  return words;
}
