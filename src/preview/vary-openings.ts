import type { Paragraph, Sentence } from './preview-document.js';

/**
 * Varied sentence openings: within a paragraph, a sentence that would open with the same word as the one before it
 * and names a team first ("Liverpool have … Liverpool have …") opens instead with one of the team's other names —
 * "They", "Jurgen Klopp's side" — in turn. A name that needs a receipt (a manager from the dossier) brings it.
 */
export interface Subject {
  /** The team's name as sentences open with it. */
  name: string;
  /** Other ways to name the team as a sentence's subject, e.g. `Klopp's side`; "They" is always one. */
  alternates: { text: string; cite?: () => string }[];
}

export function varyOpenings(paragraphs: readonly Paragraph[], subjects: readonly Subject[]): Paragraph[] {
  return paragraphs.map((paragraph) => {
    if (paragraph.kind !== 'text') return paragraph;
    const turn = new Map<string, number>();
    const sentences: Sentence[] = [];
    let previousSubject: Subject | null = null;
    for (const sentence of paragraph.sentences) {
      const previous = sentences.at(-1);
      const own = subjectOf(sentence, subjects);
      // Only a run on the same team is varied: "Manchester City" after "Manchester United" is no repetition.
      const repeats = own !== null && own === previousSubject && firstWord(previous!.text) === firstWord(sentence.text);
      previousSubject = own;
      const subject = repeats ? own : null;
      if (!subject) {
        sentences.push(sentence);
        continue;
      }
      const possessive = sentence.text.startsWith(`${subject.name}'`);
      const rest = sentence.text.slice(subject.name.length).replace(/^'s?/, '');
      // A possessive opening has one other form ("Their last six results"); a subject rotates through them all.
      const options = possessive ? [{ text: 'Their' }] : [{ text: 'They' }, ...subject.alternates];
      const usable = options.filter((o) => firstWord(o.text) !== firstWord(previous!.text));
      if (usable.length === 0) {
        sentences.push(sentence);
        continue;
      }
      const n = turn.get(subject.name) ?? 0;
      turn.set(subject.name, n + 1);
      const chosen = usable[n % usable.length];
      sentences.push({
        text: `${chosen.text}${rest}`,
        factIds: chosen.cite ? [...new Set([...sentence.factIds, chosen.cite()])] : sentence.factIds,
      });
    }
    return { kind: 'text', sentences };
  });
}

function subjectOf(sentence: Sentence, subjects: readonly Subject[]): Subject | null {
  return subjects.find((s) => new RegExp(`^${escapeRegExp(s.name)}('s?)?\\s`).test(sentence.text)) ?? null;
}

/** The opening word, lower case and without punctuation: `Liverpool's` and `Liverpool` both open with `liverpool`. */
export function firstWord(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? '').replace(/('s?|[,:;.])$/i, '').toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
