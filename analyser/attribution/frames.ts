// The frames of the attribution grammar: the few constructions in which a source meets a cue. Each is a small
// named unit with examples in both languages (they run as tests: tests/attribution.test.ts). A frame finds its
// cue in the sentence's tokens, delimits the source's noun phrase, and asks source.ts what kind of source it is.
import { LIST_BIT, OWN, TRAIT, type CueClass, type Lexicon, type VerbSense } from './lexicon';
import { OF_WORDS, SourceReader, type SourceKind, type SourcePhrase } from './source';
import type { Token } from './tokens';

export interface Attribution {
  frame: FrameId;
  /** Token indices of the whole marker (source and cue), [start, end). */
  start: number;
  end: number;
  source: SourcePhrase;
  /** The cue's lexicon entry: a verb's lemma (« déclarer », "say") or a phrase (« selon », "according to"). */
  cue: string;
  cueClass: CueClass | 'phrase';
  /** Token index of the cue, to tell a cue inside quoted speech. */
  cueAt: number;
}

export const FRAME_IDS = [
  'subject-cue',
  'apposition',
  'inverted',
  'cue-phrase',
  'passive-agent',
  'participial',
  'colon',
  'in-document',
  'relay-complement',
  'coordinated',
  'held-view',
  'speech-noun',
  'own-document',
] as const;
export type FrameId = (typeof FRAME_IDS)[number];

export interface Frame {
  id: FrameId;
  /** What the construction is, for the README and the trainer's trace. */
  description: string;
  examples: { fr: string[]; en: string[] };
}

export const FRAMES: Record<FrameId, Frame> = {
  'subject-cue': {
    id: 'subject-cue',
    description: 'a source as the subject of a cue verb, in any tense, with auxiliaries, negation or adverbs between',
    examples: {
      fr: [
        'Le ministère de la Santé a indiqué que le vaccin était sûr.',
        "L'Arcom estime que la chaîne a manqué à ses obligations.",
        'Des responsables américains ont démenti.',
      ],
      en: [
        'The county health department said the water was safe.',
        'State Department officials have repeatedly denied the report.',
        'Critics argue that the plan is too costly.',
      ],
    },
  },
  apposition: {
    id: 'apposition',
    description: 'a source, a description between commas, then its cue verb',
    examples: {
      fr: ['Jeanne Roux, la présidente du syndicat, a dénoncé une réforme injuste.'],
      en: ['Maria Lopez, a fellow at the Brookings Institution, warned that rates would rise.'],
    },
  },
  inverted: {
    id: 'inverted',
    description: 'a cue verb after a quotation or a comma, its source after it (« a déclaré X », "said X", « estime-t-elle »)',
    examples: {
      fr: ['« Nous ne céderons pas », a déclaré M. Durand mardi.', '« Ce texte est dangereux », estime-t-elle.'],
      en: ['"We will appeal," said Detective Sergeant Anna Kent.', 'The plan will fail, said a senior official.'],
    },
  },
  'cue-phrase': {
    id: 'cue-phrase',
    description: 'a cue phrase before its source (« selon », « d’après », « cité par », "according to", "citing")',
    examples: {
      fr: ['Selon Mme Roux, la grève sera reconduite.', "D'après le dernier rapport de l'OCDE, la croissance ralentit."],
      en: ['According to a survey published Tuesday, most voters disagree.', 'The bill stalled, citing people familiar with the talks.'],
    },
  },
  'passive-agent': {
    id: 'passive-agent',
    description:
      'a cue verb in the passive, its source after « par » / "by"; without one, impersonal (« il a été constaté que », "it was believed that"), nobody in particular',
    examples: {
      fr: ['La mesure a été annoncée par le gouvernement jeudi.', 'Il a été constaté que les délais n’étaient pas tenus.'],
      en: ['The bill was described as a disgrace by Senator Hall.', 'It was initially believed that the fire was accidental.'],
    },
  },
  participial: {
    id: 'participial',
    description:
      'a participle of a cue verb after a comma (« ajoutant », "saying") or a preposition ("by saying"), whose source is the subject of the sentence; or right after a document ("a statement saying"), which is its source',
    examples: {
      fr: ['Le maire a quitté la salle, ajoutant que le débat était clos.', 'La ministre a défendu son texte en assurant que personne ne serait lésé.'],
      en: [
        'Governor Lee vetoed the measure, saying it was unconstitutional.',
        'The senator distanced herself from the group by saying she would vote no.',
        'The agency issued a statement saying the leak had been fixed.',
      ],
    },
  },
  colon: {
    id: 'colon',
    description: 'a source alone before a colon and a quotation (« Le ministre : "…" »)',
    examples: {
      fr: ['Le ministre de la Défense : « Nous resterons au Sahel. »'],
      en: ['Senator Hall: "This bill is a disgrace."'],
    },
  },
  'in-document': {
    id: 'in-document',
    description: 'a document named as the place of the words (« dans un communiqué », "in a statement", "in a court filing")',
    examples: {
      fr: ['Le groupe a confirmé dans un communiqué la fermeture du site.'],
      en: ['The company confirmed the layoffs in a statement on Monday.'],
    },
  },
  coordinated: {
    id: 'coordinated',
    description: 'a cue verb joined to an earlier verb by « et » / "and", whose source is the subject of the sentence',
    examples: {
      fr: ['Le ministre a reçu les syndicats mardi et a déclaré que la réforme serait maintenue.'],
      en: ['The governor met with donors on Monday and said the plan was dead.', 'Police arrested the driver on Friday but denied that he had been beaten.'],
    },
  },
  'held-view': {
    id: 'held-view',
    description: 'a source, « être » / "to be" and a word of a view held (« persuadés », "concerned"), before what the view is (« que », "that", "about")',
    examples: {
      fr: ['Beaucoup d’économistes sont persuadés que la dette est soutenable.', 'Les syndicats sont convaincus que la réforme échouera.'],
      en: ['Experts are concerned that the dam could fail.', 'Senator Hall is not convinced that the bill will pass.'],
    },
  },
  'speech-noun': {
    id: 'speech-noun',
    description:
      'a noun for something said and its speaker: before it with a possessive ("the senator’s claim that"), after it with « de » / "by" / "from" (« les propos du ministre », "a warning from the IMF")',
    examples: {
      fr: ['Les propos du ministre de l’Intérieur ont choqué.', 'La promesse du président de baisser les impôts a été oubliée.'],
      en: ['The senator’s claim that the vote was rigged was false.', 'The bill drew sharp criticism from Democrats.'],
    },
  },
  'own-document': {
    id: 'own-document',
    description: 'a body and its own document as the object of its verb (« l’Insee a révisé ses prévisions », "the IMF cut its growth forecast")',
    examples: {
      fr: ['L’institution abaisse ses prévisions pour 2025.', 'La préfecture a publié son bilan jeudi.'],
      en: ['The IMF cut its growth forecast on Tuesday.', 'The agency released its annual report.'],
    },
  },
  'relay-complement': {
    id: 'relay-complement',
    description: 'the outlet that carried the words, after the cue (« a déclaré à l’AFP », « dans un entretien au Monde », "told Reuters")',
    examples: {
      fr: ["Le général a déclaré à l'AFP que l'offensive continuait.", 'Dans un entretien au quotidien Le Parisien, la ministre a détaillé son plan.'],
      en: ['A senior official told Reuters the talks had stalled.', 'In an interview with CNN, the mayor defended the plan.'],
    },
  },
};

/** Sources a verb of finding may have: documents, data and the bodies or outlets that publish them. */
const FINDERS = new Set<SourceKind>(['document', 'organisation', 'outlet']);
// (« reste considérée comme »: a copula like « être ».)
const BE = new Set([
  'est',
  'sont',
  'etait',
  'etaient',
  'ete',
  'fut',
  'furent',
  'sera',
  'seront',
  'reste',
  'restent',
  'demeure',
  'demeurent',
  'is',
  'are',
  'was',
  'were',
  'been',
  'be',
  'being',
]);
/** « être » / "to be" as a finite verb: not "be" after "to" or a modal, nor "being". */
const isFiniteBe = (key: string) => BE.has(key) && key !== 'be' && key !== 'being';
const NEGATION = new Set(['ne', "n'", 'pas', 'not']);
const AGENT = new Set(['par', 'by']);
/** Where an `in-document` frame starts: « dans un communiqué », "in a statement". */
const IN_DOCUMENT = new Set(['dans', 'in', 'via']);
const SOURCE_PHRASES = LIST_BIT['source-phrases'];
const OPINION_PHRASES = LIST_BIT['opinion-phrases'];
const INTERVIEW_PHRASES = LIST_BIT['interview-phrases'];
const VIEW_ADJECTIVES = LIST_BIT['view-adjectives'];
const SPEECH_NOUNS = LIST_BIT['speech-nouns'];
/** Endings of past participles, folded (« publié », « reprise », "owned", "written"): the outlet-agent frame. */
const FRENCH_PARTICIPLE = /(?:e|ee|es|ees|i|ie|is|ies|it|ite|u|ue|us|ues)$/;
const ENGLISH_PARTICIPLE = /(?:ed|en|wn|ne)$/;
const OWN_SET = new Set(OWN);
/** Document nouns that, after « dans » / "in", are seldom a document cited: standings, a speech, a view. */
const NOT_CITED_IN = new Set(['polls', 'speech', 'speeches', 'discours', 'number', 'opinion', 'opinions', 'judgment', 'judgement', 'avis']);
// « à l'AFP », "to Reuters"; on air: « sur France Inter », "on CNN".
const TO_OUTLET = new Set(['à', 'au', 'aux', 'to', 'sur', 'on']);
/** Participles of what an outlet does besides carrying words: hosting, owning, reaching someone. */
const NOT_RELAYED = new Set(
  'hosted sponsored moderated owned founded acquired bought run organized organised reached contacted employed hired fired paid funded financed organise organisee organises organisees anime animee presente presentee detenu detenue rachete rachetee fonde fondee finance financee'.split(
    ' ',
  ),
);
/** Verbs whose passive without an agent is hearsay: "is said to", "is considered as", « est considéré comme ». */
const HEARSAY_PASSIVES = new Set([
  'say',
  'believe',
  'think',
  'consider',
  'describe',
  'allege',
  'report',
  'see',
  'view',
  'regard',
  'dire',
  'croire',
  'penser',
  'considérer',
  'décrire',
]);
/** What « on » says that is hearsay: « on dit », « on raconte », « on estime ». */
const ON_SAYS = new Set([
  'dire',
  'raconter',
  'murmurer',
  'estimer',
  'penser',
  'croire',
  'affirmer',
  'prétendre',
  'assurer',
  'considérer',
  'juger',
  'rapporter',
  'évoquer',
  'annoncer',
  'soupçonner',
  'craindre',
]);
/** Words that stand alone between commas before a verb, besides adverbs: « lui », "however", « toutefois ». */
const ASIDE_WORDS = new Set(['lui', 'elle', 'eux', 'however', 'though', 'too', 'pourtant', 'cependant', 'toutefois', 'quant']);
/** French object pronouns between a subject and its verb: « d'anciens collègues le décrivent », « il leur a dit ». */
const OBJECT_CLITICS = new Set(['le', 'la', 'les', "l'", 'lui', 'leur', 'y', 'en', 'me', "m'", 'te', "t'", 'nous', 'vous']);
/** What stands between a verb of going on and the infinitive it goes on with: "continued to say", « continue de dire ». */
const TO_INFINITIVE = new Set(['to', 'à', 'de', "d'"]);
/** Relative pronouns that open a clause inside a subject: "critics who…", « les experts qui… ». */
const RELATIVES = new Set(['who', 'whose', 'qui', 'dont']);
/** Before a participle, what makes it an adverbial of the subject's: "by saying", "after saying", « en ajoutant ». */
const LEADS_PARTICIPLE = new Set(['by', 'after', 'while', 'before', 'when', 'in', 'en']);
const COORDINATORS = new Set(['and', 'but', 'then', 'et', 'mais', 'puis']);

export class FrameReader {
  readonly r: SourceReader;
  constructor(
    readonly lex: Lexicon,
    readonly tokens: readonly Token[],
    /** Outlets the article has introduced (« le journal al-Arab »), by their names' token keys. */
    knownOutlets?: Set<string>,
    /** Words of the names of the people the article has quoted so far. */
    readonly knownSpeakers: Set<string> = new Set(),
  ) {
    this.r = new SourceReader(lex, tokens, knownOutlets, knownSpeakers);
    this.headline = titleCase(tokens);
  }
  /** A title in title case ("Senator Says Bill Will Pass"), where a capital does not make a verb a name. */
  private readonly headline: boolean;

