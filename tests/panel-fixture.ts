// A French report as the analyser produces it, for the panel's component tests. Offsets are computed
// from the article text, and the whole report goes through reportSchema so it follows the contract.
import { reportSchema, type Finding, type Report } from '../analyser/report';

export const ARTICLE = [
  'EXCLUSIF. Mali : la colonne de Wagner arrêtée près de Kidal',
  'Selon nos sources, la colonne aurait été arrêtée lundi près de Kidal.',
  '« Nous ne confirmons rien à ce stade », a déclaré Sadio Kamara, ministre malien de la Défense.',
  'Certains analystes estiment que <img src=x onerror=alert(1)> le bilan dépasse 80 morts.',
  'Dans un communiqué publié mardi, l’état-major évoque un « incident de sécurité ».',
  'Il faut savoir que la région échappe au contrôle de Bamako depuis 2012.',
  'Le groupe serait payé en concessions minières, rapporte le quotidien Le Monde.',
].join('\n\n');

type Spec = Pick<Finding, 'category' | 'text' | 'ruleId' | 'qualifiers'> & { sentence: string; who?: string; explanation?: string };

function finding(id: string, spec: Spec): Finding {
  const sentenceStart = ARTICLE.indexOf(spec.sentence);
  const start = ARTICLE.indexOf(spec.text, sentenceStart);
  if (sentenceStart < 0 || start < 0) throw new Error(`fixture: ${spec.text} not in the article`);
  return {
    id,
    ruleId: spec.ruleId,
    category: spec.category,
    text: spec.text,
    sentence: spec.sentence,
    start,
    end: start + spec.text.length,
    sentenceStart,
    explanation: spec.explanation ?? `Explication de ${spec.ruleId}.`,
    trainerNote: `Note du formateur pour ${spec.ruleId} : demandez aux étudiants qui parle.`,
    qualifiers: spec.qualifiers,
    ...(spec.who ? { who: spec.who } : {}),
  };
}

const S = ARTICLE.split('\n\n');

// Reading order (f1…f8) interleaves red flags and other findings, as a real article does.
export const FINDINGS: Finding[] = [
  finding('f1', { category: 'exclusive-claim', text: 'EXCLUSIF', ruleId: 'fr.exclusive.label', qualifiers: ['label'], sentence: 'EXCLUSIF.' }),
  finding('f2', {
    category: 'anonymous-source',
    text: 'Selon nos sources',
    ruleId: 'fr.anonymous.nos-sources',
    qualifiers: ['bare'],
    sentence: S[1]!,
    explanation: 'Le média cite des sources sans dire qui elles sont.',
  }),
  finding('f3', { category: 'hedged-claim', text: 'aurait été arrêtée', ruleId: 'fr.hedge.conditional', qualifiers: [], sentence: S[1]! }),
  finding('f4', {
    category: 'named-source',
    text: 'a déclaré Sadio Kamara',
    ruleId: 'fr.named.declared',
    qualifiers: [],
    sentence: S[2]!,
    who: 'Sadio Kamara',
  }),
  finding('f5', { category: 'vague-attribution', text: 'Certains analystes estiment', ruleId: 'fr.vague.analysts', qualifiers: [], sentence: S[3]! }),
  finding('f6', { category: 'official-document', text: 'Dans un communiqué', ruleId: 'fr.document.communique', qualifiers: [], sentence: S[4]! }),
  finding('f7', { category: 'unsourced-certainty', text: 'Il faut savoir que', ruleId: 'fr.certainty.il-faut-savoir', qualifiers: [], sentence: S[5]! }),
  finding('f8', {
    category: 'media-relay',
    text: 'rapporte le quotidien Le Monde',
    ruleId: 'fr.relay.rapporte',
    qualifiers: ['relayed'],
    sentence: S[6]!,
    who: 'Le Monde',
  }),
];

export const REPORT: Report = reportSchema.parse({
  schemaVersion: 1,
  source: 'https://exemple.test/afrique/mali-wagner-kidal',
  lang: 'fr',
  title: 'Mali : la colonne de Wagner arrêtée près de Kidal',
  score: 31,
  band: 'weak',
  summary: 'L’article s’appuie surtout sur des sources anonymes et des affirmations au conditionnel.',
  counts: {
    'named-source': 1,
    'official-document': 1,
    'media-relay': 1,
    'anonymous-source': 1,
    'vague-attribution': 1,
    'self-reference': 0,
    'exclusive-claim': 1,
    'hedged-claim': 1,
    'unsourced-certainty': 1,
  },
  redFlags: 5,
  contributions: [
    { key: 'named-source', points: 6, label: '+6\u00a0: 1 source nommée', findingIds: ['f4'] },
    { key: 'anonymous-source', points: -8, label: '−8\u00a0: 1 source anonyme non décrite', findingIds: ['f2'] },
    { key: 'exclusive-red-flag', points: -15, label: '−15\u00a0: une exclusivité qui ne repose que sur des sources anonymes', findingIds: ['f1', 'f2'] },
    { key: 'byline', points: -3, label: '−3\u00a0: aucun auteur indiqué', findingIds: [] },
  ],
  findings: FINDINGS,
  page: {
    byline: null,
    published: '2024-03-11T08:30:00+01:00',
    links: [
      { href: 'https://www.lemonde.fr/afrique/article/2024/03/10/wagner.html', text: 'Le Monde', host: 'www.lemonde.fr' },
      { href: 'javascript:alert(1)', text: 'un lien piégé', host: '' },
    ],
    unnamedSourcesPolicy: null,
    correctionsPolicy: 'https://exemple.test/charte',
  },
  article: { found: true, length: ARTICLE.length, posts: 1, truncatedAt: null },
});

/** The reading order of the red flags in REPORT: exclusive label (f1), anonymous (f2), hedge (f3), vague (f5), certainty (f7). */
export const RED_FLAG_ORDER = ['f1', 'f2', 'f3', 'f5', 'f7'];

/** The order of the findings in the panel's list: grouped by category, in the taxonomy's order. */
export const LIST_ORDER = ['f4', 'f6', 'f8', 'f2', 'f5', 'f1', 'f3', 'f7'];
