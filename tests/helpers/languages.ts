// Telling the panel's two languages apart, for the one-language tests (component and end-to-end).
import type { Lang } from '../../analyser/taxonomy';

/** Words that only one of the two languages uses (short function words and the report's own vocabulary; words both use, such as vague, note, document, source, are left out). */
export const WORDS_OF: Record<Lang, RegExp> = {
  en: /\b(the|and|of|with|is|are|was|by|no|named|anonymous|claims?|links?|hedged|outlets?|reported|sourcing|score|markers?|who|what|show|trainer|can|nobody|some)\b/i,
  fr: /(?:^|[\s(«'’])(le|la|les|des|du|et|est|une?|aucune?|nommée?s?|anonymes?|affirmations?|liens?|conditionnel|médias?|sourçage|marqueurs?|qui|quoi|voir|formateur)(?=$|[\s,.;:!?)»])/i,
};
