// Inflected forms of the cue verbs: the lexicons list lemmas, the grammar reads every form a journalist writes.
// English: regular morphology plus the irregular verbs of rules/lexicon/en/irregular-verbs.txt. French: the Lefff
// tables (conjugated at build time, rules/lexicon/build.mjs), and a regular conjugator for verbs a reader's pack
// adds that the tables do not hold.

/** The tense of a form, as far as attribution cares. */
export type Tense = 'infinitive' | 'present' | 'past' | 'imperfect' | 'simple-past' | 'future' | 'conditional' | 'present-participle' | 'past-participle';

export type Forms = Partial<Record<Tense, string[]>>;

// Verbs whose final consonant doubles although they have two syllables (stress on the last one).
const DOUBLING = new Set(
  'admit commit submit omit permit emit transmit refer prefer confer infer defer deter regret rebut control compel propel patrol acquit abet allot concur occur recur forbid equip'.split(
    ' ',
  ),
);
const VOWEL = /[aeiou]/;

function doubles(verb: string): boolean {
  if (DOUBLING.has(verb)) return true;
  // One syllable ending consonant-vowel-consonant (plan, stop), not w, x, y.
  const syllables = verb.match(/[aeiouy]+/g)?.length ?? 0;
  return syllables === 1 && /[^aeiou][aeiou][^aeiouwxy]$/.test(verb);
}

/** English forms of a one-word verb; `irregular` gives [past, participle] for irregular verbs. */
export function englishForms(lemma: string, irregular?: readonly [string, string]): Forms {
  const v = lemma.toLowerCase();
  const third = /(?:s|x|z|ch|sh|o)$/.test(v) ? v + 'es' : /[^aeiou]y$/.test(v) ? v.slice(0, -1) + 'ies' : v + 's';
  let past: string;
  if (/e$/.test(v)) past = v + 'd';
  else if (/[^aeiou]y$/.test(v)) past = v.slice(0, -1) + 'ied';
  else if (doubles(v)) past = v + v.at(-1) + 'ed';
  else past = v + 'ed';
  let ing: string;
  if (/ie$/.test(v)) ing = v.slice(0, -2) + 'ying';
  else if (/[^eioy]e$/.test(v) && VOWEL.test(v.slice(0, -1))) ing = v.slice(0, -1) + 'ing';
  else if (doubles(v)) ing = v + v.at(-1) + 'ing';
  else ing = v + 'ing';
  const [p, pp] = irregular ?? [past, past];
  const add = (forms: string[]) => [...new Set(forms)];
  return {
    infinitive: add([v]),
    present: add([v, third]),
    past: add([p]),
    'past-participle': add([pp]),
    'present-participle': add([ing]),
  };
}

/** Parses the compact conjugation build.mjs writes: "present:dit,disent;imperfect:disait,…". */
export function parseConjugation(compact: string): Forms {
  const forms: Forms = {};
  for (const part of compact.split(';')) {
    const [tense, list] = part.split(':');
    if (tense && list) forms[tense as Tense] = list.split(',');
  }
  return forms;
}

/**
 * A regular French conjugation, for a verb the Lefff tables lack (a reader's addition): first group (-er, with
 * -cer/-ger spelling), second group (-ir, finir), -re (rendre). Third persons only, like the tables kept.
 */
export function regularFrenchForms(verb: string): Forms {
  const v = verb.toLowerCase();
  if (v.endsWith('er')) {
    const s = v.slice(0, -2);
    const soft = s.endsWith('c') ? s.slice(0, -1) + 'ç' : s;
    const ge = s.endsWith('g') ? s + 'e' : soft;
    return {
      infinitive: [v],
      present: [s + 'e', s + 'ent'],
      imperfect: [ge + 'ait', ge + 'aient'],
      'simple-past': [ge + 'a', s + 'èrent'],
      future: [s + 'era', s + 'eront'],
      conditional: [s + 'erait', s + 'eraient'],
      'present-participle': [ge + 'ant'],
      'past-participle': [s + 'é', s + 'és', s + 'ée', s + 'ées'],
    };
  }
  if (v.endsWith('ir')) {
    const s = v.slice(0, -2);
    return {
      infinitive: [v],
      present: [s + 'it', s + 'issent'],
      imperfect: [s + 'issait', s + 'issaient'],
      'simple-past': [s + 'it', s + 'irent'],
      future: [s + 'ira', s + 'iront'],
      conditional: [s + 'irait', s + 'iraient'],
      'present-participle': [s + 'issant'],
      'past-participle': [s + 'i', s + 'is', s + 'ie', s + 'ies'],
    };
  }
  if (v.endsWith('re')) {
    const s = v.slice(0, -2);
    return {
      infinitive: [v],
      present: [s, s + 'ent'],
      imperfect: [s + 'ait', s + 'aient'],
      'simple-past': [s + 'it', s + 'irent'],
      future: [s + 'ra', s + 'ront'],
      conditional: [s + 'rait', s + 'raient'],
      'present-participle': [s + 'ant'],
      'past-participle': [s + 'u', s + 'us', s + 'ue', s + 'ues'],
    };
  }
  return { infinitive: [v] };
}
