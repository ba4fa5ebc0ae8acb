// The grammar kinds a rule can stand for (the rule schema's `grammar` field): apart from the grammar, so that the
// schema does not pull the lexicons into the content script.
export const GRAMMAR_KINDS = ['named', 'refers-back', 'anonymous', 'anonymous-bare', 'vague', 'relay', 'self', 'document'] as const;
export type GrammarKind = (typeof GRAMMAR_KINDS)[number];