  /** Every attribution in the sentence, in token order. */
  read(): Attribution[] {
    const out: Attribution[] = [];
    const { tokens } = this;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const entries = t.entries !== undefined && t.entries.index === this.lex.index ? t.entries : this.lex.index.of(t.key);
      if (!entries.cueStart) continue;
      if (!t.word) {
        if (t.key === ':') this.colon(i, out);
        continue;
      }
      // (The entries' bits say which lists hold an entry starting here: most cue starts begin none of these.)
      const starts = entries.starts;
      if (entries.phraseStart) {
        const phrase = starts & SOURCE_PHRASES ? this.r.at('source-phrases', i) : null;
        if (phrase) this.cuePhrase(i, phrase, out);
        const opinion = starts & OPINION_PHRASES ? this.r.at('opinion-phrases', i) : null;
        if (opinion) this.opinion(i, opinion, out);
        const interview = starts & INTERVIEW_PHRASES ? this.r.at('interview-phrases', i) : null;
        if (interview) this.interview(i, interview, out);
      }
      if (IN_DOCUMENT.has(t.key)) this.inDocument(i, out);
      if (OWN_SET.has(t.key)) this.ownDocument(i, out);
      if (t.key === 'par' || t.key === 'by') this.outletAgent(i, out);
      if (entries.verb) {
        const senses = this.senses(i);
        if (senses.length) this.verb(i, senses, out);
      }
      const view = starts & VIEW_ADJECTIVES ? this.r.at('view-adjectives', i) : null;
      if (view) this.heldView(i, view, out);
      const said = starts & SPEECH_NOUNS ? this.r.at('speech-nouns', i) : null;
      if (said) this.speechNoun(i, said, out);
    }
    return this.withoutDescriptions(this.withoutSecondVerbs(out));
  }

  /**
   * A verb inside an apposition's description is the speaker's description, not another attribution: "Alberto Ruiz, a
   * resident who tweeted about the smoke, said" is Ruiz speaking, not "a resident who tweeted".
   */
  private withoutDescriptions(out: Attribution[]): Attribution[] {
    const appositions = out.filter((a) => a.frame === 'apposition');
    if (!appositions.length) return out;
    return out.filter((a) => a.frame !== 'subject-cue' || !appositions.some((b) => b.source.start < a.start && a.end <= b.end && b.cueAt > a.cueAt));
  }

  /** A second verb ("and said") whose sentence names a source elsewhere is that source's: the sentence's subject may not be. */
  private withoutSecondVerbs(out: Attribution[]): Attribution[] {
    if (!out.some((a) => a.frame === 'coordinated')) return out;
    if (!out.some((a) => a.frame !== 'coordinated' && a.frame !== 'participial')) return out;
    return out.filter((a) => a.frame !== 'coordinated');
  }

  /**
   * « La Société suisse de l'industrie du gaz et des eaux (SSIGE) considère »: a body's long name, then its initials in
   * parentheses, before the verb. The initials name it, whatever words the long name holds.
   */
  private initialsBefore(k: number): SourcePhrase | null {
    const { tokens, r } = this;
    if (tokens[k]?.key !== ')' || tokens[k - 2]?.key !== '(' || !tokens[k - 1]!.acronym) return null;
    let s = k - 2;
    // (A long name may hold "and": « de l'industrie du gaz et des eaux ».)
    const inName = (j: number) => tokens[j]!.word && (!r.isOpener(j) || ['et', 'and'].includes(tokens[j]!.key)) && (!r.isAuxiliary(j) || r.isDeterminer(j));
    while (s > 0 && s > k - 16 && inName(s - 1)) s--;
    // (From its first capital, or the article before it.)
    while (s < k - 2 && !tokens[s]!.cap && !(r.isDeterminer(s) && tokens[s + 1]!.cap)) s++;
    if (s >= k - 2) return null;
    return { start: s, end: k + 1, kind: 'organisation', name: [k - 1, k] };
  }

  /** The source before a participle of saying that ends at k ("an official | speaking on condition of anonymity"). */
  private speakingBefore(k: number, cls: CueClass): SourcePhrase | null {
    const { tokens, r } = this;
    // (The participle has its complement before the verb: "asking questions" is a participle and its object.)
    for (let p = k - 1; p > 0 && p >= k - 8 && tokens[p]!.word; p--) {
      const participle =
        tokens[p]!.key.endsWith('ing') && this.lex.verbs.get(tokens[p]!.key)?.some((s) => s.tense === 'present-participle' && s.cls === 'speech');
      if (!participle) continue;
      if (!tokens[p - 1]!.word || r.isPreposition(p - 1)) return null;
      const start = r.leftStart(p);
      const source = start < p ? this.source(start, p, cls) : null;
      return source && source.kind !== 'pronoun' ? source : null;
    }
    return null;
  }

  /**
   * '"…," From said', '"…?" Will wrote': one capitalised word between the end of a quotation and its verb is the
   * speaker's name, even a word that is something else elsewhere ("From", "Will", "Read", "Israel").
   */
  private nameAfterQuotation(k: number): SourcePhrase | null {
    const { tokens, r } = this;
    const t = tokens[k]!;
    if (!t.word || !t.cap || tokens[k - 1]?.key !== '"' || ![',', '?', '!'].includes(tokens[k - 2]?.key ?? '')) return null;
    if (r.at('pronouns', k) || r.isDeterminer(k)) return null;
    return { start: k, end: k + 1, kind: 'person', name: [k, k + 1] };
  }

  /**
   * "responded on Sunday to accusations that", "replied to a question about": a reply (verbs-of-reply) to something said
   * or written (speech-nouns, document-nouns) is words too, whatever follows.
   */
  private repliesToWords(sense: VerbSense, cueEnd: number): boolean {
    const { tokens, r } = this;
    if (!(sense.traits & TRAIT.reply)) return false;
    // (skipAdverbs passes over when: "responded on Sunday to", "responded Friday to".)
    const j = this.skipAdverbs(cueEnd);
    if (tokens[j]?.key !== 'to') return false;
    // (Through a possessive: "to Vargas' question".)
    for (let k = j + 1; k < Math.min(tokens.length, j + 6) && (tokens[k]!.word || r.isPossessive(k) || tokens[k]!.key === "'"); k++)
      if (r.at('speech-nouns', k) || r.at('document-nouns', k)) return true;
    return false;
  }

  /**
   * The verb whose infinitive is at i and whose subject says it: a verb of going on before "to" / « à », « de »
   * (verbs-going-on: "continued to say", « continue de dénoncer »), or of seeming or beginning
   * (verbs-before-infinitive: "seemed to agree", « commence à dénoncer », « semble admettre »). -1 when there is none.
   */
  private governorOf(i: number): number {
    const { tokens, lex } = this;
    const p = i - 1;
    if (p < 0) return -1;
    // (French « sembler », « paraître » take the infinitive without a preposition.)
    if (lex.lang === 'fr' && lex.leadsInfinitive.has(tokens[p]!.key)) return p;
    if (!TO_INFINITIVE.has(tokens[p]!.key)) return -1;
    // ("went on to say": a verb of two words.)
    if (p >= 2 && tokens[p - 2]!.word && lex.leadsInfinitive.has(`${tokens[p - 2]!.key} ${tokens[p - 1]!.key}`)) return p - 2;
    // "critics were quick to point out", "she was the first to say", « il a été prompt à dénoncer »: « être » / "to be" and
    // an adjective of manner lead the infinitive, whose subject is theirs.
    if (p >= 2 && lex.lists['adjectives-before-infinitive'].has(tokens[p - 1]!.key)) {
      let j = p - 2;
      while (j > 0 && (['the', 'le', 'la', 'les', "l'", 'one', 'of', 'un', 'une', 'des', 'all', 'tous'].includes(tokens[j]!.key) || this.r.isAdverb(j))) j--;
      if (BE.has(tokens[j]!.key)) return j;
    }
    for (let j = p - 1; j >= Math.max(0, p - 2) && tokens[j]!.word; j--) {
      if (j === p - 1 && lex.leadsInfinitive.has(tokens[j]!.key)) return j;
      if (this.senses(j).some((s) => s.traits & TRAIT.goesOn && j + 1 + s.rest.length === p)) return j;
    }
    return -1;
  }

  /** The subject of the verb at j that governs the infinitive at i (governorOf), as the source of the infinitive's words. */
  private goingOnTo(i: number, j: number, cueEnd: number, sense: VerbSense, out: Attribution[]) {
    const { tokens, r } = this;
    const k = this.backOverAuxiliaries(j - 1);
    // ("Sebastian Kurz, the Austrian chancellor, did not hesitate to criticize": a description between commas.)
    if (tokens[k]?.key === ',' && this.apposition(k, ',', cueEnd, sense, i, out)) return;
    if (k < 0 || !(tokens[k]!.word || tokens[k]!.key === ')')) return;
    const start = r.leftStart(k + 1);
    const source = this.source(start, k + 1, sense.cls);
    // (The agreement of a verb of going on with its subject, where it is a verb of the lists.)
    const senses = this.senses(j);
    if (source && (!senses.length || this.agrees(source, j, j - 1 - k, senses))) out.push(this.attribution('subject-cue', start, cueEnd, source, sense, i));
  }

  /**
   * A plain present right after a plural noun, in a title-case headline: "New Polls Show", "Republicans Tweet Prayers";
   * not in a question's title, "What Voters Think".
   */
  private afterPlural(i: number): boolean {
    const { tokens } = this;
    return (
      !tokens[i]!.key.endsWith('s') &&
      /[^s]s$/.test(tokens[i - 1]!.key) &&
      !!this.r.nounAt(i - 1) &&
      !['what', 'why', 'how', 'where', 'when', 'who'].includes(tokens[i - 2]?.key ?? '')
    );
  }

  /** The senses of the verb at i whose following words (« valoir », "out") are there. */
  private senses(i: number): VerbSense[] {
    const t = this.tokens[i]!;
    // In a headline, a capitalised verb of the third person or of the past right after a name: "Senator Says", "Mayor
    // Denied".
    // (Or a plain present after a plural noun: "New Polls Show", afterPlural.)
    if (t.cap && i > 0 && !(this.headline && (/(?:[^s]s|ed)$/.test(t.key) || this.afterPlural(i)) && (this.tokens[i - 1]!.cap || this.r.nounAt(i - 1))))
      return [];
    const entries = t.entries;
    const all = entries !== undefined && entries.index === this.lex.index ? entries.verb : this.lex.verbs.get(t.key);
    if (!all) return [];
    // After a determiner, a possessive or a preposition it is a noun: "the talks", "Editor's note", "secretary of
    // state", « le constat », « les dires ».
    const previous = i - 1;
    // « comme le souligne X », « comme l'a dit X »: « le » is a pronoun there, not a determiner.
    const clitic = previous >= 1 && ['le', "l'"].includes(this.tokens[previous]!.key) && ['comme', 'ainsi'].includes(this.tokens[previous - 1]!.key);
    // « D'anciens collègues le décrivent », « il l'a dit »: between a subject and a finite verb, « le » is a pronoun.
    const objectPronoun =
      this.lex.lang === 'fr' &&
      previous >= 1 &&
      ['le', 'la', 'les', "l'"].includes(this.tokens[previous]!.key) &&
      (!!this.r.nounAt(previous - 1) || !!this.r.at('pronouns', previous - 1) || this.tokens[previous - 1]!.cap) &&
      all.some((s) => ['present', 'imperfect', 'simple-past', 'future'].includes(s.tense));
    // (Not after a count that stands alone: "Several said", « Plusieurs ont dénoncé ».)
    // ("a second term", « le premier constat »: an ordinal between them.)
    const r = this.r;
    const article = r.isArticle(previous) || (previous >= 1 && this.lex.lists.ordinals.has(this.tokens[previous]!.key) && r.isArticle(previous - 1));
    // ("continued to say", « continue de dénoncer », « semble admettre »: the infinitive after a verb of going on or of
    // seeming, goingOnTo's.)
    if (previous >= 1 && this.governorOf(i) >= 0) {
      const infinitives = all.filter((s) => s.tense === 'infinitive' && s.rest.every((w, k) => this.tokens[i + 1 + k]?.key === w));
      if (infinitives.length) return infinitives;
    }
    // ("by saying", « en ajoutant »: a preposition that leads a participle.)
    if (previous >= 0 && LEADS_PARTICIPLE.has(this.tokens[previous]!.key)) {
      const participles = all.filter((s) => s.tense === 'present-participle' && s.rest.every((w, k) => this.tokens[i + 1 + k]?.key === w));
      if (participles.length) return participles;
    }
    if (
      !clitic &&
      !objectPronoun &&
      previous >= 0 &&
      (this.r.isPossessive(previous) || ((article || this.r.isPreposition(previous)) && !this.r.isAuxiliary(previous)))
    )
      return [];
    // A form that is also a listed noun ("reports", « constat ») is a verb only after what ends a subject: a name, a
    // listed noun, a pronoun, an auxiliary or an adverb ("intelligence reports" is a noun phrase). So is a noun of
    // speech or of a view ("a campaign promise", "policy details", "the government's only hope").
    if (previous >= 0 && (this.r.nounAt(i) || this.speechNounForm(i))) {
      const p = this.tokens[previous]!;
      // (A plural noun before a plural verb ends one too: "Polls show", "officials say".)
      const plural = this.lex.lang === 'en' && /s$/.test(p.key) && !!this.r.nounAt(previous) && !t.key.endsWith('s');
      // "a poll shows", "the county reports": a determiner, a singular listed noun, then a verb in -s. ("An average of
      // recent polls shows": the head before "of" is the singular one.)
      const subjectStart = this.lex.lang === 'en' && t.key.endsWith('s') && this.r.nounAt(previous) ? this.r.leftStart(previous + 1) : -1;
      const singular =
        subjectStart >= 0 &&
        this.r.isDeterminer(subjectStart) &&
        (!p.key.endsWith('s') || this.tokens.slice(subjectStart, previous).some((w) => w.key === 'of'));
      // (Not a capitalised first word alone, « Prenez note que » is an imperative and its noun, unless it is the name of
      // a speaker the article has already quoted: « Dembelé note que ».)
      // "Early analysis shows", "Footage from the game shows that": a document's finding, before what it shows.
      const next = this.tokens[i + 1];
      // (A function: asked only when nothing simpler tells.)
      const finding = () =>
        all.some((s) => s.cls === 'finding') &&
        !!next &&
        (next.key === 'that' || this.r.opensSubject(i + 1)) &&
        this.r.classify(this.r.leftStart(i), i)?.kind === 'document';
      // « La junte accuse la France », « le rapport note que »: in French, a determiner and a listed noun, then the form
      // before what it says, is a subject and its verb.
      const frenchSubject = () =>
        this.lex.lang === 'fr' &&
        !!this.r.nounAt(previous) &&
        this.r.isDeterminer(this.r.leftStart(previous + 1)) &&
        !!next &&
        (['que', "qu'", ':'].includes(next.key) || next.cap || this.r.isDeterminer(i + 1));
      // ("Supporters of the law hope": a plural head before "of", then a plural verb.)
      const pluralHead = () => {
        if (this.lex.lang !== 'en' || t.key.endsWith('s')) return false;
        for (let k = this.r.leftStart(previous + 1) + 1; k < previous; k++)
          if (this.tokens[k]!.key === 'of' && /[^s]s$/.test(this.tokens[k - 1]!.key)) return true;
        return false;
      };
      // ("Trump claims he is worth", "Gowdy Promises …", "Dems hope the": a name that opens the sentence, before its verb
      // and a clause.)
      // (Only before a noun of speech: "Flood notes" is a heading's noun phrase.)
      const openingName =
        previous === 0 &&
        this.lex.lang === 'en' &&
        (t.key.endsWith('s') || /[^s]s$/.test(p.key)) &&
        !this.r.nounAt(i) &&
        this.r.isName(previous) &&
        (this.headline || next?.key === 'that' || this.r.opensSubject(i + 1));
      const endsSubject =
        (p.cap && (previous > 0 || openingName || this.knownSpeakers.has(p.key) || !!this.r.at('outlets', previous))) ||
        plural ||
        pluralHead() ||
        singular ||
        this.r.at('pronouns', previous) ||
        this.r.isAuxiliary(previous) ||
        (this.r.isAdverb(previous) && !this.r.isPossessive(previous - 1)) ||
        // ("Many hope that", « certains craignent »: a quantifier standing alone, not "winning some states".)
        (!!this.r.at('vague-quantifiers', previous) && !this.tokens[previous - 1]?.word) ||
        !p.word ||
        finding() ||
        frenchSubject();
      if (!endsSubject) return [];
    }
    // (Most forms have no sense with words after the verb: all of them stand.)
    if (!needsRest(all)) return all;
    return all.filter((s) => s.rest.every((w, k) => this.tokens[i + 1 + k]?.key === w));
  }

  private verb(i: number, senses: VerbSense[], out: Attribution[]) {
    const r = this.r;
    const tokens = this.tokens;
    // A light verb ("offer", « émettre ») is a cue only when no other sense of the form is ("made clear", "make the case").
    // (« a prononcé un discours » is no « se prononcer »: a pronominal sense without its « se » is none.)
    // (Most forms have neither a light nor a pronominal sense: no filtering, no new array.)
    const plain = senses.some((s) => s.reflexive || s.traits & TRAIT.needsSpeechNoun)
      ? senses.filter((s) => (s.traits & TRAIT.needsSpeechNoun) === 0 && (!s.reflexive || this.reflexiveBefore(i)))
      : senses;
    const light = plain.length ? NO_SENSES : senses.filter((s) => s.traits & TRAIT.needsSpeechNoun);
    const sense = pick(plain.length ? plain : light.length ? light : senses);
    let cueEnd = i + 1 + sense.rest.length;
    // "offered a spirited defense of", "voiced concerns", « a émis des réserves »: a light verb says something only with a
    // noun of speech as its object, and the cue runs to that noun.
    if (light.length) {
      const noun = this.speechNounAfter(cueEnd);
      if (noun < 0) return;
      cueEnd = noun;
    }
    // "Mrs. Clinton responded with ads": a reply that is an act; what was said follows "that", a colon or a quotation.
    const next = tokens[this.skipAdverbs(cueEnd)]?.key ?? '';
    // ("Most Republicans agreed they had no recourse": a clause without "that" opens with its subject.)
    // ("responded by saying", not "responded by easing sanctions": an act.)
    if (
      sense.traits & TRAIT.needsWhat &&
      !['that', ':', '"', ',', '.', ''].includes(next) &&
      !(
        next === 'by' && this.lex.verbs.get(tokens[this.skipAdverbs(this.skipAdverbs(cueEnd) + 1)]?.key ?? '')?.some((s) => s.tense === 'present-participle')
      ) &&
      !this.repliesToWords(sense, cueEnd) &&
      !(this.lex.lang === 'en' && SUBJECT_PRONOUNS.has(next))
    )
      return;
    // '"…," Rubio continued', « a poursuivi le ministre » : going on speaking, only after or before a quotation.
    // (Or before a participle of saying: « a poursuivi cette source, soulignant que ».)
    // ('Prager continues, "In fact, …"', "The narrator continues that": a comma and a quotation, or "that", after it.)
    if (
      sense.traits & TRAIT.goesOn &&
      !(
        [':', '"', 'that', 'que', "qu'"].includes(next) ||
        (next === ',' && tokens[this.skipAdverbs(cueEnd) + 1]?.key === '"') ||
        this.anyBefore(i, (t) => t.key === '"') ||
        this.sayingAfter(cueEnd)
      )
    )
      return;
    if ((sense.traits & TRAIT.seenAs) !== 0 && !this.asFollows(cueEnd)) return;
    // "Environmentalists want the plants to remain closed", « souhaite que l'État agisse »: a view; "wants to run" is a plan.
    // (But "4 in 10 want a wall": a share of the people polled answers whatever follows.)
    if ((sense.traits & TRAIT.needsClause) !== 0 && !this.clauseFollows(cueEnd) && !this.shareBefore(i)) return;
    // "60 percent approve", "a majority favor", « 58 % des sondés approuvent »: a poll's answer, by a share of the people
    // polled only ("Ms. Ruiz prefers tea").
    // (A past-only verb's present has its own check below: TRAIT.nounLike.)
    if (senses.every((s) => s.traits & TRAIT.pollAnswer && !(s.traits & TRAIT.nounLike)) && !this.shareBefore(i)) return;
    // "As one voter put it, …", '"…," as he put it': words, not "put it in the car".
    if (sense.lemma === 'put it' && !([',', ':', '"', '.', ''].includes(next) || this.anyBefore(i, (t) => t.key === 'as'))) return;
    // "backed down", "sworn in", « déclarer forfait »: another verb than "backed the bill", "swore that" (other-verbs).
    if (this.lex.otherVerbs.get(sense.lemma)?.some((words) => words.every((w, k) => tokens[cueEnd + k]?.key === w))) return;
    // "the report states that": a present form that is mostly a noun is a verb after a document only (TRAIT.nounLike).
    // ("Sixty percent of voters support the plan": a poll's answer, after a share of the people polled and before what it
    // answers; not "19 percent support in Idaho", a noun.)
    if (
      senses.every((s) => s.traits & TRAIT.nounLike) &&
      !(tokens[i]!.key.endsWith('s') && r.nounAt(i - 1) && r.classify(r.leftStart(i), i)?.kind === 'document') &&
      !(senses.some((s) => s.traits & TRAIT.pollAnswer) && tokens[cueEnd]?.word && !r.isPreposition(cueEnd) && this.shareBefore(i))
    )
      return;
    const participleOnly = senses.every((s) => s.tense === 'past-participle');
    const presentParticiple = senses.every((s) => s.tense === 'present-participle');
    const infinitive = senses.every((s) => s.tense === 'infinitive');
    // "the statement read": a document's words; not "Read the rest at …" nor "people reading this".
    if (sense.lemma === 'read' && (i === 0 || presentParticiple)) return;
    // Left of the verb: auxiliaries, negation, clitics and adverbs.
    let k = i - 1;
    let auxiliaries = 0;
    let be = false;
    let reflexive = false;
    let negated = false;
    // (« comme l'a dit X », « ainsi que l'avait suggéré X »)
    const comme = (j: number) =>
      ['le', "l'"].includes(tokens[j]!.key) &&
      (['comme', 'ainsi'].includes(tokens[j - 1]?.key ?? '') || (tokens[j - 1]?.key === 'que' && tokens[j - 2]?.key === 'ainsi'));
    while (k >= 0) {
      // An aside between commas, when the words were said, an adverb of several words: skipped whole.
      const skipped = Math.min(this.asideBefore(k), this.timeBefore(k), this.adverbPhraseBefore(k));
      if (skipped < k) {
        k = skipped;
        continue;
      }
      const key = tokens[k]!.key;
      const auxiliary = r.isAuxiliary(k);
      const between =
        auxiliary ||
        r.isAdverb(k) ||
        BE.has(key) ||
        comme(k) ||
        (this.lex.lang === 'fr' && OBJECT_CLITICS.has(key)) ||
        NEGATION.has(key) ||
        key === 'se' ||
        key === "s'";
      if (!between) break;
      if (auxiliary) auxiliaries++;
      if (BE.has(key)) be = true;
      if (key === 'se' || key === "s'") reflexive = true;
      if (['not', 'pas', 'never', 'jamais'].includes(key) || key.endsWith("n't")) negated = true;
      k--;
    }
    // "Lewandowski continued to say", "has continued to question", « il continue de dénoncer »: going on saying is saying,
    // and the subject is the first verb's.
    const governor = k === i - 1 ? this.governorOf(i) : -1;
    if (governor >= 0) {
      this.goingOnTo(i, governor, cueEnd, sense, out);
      return;
    }
    // "Brunei and Taiwan have claims", "the county had reports": after "have", a verb is its participle; any other form
    // is a noun, the object of "have".
    if (this.lex.lang === 'en' && auxiliaries && !senses.some((s) => s.tense === 'past-participle')) {
      let h = i - 1;
      while (h > k && !r.isAuxiliary(h)) h--;
      if (['have', 'has', 'had', 'having', "'ve"].includes(tokens[h]?.key ?? '')) return;
    }
    if (infinitive) return;
    // "adding to her lead", "added sugar to the sauce": nothing said; what is added to what was said follows "that", a
    // comma, a colon or a quotation (or nothing: '"…," he added.').
    if (
      // (« il a ajouté du sucre à la sauce »: the same in French.)
      (sense.lemma === 'add' || sense.lemma === 'ajouter') &&
      (next === 'to' || (!['that', 'que', "qu'", ',', ':', '"', '.', ''].includes(next) && !(tokens[k]?.key === ',' || tokens[k]?.key === '"')))
    )
      return;
    // "Fans called the stadium": a telephone call; "called the plan a disaster", "called it unfair" say something.
    if (sense.lemma === 'call' && !sense.rest.length && !this.callsSomething(this.skipAdverbs(cueEnd))) return;
    // "pronounced dead", « déclaré mort »: a death recorded, not words reported.
    const dead = (j: number) => ['dead', 'mort', 'morte', 'morts', 'mortes'].includes(tokens[j]?.key ?? '');
    if (['pronounce', 'declare', 'déclarer', 'prononcer'].includes(sense.lemma) && (dead(cueEnd) || dead(cueEnd + 1))) return;
    // "did not respond to a request for comment", « n'a pas répondu »: nobody said anything.
    if (negated && senses.some((s) => s.traits & TRAIT.reply)) return;
    // « a-t-il martelé », « avait-elle déclaré »: an inverted pronoun between the auxiliary and the participle.
    if (tokens[i - 1]?.inverted && r.isAuxiliary(i - 2)) {
      const source: SourcePhrase = { start: i - 1, end: i, kind: 'pronoun', entry: tokens[i - 1]!.key, list: 'pronouns' };
      out.push(this.attribution('inverted', i - 2, cueEnd, source, sense, i));
      return;
    }
    // « un juge se récuse »: a pronominal use of a verb listed without « se » is another verb.
    if (reflexive && !senses.some((s) => s.reflexive)) return;
    // "the president should denounce", « il pourrait dénoncer »: what someone might say is not what they said.
    if (k >= 0 && r.at('modals', k)) {
      // (But "some would argue", "few would dispute that", « certains diront »: a generic group's view, by nobody in
      // particular.)
      const generic = ['would', 'might'].includes(tokens[k]!.key) && k > 0 && this.source(r.leftStart(k), k, sense.cls)?.kind === 'vague';
      if (!generic) return;
      k--;
    }
    // A pronominal verb needs its « se »: « élevé » alone is not « s'est élevé ».
    if (senses.every((s) => s.reflexive) && !reflexive && !tokens[i + 1]?.inverted) return;
    // « s'est félicité » is a reflexive past, not a passive.
    if (reflexive) be = false;
    // "experts are warning", "Trump is calling for": a progressive is the verb of its subject.
    // ("appears to be supporting": an infinitive's, not the subject's verb.)
    const progressive = presentParticiple && be && this.lex.lang === 'en' && tokens[k]?.key !== 'to';
    if (presentParticiple && !progressive) {
      // French: « , ajoutant que » (« , promettant de » is not reported speech).
      const content = this.lex.lang !== 'fr' || ['que', "qu'", ':', '"'].includes(tokens[cueEnd]?.key ?? '');
      // After a comma or a dash, or a preposition that makes it an adverbial ("by saying", "after saying", « en
      // ajoutant »).
      // (An adverb may stand between: "by first saying".)
      let lead = i - 1;
      while (lead > 0 && r.isAdverb(lead) && LEADS_PARTICIPLE.has(tokens[lead - 1]?.key ?? '')) lead--;
      const opens = [',', '-'].includes(tokens[i - 1]?.key ?? '') || LEADS_PARTICIPLE.has(tokens[lead]?.key ?? '');
      if (opens && content) this.participial(i, cueEnd, sense, out);
      // "issued a statement saying", "a report showing that": the document says it.
      // (Followed by what it says: "a statement saying the…", "voters saying they…", not "the month's data encouraging, ….)
      // ("a group backing former Gov. Mike Huckabee": an adjective before a name opens one too.)
      else if (
        i > 0 &&
        tokens[i - 1]!.word &&
        (next === 'that' ||
          next === '"' ||
          r.opensSubject(cueEnd) ||
          // ("Senator Ruiz telling reporters that": "tell", its listener, then what was said.)
          (sense.lemma === 'tell' && tokens.slice(cueEnd + 1, cueEnd + 4).some((t) => t.key === 'that' || t.key === '"')) ||
          (tokens[cueEnd]?.word && tokens[cueEnd + 1]?.cap && !tokens[cueEnd]!.cap && !r.isPreposition(cueEnd)))
      )
        this.participleSubject(i, cueEnd, sense, out);
      return;
    }
    if (progressive) be = false;
    // A passive: « a été annoncée par le gouvernement », "was described as … by X", "first reported by Bloomberg".
    // Also without « être », before « par » / "by" or as a participle alone: « rejetés par la communauté scientifique ».
    const byNext = ['by', 'par'].includes(tokens[cueEnd]?.key ?? '') && senses.some((s) => s.tense === 'past-participle');
    // ("Meadows accused of timing his retirement": the word that follows the object, right after the verb: passive-before.)
    // (Not after a relative pronoun, which is the object: "the attacks, which Hollande blamed for".)
    const objectFirst =
      !!this.lex.passiveBefore.get(sense.lemma)?.some((words) => words.every((w, n) => tokens[cueEnd + n]?.key === w)) &&
      senses.some((s) => s.tense === 'past-participle') &&
      !['which', 'that', 'whom', 'who'].includes(tokens[r.leftStart(k + 1) - 1]?.key ?? '');
    if (be || ((participleOnly || byNext || objectFirst) && !auxiliaries)) {
      const before = out.length;
      this.passive(i, cueEnd, sense, out, k);
      // ("Ms. Gao said by telephone": "by" names how, not who; the verb is its subject's, read below.)
      if (be || participleOnly || objectFirst || out.length > before) return;
    }
    const before = tokens[k];
    const afterVerb = this.skipAdverbs(cueEnd);
    // "Jason Sims - a teacher from Ohio - says": a description between dashes is one between commas.
    if (before?.key === '-' && this.apposition(k, '-', cueEnd, sense, i, out)) return;
    // Inverted: after a quotation or a comma, the source follows the verb. (Not at the start of a sentence: « Nous
    // avons évoqué le soutien » has its subject before, in an auxiliary's place; but "Said Comey, …" opens with its verb.)
    if (!before) {
      // ("Said one official, …", "Asked a Pennsylvania Republican: …": a described source too, after a past.)
      const described = r.isDeterminer(afterVerb) && senses.some((s) => s.tense === 'past');
      if (i === 0 && tokens[i]!.cap && !auxiliaries && (r.isName(afterVerb) || described)) this.inverted(i, 0, afterVerb, sense, out);
      return;
    }
    // (Some outlets quote with two apostrophes, ''…,'' said X: one token, tokenize's.)
    const quote = before.key === '"';
    if (quote || ['comme', 'ainsi'].includes(before.key) || (before.key === 'que' && tokens[k - 1]?.key === 'ainsi')) {
      this.inverted(i, k + 1, afterVerb, sense, out);
      return;
    }
    if (before.key === ',') {
      // A description between commas, then the verb: its source stands before the description. Otherwise the
      // comma closes a clause or a quotation, and the source follows the verb.
      if (this.apposition(k, ',', cueEnd, sense, i, out) || this.inverted(i, k + 1, afterVerb, sense, out)) return;
      // "Sen. Jack Reed (D-R.I.), said": a comma after a party and state is a slip, the subject stands before it.
      if (tokens[k - 1]?.key === ')') {
        const start = r.leftStart(k);
        const source = this.source(start, k, sense.cls);
        if (source && source.kind !== 'pronoun') out.push(this.attribution('subject-cue', start, cueEnd, source, sense, i));
      }
      return;
    }
    // « qui cite des experts militaires », "quoting a senior official": the object of citing is a source.
    // ("quotes from a pool report": the noun.)
    if (senses.some((s) => s.cls === 'cite') && tokens[cueEnd]?.key !== 'from') {
      const end = r.rightEnd(afterVerb);
      const cited = r.classify(afterVerb, end);
      if (cited && cited.kind !== 'pronoun') out.push(this.attribution('cue-phrase', i, cited.end, cited, sense, i));
      return;
    }
    // "a group called Black Votes Matter": after an indefinite noun, "called" names it.
    // (But "A reporter for AFP called it chaos": a pronoun after the verb is what the speaker called something.)
    if (sense.lemma === 'call' && !sense.rest.length && !['it', 'him', 'her', 'them'].includes(tokens[cueEnd]?.key ?? '') && this.namesSomething(i, k, cueEnd))
      return;
    // "Lerer reported from Los Angeles": a byline's place, not a report.
    if (sense.lemma === 'report' && tokens[cueEnd]?.key === 'from') return;
    // "The governor met donors and said", « Le ministre a reçu les syndicats et a déclaré »: the subject of the first
    // verb is the source of the second.
    if (COORDINATORS.has(before.key)) {
      // (An English plain form after "and" is mostly an infinitive's or a modal's: "to read and comment".)
      // (Nor a form in -s, which may be a plural noun: "emails and details".)
      // (A plain present after "and" is a plural subject's when nothing before it calls for an infinitive: "many
      // universities are relying on tests and say", not "have a week to read the plan and comment".)
      const plainPresent =
        senses.some((s) => s.tense === 'present') &&
        !/[^s]s$/.test(tokens[i]!.key) &&
        !this.anyBefore(k, (t, j) => t.key === 'to' || !!r.at('modals', j) || ['will', 'would', 'can', 'could', 'must', 'let', "let's"].includes(t.key));
      // (A form in -s is a verb when what was said follows it: "survived the war and says he…", not "emails and details".)
      const saysWhat =
        /[^s]s$/.test(tokens[i]!.key) && !r.nounAt(i) && (next === 'that' || next === '"' || next === ':' || !!r.at('pronouns', this.skipAdverbs(cueEnd)));
      const finite =
        this.lex.lang !== 'en' ||
        auxiliaries > 0 ||
        senses.some((s) => s.tense === 'past') ||
        (before.key === 'but' && /[^s]s$/.test(tokens[i]!.key)) ||
        plainPresent ||
        saysWhat;
      if (!out.length && finite) this.participial(i, cueEnd, sense, out, 'coordinated');
      return;
    }
    // "Critics who opposed the plan said", « Les experts qui ont étudié le dossier estiment »: the subject stands
    // before its relative clause; the clause's object is not it.
    const relative = this.relativeBefore(k);
    if (relative !== null) {
      // ("Jeb Bush, who announced", « le ministre, qui a dénoncé »: the subject before a comma.)
      const end = tokens[relative - 1]?.key === ',' && relative === k ? relative - 1 : relative;
      let start = r.leftStart(end);
      // (The antecedent is the nearest noun phrase: « une source d'inquiétude pour | les salariés, qui craignent », « celle
      // de | la Banque de France, qui table ».)
      if (end !== relative)
        for (let p = end - 1; p > start; p--)
          if (r.isPreposition(p) && !OF_WORDS.has(tokens[p]!.key)) {
            start = p + 1;
            break;
          }
      if (end !== relative && OF_WORDS.has(tokens[start]?.key ?? '') && start + 1 < end) start++;
      const source = this.source(start, end, sense.cls);
      // ("officials who said": a speaker's words; « une déclaration qui a démontré » describes the document.)
      const describes = relative === k && (sense.cls !== 'speech' || source?.kind === 'document');
      if (source && !describes && this.agrees(source, i, auxiliaries, senses)) out.push(this.attribution('subject-cue', start, cueEnd, source, sense, i));
      return;
    }
    // Subject + cue: « Le ministère a indiqué », "officials said", « il a ajouté ».
    if (before.word || r.isPossessive(k) || before.key === ')' || before.key === '%') {
      // (« On dit que »: the impersonal « on », which no noun phrase reading would start with.)
      const impersonal = this.lex.lang === 'fr' && before.key === 'on';
      // (« on demande », « on se remémore »: what « on » does besides saying is nobody's words.)
      if (impersonal && !ON_SAYS.has(sense.lemma)) return;
      // "A senior official speaking on condition of anonymity said", "a source speaking to Fox News said": a participle
      // of saying after the subject says how it spoke; the subject stands before it.
      const speaking = this.lex.lang === 'en' ? this.speakingBefore(k, sense.cls) : null;
      if (speaking) {
        out.push(this.attribution('subject-cue', speaking.start, cueEnd, speaking, sense, i));
        return;
      }
      const start = impersonal ? k : r.leftStart(k + 1);
      // "The author shows that", « Frédérique Fogel montre que »: a verb of showing before what was shown is a person's
      // claim too (an author's, a researcher's); a person who finds or discovers something only came upon it.
      // ("that" opens a clause when a subject follows it: "showed that the plan", not "listed that stage".)
      const opensClause = () => {
        const clause = this.skipAdverbs(cueEnd) + 1;
        return r.opensSubject(clause) || ['it', 'there', 'we', 'i', 'you'].includes(tokens[clause]?.key ?? '');
      };
      const claim = sense.cls === 'finding' && (['que', "qu'"].includes(next) || (next === 'that' && opensClause()));
      const found =
        this.source(start, k + 1, claim && !(sense.traits & TRAIT.comesUpon) ? 'speech' : sense.cls) ?? this.nameAfterQuotation(k) ?? this.initialsBefore(k);
      // "The police found a body": a body's finding is what it found out ("that", a figure), not what it came upon; a
      // book "tells the story", a report "tells" nobody.
      const content = ['that', ',', '.', ''].includes(next) || /^\d/.test(next);
      const action =
        (found?.kind === 'organisation' && ['find', 'discover'].includes(sense.lemma) && !content) || (found?.kind === 'document' && sense.lemma === 'tell');
      if (found && !action && this.agrees(found, i, auxiliaries, senses) && !this.endsWithModifier(found, k)) {
        const source = this.bothNamed(found);
        out.push(this.attribution('subject-cue', source.start, cueEnd, source, sense, i));
        this.relayAfter(afterVerb, i, sense, out);
      }
    }
  }

  /**
   * « L'institution abaisse ses prévisions », "the IMF cut its growth forecast": a body's own document, the object of
   * its verb, is a document cited. (A person's "her tax returns" is not: only an organisation's.)
   */
  private ownDocument(own: number, out: Attribution[]) {
    const { tokens, r } = this;
    // The document noun after the possessive and at most two words ("its growth forecast", « ses prévisions »).
    let noun: { entry: string; length: number } | null = null;
    let forecast: { entry: string; length: number } | null = null;
    let at = own + 1;
    for (; at <= own + 3 && at < tokens.length; at++) {
      // (Or a forecast that is no document noun elsewhere: « ses perspectives », "its outlook".)
      forecast = r.at('forecast-nouns', at);
      noun = r.at('document-nouns', at) ?? forecast;
      if (noun || !tokens[at]!.word || r.isPreposition(at)) break;
    }
    if (!noun) return;
    const end = at + noun.length;
    // English puts its modifiers first: the noun ends its phrase ("its forecast models" is about models).
    if (this.lex.lang === 'en' && this.nounModifier(end)) return;
    // The verb right before the possessive, or before a time (« a présenté mardi ses prévisions »): a lower-case word
    // that is not a preposition or an article.
    const verb = own > 0 ? Math.min(own - 1, this.timeBefore(own - 1)) : -1;
    const v = tokens[verb];
    if (!v || !v.word || v.cap || r.isPreposition(verb) || r.isDeterminer(verb) || r.isOpener(verb) || r.nounAt(verb) || r.isAuxiliary(verb)) return;
    // A verb of saying or publishing ("released its report", « a publié son bilan »); a forecast, whatever is done to
    // it (« abaisse ses prévisions », "cut its forecast"). Not "lost its records".
    if (!this.lex.verbs.has(v.key) && !forecast) return;
    const k = this.backOverAuxiliaries(verb - 1);
    if (k < 0 || !tokens[k]!.word) return;
    const start = r.leftStart(k + 1);
    const subject = start <= k ? r.classify(start, k + 1) : null;
    if (subject?.kind !== 'organisation') return;
    const list = noun === forecast ? 'forecast-nouns' : 'document-nouns';
    const source: SourcePhrase = { start: own, end, kind: 'document', entry: noun.entry, list };
    out.push({ frame: 'own-document', start: subject.start, end, source, cue: v.key, cueClass: 'phrase', cueAt: verb });
  }

  /** « les propos du ministre », "a warning from the IMF", "the senator's claim that": what was said, named by a noun. */
  private speechNoun(i: number, noun: { entry: string; length: number }, out: Attribution[]) {
    const { tokens, r } = this;
    const end = i + noun.length;
    const next = tokens[end]?.key ?? '';
    const sense = wordSense(noun.entry);
    // "the senator's claim that": the speaker before the possessive, what was said after the noun.
    if (this.lex.lang === 'en' && r.isPossessive(i - 1)) {
      // ("Trump's claim to the nomination" is a right, not words.)
      if (!['that', '"', ':'].includes(next) && !(next === 'to' && !noun.entry.startsWith('claim'))) return;
      const start = r.leftStart(i - 1);
      const source = start < i - 1 ? this.source(start, i - 1, 'speech') : null;
      if (source && source.kind !== 'document' && source.kind !== 'outlet') out.push(this.attribution('speech-noun', start, end, source, sense, i));
      return;
    }
    // "remarks by the minister", « les propos du ministre »: the speaker after the noun. (Not « la critique de la
    // réforme »: what is criticised is no source.) An adjective or a participle may stand between: « les affirmations
    // télévisées de X », « les propos tenus par X », "remarks made by X".
    let of = end;
    while (of < end + 2 && tokens[of]?.word && !tokens[of]!.cap && !r.isPreposition(of) && !r.isDeterminer(of) && !r.nounAt(of) && !r.isOpener(of)) of++;
    const link = tokens[of]?.key ?? '';
    if (!(this.lex.lang === 'en' ? ['by', 'from'] : ['de', 'du', 'des', "d'", 'par']).includes(link)) return;
    // (« du », « des » hold the article: « du ministre » is « de le ministre ».)
    const from = link === 'du' || link === 'des' ? of : of + 1;
    // The speaker's phrase ends on its noun or its name, not on the verb after it ("by the minister | angered").
    const stop = r.rightEnd(of + 1, 8);
    let source: SourcePhrase | null = null;
    for (let e = of + 2; e <= stop; e++) {
      const last = tokens[e - 1]!;
      if (!(last.cap || r.nounAt(e - 1))) continue;
      source = this.source(from, e, 'speech') ?? source;
    }
    if (!source || source.kind === 'document' || source.kind === 'pronoun') return;
    out.push(this.attribution('speech-noun', i, source.end, source, sense, i));
  }

  /** "Experts are concerned that", « ils en sont persuadés »: a view held, after « être » / "to be", by the subject. */
  private heldView(i: number, view: { entry: string; length: number }, out: Attribution[]) {
    const { tokens, r } = this;
    const end = i + view.length;
    // Back over adverbs and a negation to a finite « être » / "to be" ("are increasingly concerned", « ne sont pas sûrs »).
    let k = i - 1;
    while (k >= 0 && (r.isAdverb(k) || NEGATION.has(tokens[k]!.key))) k--;
    if (!isFiniteBe(tokens[k]?.key ?? '')) return;
    // What the view is about follows it; in French « en » may stand for it before the verb (« en sont persuadés »).
    const clitic = this.lex.lang === 'fr' && tokens[k - 1]?.key === 'en';
    k = this.backOverAuxiliaries(k - 1);
    if (tokens[k]?.key === 'en') k--;
    // « Beaucoup d'économistes, de tendance libérale, en sont persuadés »: a description between commas after the subject.
    if (tokens[k]?.key === ',') {
      const open = this.appositionBefore(k);
      if (open !== null) k = open - 1;
    }
    const next = tokens[end]?.key ?? '';
    // ("troubled by the demands", "concerned over": a feeling and what causes it.)
    if (!clitic && !['that', 'about', 'que', "qu'", 'by', 'over'].includes(next)) return;
    if (k < 0 || !(tokens[k]!.word || r.isPossessive(k))) return;
    const start = r.leftStart(k + 1);
    const source = this.source(start, k + 1, 'speech');
    // (« Il est certain que »: the impersonal « il », nobody's view.)
    if (!source || (source.kind === 'pronoun' && tokens[start]!.key === 'il' && /^(?:certain|sur)/.test(tokens[i]!.key))) return;
    const sense = wordSense(view.entry);
    out.push(this.attribution('held-view', source.start, end, source, sense, i));
  }

  /**
   * A participle right after its subject, with no comma: "issued a statement saying", "a report showing that" (the
   * document says it); "with three in 10 saying", "GOP voters saying they want" (a source says it).
   */
  private participleSubject(i: number, cueEnd: number, sense: VerbSense, out: Attribution[]) {
    const { tokens, r } = this;
    if (r.at('document-nouns', i - 1)) {
      // The document's phrase opens with its determiner: "a statement", "a new report".
      let start = i - 1;
      for (let j = i - 1; j >= Math.max(0, i - 5) && tokens[j]!.word; j--)
        if (r.isDeterminer(j)) {
          start = j;
          break;
        }
      const source = r.classify(start, i);
      if (source?.kind === 'document') out.push(this.attribution('participial', start, cueEnd, source, sense, i));
      return;
    }
    if (this.lex.lang !== 'en') return;
    let start = r.leftStart(i);
    // (Not a capitalised first word alone: "Consider inviting" is an imperative.)
    if (start === 0 && i === 1) return;
    let source = start < i ? r.classify(start, i) : null;
    // ("gave $3 million to the super PAC backing": the phrase after the last preposition.)
    if (!source)
      for (let p = i - 2; p > start; p--)
        if (r.isPreposition(p)) {
          start = p + 1;
          source = r.classify(start, i);
          break;
        }
    if (source && source.kind !== 'pronoun' && source.kind !== 'document' && source.kind !== 'outlet')
      out.push(this.attribution('participial', start, cueEnd, source, sense, i));
  }

  /** « Emmanuel Macron et Olaf Scholz ont déclaré », "Smith and Jones said": two named people speak together. */
  private bothNamed(source: SourcePhrase): SourcePhrase {
    const { tokens, r } = this;
    const and = source.start - 1;
    if (source.kind !== 'person' || !source.name || !['et', 'and'].includes(tokens[and]?.key ?? '')) return source;
    const start = r.leftStart(and);
    const first = start < and ? r.classify(start, and) : null;
    if (first?.kind !== 'person' || !first.name) return source;
    return { ...source, start, name: [first.name[0], source.name[1]] };
  }

  /**
   * A relative pronoun that ends the subject at k or opens a relative clause that ends there ("critics who say", "critics
   * who opposed the plan say", « les experts qui ont étudié le dossier estiment »): its index, or null.
   */
  private relativeBefore(k: number): number | null {
    const { tokens } = this;
    for (let p = k; p >= Math.max(1, k - 10); p--) {
      const t = tokens[p]!;
      // (A clause with a subject of its own, "the agents that he believed", leaves the verb to that subject.)
      const ownSubject = p < k && (this.r.isDeterminer(p + 1) || this.r.at('pronouns', p + 1) || tokens[p + 1]!.cap || this.r.nounAt(p + 1));
      // ("The officials whose laws were struck down say": "whose" and its noun open a clause with a verb of its own;
      // "the group whose report says" gives the verb to that noun.)
      if (t.key === 'whose') return p + 1 >= k ? null : p;
      if (RELATIVES.has(t.key)) return ownSubject ? null : p;
      // "the polling that was done in the state showed": "that", "which" are relative after a noun and before an
      // auxiliary or a verb of its clause (after a verb they open what was said).
      if (['that', 'which'].includes(t.key) && p > 0 && this.r.nounAt(p - 1) && this.r.isDeterminer(this.r.leftStart(p)) && p < k) {
        const verb = this.r.isAuxiliary(p + 1) || BE.has(tokens[p + 1]!.key) || this.lex.verbs.has(tokens[p + 1]!.key);
        return verb ? p : null;
      }
      if (!t.word && !this.r.isPossessive(p)) return null;
      if (this.r.isOpener(p)) return null;
    }
    return null;
  }

  /** A form of "to be" between the subject's end and the participle at i ("is widely seen", "has been viewed"). */
  private finiteBe(subject: number, i: number): boolean {
    for (let j = subject + 1; j < i; j++) if (isFiniteBe(this.tokens[j]!.key)) return true;
    return false;
  }

  /** Back from k over auxiliaries, adverbs and a negation to where the subject ends ("has not yet", « n'a pas »). */
  private backOverAuxiliaries(k: number): number {
    const { tokens, r } = this;
    while (k >= 0 && (r.isAuxiliary(k) || r.isAdverb(k) || NEGATION.has(tokens[k]!.key))) k--;
    return k;
  }

  /** "as" after a verb's short object, within its clause ("see Mr. Kerry's plan as", "is seen as"). */
  private asFollows(from: number): boolean {
    const { tokens } = this;
    for (let j = from; j < Math.min(tokens.length, from + 7); j++) {
      if (tokens[j]!.key === 'as') return true;
      if (!tokens[j]!.word && !this.r.isPossessive(j)) return false;
    }
    return false;
  }

  /**
   * The end of a noun of speech that is the object of a light verb at `from` ("a spirited defense", "the crowd an
   * emotional evaluation", « des propos »): within a few words, before any preposition, clause or verb, and followed by
   * what was said or what it was about ("a defense of the plan", « des propos sur »), unless it is a view, whole in itself
   * ("voiced concerns", "shared that sentiment": view-nouns); -1 if none.
   * ("gave a speech Tuesday", "made the comments before leaving" tell of an event, not of words.)
   */
  private speechNounAfter(from: number): number {
    const { tokens, r } = this;
    const { 'light-verb-nouns': nouns, 'view-nouns': views } = this.lex.lists;
    for (let j = from; j < Math.min(tokens.length, from + 6); j++) {
      // (A view is whole in itself: "voiced concerns", « a exprimé son inquiétude ».)
      const view = views.at(tokens, j);
      if (view) return j + view.length;
      const noun = r.at('speech-nouns', j) ?? nouns.at(tokens, j);
      if (noun) return this.aboutFollows(j + noun.length) ? j + noun.length : -1;
      const t = tokens[j]!;
      if (!t.word && !r.isPossessive(j)) return -1;
      if (!r.isDeterminer(j) && (r.isPreposition(j) || r.isOpener(j) || this.lex.verbs.has(t.key))) return -1;
    }
    return -1;
  }

  /** Whether the token at i is also a noun of speech or of a view ("promise", "claims", "hope", « critiques »). */
  private speechNounForm(i: number): boolean {
    const key = this.tokens[i]!.key;
    return !!this.r.at('speech-nouns', i) || this.lex.lists['view-nouns'].has(key);
  }

  /** Whether « se » / « s' » stands before the verb at `i`, past its auxiliaries, negation and adverbs (« s'est-il »). */
  private reflexiveBefore(i: number): boolean {
    const { tokens } = this;
    // (« se » is an auxiliary of the lists; an inverted pronoun may stand after it: « s'est-il prononcé ».)
    let k = i - 1;
    while (k >= 0 && tokens[k]!.inverted) k--;
    for (const stop = this.backOverAuxiliaries(k); k > stop; k--) if (tokens[k]!.key === 'se' || tokens[k]!.key === "s'") return true;
    return false;
  }

  /** What was said, or what it was about, after a noun of speech (« des propos racistes sur »: French adjectives first). */
  private aboutFollows(end: number): boolean {
    const { tokens, r } = this;
    // (« quant à » first: it is also the head of an adverb, « quant à lui ».)
    let j = ABOUT.has(tokens[end]?.key ?? '') ? end : this.skipAdverbs(end);
    if (this.lex.lang === 'fr')
      for (
        let n = 0;
        n < 2 &&
        !ABOUT.has(tokens[j]?.key ?? '') &&
        tokens[j]?.word &&
        !tokens[j]!.cap &&
        !r.isPreposition(j) &&
        !r.isOpener(j) &&
        !this.lex.verbs.has(tokens[j]!.key);
        n++
      )
        j++;
    // ("a speech on Tuesday": when, not what about.)
    return ABOUT.has(tokens[j]?.key ?? '') && !(tokens[j]!.key === 'on' && r.at('time-words', j + 1));
  }

  /** Whether the subject before the verb at `i` (past auxiliaries, modals and adverbs) is a share of people (opensWithShare). */
  private shareBefore(i: number): boolean {
    const { r } = this;
    // ("56 percent would vote for": past a modal too.)
    let k = this.backOverAuxiliaries(i - 1);
    while (k >= 0 && r.at('modals', k)) k = this.backOverAuxiliaries(k - 1);
    return k >= 0 && r.opensWithShare(r.leftStart(k + 1, 12), k + 1);
  }

  /** A clause after a verb of wishing: "that", « que », or a short object and "to" ("want Congress to act"). */
  private clauseFollows(from: number): boolean {
    const { tokens } = this;
    const first = this.skipAdverbs(from);
    if (['that', 'que', "qu'"].includes(tokens[first]?.key ?? '')) return true;
    if (this.lex.lang !== 'en' || tokens[first]?.key === 'to') return false;
    for (let j = first + 1; j < Math.min(tokens.length, first + 8); j++) {
      if (tokens[j]!.key === 'to') return !!tokens[j + 1]?.word && !this.r.isDeterminer(j + 1);
      if (!tokens[j]!.word && !this.r.isPossessive(j)) return false;
    }
    return false;
  }

  /** A present participle of a verb of saying after `from` (« , soulignant que », ", adding that"). */
  private sayingAfter(from: number): boolean {
    for (let j = from; j < this.tokens.length; j++) {
      const senses = this.lex.verbs.get(this.tokens[j]!.key);
      if (senses?.some((s) => s.tense === 'present-participle' && s.cls === 'speech') && this.tokens[j - 1]?.key === ',') return true;
    }
    return false;
  }

  /** Whether a token before `end` passes `test` (without copying the tokens). */
  private anyBefore(end: number, test: (t: Token, j: number) => boolean): boolean {
    for (let j = 0; j < end; j++) if (test(this.tokens[j]!, j)) return true;
    return false;
  }

  /**
   * An aside between commas that ends at the comma k: an adverb or a pronoun ("Murphy, though, said", « Le ministre a,
   * lui, estimé ») or a listed adverb of several words (« a, pour sa part, estimé »). The index before it, or k.
   */
  private asideBefore(k: number): number {
    const { tokens, r } = this;
    if (tokens[k]!.key !== ',') return k;
    const word = tokens[k - 1];
    if (word && tokens[k - 2]?.key === ',' && (r.isAdverb(k - 1) || ASIDE_WORDS.has(word.key))) return k - 3;
    const phrase = k > 1 ? this.adverbPhraseBefore(k - 1) : k - 1;
    return phrase < k - 1 && tokens[phrase]?.key === ',' ? phrase - 1 : k;
  }

  /** A listed adverb of several words that ends at k (« par ailleurs », « pour sa part », "in turn"): the index before it, or k. */
  private adverbPhraseBefore(k: number): number {
    for (let length = 2; length <= 3 && k - length + 1 >= 0; length++) {
      const m = this.r.at('adverbs', k - length + 1, k + 1);
      if (m && m.length === length) return k - length;
    }
    return k;
  }

  /**
   * When the words were said, between a subject and its verb: "last week", "on Thursday evening", "at the time", « la
   * semaine dernière », « jeudi soir ». The index before the phrase that ends at k, or k when none does.
   */
  private timeBefore(k: number): number {
    const { tokens, r } = this;
    let j = k;
    // « la semaine dernière », « l'an passé »
    if (['dernier', 'derniere', 'prochain', 'prochaine', 'passe', 'passee'].includes(tokens[j]!.key) && r.at('time-words', j - 1)) j--;
    if (!r.at('time-words', j)) return k;
    j--;
    // "Thursday evening", « jeudi soir »
    if (j >= 0 && r.at('time-words', j)) j--;
    if (j >= 0 && ['last', 'this', 'next', 'that', 'the', 'la', 'le', 'ce', 'cette', "l'"].includes(tokens[j]!.key)) j--;
    if (j >= 0 && ['on', 'at', 'in', 'earlier', 'later'].includes(tokens[j]!.key)) j--;
    // (A day or a span alone, with nothing before it, is the subject: "Tuesday was".)
    return j < 0 ? k : j;
  }

  /**
   * "Mr. Trump's wide-ranging comments", "Democratic calls": an English name's phrase that ends with a word that is
   * neither a name nor a listed noun ends with an adjective, and the "verb" after it is a noun.
   */
  private endsWithModifier(source: SourcePhrase, last: number): boolean {
    const { r, tokens } = this;
    if (this.lex.lang !== 'en' || (source.kind !== 'person' && source.kind !== 'organisation') || !source.name) return false;
    if (source.name[1] > last) return false;
    const t = tokens[last]!;
    return t.word && !t.cap && !r.nounAt(last) && !r.at('pronouns', last) && !/^\d/.test(t.key);
  }

  /**
   * Whether the subject and its verb agree, where English shows it: a group ("some states", "critics") does not
   * take the -s of "says" ("Republican contests" is a noun phrase), and a document does not "release" or "post"
   * ("a statement released Tuesday": a participle, not a verb).
   */
  private agrees(source: SourcePhrase, i: number, auxiliaries: number, senses: VerbSense[]): boolean {
    if (source.kind === 'document' && senses.every((s) => s.cls === 'relay')) return false;
    if (this.lex.lang !== 'en' || auxiliaries) return true;
    const form = this.tokens[i]!.key;
    const third = senses.some((s) => s.tense === 'present') && form.endsWith('s') && !form.endsWith('ss');
    // (A generic group is plural, unless its head noun is a singular one: "analyst says", "expert says" in headlines.)
    const headed = source.list === 'vague-heads' || source.list === 'roles';
    const plural =
      (source.kind === 'vague' && (!headed || /s$/.test(source.entry ?? ''))) || (source.kind === 'anonymous' && /s$/.test(this.tokens[source.end - 1]!.key));
    if (third && plural && !senses.some((s) => s.tense !== 'present')) return false;
    // "Stay alert", "Call your GP": a capitalised imperative opening the sentence, not a name and its verb ("Smith alerts").
    const plain = senses.every((s) => s.tense === 'present' || s.tense === 'infinitive') && !form.endsWith('s');
    // ("Dems hope", "Terrorists mock": a plural word is a group's name.)
    if (plain && source.kind === 'person' && source.start === 0 && source.end === 1 && !this.tokens[0]!.key.endsWith('s')) return false;
    // "Obama say", "the U.S. pledge": one person's name takes the -s of the present (not "Trump and Cruz say", nor a
    // plural name, "the Clintons say").
    const one = () =>
      source.kind === 'person' && !!source.name && !this.tokens.slice(Math.max(0, source.start - 1), source.end).some((t) => ['and', '&', ','].includes(t.key));
    if (plain && one() && !this.tokens[source.name![1] - 1]!.key.endsWith('s')) return false;
    // "emails released", "a video posted" then a preposition or "by" and its agent: a participle. ("Ms. Gao said by
    // telephone", "responded by saying": "by" says how, and the verb is the subject's.)
    const next = this.tokens[i + 1];
    const agent = () => !!this.r.classify(i + 2, this.r.rightEnd(i + 2));
    if (next && ((next.key === 'by' && agent()) || (this.r.isPreposition(i + 1) && source.kind === 'document' && senses.every((s) => s.cls === 'relay'))))
      return false;
    return true;
  }

  /**
   * The source before a description that ends at `close` (a comma or a dash) just before the verb; a role then its
   * holder's name between commas is the name's. Whether one was found.
   */
  private apposition(close: number, mark: string, cueEnd: number, sense: VerbSense, cueAt: number, out: Attribution[]): boolean {
    const { r, tokens } = this;
    const open = this.appositionBefore(close, mark);
    if (open === null) return false;
    // (The name ends before a pseudonym's asterisk, which classify reads: « Antoine*, 34 ans, raconte ».)
    const nameEnd = tokens[open - 1]?.key === '*' ? open - 1 : open;
    let start = r.leftStart(nameEnd);
    let source = this.source(start, nameEnd, sense.cls);
    // "Christopher Shelton, the president of the union, which endorsed him, said": two descriptions; the role is the
    // first one's, and the name before it is the source.
    const comma = r.isDeterminer(start - 1) ? start - 2 : start - 1;
    if (source && source.list === 'roles' && source.kind !== 'person' && tokens[comma]?.key === ',' && r.isName(comma - 1)) {
      const nameStart = r.leftStart(comma);
      const named = r.classify(nameStart, comma);
      if (named?.kind === 'person') {
        source = { ...named, end: nameEnd };
        start = nameStart;
      }
    }
    // « le ministre, Sadio Kamara, », "a lawyer in attendance, Shannon Kilpatrick,": the name after the role is the source.
    if (source && (source.kind === 'role' || source.list === 'roles') && r.isName(open + 1)) {
      let holderEnd = open + 1;
      while (holderEnd < close && r.isName(holderEnd)) holderEnd++;
      source = { ...source, kind: 'person', end: close, name: [open + 1, holderEnd] };
    }
    // "Working America, a labor-affiliated group, found": the description says the name is an organisation's, which
    // may find what a person only says.
    if (!source && sense.cls === 'finding') {
      const named = r.classify(start, open);
      const described = r.classify(open + 1, close);
      if (named?.kind === 'person' && (described?.kind === 'organisation' || described?.list === 'institutions')) source = { ...named, kind: 'organisation' };
    }
    // "One, who asked not to be named, said": the description says the source is unnamed.
    if (!source || source.kind === 'vague') {
      const unnamed = r.at('anonymous-modifiers', open + 1, close) ?? this.findAnonymity(open + 1, close);
      const one =
        r.classify(start, open) ??
        (open - start === 1 && ['one', 'another', 'a', 'an'].includes(tokens[start]!.key) ? { start, end: open, kind: 'anonymous' as const } : null);
      if (unnamed && one) source = { ...one, kind: 'anonymous', entry: unnamed.entry, list: 'anonymous-modifiers' };
    }
    if (!source) return false;
    out.push(this.attribution('apposition', start, cueEnd, source, sense, cueAt));
    return true;
  }

  /**
   * "a program called Sandy Hook Promise": "called" after an indefinite noun phrase names something. When the article
   * stands right before the noun ("helps lead a program called", past a verb the lexicon does not list), a name must
   * follow that ends the phrase: "a senior aide called the plan a disaster" is words; "a brief phone call" the noun.
   */
  private namesSomething(i: number, k: number, cueEnd: number): boolean {
    const { tokens, r } = this;
    let indefinite = false;
    for (let j = i - 1; j >= Math.max(0, i - 4) && tokens[j]!.word; j--) {
      if (['a', 'an', 'another'].includes(tokens[j]!.key)) {
        indefinite = true;
        break;
      }
      if (tokens[j]!.cap || r.isAuxiliary(j) || r.isDeterminer(j) || r.at('pronouns', j)) break;
    }
    if (!indefinite) return ['a', 'an', 'another'].includes(tokens[r.leftStart(k + 1)]?.key ?? '');
    if (tokens[i]!.key !== 'called') return true;
    let j = cueEnd;
    if (tokens[j]?.key === 'the') j++;
    if (!tokens[j]?.cap) return false;
    while (j < tokens.length && (tokens[j]!.cap || (tokens[j]!.key === '-' && tokens[j + 1]?.cap))) j++;
    const after = tokens[j];
    return !after || !after.word || r.isPreposition(j) || r.isOpener(j) || r.isAuxiliary(j);
  }

  /**
   * After "called": not a telephone call ("called the stadium to ask", "called him back", "called police about"); "called
   * the plan a disaster", "called it unfair", 'called the move "reckless"' say something.
   */
  private callsSomething(j: number): boolean {
    const { tokens, r } = this;
    // "Hasib called the police while on his way", "ABC13 called the sheriff's office asking questions": someone called
    // and nothing said of them after (an end, a preposition, a new clause, a participle) is a telephone call.
    // (Not "called the plan unworkable", "called him "Lyin' Ted"": a word after the person or a quotation names them.)
    let end = r.rightEnd(j);
    // (The phrase stops before a time, "both candidates | Tuesday night", and what follows the time tells: "called that
    // report Friday a lie" names it.)
    let afterTime = end;
    for (let k = j + 1; k < end; k++)
      if (r.at('time-words', k)) {
        end = k;
        afterTime = k;
        while (afterTime < tokens.length && r.at('time-words', afterTime)) afterTime++;
        break;
      }
    const after = tokens[afterTime];
    // (A comma may open the person's description, "called Clinton, his rival, a liar"; "of" goes on with the phrase.)
    // ("Obama called both candidates Tuesday night": when, then nothing said of them.)
    const ends =
      !after ||
      ['.', ';', '!', '?', ')'].includes(after.key) ||
      (r.isPreposition(afterTime) && after.key !== 'of') ||
      after.key === 'while' ||
      after.key.endsWith('ing');
    const last = end - 1;
    const quoted = () => tokens.slice(j, end).some((t) => t.key === '"');
    if (!this.headline && end > j && ends && (r.nounAt(last) || tokens[last]!.cap) && !quoted() && r.classify(j, end)) return false;
    for (let k = j; k < Math.min(tokens.length, j + 6); k++) {
      const t = tokens[k]!;
      if (t.key === '"' || (k > j && ['a', 'an', 'as'].includes(t.key))) return true;
      if (['to', 'about', 'back', 'from', 'at', 'off', 'into', 'in'].includes(t.key)) return false;
      if (!t.word) return true;
    }
    return true;
  }

  /** An anonymity phrase anywhere in [a, b) ("who asked not to be named", « sous couvert d'anonymat »). */
  private findAnonymity(a: number, b: number): { entry: string } | null {
    for (let j = a; j < b; j++) {
      const m = this.r.at('anonymous-modifiers', j, b);
      if (m && !this.tokens[j]!.cap) return m;
    }
    return null;
  }

  /** After a verb: adverbs, days (« a déclaré jeudi le ministre »), « en substance », "on Tuesday". */
  private skipAdverbs(j: number): number {
    const { tokens, r } = this;
    for (;;) {
      const phrase = j < tokens.length ? r.at('adverbs', j) : null;
      if (phrase && phrase.length > 1) j += phrase.length;
      else if (
        j < tokens.length &&
        (r.isAdverb(j) || (r.at('not-names', j) && tokens[j]!.word && !r.isDeterminer(j) && !r.isPreposition(j) && !r.isOpener(j) && !r.at('pronouns', j)))
      )
        j++;
      else if (tokens[j]?.key === 'en' && tokens[j + 1]?.key === 'substance') j += 2;
      // « montre de façon précise que », « explique de manière détaillée que »: an adverb in three words.
      else if (tokens[j]?.key === 'de' && ['facon', 'maniere'].includes(tokens[j + 1]?.key ?? '') && tokens[j + 2]?.word && !tokens[j + 2]!.cap) j += 3;
      // « a déclaré jeudi soir le ministre », "responded Tuesday evening that"
      else if (j < tokens.length && r.at('time-words', j) && tokens[j]!.word) j++;
      else if (['on', 'ce'].includes(tokens[j]?.key ?? '') && r.at('not-names', j + 1)) j += 2;
      else return j;
    }
  }

  /** Inverted subject after the verb: « a déclaré M. Durand », « estime-t-elle », "said the official". */
  private inverted(i: number, markerStart: number, j: number, sense: VerbSense, out: Attribution[]): boolean {
    const { tokens, r } = this;
    // (", call NHS Direct on 0845": an imperative; nobody writes '"…," called X' for "said X".)
    if (sense.lemma === 'call' && !sense.rest.length) return false;
    if (tokens[i + 1]?.inverted) {
      const source: SourcePhrase = { start: i + 1, end: i + 2, kind: 'pronoun', entry: tokens[i + 1]!.key, list: 'pronouns' };
      out.push(this.attribution('inverted', markerStart, i + 2, source, sense, i));
      return true;
    }
    let from = j;
    // « a déclaré à l'AFP le ministre »: the outlet first, then the source.
    const relay = this.outletComplement(from);
    if (relay) from = relay.end;
    // « a indiqué dans un communiqué le ministère »: a French complement first, then the source; in English a
    // preposition after the verb opens a complement, not its subject (", published Wednesday in the Lancet,").
    else if (r.isPreposition(from)) {
      if (this.lex.lang !== 'fr') return false;
      let k = from + 1;
      if (r.isDeterminer(k)) k++;
      while (k < tokens.length && k < from + 6 && tokens[k]!.word && !r.isDeterminer(k) && !tokens[k]!.cap) k++;
      if (!r.isDeterminer(k) || k === from + 1) return false;
      from = k;
    }
    let end = r.rightEnd(from);
    // ("…, 97 percent, expect the governor to win", "…, said the governor would win": "to" and a verb, or a verb, end
    // the phrase.)
    if (this.lex.lang === 'en')
      for (let k = from + 1; k < end; k++) if ((tokens[k]!.key === 'to' && !r.opensSubject(k + 1)) || r.isAuxiliary(k) || r.at('modals', k)) end = k;
    let source = this.source(from, end, sense.cls);
    // « a suggéré François Fillon en 2017 », "said Mr. Lopez in Paris": the name before a complement of place or time.
    // (Not a day: ", published Wednesday in the Lancet," says when, and the source is elsewhere.)
    if (!r.at('time-words', from))
      for (let e = end - 1; !source && e > from; e--) if (r.isPreposition(e) || tokens[e]!.key === 'en') source = this.source(from, e, sense.cls);
    if (!source) return false;
    // After a comma, the phrase after the verb may be its object (« , a nié les accusations de X »): it is the
    // subject only when the incise ends with it (punctuation, the end, a day or a place after it).
    const after = tokens[source.end];
    // ("…, 97 percent, expect the governor to win", "…, said the governor would win": "to" and a verb, or a verb, go on
    // the clause; the phrase was the verb's object or its clause's subject.)
    const clause =
      after !== undefined && ((after.key === 'to' && !r.opensSubject(source.end + 1)) || r.isAuxiliary(source.end) || !!r.at('modals', source.end));
    if (tokens[markerStart - 1]?.key === ',' && after && after.word && (clause || (!r.isPreposition(source.end) && !r.at('not-names', source.end))))
      return false;
    const named = this.holderAfter(source);
    out.push(this.attribution('inverted', markerStart, named.end, named, sense, i));
    if (relay) out.push(this.attribution('relay-complement', i, relay.end, relay.source, sense, i));
    // « a assuré le ministre, Éric Lombard, sur France Inter »: the outlet after the speaker.
    else if (tokens[named.end]?.key === ',') this.relayAfter(named.end + 1, i, sense, out);
    else this.relayAfter(named.end, i, sense, out);
    return true;
  }

  /** « à l'AFP », « au Monde », "to Reuters" right after a cue: the outlet that carried the words. */
  private outletComplement(j: number): { end: number; source: SourcePhrase } | null {
    const { tokens, r } = this;
    if (!TO_OUTLET.has(tokens[j]?.key ?? '')) return null;
    const end = r.rightEnd(j + 1, 8);
    const source = r.classify(j + 1, end);
    if (source?.kind !== 'outlet') return null;
    // « à l'AFP Mohamed Bazoum »: the complement ends with the outlet's name, the speaker follows.
    const stop = source.name ? source.name[1] : end;
    return { end: stop, source: { ...source, end: stop } };
  }

  /** After « X a déclaré »: « à l'AFP », "told Reuters": the outlet is a relay too. */
  private relayAfter(j: number, cueAt: number, sense: VerbSense, out: Attribution[]) {
    const { tokens, r } = this;
    let relay = this.outletComplement(j);
    // "confirmed the arrest to AFP": the outlet may follow the verb's object, within its clause.
    // (Not past a comma or "and": "authorities said, and meetings were set up on two websites".)
    if (tokens[j]?.word)
      for (let k = j + 1; !relay && k < Math.min(tokens.length, j + 8) && tokens[k]!.word && !r.isOpener(k) && !COORDINATORS.has(tokens[k]!.key); k++)
        relay = this.outletComplement(k);
    if (!relay && this.lex.lang === 'en' && sense.lemma === 'tell') {
      const end = r.rightEnd(j, 8);
      const source = r.classify(j, end);
      if (source?.kind === 'outlet') relay = { end, source };
    }
    if (!relay) return;
    // Right after the verb, the marker holds it (« a déclaré à l'AFP », "told Reuters"); further on, only the complement
    // (« sur France Inter », "to AFP"), so that the highlight does not run over the words between.
    const at = relay.source.start - 1 <= j ? cueAt : relay.source.start - 1;
    out.push({ frame: 'relay-complement', start: at, end: relay.end, source: relay.source, cue: sense.lemma, cueClass: sense.cls, cueAt });
  }

  /**
   * A description between commas just before the verb (", a spokesman for the agency,", « , la présidente du
   * syndicat, », ", 45,", ", who leads the group,"): the index of the comma that opens it, or null.
   */
  private appositionBefore(comma: number, mark = ','): number | null {
    const { tokens, r } = this;
    for (let p = comma - 1; p >= Math.max(1, comma - 24); p--) {
      if (tokens[p]!.key !== mark) {
        // (An acronym in parentheses may stand inside: « directeur de l'Information (Dirpa) »; and "&", "/", a share
        // "33%", a sum "$30 billion".)
        if (!tokens[p]!.word && !r.isPossessive(p) && !['(', ')', '&', '/', '-', '.', '%', '$', '€', '£'].includes(tokens[p]!.key)) return null;
        continue;
      }
      // "Roxana Leon, 63, an independent voter, said": the age between the name and the description.
      if (/^\d{1,3}$/.test(tokens[p - 1]?.key ?? '') && tokens[p - 2]?.key === mark && p - 3 >= 0 && tokens[p - 3]!.cap) return p - 2;
      const first = p + 1;
      // "Cory James, 22, of Flint, Mich., said": a place and its state or country are one description.
      if (mark === ',' && comma - first <= 3 && comma > first) {
        let names = first;
        // (An abbreviated state keeps its dot: "Mich.", "N.H.")
        while (names < comma && (r.isName(names) || (tokens[names]!.key === '.' && names > first))) names++;
        let q = p - 1;
        while (q >= 0 && r.isName(q)) q--;
        if (names === comma && q < p - 1 && ['of', 'from', 'in'].includes(tokens[q]?.key ?? '')) continue;
      }
      if (first >= comma) return null;
      // « le ministre malien de la Défense, Sadio Kamara, a souligné »: a name in apposition to a role.
      let names = first;
      while (names < comma && r.isName(names)) names++;
      // ("Another pollster, David Woodard of Clemson University,": the name may carry where its holder works.)
      let described = names;
      if (names > first && ['of', 'from', 'at'].includes(tokens[names]!.key)) {
        described = names + 1;
        if (tokens[described]?.key === 'the') described++;
        while (described < comma && tokens[described]!.cap) described++;
      }
      // (The role may name its body: "the F.B.I. director, James B. Comey,", "Ms. Merkel's spokesman, Steffen Seibert,".)
      if ((names === comma || described === comma) && names - first <= 4) {
        const role = r.classify(r.leftStart(p), p);
        if (role?.kind === 'role' || role?.list === 'roles') return p;
      }
      // The phrase before a description ends with its name or its noun: « Jeanne Roux, la présidente », not « l'accès à
      // trois gisements miniers, deux d'or ».
      // (Or a listed noun and its adjective: « Des responsables américains, cités par … ».)
      const adjective = tokens[p - 1]!.word && !tokens[p - 1]!.cap && (r.nounAt(p - 2) || r.nounAt(p - 3));
      // ("One, who asked not to be named,": a count standing for someone.)
      const one = ['one', 'another'].includes(tokens[p - 1]!.key) && (p - 1 === 0 || !tokens[p - 2]!.word);
      // "Sanders, meanwhile, who sits on no board, said": an adverb between commas before a relative description.
      if (mark === ',' && ['who', 'qui'].includes(tokens[first]!.key) && r.isAdverb(p - 1) && tokens[p - 2]?.key === ',' && r.isName(p - 3)) return p - 2;
      // (« Antoine*, 34 ans, » : a pseudonym's asterisk after the name.)
      const starred = tokens[p - 1]!.key === '*' && r.isName(p - 2);
      // ("insiders surveyed last week, 97 percent,": a description may end with when.)
      const when = !!r.at('time-words', p - 1) || r.at('time-words', p - 2)?.length === 2;
      // ("the Communications Workers of America, which": a place that ends a longer name.)
      const nameGoesOn = tokens[p - 1]!.cap && tokens[p - 1]!.word && (tokens[p - 2]?.cap || ['of', 'for'].includes(tokens[p - 2]?.key ?? ''));
      if (!(r.isName(p - 1) || r.nounAt(p - 1) || r.at('outlets', p - 1) || tokens[p - 1]!.key === ')' || adjective || one || starred || nameGoesOn || when))
        return null;
      // (A participle or an adjective opens one too: « , condamné en appel, », ", speaking on condition of anonymity,".)
      const opens =
        (tokens[first]!.word && !tokens[first]!.cap) ||
        r.isDeterminer(first) ||
        // ("Michael Briggs, Sanders's spokesman,"; "Mitch McConnell, R-Ky.,": a party and a state.)
        (r.isName(first) && r.isPossessive(first + 1)) ||
        // ("Rashad Robinson, Color of Change's executive director,": a longer name and its role.)
        (tokens[first]!.cap && !!r.at('roles', comma - 1) && this.anyBefore(comma, (_, k) => k > first && r.isPossessive(k))) ||
        /^[rdi]-[a-z]/.test(tokens[first]!.key) ||
        (/^\d+$/.test(tokens[first]!.key) && comma === first + 1) ||
        ['one', 'who', 'qui', 'lui-meme', 'elle-meme', 'himself', 'herself'].includes(tokens[first]!.key) ||
        !!r.nounAt(first);
      // A name must stand before the description (or its aside: "Sen. Rob Portman (R-Ohio), another incumbent,").
      if (opens && (tokens[p - 1]?.word || tokens[p - 1]?.key === ')' || starred)) return p;
      return null;
    }
    return null;
  }

  /**
   * « a déclaré le ministre de l'Intérieur, Gérald Darmanin », « selon la ministre du Travail, Astrid Panosyan-Bouvet, »:
   * a role's holder named after a comma.
   */
  private holderAfter(source: SourcePhrase): SourcePhrase {
    const { tokens, r } = this;
    if (source.list !== 'roles' || tokens[source.end]?.key !== ',' || !r.isName(source.end + 1)) return source;
    let e = source.end + 1;
    while (r.isName(e)) e++;
    if (tokens[e] && tokens[e]!.word) return source;
    return { ...source, kind: 'person', end: e, name: [source.end + 1, e] };
  }

  private cuePhrase(i: number, phrase: { entry: string; length: number }, out: Attribution[]) {
    const from = i + phrase.length;
    // "per the report", "per CNN"; not "per speech", "per day".
    if (phrase.entry.toLowerCase() === 'per' && !(this.r.isDeterminer(from) || this.tokens[from]?.cap)) return;
    const end = this.r.rightEnd(from);
    const found = this.r.classify(from, end);
    const source = found && this.holderAfter(found);
    if (source && source.kind !== 'pronoun')
      out.push({ frame: 'cue-phrase', start: i, end: source.end, source, cue: phrase.entry, cueClass: 'phrase', cueAt: i });
  }

  /**
   * « Pour l'économiste Thomas Piketty, cette réforme… », « Pour ses opposants, … »: at the head of a clause and closed
   * by a comma, the phrase gives whose view the clause is.
   */
  private opinion(i: number, phrase: { entry: string; length: number }, out: Attribution[]) {
    const { tokens, r } = this;
    if (i > 0 && tokens[i - 1]!.key !== ',' && !r.isOpener(i - 1)) return;
    // ("To her supporters, …" opens a sentence; ", to rapturous crowds," and ", to hold public money," do not give a view.)
    if (this.lex.lang === 'en' && phrase.entry.toLowerCase() === 'to' && i > 0) return;
    const from = i + phrase.length;
    const first = tokens[from];
    if (!first || !(first.cap || r.isDeterminer(from) || r.nounAt(from) || r.at('vague-quantifiers', from))) return;
    let end = r.rightEnd(from);
    // The view's holder ends at a comma, or, for a person's first name and surname, at the clause's own subject pronoun
    // (« Pour François Fillon il y avait trop de juridisme »; « Pour Lyon il y a » is a place).
    let clause = false;
    if (tokens[end]?.key !== ',') {
      let pronoun = from + 1;
      while (pronoun < end && !r.at('pronouns', pronoun)) pronoun++;
      if (pronoun === end || !r.isName(pronoun - 1) || !r.isName(pronoun - 2)) return;
      clause = true;
      end = pronoun;
    }
    const source = r.classify(from, end);
    if (!source || source.kind === 'pronoun' || source.kind === 'document' || (clause && source.kind !== 'person')) return;
    out.push({ frame: 'cue-phrase', start: i, end: source.end, source, cue: phrase.entry, cueClass: 'phrase', cueAt: i });
  }

  /** « dans un entretien au Monde », "in an interview with CNN", "speaking to the BBC": the outlet is a relay. */
  private interview(i: number, phrase: { entry: string; length: number }, out: Attribution[]) {
    let from = i + phrase.length;
    // « dans un entretien accordé au Monde »
    if (this.lex.verbs.get(this.tokens[from]?.key ?? '')?.some((s) => s.tense === 'past-participle')) from++;
    if (TO_OUTLET.has(this.tokens[from]?.key ?? '') && !this.r.at('outlets', from)) from++;
    const end = this.r.rightEnd(from, 8);
    const source = this.r.classify(from, end);
    if (source?.kind === 'outlet') out.push({ frame: 'relay-complement', start: i, end: source.end, source, cue: phrase.entry, cueClass: 'phrase', cueAt: i });
  }

  /** « dans un communiqué », "in a statement", "via a spokesperson's email": read() calls it at IN_DOCUMENT's words. */
  private inDocument(i: number, out: Attribution[]) {
    const { tokens, r } = this;
    let j = i + 1;
    if (!r.isDeterminer(j)) return;
    j++;
    // A few adjectives or names: « un long communiqué », "a joint statement", "the latest Washington Post-ABC News poll",
    // "the latest NBC News/Wall Street Journal poll".
    for (let n = 0; n < 8 && j < tokens.length; n++, j++) {
      const noun = r.at('document-nouns', j);
      // "in the polls" (the standings), "in his speech" (the speaker is the source): not a document cited.
      if (noun && NOT_CITED_IN.has(noun.entry.toLowerCase())) return;
      if (noun) {
        const end = j + noun.length;
        // "in a Houston law firm", "in one such brief exchange": an English noun before another is its modifier.
        if (this.lex.lang === 'en' && this.nounModifier(end)) return;
        // « dans le Washington Post »: an outlet whose name holds a document noun (not "in a CBS poll", the outlet's poll).
        const outlet = r.classify(i + 1, r.rightEnd(i + 1));
        if (outlet?.kind === 'outlet' && (!outlet.name || outlet.name[1] > j)) return;
        // "said in a statement", « a indiqué jeudi dans un communiqué »: the marker holds the verb that cites it.
        let start = i;
        for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
          if (this.lex.verbs.has(tokens[k]!.key)) {
            start = k;
            break;
          }
          if (!(r.isAdverb(k) || r.at('not-names', k))) break;
        }
        out.push({
          frame: 'in-document',
          start,
          end,
          source: { start: i + 1, end, kind: 'document', entry: noun.entry, list: 'document-nouns' },
          cue: tokens[i]!.key,
          cueClass: 'phrase',
          cueAt: i,
        });
        return;
      }
      // ("in the dark about the plans", "in the face of polling", "in the process if an order": the phrase ended first.)
      const joins = ['/', '-', '&'].includes(tokens[j]!.key) && !!tokens[j - 1]?.cap;
      // (A capitalised listed noun is part of a name: "NBC News", "Wall Street Journal".)
      if (!(tokens[j]!.word || joins) || (r.nounAt(j) && !tokens[j]!.cap) || r.isPreposition(j) || r.isOpener(j) || (n >= 4 && !tokens[j]!.cap)) return;
    }
  }

  /** Whether the English word at j is a common noun that the word before it modifies ("law | firm", "email | controversies"). */
  private nounModifier(j: number): boolean {
    const { tokens, r } = this;
    const t = tokens[j];
    if (!t || !t.word || t.cap || /^\d/.test(t.key)) return false;
    if (r.isPreposition(j) || r.isDeterminer(j) || r.isOpener(j) || r.isAdverb(j) || r.isAuxiliary(j) || r.at('not-names', j) || r.at('pronouns', j))
      return false;
    if (['and', 'or', 'that', 'which', 'who'].includes(t.key)) return false;
    // A participle or a verb ("a statement released Tuesday", "a letter sent to", "an email says").
    if (
      this.lex.verbs.has(t.key) ||
      /(?:ed|en|ing|wn)$/.test(t.key) ||
      ['sent', 'put', 'set', 'read', 'made', 'left', 'held', 'built', 'said', 'is', 'was'].includes(t.key)
    )
      return false;
    return true;
  }

  /**
   * « a été faite par le journal al-Arab », « retransmises par le média en ligne », "first broadcast by the BBC": an
   * outlet as the agent of a participle (any verb: the outlet is what makes it a relay).
   */
  private outletAgent(i: number, out: Attribution[]) {
    const { tokens, r } = this;
    const participle = this.lex.lang === 'fr' ? FRENCH_PARTICIPLE : ENGLISH_PARTICIPLE;
    let seen = false;
    for (let k = i - 1; k >= Math.max(0, i - 4) && !seen; k--) {
      if (!tokens[k]!.word) break;
      // (A debate "hosted by CNN", a paper "owned by" a group, someone "reached by" the outlet: no words relayed.)
      if (NOT_RELAYED.has(tokens[k]!.key)) return;
      seen = participle.test(tokens[k]!.key) && !r.nounAt(k) && !r.isName(k);
    }
    if (!seen) return;
    const end = r.rightEnd(i + 1, 8);
    const source = r.classify(i + 1, end);
    if (source?.kind === 'outlet') out.push({ frame: 'passive-agent', start: i, end: source.end, source, cue: tokens[i]!.key, cueClass: 'relay', cueAt: i });
  }

  private passive(i: number, cueEnd: number, sense: VerbSense, out: Attribution[], subject: number) {
    const { tokens, r } = this;
    // "It was believed that", « Il a été constaté que »: an impersonal passive says nobody in particular.
    const impersonal = ['it', 'il'].includes(tokens[subject]?.key ?? '') && (subject === 0 || !tokens[subject - 1]!.word || r.isOpener(subject - 1));
    if (impersonal && subject < i - 1 && ['that', 'que', "qu'"].includes(tokens[cueEnd]?.key ?? '')) {
      const source: SourcePhrase = { start: subject, end: subject + 1, kind: 'vague', entry: tokens[subject]!.key, list: 'pronouns' };
      out.push(this.attribution('passive-agent', subject, cueEnd, source, sense, i));
      return;
    }
    // "is widely expected", « est très critiqué », "it is often said": hearsay, by nobody in particular.
    if (r.at('hearsay-adverbs', i - 1) && !['by', 'par'].some((a) => tokens.slice(cueEnd, cueEnd + 8).some((t) => t.key === a))) {
      const source: SourcePhrase = { start: i - 1, end: i, kind: 'vague', entry: tokens[i - 1]!.key, list: 'hearsay-adverbs' };
      out.push(this.attribution('passive-agent', i - 1, cueEnd, source, sense, i));
      return;
    }
    for (let j = cueEnd; j < Math.min(tokens.length, cueEnd + 8); j++) {
      if (!tokens[j]!.word) break;
      if (AGENT.has(tokens[j]!.key)) {
        const end = r.rightEnd(j + 1);
        const source = this.source(j + 1, end, sense.cls);
        if (source && source.kind !== 'pronoun') out.push(this.attribution('passive-agent', i, source.end, source, sense, i));
        return;
      }
    }
    // "is said to", "is considered as", « reste considérée comme »: a view held by nobody in particular.
    // ("seen as" needs a finite "to be": "People seen as disrupters", "loath to be seen as" say what someone is.)
    const seenAs = (sense.traits & TRAIT.seenAs) !== 0 && (!this.finiteBe(subject, i) || tokens[subject]?.key === 'to');
    if (HEARSAY_PASSIVES.has(sense.lemma) && !seenAs && ['to', 'as', 'comme', 'likely'].includes(tokens[cueEnd]?.key ?? '')) {
      const source: SourcePhrase = { start: i, end: cueEnd, kind: 'vague', entry: sense.lemma };
      out.push(this.attribution('passive-agent', i, cueEnd + 1, source, sense, i));
    }
  }

  /**
   * « …, ajoutant que », ", saying", "by saying" (or a second verb: "and said"): the source is the sentence's subject,
   * when no other cue in it names one.
   */
  private participial(i: number, cueEnd: number, sense: VerbSense, out: Attribution[], frame: FrameId = 'participial') {
    const { tokens, r } = this;
    if (out.some((a) => a.frame !== 'participial')) return;
    // The subject opens the sentence, after an introductory phrase ("On Tuesday, …").
    let from = 0;
    const firstComma = tokens.findIndex((t) => t.key === ',');
    if (firstComma > 0 && firstComma < i - 1) {
      const intro = r.classify(0, r.rightEnd(0));
      if (!intro) from = firstComma + 1;
      // ("On Thursday, after remaining neutral in the primary, Warren …": one introductory phrase after another.)
      for (;;) {
        const comma = tokens.findIndex((t, k) => k > from && k < i - 1 && t.key === ',');
        if (!intro && comma > 0 && (r.isPreposition(from) || r.isOpener(from)) && !r.classify(from, comma)) from = comma + 1;
        else break;
      }
    }
    while (from < i && tokens[from]!.key === '"') from++;
    // ("On one Facebook page an unidentified poster put up her picture and wrote": an introductory phrase without a
    // comma; the subject opens with the next determiner after its noun.)
    // (The first such determiner only, and none after a comma: "In a speech on Tuesday, Mr. Trump struck a tone".)
    if (r.isPreposition(from) && !this.anyBefore(i, (t, j) => j > from && t.key === ','))
      for (let j = from + 2; j < i - 1; j++)
        if (r.isDeterminer(j)) {
          if (tokens[j - 1]!.word && !r.isDeterminer(j - 1) && !r.isPreposition(j - 1)) from = j;
          break;
        }
    // ("WASHINGTON (Reuters) - The Federal Reserve raised rates and signaled": a dateline before the subject.)
    const dash = tokens.findIndex((t, k) => k < 9 && (t.key === '-' || t.key === '—'));
    if (dash > from && tokens.slice(from, dash).every((t) => t.cap || ['(', ')', ',', '.'].includes(t.key))) from = dash + 1;
    const source = this.subjectFrom(from, i, sense.cls);
    if (source) out.push({ frame, start: i, end: cueEnd, source, cue: sense.lemma, cueClass: sense.cls, cueAt: i });
  }

  /** The subject that opens the clause at `from`, before the participle or second verb at i. */
  private subjectFrom(from: number, i: number, cls: CueClass): SourcePhrase | null {
    const { tokens, r } = this;
    // The subject ends at the first word that cannot be inside its noun phrase (no name, listed noun, preposition,
    // determiner or adverb): its own verb. "President Obama | met survivors of the massacre and said": the longest
    // phrase would run over an unlisted verb into its object ("Obama met survivors").
    if (this.lex.lang === 'en')
      for (let end = from + 1; end < i - 1; end++) {
        const t = tokens[end]!;
        if (!t.word || t.cap || r.nounAt(end) || r.isPreposition(end) || r.isDeterminer(end) || r.isAdverb(end) || r.isPossessive(end)) continue;
        if (r.isPreposition(end - 1) || r.isDeterminer(end - 1)) continue;
        const source = this.source(from, end, cls);
        if (source) return source;
        // (A word before its object is a verb whose subject is no source: "The trust gave the county a month".)
        if (r.isDeterminer(end + 1) || r.isPreposition(end + 1) || r.at('pronouns', end + 1)) break;
      }
    // The longest phrase that is a source and is followed by its own verb ("Mr. Smith | thanked the crowd"), or by a
    // description between commas; not by a preposition or a determiner, which would make it part of a longer phrase.
    for (let end = Math.min(r.rightEnd(from, 8), i - 1); end > from; end--) {
      const next = tokens[end]!;
      if (!(next.word || next.key === ',' || next.key === '(') || r.isPreposition(end) || r.isDeterminer(end)) continue;
      const source = this.source(from, end, cls);
      if (source) return source;
    }
    return null;
  }

  /** « Le ministre : "…" », 'Senator Hall: "…"'. */
  private colon(i: number, out: Attribution[]) {
    const { tokens, r } = this;
    // (Not after a verb that already read its source: 'Said one official: "…"'.)
    if (i === 0 || !tokens[i + 1] || out.length) return;
    let start = r.leftStart(i);
    // The source opens the sentence, or follows a dash or "from" in a digest of quotations ("… - Jeffrey Lane: “…”",
    // "More from the report: “…”").
    for (let k = i - 1; k > start; k--) if (tokens[k]!.key === 'from') start = k + 1;
    const from = start > 0 && tokens[start - 1]!.key === 'from';
    if (i - start > 10 || !(start === 0 || from || (tokens[start - 1]!.key === '-' && start >= 2))) return;
    const source = r.classify(start, i);
    // A colon after a name heads a quotation; without one it heads a topic ("Zimbabwe coup:", "Editor's note:").
    // (A quotation opens with a double or a single quotation mark: 'Senator Hall: ‘We will win’'.) A document heads
    // its quoted words after "from" only.
    if (!source || source.kind === 'pronoun' || (source.kind === 'document' && !from) || (tokens[i + 1]!.key !== '"' && tokens[i + 1]!.key !== "'")) return;
    // One capitalised word before a colon is a heading's topic (« Mali : », "Zimbabwe coup:") more often than a speaker.
    if (source.kind === 'person' && i === start + 1 && !from) return;
    out.push({ frame: 'colon', start, end: i + 1, source, cue: ':', cueClass: 'speech', cueAt: i });
  }

  /**
   * "Graham: Trump's remarks are hateful", « Macron : la réforme ira à son terme »: a name alone before a colon that
   * opens the sentence, with no quotation after it. A heading's topic is written the same way ("New Hampshire: the
   * race tightens"), so the caller keeps it only when the article quotes that name elsewhere. Or a document, an outlet or
   * a body (HEADING_SOURCES: "Poll: Trump ties Clinton"), which the caller keeps in the headline.
   */
  heading(): Attribution | null {
    const { tokens, r } = this;
    const i = tokens.findIndex((t) => t.key === ':');
    // (What follows is the words, or a quotation of them: "Kasich: ‘We are going all the way’".)
    const next = tokens[i + 1];
    if (i <= 0 || i > 5 || !next || !(next.word || next.key === '"' || next.key === "'") || r.leftStart(i) !== 0) return null;
    const source = r.classify(0, i);
    if (!source || !(HEADING_SOURCES.has(source.kind) || (source.kind === 'person' && source.name))) return null;
    return { frame: 'colon', start: 0, end: i + 1, source, cue: ':', cueClass: 'speech', cueAt: i };
  }

  private source(a: number, b: number, cls: CueClass): SourcePhrase | null {
    const source = this.r.classify(a, b);
    if (!source) return null;
    if (cls === 'finding' && !FINDERS.has(source.kind)) return null;
    return source;
  }

  private attribution(frame: FrameId, start: number, end: number, source: SourcePhrase, sense: VerbSense, cueAt: number): Attribution {
    return { frame, start: Math.min(start, source.start), end: Math.max(end, source.end), source, cue: sense.lemma, cueClass: sense.cls, cueAt };
  }
}

