// Cues the engine reads around a marker to qualify it (they refine findings; they are not findings).
// Patterns apply to folded text (no accents, straight quotes), case-insensitive.
import type { Lang } from './taxonomy';

export interface ContextCues {
  /** The article says why a source was granted anonymity. */
  reasonForAnonymity: RegExp;
  /** Several sources are said to agree, just before or in the marker. */
  corroboration: RegExp;
  /** An attribution word in the sentence of a hedge (« selon », "according to", "said"). */
  attributionCue: RegExp;
}

export const CONTEXT: Record<Lang, ContextCues> = {
  fr: {
    reasonForAnonymity:
      /sous (?:le )?couvert (?:de l'|d')anonymat|(?:a|ont) requis l'anonymat|(?:n'est|ne sont) pas (?:autorise|habilite)e?s? a (?:s'exprimer|parler)|par crainte de represailles|pour des raisons de securite|preferant garder l'anonymat/i,
    corroboration: /\b(?:au moins|pas moins de|plusieurs|de nombreuses|deux|trois|quatre|cinq|six|sept|huit|dix|\d+) (?:\p{L}+ ){0,2}sources\b|\bsources (?:concordantes|multiples)\b/iu,
    attributionCue: /\b(?:selon|d'apres|de source|a (?:indique|declare|affirme|rapporte|precise|annonce)|rapporte|affirme|indique|estime)\b/i,
  },
  en: {
    reasonForAnonymity:
      /\b(?:on|under) (?:the )?condition of anonymity|\brequested anonymity|\bnot (?:authori[sz]ed|allowed|permitted) to (?:speak|discuss|comment)|\bfor fear of (?:reprisals?|retribution)|\bbecause (?:they|he|she) (?:was|were) not authori[sz]ed/i,
    corroboration: /\b(?:at least|several|multiple|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:\p{L}+ ){0,2}(?:sources|people|officials)\b/iu,
    attributionCue: /\b(?:according to|said|says|told|reported|reports|claimed|cited)\b/i,
  },
};
