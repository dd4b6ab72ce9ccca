import type { Language } from './errors/error-messages';

/** How a code value reads to people, in each language a document is made in. */
export type Label = Readonly<Record<Language, string>>;

/** The words for every value of a vocabulary, kept next to the vocabulary itself. */
export type Labels<Code extends string> = Readonly<Record<Code, Label>>;

/** The Chinese words of a vocabulary, for the screens, mails and messages that only speak Chinese. */
export function chineseNames<Code extends string>(labels: Labels<Code>): Readonly<Record<Code, string>> {
  return Object.fromEntries(Object.entries<Label>(labels).map(([code, label]) => [code, label.zh])) as Record<
    Code,
    string
  >;
}
