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
      /sous (?:le )?couvert (?:de l'|d')anonymat (?:car|parce qu|faute|pour|en raison)|(?:n'est|ne sont) pas (?:autorise|habilite)e?s? a (?:s'exprimer|parler)|par crainte de represailles|pour des raisons de securite|preferant garder l'anonymat|faute d'(?:etre |avoir ete )?(?:autorisee?s?|habilitee?s?)|(?:n'etant|ne pouvant|ne souhaitant) pas (?:etre )?(?:autorisee?s?|habilitee?s?|nommee?s?|citee?s?|identifiee?s?)|l'anonymat (?:car|parce qu|en raison|pour (?:des raisons|ne pas|eviter|proteger|se proteger))/i,
    corroboration:
      /\b(?:au moins|pas moins de|plusieurs|de nombreuses|deux|trois|quatre|cinq|six|sept|huit|dix|\d+) (?:\p{L}+ ){0,2}sources\b|\bsources (?:concordantes|multiples)\b/iu,
    attributionCue: /\b(?:selon|d'apres|de source|a (?:indique|declare|affirme|rapporte|precise|annonce)|rapporte|affirme|indique|estime)\b/i,
  },
  en: {
    reasonForAnonymity:
      /\b(?:on|under) (?:the )?condition of anonymity (?:because|as|since|for fear|to (?:discuss|speak|protect|avoid))|\b(?:requested|asked for|was granted|were granted) anonymity (?:because|as|since|for fear|to (?:discuss|speak|protect|avoid))|\bnot (?:authori[sz]ed|allowed|permitted) to (?:speak|discuss|comment)|\bfor fear of (?:reprisals?|retribution)|\bbecause (?:they|he|she) (?:was|were|is|are) not (?:authori[sz]ed|allowed|permitted)|\bnot to be (?:named|identified)(?: [^.;]{0,40})? (?:because|as|for fear|to (?:protect|avoid|discuss))\b|\bbecause (?:the|these|those) (?:talks|negotiations|discussions|deliberations|matters?|information|details|plans) (?:are|were|is|was|remain|remained|have not been|had not been) (?:private|confidential|sensitive|not (?:yet )?public)/i,
    corroboration: /\b(?:at least|several|multiple|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:\p{L}+ ){0,2}(?:sources|people|officials)\b/iu,
    // "is said to have" is itself a hedge, not an attribution.
    attributionCue: /\b(?:according to|said(?! to (?:be|have)\b)|says|told|reported|reports|claimed|cited)\b/i,
  },
};
