// The words tune learns from and looks up. Candidates come from what the customer wrote (the subject and the
// customer's messages): agent replies and internal notes repeat our own vocabulary, which would teach the router
// what it already knows. A looser word set over every text of the ticket tells which tickets a keyword change can
// affect at all (see `mentions`), so only those are routed again.
import type { TicketModel } from '../types/ticket.ts';

/** Words: letters, digits, `_`, and `+`/`#` for "C++" and "C#"; `-` and `.` split ("src-cli" is "src", "cli"). */
const WORD = /[\p{L}\p{N}_+#]+/gu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** A keyword or gram as tune compares them: its words joined by one space ("Docker-Compose" → "docker compose"). */
export function gramKey(phrase: string): string {
  return words(phrase).join(' ');
}

// Function words and the words of every support conversation: never a team's signal on their own.
const STOP = new Set(
  `a about above after again all also am an and any are as at be because been before being below between both but by
  can cannot could did do does doing done down during each even ever every few for from further get gets getting got
  had has have having he her here hers him his how i if in into is it its itself just let like made make many may me
  might more most much must my need needs no nor not now of off on once only or other our ours out over own per please
  same see seems she should since so some still such than thank thanks that the their them then there these they this
  those through to too try trying under until up us use used using very via was we were what when where which while
  who why will with within without would yes yet you your hi hello team sourcegraph issue issues problem problems error
  errors help update updated appreciated details info information know today yesterday morning week weeks day days
  time times work works working worked new one two several since started start starts instance version customer
  customers user users case ticket regards best hey able thing things something anything nothing way want wants`.split(/\s+/),
);

function useful(word: string): boolean {
  return word.length >= 3 && !STOP.has(word) && !/^[\d_+#]+$/.test(word);
}

/** The customer's own texts: the subject and every message a customer wrote. */
export function customerTexts(model: TicketModel): string[] {
  const out = [model.subject];
  for (const m of model.messages) if (m.authorRole === 'customer') out.push(m.text);
  return out;
}

/**
 * The distinct candidate grams of a ticket's customer words: useful single words and pairs of adjacent useful words
 * within one text. A ticket counts once per gram however often it repeats it (support is counted in tickets).
 */
export function customerGrams(model: TicketModel): Set<string> {
  const grams = new Set<string>();
  for (const text of customerTexts(model)) {
    const list = words(text);
    for (let i = 0; i < list.length; i++) {
      const w = list[i] as string;
      if (!useful(w)) continue;
      grams.add(w);
      const next = list[i + 1];
      if (next !== undefined && useful(next)) grams.add(`${w} ${next}`);
    }
  }
  return grams;
}

/** Every word anywhere in the ticket the router reads (all messages, attachment names): a superset of its matches. */
export function allWords(model: TicketModel): Set<string> {
  const set = new Set<string>(words(model.subject));
  for (const m of model.messages) {
    for (const w of words(m.text)) set.add(w);
    for (const a of m.attachments) for (const w of words(a.fileName)) set.add(w);
  }
  return set;
}

/** Whether a ticket's customer grams contain a keyword (compared as `gramKey`; longer keywords by their words). */
export function mentions(grams: ReadonlySet<string>, key: string): boolean {
  if (grams.has(key)) return true;
  const parts = key.split(' ');
  if (parts.length <= 2) return false;
  // Grams stop at pairs: a longer keyword counts when each of its adjacent pairs is there.
  for (let i = 0; i + 1 < parts.length; i++) if (!grams.has(`${parts[i]} ${parts[i + 1]}`)) return false;
  return true;
}