/** A cue that is no verb (a noun of saying, a word of a view held), as a sense of speech for the trace. */
function wordSense(entry: string): VerbSense {
  return { lemma: entry, cls: 'speech', tense: 'present', rest: [], reflexive: false, traits: 0 };
}

/** Whether a sense of the form needs words after the verb (« valoir » of « fait valoir »). */
function needsRest(senses: readonly VerbSense[]): boolean {
  for (const s of senses) if (s.rest.length) return true;
  return false;
}

const NO_SENSES: VerbSense[] = [];

/**
 * The kinds of source besides a named person that head what follows their colon at the head of a sentence ("Poll: …",
 * "NY Post: …", "Pentagon: …"); a group ("Insiders: …") is left to the article's text, where the wide corpus's trainers
 * mark it.
 */
const HEADING_SOURCES: ReadonlySet<SourceKind> = new Set<SourceKind>(['document', 'outlet', 'organisation']);

/** English subject pronouns: after a verb, the start of a clause said ("agreed they had", "responded he would"). */
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'he', 'she', 'it', 'they']);

/** Words after a noun of speech that open what was said or what it was about (aboutFollows). */
const ABOUT = new Set(['that', ':', '"', 'of', 'about', 'on', 'for', 'against', 'over', 'que', "qu'", 'sur', 'contre', 'envers', 'concernant', 'quant']);

/** One sense for the trace: speech before relay before finding (a speech verb accepts any source). */
function pick(senses: VerbSense[]): VerbSense {
  // (The first of the highest order: what a stable sort would put first, without copying and sorting.)
  let best = senses[0]!;
  for (let k = 1; k < senses.length; k++) if (SENSE_ORDER[senses[k]!.cls] < SENSE_ORDER[best.cls]) best = senses[k]!;
  return best;
}
const SENSE_ORDER: Record<CueClass, number> = { cite: 0, speech: 1, relay: 2, finding: 3 };

/** Whether most of the longer words after the first are capitalised, as in an English headline. */
function titleCase(tokens: readonly Token[]): boolean {
  let long = 0;
  let capitalised = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || t.key.length < 4) continue;
    long++;
    if (t.cap) capitalised++;
  }
  return long >= 2 && capitalised >= long * 0.8;
}
