/**
 * A generated revision pair with known truth for `npm run bench:anchoring`: a long article where many
 * sentences recur with one word, figure or name changed (as in live blogs and long reports), 500+
 * claims, and a revision with ~5 % of words edited plus a few paragraphs cut and moved. The generator
 * records where every claim must land (or that it is cut), so results are checked without any matcher.
 */

export interface Truth {
  /** Exact text of the claim in the old body. */
  original: string;
  oldStart: number;
  /** Span of the claim in the new body, or null when its paragraph was cut. */
  span: { start: number; end: number } | null;
  state: "anchored" | "changed" | "orphaned";
}

export interface Corpus {
  oldBody: string;
  newBody: string;
  claims: Truth[];
  editedWords: number;
  totalWords: number;
}

interface Word {
  text: string;
  /** Stable id; edits replace or add ids, so a claim's words can be followed into the new revision. */
  id: number;
}

type Paragraph = Word[][]; // sentences of words

/** mulberry32: small, fast and deterministic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "de", "po", "ga", "fi", "be", "zu", "ho", "ta", "re", "ni"];
const NAMES = ["Lavrov", "Sullivan", "Blinken", "Kuleba", "Stoltenberg", "Macron", "Scholz", "Zelensky", "Peskov", "Borrell"];
const PLACES = ["Ukraine", "Belarus", "Poland", "Moldova", "Georgia", "Finland", "Latvia", "Crimea", "Donbas", "Kharkiv"];

export function generateCorpus(options: { seed?: number; minLength?: number; claims?: number; editRate?: number } = {}): Corpus {
  const rnd = random(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  let nextId = 0;
  const word = (text: string): Word => ({ text, id: nextId++ });
  const vocabulary = Array.from({ length: 1500 }, () => Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join(""));
  const commonWords = ["the", "of", "and", "to", "in", "said", "that", "on", "with", "as", "a", "was", "for"];
  const freshWord = (): string => {
    const r = rnd();
    if (r < 0.3) return pick(commonWords);
    if (r < 0.38) return pick(NAMES);
    if (r < 0.44) return pick(PLACES);
    if (r < 0.5) return `${1 + Math.floor(rnd() * 300)},000`;
    return pick(vocabulary);
  };
  const sentence = (): string[] => {
    const words = Array.from({ length: 12 + Math.floor(rnd() * 14) }, freshWord);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    return words;
  };

  // Old revision: about a third of the sentences are near-copies of an earlier one (one word differs).
  const minLength = options.minLength ?? 76_000;
  const seen: string[][] = [];
  const paragraphs: Paragraph[] = [];
  let length = 0;
  while (length < minLength) {
    const paragraph: Paragraph = [];
    for (let s = 0, n = 2 + Math.floor(rnd() * 3); s < n; s++) {
      let texts: string[];
      if (seen.length > 10 && rnd() < 0.35) {
        texts = [...pick(seen)];
        const at = 1 + Math.floor(rnd() * (texts.length - 1));
        texts[at] = freshWord();
      } else {
        texts = sentence();
      }
      seen.push(texts);
      const words = texts.map(word);
      words[words.length - 1]!.text += ".";
      paragraph.push(words);
      length += texts.join(" ").length + 1;
    }
    paragraphs.push(paragraph);
  }

  // Claims: runs of 6..16 words inside one sentence, at most one per sentence.
  const sentences = paragraphs.flatMap((p, pi) => p.map((s) => ({ pi, s })));
  const wanted = options.claims ?? 500;
  const chosen = new Set<number>();
  while (chosen.size < Math.min(wanted, sentences.length)) chosen.add(Math.floor(rnd() * sentences.length));
  const claims = [...chosen].sort((x, y) => x - y).map((index) => {
    const { s } = sentences[index]!;
    const size = Math.min(s.length, 6 + Math.floor(rnd() * 11));
    const from = Math.floor(rnd() * (s.length - size + 1));
    return { first: s[from]!.id, last: s[from + size - 1]!.id, ids: new Set(s.slice(from, from + size).map((w) => w.id)) };
  });
  const claimOf = new Map<number, number>();
  claims.forEach((c, k) => c.ids.forEach((id) => claimOf.set(id, k)));

  // New revision: word edits (never a claim's first or last word, at most two per claim, so the truth is
  // unambiguous), then a few paragraphs cut and a few moved elsewhere.
  const editRate = options.editRate ?? 0.05;
  const editsIn = new Map<number, number>();
  let editedWords = 0;
  const edited: Paragraph[] = paragraphs.map((p) =>
    p.map((s) => {
      const out: Word[] = [];
      s.forEach((w, i) => {
        const claim = claimOf.get(w.id);
        const edge = claim !== undefined && (claims[claim]!.first === w.id || claims[claim]!.last === w.id);
        // One edit per claim under ten words, two above: within what counts as an edit, not a rewrite.
        const full = claim !== undefined && (editsIn.get(claim) ?? 0) >= (claims[claim]!.ids.size < 10 ? 1 : 2);
        const last = i === s.length - 1;
        if (edge || full || last || rnd() >= editRate) {
          out.push(w);
          return;
        }
        editedWords++;
        if (claim !== undefined) editsIn.set(claim, (editsIn.get(claim) ?? 0) + 1);
        const kind = rnd();
        let replacement = freshWord();
        while (replacement === w.text) replacement = freshWord();
        if (kind < 0.6) out.push(word(replacement));
        else if (kind < 0.8) out.push(w, word(freshWord()));
        // else: deleted
        if (claim !== undefined && kind >= 0.6 && kind < 0.8) claims[claim]!.ids.add(nextId - 1);
      });
      return out;
    }),
  );
  const cut = new Set<number>();
  while (cut.size < 4) cut.add(Math.floor(rnd() * edited.length));
  const order = [...edited.keys()].filter((i) => !cut.has(i));
  for (let m = 0; m < 4; m++) {
    const [movedParagraph] = order.splice(Math.floor(rnd() * order.length), 1);
    order.splice(Math.floor(rnd() * order.length), 0, movedParagraph!);
  }

  const render = (ps: Paragraph[]) => {
    const at = new Map<number, { start: number; end: number }>();
    let body = "";
    ps.forEach((p, pi) => {
      if (pi > 0) body += "\n\n";
      p.forEach((s, si) => {
        if (si > 0) body += " ";
        s.forEach((w, wi) => {
          if (wi > 0) body += " ";
          at.set(w.id, { start: body.length, end: body.length + w.text.length });
          body += w.text;
        });
      });
    });
    return { body, at };
  };
  const before = render(paragraphs);
  const after = render(order.map((i) => edited[i]!));
  const survivors = new Set(edited.flat(2).map((w) => w.id));
  return {
    oldBody: before.body,
    newBody: after.body,
    editedWords,
    totalWords: paragraphs.flat(2).length,
    claims: claims.map((c, k) => {
      const oldStart = before.at.get(c.first)!.start;
      const original = before.body.slice(oldStart, before.at.get(c.last)!.end);
      const first = after.at.get(c.first);
      const last = after.at.get(c.last);
      if (!first || !last) return { original, oldStart, span: null, state: "orphaned" as const };
      // Edges are never edited, so the claim runs from its first to its last word; deleted words leave no id.
      const changed = (editsIn.get(k) ?? 0) > 0 || [...c.ids].some((id) => !survivors.has(id));
      return { original, oldStart, span: { start: first.start, end: last.end }, state: changed ? ("changed" as const) : ("anchored" as const) };
    }),
  };
}
