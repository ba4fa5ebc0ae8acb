// The attribution grammar (analyser/attribution): each frame's examples, the morphology that turns lemmas into
// forms, the tokens, the source kinds, and a reader's lexicon additions.
import { describe, expect, it } from 'vitest';
import { FRAMES, FRAME_IDS, FrameReader } from '../analyser/attribution/frames';
import { lexiconFor } from '../analyser/attribution/lexicon';
import { englishForms, regularFrenchForms } from '../analyser/attribution/morphology';
import { tokenize } from '../analyser/attribution/tokens';
import { SourceReader } from '../analyser/attribution/source';
import { parseHTML } from 'linkedom';
import { analyseDocument, analyseText } from '../analyser';
import { fold } from '../analyser/text';
import { parsePack } from '../rules/schema';
// @ts-expect-error: a plain ES module without types
import { build } from '../rules/lexicon/build.mjs';
import { readFileSync } from 'node:fs';

function attributions(text: string, lang: 'fr' | 'en') {
  const lex = lexiconFor(lang);
  const folded = fold(text);
  const tokens = tokenize(folded, 0, lex.keepsStop, text);
  return new FrameReader(lex, tokens)
    .read()
    .map((a) => ({ frame: a.frame, kind: a.source.kind, text: text.slice(tokens[a.start]!.start, tokens[a.end - 1]!.end) }));
}

/** Each attribution as "kind text", "frame text" or "frame kind text": what the expectations below compare. */
const kindTexts = (text: string, lang: 'fr' | 'en' = 'en') => attributions(text, lang).map((a) => `${a.kind} ${a.text}`);
const frameTexts = (text: string, lang: 'fr' | 'en' = 'en') => attributions(text, lang).map((a) => `${a.frame} ${a.text}`);
const frameKindTexts = (text: string, lang: 'fr' | 'en' = 'en') => attributions(text, lang).map((a) => `${a.frame} ${a.kind} ${a.text}`);
/** Each text gives no attribution (the failure names the text). */
const expectNone = (texts: readonly string[], lang: 'fr' | 'en' = 'en') => {
  for (const text of texts) expect(attributions(text, lang), text).toEqual([]);
};

describe('frames', () => {
  for (const id of FRAME_IDS) {
    for (const lang of ['fr', 'en'] as const) {
      it.each(FRAMES[id].examples[lang])(`${id} (${lang}): %s`, (text) => {
        expect(attributions(text, lang).map((a) => a.frame)).toContain(id);
      });
    }
  }
});

describe('source kinds', () => {
  const kindOf = (text: string, lang: 'fr' | 'en') => attributions(text, lang).map((a) => a.kind);
  it('tells named, anonymous, vague, outlet and document sources apart', () => {
    expect(kindOf('Selon une source proche du dossier, rien n’est signé.', 'fr')).toEqual(['anonymous']);
    expect(kindOf('Selon certains analystes, la croissance ralentira.', 'fr')).toEqual(['vague']);
    expect(kindOf('Le quotidien Le Parisien rapporte que la mairie a cédé.', 'fr')).toEqual(['outlet']);
    expect(kindOf('Le rapport conclut que la digue était fragile.', 'fr')).toEqual(['document']);
    expect(kindOf('An Iowa Republican said the debate was over.', 'en')).toEqual(['anonymous']);
    expect(kindOf('Many economists warn that rates will rise.', 'en')).toEqual(['vague']);
    expect(kindOf('Dozens of residents said they felt abandoned.', 'en')).toEqual(['vague']);
    expect(kindOf('Des dizaines d’habitants ont dénoncé la décision.', 'fr')).toEqual(['vague']);
    expect(kindOf('The Boston Globe reported that the deal collapsed.', 'en')).toEqual(['outlet']);
    expect(kindOf('"We are not comfortable with it," The Post reported.', 'en')).toEqual(['outlet']);
  });
  it('reads a bare plural of bodies as a generic group, and a body named or pointed at as itself', () => {
    expect(kindOf('Universities say the cuts are unfair.', 'en')).toEqual(['vague']);
    expect(kindOf('British banks said the rules were too strict.', 'en')).toEqual(['vague']);
    expect(kindOf('Some universities say the cuts are unfair.', 'en')).toEqual(['anonymous']);
    expect(kindOf('The company said the rules were too strict.', 'en')).toEqual(['organisation']);
  });
  it('reads a share of a group as its group: unnamed people stay anonymous, a generic group vague', () => {
    expect(kindOf('A 52-percent majority of GOP insiders said the debate helped him.', 'en')).toEqual(['anonymous']);
    expect(kindOf('Three-quarters of the officials said the plan would fail.', 'en')).toEqual(['anonymous']);
    expect(kindOf('La moitié des responsables interrogés estiment que le plan échouera.', 'fr')).toEqual(['anonymous']);
    expect(kindOf('Half of the voters said they were tired.', 'en')).toEqual(['vague']);
    expect(kindOf('Un tiers des élus a dénoncé la réforme.', 'fr')).toEqual(['vague']);
    // (Only a share: critics of officials are critics.)
    expect(kindOf('Critics of the officials said the plan would fail.', 'en')).toEqual(['vague']);
  });
  it('reads no inverted speaker in a phrase that goes on as a clause ("to" and a verb, a modal)', () => {
    const frames = (text: string) => attributions(text, 'en').map((a) => a.frame);
    expect(frames('Insiders polled this week, 97 percent, expect the governor to win.')).not.toContain('inverted');
    expect(frames('Insiders polled this week, 97 percent, said the governor would win.')).not.toContain('inverted');
    expect(attributions('"It is over," said the governor.', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual(['inverted role']);
  });
  it('reads a phrase through adjectives joined by "and" or "but" and a participle before its noun, not two sources joined', () => {
    expect(kindTexts('Federal and state officials said the deal collapsed.')).toEqual(['anonymous Federal and state officials said']);
    expect(kindTexts('The deal collapsed, according to complete but unofficial returns.')).toEqual(['document according to complete but unofficial returns']);
    expect(kindTexts('The deal collapsed, according to a newly uncovered email.')).toEqual(['document according to a newly uncovered email']);
    expect(kindTexts('The deal collapsed, according to officials and aides.')).toEqual(['anonymous according to officials']);
    expect(kindTexts('They left at 10 p.m., according to a congressional timeline.')).toEqual(['document according to a congressional timeline']);
    expect(kindTexts('The mayor and the governor said the deal collapsed.')).toEqual(['role the governor said']);
  });
  it('keeps a speaker and the document that carried the words apart, each its own finding', () => {
    const found = (text: string, lang: 'fr' | 'en') => analyseText(text, lang).findings.map((f) => `${f.category}: ${f.text}`);
    expect(found('"We will appeal," the company’s lawyer said in a statement.', 'en')).toEqual([
      'named-source: the company’s lawyer said',
      'official-document: said in a statement',
    ]);
    expect(found('The firm will appeal, according to its lawyers in a court filing.', 'en')).toEqual([
      'named-source: according to its lawyers',
      'official-document: in a court filing',
    ]);
    expect(found('Le groupe fera appel, selon ses avocats dans un communiqué.', 'fr')).toEqual([
      'named-source: selon ses avocats',
      'official-document: dans un communiqué',
    ]);
  });
  it('credits an apposition to the speaker before it, not to the country inside it', () => {
    const r = analyseText('Amina Diallo, one of the leading voices on Mali, said the vote was rigged. "It was stolen," he said.', 'en');
    expect(r.findings.filter((f) => f.category === 'named-source').map((f) => f.who)).toEqual(['Amina Diallo', 'Amina Diallo']);
  });
  it('leaves alone what is not a source: a country, a count, a noun after its determiner, a negation', () => {
    expect(attributions('La Russie dénonce un complot.', 'fr')).toEqual([]);
    expect(attributions('Environ 400 Français ont demandé leur rapatriement.', 'fr')).toEqual([]);
    expect(attributions('Aucune agence sanitaire n’exige ce test.', 'fr')).toEqual([]);
    expect(attributions('A senior official told Reuters the talks had stalled.', 'en').some((a) => a.text.includes('talks'))).toBe(false);
    expect(attributions('Tout le monde estime que le film est réussi.', 'fr').some((a) => a.kind === 'outlet')).toBe(false);
  });
  it('reads a second verb as its sentence subject’s, unless the sentence names another source', () => {
    expect(attributions('Mr. Osei thanked the crowd and said the fight would go on.', 'en')).toEqual([{ frame: 'coordinated', kind: 'person', text: 'said' }]);
    // "a source said" is the source of the whole sentence, the subject's "and are insisting" too.
    expect(attributions('The ministers met on Monday and are insisting on a vote, a source said.', 'en').map((a) => a.frame)).toEqual(['subject-cue']);
    // A plain present after "and" is a plural subject's, unless an infinitive or a modal calls for it.
    expect(attributions('Many universities are relying on testing centres and say the rules are unclear.', 'en').map((a) => a.frame)).toEqual(['coordinated']);
    expect(attributions('They will meet on Monday and discuss the plan.', 'en')).toEqual([]);
    // An infinitive after "and" is not a second statement.
    expect(attributions('Members have a week to read the plan and comment.', 'en')).toEqual([]);
    // The subject ends at its own verb, even one the lexicon does not list: not "Osei met survivors".
    const who = (text: string) => analyseText(text, 'en').findings.map((f) => `${f.category}: ${f.who ?? ''}`);
    expect(who('President Ama Osei met survivors of the flood on Thursday and said the country grieved.')).toEqual(['named-source: Ama Osei']);
    // ("and says she": a pronoun after the verb opens what was said; it is no adverb to pass over.)
    expect(attributions('Ms. Osei caucused in Accra on Saturday and says she voted.', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual(['coordinated person']);
    // (After a dateline: not "WASHINGTON (Reuters)".)
    expect(who('WASHINGTON (Reuters) - The Federal Reserve raised interest rates on Wednesday and signaled more increases.')).toEqual([
      'named-source: Reserve',
    ]);
    // (Nor a verb and its object: in "Ms. Ruiz gave the county a month", the county is no source.)
    expect(attributions('Ms. Ruiz gave the county an extra month and then urged the state to act.', 'en').map((a) => a.kind)).not.toContain('organisation');
  });
  it('reads a verb in a title-case headline after a name, not any capitalised word', () => {
    expect(attributions('Senator Hall Says Bill Will Pass', 'en').map((a) => a.kind)).toEqual(['person']);
    // (A plain present after a plural noun: the headline's group or documents speak.)
    expect(attributions('New Surveys Show Rents Rising in Every Region', 'en').map((a) => a.text)).toEqual(['New Surveys Show']);
    expect(attributions('What Voters Think About The Debate', 'en')).toEqual([]);
  });
  it('finds the subject before a relative clause, not the clause’s object', () => {
    // (Not "the plan said": the plan is the object of the clause.)
    expect(attributions('Critics who opposed the plan said it would fail.', 'en')).toContainEqual({
      frame: 'subject-cue',
      kind: 'vague',
      text: 'Critics who opposed the plan said',
    });
    expect(attributions('Critics who opposed the plan said it would fail.', 'en').some((a) => a.kind === 'document')).toBe(false);
    expect(attributions('Les experts qui ont étudié le dossier estiment que la digue est fragile.', 'fr').map((a) => a.kind)).toEqual(['vague']);
  });
  it('reads party tags, initials, web addresses, shares of people and surnames that are also words', () => {
    const kinds = (text: string) => attributions(text, 'en').map((a) => a.kind);
    expect(kinds('Sen. Dana Reyes (D-N.M.), said the vote would hold.')).toEqual(['person']);
    expect(kinds('Flights resumed on Monday, according to the F.A.A.')).toEqual(['organisation']);
    expect(kinds('The couple ran a bakery, according to ouest-france.fr.')).toEqual(['outlet']);
    expect(kinds('About one in five said they would stay home.')).toEqual(['vague']);
    expect(kinds('"It is over," said King, who resigned in May.')).toEqual(['person']);
    expect(kinds('Michael Bloomberg said he would not run.')).toEqual(['person']);
    expect(kinds('Republicans in Western North Carolina are grumbling about the timing.')).toEqual(['vague']);
    expect(kinds('A number of insiders said the race was over.')).toEqual(['anonymous']);
    expect(kinds('An average of recent polls shows the race tightening.')).toEqual(['document']);
    expect(kinds('In the latest Marist-NBC News poll, the mayor led by four points.')).toEqual(['document']);
  });
  it('reads a role and its holder in apposition, whoever the role belongs to', () => {
    const found = (text: string) => attributions(text, 'en').map((a) => `${a.frame} ${a.kind}`);
    expect(found('The F.B.I. director, Jane R. Okafor, said the inquiry was closed.')).toEqual(['apposition person']);
    expect(found('A lawyer in attendance, Rosa Lind, tweeted that the judge had left.')).toEqual(['apposition person']);
    expect(found('Paul Brandt, the mayor’s spokesman, suggested that the vote be delayed.')).toEqual(['apposition person']);
    expect(found('The award went to Ana Ruiz, who announced her retirement.')).toEqual(['subject-cue person']);
    expect(found('The cost is $2 billion, according to the Tax Policy Center.')).toEqual(['cue-phrase person']);
    // A debate hosted by an outlet carries no words of its own.
    expect(found('The senators met at a town hall hosted by CNN.')).toEqual([]);
  });
  it('reads hearsay: a passive without an agent, « on dit »', () => {
    const kinds = (text: string, lang: 'fr' | 'en') => attributions(text, lang).map((a) => a.kind);
    expect(kinds('He is said to have left the country.', 'en')).toEqual(['vague']);
    expect(kinds('L’Italie reste considérée comme le maillon faible.', 'fr')).toEqual(['vague']);
    expect(kinds('On dit que le ministre va partir.', 'fr')).toEqual(['vague']);
    // What is expected is not what someone said; « on » that asks is nobody's words.
    expect(kinds('The vote is expected to take place on Monday.', 'en')).toEqual([]);
    expect(kinds('On leur demande de partir.', 'fr')).toEqual([]);
  });
  it('reads what emerges from a document or an inquiry (« il ressort de l’enquête que »)', () => {
    expect(attributions('Il ressort de l’enquête que la digue était fragile.', 'fr').map((a) => `${a.frame} ${a.kind} ${a.text}`)).toEqual([
      'cue-phrase document Il ressort de l’enquête',
    ]);
    expect(attributions('Il ressort du rapport que les fonds ont disparu.', 'fr').map((a) => a.kind)).toEqual(['document']);
  });
  it('reads what a document shows, and the clause inside its phrase', () => {
    const kinds = (text: string) => attributions(text, 'en').map((a) => a.kind);
    expect(kinds('Early analysis shows the polls missed the shift.')).toEqual(['document']);
    expect(kinds('Footage from the game shows that several fans ran onto the field.')).toEqual(['document']);
    expect(kinds('The rolling average of polls shows the race tightening.')).toEqual(['document']);
    expect(kinds('The little polling that was done in the state showed a dead heat.')).toEqual(['document']);
    // An object relative has a subject of its own: "he believed", not "the agents".
    expect(kinds('They arrested the agents that he believed.')).toEqual(['pronoun']);
    // What a document shows comes after the verb: "shows" with nothing after it is read as a noun.
    expect(kinds('Early analysis shows.')).toEqual([]);
  });
  it('reads a participle after its subject: a share of people, a group, a document', () => {
    const found = (text: string) => attributions(text, 'en').map((a) => `${a.frame} ${a.kind}`);
    expect(found('Voters shrugged, with three in 10 saying the pick did not matter.')).toEqual(['participial vague']);
    expect(found('The board issued a statement saying the leak had been fixed.')).toEqual(['participial document']);
    // "I'm" and "They've" are pronouns with their verbs, not names.
    expect(found('They’ve spent decades declaring that words matter.')).toEqual([]);
    expect(found('Consider inviting them to the table.')).toEqual([]);
  });
  it('reads adverbs of several words and two named speakers together', () => {
    expect(attributions('Il a par ailleurs précisé que l’enquête était en cours.', 'fr').map((a) => a.kind)).toEqual(['pronoun']);
    expect(attributions('Le ministre a, pour sa part, estimé que rien ne changerait.', 'fr').map((a) => a.kind)).toEqual(['role']);
    const r = analyseText('Emmanuel Macron et Olaf Scholz ont déclaré vouloir avancer.', 'fr');
    expect(r.findings.map((f) => f.who)).toEqual(['Emmanuel Macron et Olaf Scholz']);
  });
  it('reads party tags, ages, asides and shares of people polled', () => {
    const kinds = (text: string) => attributions(text, 'en').map((a) => a.kind);
    expect(kinds('"It is clear," Senate Leader Ana Ruiz, R-Ky., said.')).toEqual(['person']);
    expect(kinds('Lin May, 60, a doctor, said she was elated.')).toEqual(['person']);
    expect(kinds('Okafor (who has 25 delegates to date) said it is possible.')).toEqual(['person']);
    expect(kinds('Nearly nine out of 10 say they will need help.')).toEqual(['vague']);
    expect(kinds('Three-fourths say the government should act.')).toEqual(['vague']);
    expect(kinds('By big margins, those surveyed say the economy matters.')).toEqual(['vague']);
    expect(kinds('Said Okafor, "The thought is troubling."')).toEqual(['person']);
    expect(kinds('"He is a leader," said the 46-year-old.')).toEqual(['role']);
    expect(kinds('Win or not, candidate says, the campaign goes on.')).toEqual(['role']);
    expect(kinds('A source familiar with the senator’s thinking said he would run.')).toEqual(['anonymous']);
  });
  it('reads a verb whose present is a noun only in the past ("stated", not "the states")', () => {
    expect(attributions('The affidavit stated that the boiler was faulty.', 'en').map((a) => a.kind)).toEqual(['document']);
    expect(attributions('Clinton won both states.', 'en')).toEqual([]);
    expect(attributions('Western states say the rule is unfair.', 'en').map((a) => a.frame)).toEqual(['subject-cue']);
  });
  it('reads databases, tests and reviews as documents, and news reports as the press', () => {
    const kinds = (text: string, lang: 'fr' | 'en' = 'en') => attributions(text, lang).map((a) => a.kind);
    expect(kinds('According to the National Weather Database, 40 storms formed.')).toEqual(['document']);
    expect(kinds('Tests found the pipe had not been attached.')).toEqual(['document']);
    expect(kinds('Le réexamen du pesticide a montré que certains produits posaient problème.', 'fr')).toEqual(['document']);
    expect(kinds('The fires spread, according to local news reports.')).toEqual(['outlet']);
  });
  it('reads a French verb whose form is a noun too after a determiner and its noun (« la junte accuse »)', () => {
    expect(attributions('La junte accuse la France de soutenir les groupes armés.', 'fr').map((a) => a.kind)).toEqual(['organisation']);
    expect(attributions('Il aurait été tué, selon des informations non confirmées.', 'fr').map((a) => a.kind)).toEqual(['vague']);
  });
  it('reads French object pronouns between a subject and its verb (« le décrivent », « l’a dit »)', () => {
    const kinds = (text: string) => attributions(text, 'fr').map((a) => a.kind);
    expect(kinds('D’anciens collègues le décrivent comme un homme discret.')).toEqual(['anonymous']);
    expect(kinds('Le ministre le répète depuis des mois.')).toEqual(['role']);
    expect(kinds('Il l’a dit hier.')).toEqual(['pronoun']);
    // « le constat » stays a noun.
    expect(kinds('Le constat est sévère.')).toEqual([]);
  });
  it('reads going on as saying only next to a quotation', () => {
    expect(attributions('"We need strong borders," Okafor continued.', 'en').map((a) => a.kind)).toEqual(['person']);
    expect(attributions('Okafor continued a fierce campaign.', 'en')).toEqual([]);
    expect(attributions('Le parquet a poursuivi l’enquête.', 'fr')).toEqual([]);
  });
  it('reads an unnamed source described in apposition, and agreeing as saying', () => {
    const kinds = (text: string) => attributions(text, 'en').map((a) => a.kind);
    expect(kinds('One, who asked not to be named, said the plan had failed.')).toEqual(['anonymous']);
    expect(kinds('A second dean, who runs a research university, agreed.')).toEqual(['anonymous']);
    expect(kinds('The two sides agreed to a deal on Monday.')).toEqual([]);
  });
  it('leaves alone the verbs of saying used for something else', () => {
    expectNone([
      'Fans called the stadium to ask about refunds.',
      'The two firms called off the merger.',
      'She added sugar to the sauce and stirred it slowly.',
      'The police found a body near the river on Sunday.',
      'His book tells the story of a family that fled the war.',
    ]);
    // … and where they say something.
    expect(attributions('The mayor called the plan a disaster.', 'en').map((a) => a.kind)).toEqual(['role']);
    // An indefinite speaker who calls something something is no naming.
    expect(attributions('A senior aide called the plan a disaster.', 'en').map((a) => a.kind)).toEqual(['anonymous']);
    expect(attributions('"We are ready," she added.', 'en').map((a) => a.kind)).toEqual(['pronoun']);
    expect(attributions('Il a ajouté du sucre à la sauce.', 'fr')).toEqual([]);
    expect(attributions('« C’est fini », a ajouté le ministre.', 'fr').map((a) => a.kind)).toEqual(['role']);
    expect(attributions('The commission found that the rules were broken.', 'en').map((a) => a.kind)).toEqual(['organisation']);
    expectNone([
      'A new group called Voters First is raising money.',
      // (The article right before the noun, a verb the lexicon does not list before it.)
      'Barden now helps lead a program called Sandy Hook Promise.',
      'Lerer reported from Los Angeles.',
      'The campaign responded with new ads on Friday.',
      'She won the primary, adding to her lead.',
      'It could be spent on training, to provide workers with skills.',
    ]);
    // … and reads them where they say something.
    expect(attributions('The campaign responded that the ads were fair.', 'en').map((a) => a.kind)).toEqual(['organisation']);
    expect(attributions('To her supporters, the delay is a betrayal.', 'en').map((a) => a.kind)).toEqual(['vague']);
  });
  it('reads past when the words were said, and not past an adjective', () => {
    expect(attributions('Mayor Alvarez on Thursday evening said the budget was balanced.', 'en').map((a) => a.kind)).toEqual(['person']);
    expect(attributions('Le maire la semaine dernière a affirmé que le budget était équilibré.', 'fr').map((a) => a.kind)).toEqual(['role']);
    // "wide-ranging comments" is a noun phrase: nobody "comments" there.
    expect(attributions('Mr. Alvarez’s wide-ranging comments drew a rebuke.', 'en')).toEqual([]);
  });
  it('does not take a document noun that modifies another noun for a document cited', () => {
    expect(attributions('She was a partner in a Houston law firm.', 'en')).toEqual([]);
    // A poll named by its outlets, however long: a document.
    expect(attributions('She fell to 10 percent in the latest NBC News/Wall Street Journal poll.', 'en').map((a) => a.frame)).toEqual(['in-document']);
    // Nor one after the phrase ended, at a preposition or a new clause.
    expect(attributions('The board was kept in the dark about the plans.', 'en')).toEqual([]);
    expect(attributions('He quit in the process if an order came.', 'en')).toEqual([]);
    expect(attributions('The company confirmed the layoffs in a statement released Monday.', 'en').map((a) => a.frame)).toContain('in-document');
  });
  it('reads a refusal to comment as the source’s answer, and only a refusal to say something', () => {
    expect(attributions('The mayor’s office declined to comment on Friday.', 'en').map((a) => a.kind)).toEqual(['organisation']);
    expect(attributions('La préfecture a refusé de commenter.', 'fr').map((a) => a.kind)).toEqual(['organisation']);
    expect(attributions('L’entreprise n’a pas souhaité réagir.', 'fr').map((a) => a.kind)).toEqual(['organisation']);
    expect(attributions('The senator declined to run for a second term.', 'en')).toEqual([]);
    expect(attributions('The council refused to pay the contractor.', 'en')).toEqual([]);
    // A reply that did not come is nobody speaking.
    expect(attributions('The ministry did not reply by Friday.', 'en')).toEqual([]);
    expect(attributions('Le ministère n’a pas répondu à nos questions.', 'fr')).toEqual([]);
    expect(attributions('The ministry replied on Friday that the plan stands.', 'en').map((a) => a.kind)).toEqual(['organisation']);
  });
  it('reads "see … as" and "is seen as" as a view, and "see" alone as seeing', () => {
    expect(attributions('Many economists see the cut as a mistake.', 'en').map((a) => a.kind)).toEqual(['vague']);
    expect(attributions('Ms. Okafor views the plan as a betrayal.', 'en').map((a) => a.kind)).toEqual(['person']);
    expect(attributions('The governor is seen as the favourite.', 'en').map((a) => a.kind)).toEqual(['vague']);
    expectNone([
      'She saw the film last night.',
      'Voters will see the results tomorrow.',
      'People seen as troublemakers were asked to leave.',
      'He was loath to be seen as gloating.',
    ]);
  });
  it('reads a wish as a view only before a clause, not a plan of one’s own', () => {
    expect(kindTexts('Environmentalists want the plants to remain closed.')).toEqual(['vague Environmentalists want']);
    expect(kindTexts('Senator Okafor wants Congress to act before the recess.')).toEqual(['person Senator Okafor wants']);
    expect(kindTexts('Local officials know that the bridge is unsafe.')).toEqual(['anonymous Local officials know']);
    expect(kindTexts('Les syndicats souhaitent que l’État recule.', 'fr')).toEqual(['organisation Les syndicats souhaitent']);
    expectNone([
      'Senator Okafor wants to run for governor.',
      'The tech the district wants is branded "video analytics."',
      'Ms. Ruiz knows the area well.',
      'Ms. Ruiz wished the team good luck.',
    ]);
    expect(attributions('Le maire veut partir en 2026.', 'fr')).toEqual([]);
  });
  it('reads a light verb with a noun of speech and what it is about, and stops the cue at that noun', () => {
    expect(kindTexts('Senator Okafor offered a spirited defense of the plan.')).toEqual(['person Senator Okafor offered a spirited defense']);
    expect(kindTexts('Local officials voiced concerns about the bridge.')).toEqual(['anonymous Local officials voiced concerns']);
    expect(kindTexts('Rubio gave the crowd an emotional evaluation of the race.')).toEqual(['person Rubio gave the crowd an emotional evaluation']);
    expect(kindTexts('Le ministre a émis des réserves sur le projet.', 'fr')).toEqual(['role Le ministre a émis des réserves']);
    expect(kindTexts('Les syndicats ont exprimé leur inquiétude quant à la réforme.', 'fr')).toEqual([
      'organisation Les syndicats ont exprimé leur inquiétude',
    ]);
    // (A view is whole in itself, with or without what it is about.)
    expect(kindTexts('Throgs Neck resident Ana Lopes shared that sentiment.')).toEqual(['person Throgs Neck resident Ana Lopes shared that sentiment']);
    expect(kindTexts('Le ministre partage cette inquiétude.', 'fr')).toEqual(['role Le ministre partage cette inquiétude']);
    expect(attributions('Ms. Ruiz shared a photo of the crowd.', 'en')).toEqual([]);
    expect(attributions('The company is not giving money or technical support to the campaign.', 'en')).toEqual([]);
    // (Another sense of the form comes first: "made clear" is no light verb.)
    expect(frameTexts('Mrs. Clinton made clear that she would run.')).toEqual(['subject-cue Mrs. Clinton made clear']);
    expectNone([
      'Ms. Ruiz gave a speech on Tuesday.',
      'The mayor made the comments before leaving.',
      'The company offered a job to Ms. Ruiz.',
      'Mr. Lopez made a deal with the union.',
    ]);
    expect(attributions('Le président a prononcé un discours de vingt minutes.', 'fr')).toEqual([]);
    expect(attributions('L’entreprise a lancé un nouveau produit.', 'fr')).toEqual([]);
  });
  it('reads a poll’s answer after a share of the people polled, and only there', () => {
    expect(kindTexts('Sixty percent of voters support the measure.')).toEqual(['vague Sixty percent of voters support']);
    expect(kindTexts('A majority of Republicans favor a ban.')).toEqual(['vague A majority of Republicans favor']);
    expect(kindTexts('About 4 in 10 Republican voters want all immigrants deported.')).toEqual(['vague 4 in 10 Republican voters want']);
    expect(kindTexts('Only 38 percent approve of the way he handles the job.')).toEqual(['vague 38 percent approve']);
    expect(kindTexts('La majorité des sondés approuvent la réforme.', 'fr')).toEqual(['vague La majorité des sondés approuvent']);
    expectNone([
      'Ms. Ruiz prefers tea.',
      'The council approved the budget.',
      'She was at 67 percent support among young voters.',
      'Republican support for the plan fell.',
      'Super PAC ad attack coming.',
    ]);
    // In the past, "support" and "back" are anyone's.
    expect(kindTexts('Ms. Ruiz supported the bill.')).toEqual(['person Ms. Ruiz supported']);
  });
  it('reads a noun of speech or of a view as a verb only after what ends a subject', () => {
    expectNone([
      'It is as reliable as a political campaign promise.',
      'The government’s only hope was to send me to prison.',
      'Rubio had better plan to start winning some states.',
    ]);
    expect(kindTexts('Many hope that the talks will resume.')).toEqual(['vague Many hope']);
    expect(kindTexts('Supporters of the law hope this is a transition.')).toEqual(['vague Supporters of the law hope']);
    expect(kindTexts('Trump claims he is worth $10 billion.')).toEqual(['person Trump claims']);
    expect(attributions('Antiabortion advocates have been very successful.', 'en')).toEqual([]);
  });
  it('reads the antecedent of « , qui » / ", who" as the source, the nearest noun phrase before the comma', () => {
    expect(kindTexts('Le ministre de l’Intérieur, qui a dénoncé la grève, est parti.', 'fr')).toEqual(['role Le ministre de l’Intérieur, qui a dénoncé']);
    expect(kindTexts('La prévision est plus basse que celle de la Banque de France, qui table sur une hausse.', 'fr')).toEqual([
      'organisation la Banque de France, qui table',
    ]);
    // (« une source d'inquiétude » is no source: the antecedent is « les salariés ».)
    expect(kindTexts('C’est une source d’inquiétude pour les salariés, qui craignent pour leur emploi.', 'fr')).toEqual(['vague les salariés, qui craignent']);
    expect(kindTexts('The minister, who denounced the strike, left.')).toEqual(['role The minister, who denounced']);
    expect(attributions('Un paragraphe sans aucune attribution ni source, qui décrit la place du marché.', 'fr')).toEqual([]);
  });
  it('reads the subject of a second verb after an introductory phrase without a comma', () => {
    expect(frameKindTexts('On one Facebook page an unidentified poster put up her picture and wrote that it was rude.')).toEqual([
      'coordinated anonymous wrote',
    ]);
    // (After a comma, the subject is the one the comma leads to, not the first verb's object.)
    expect(frameKindTexts('On Tuesday night, Mr. Trump struck a measured tone, saying he understood.')).toEqual(['participial person saying']);
  });
  it('reads an endorsement in the past, not the noun it shares its present with', () => {
    expect(attributions('The union backed the mayor on Monday.', 'en').map((a) => a.kind)).toEqual(['organisation']);
    expect(attributions('Ms. Ruiz supported the bill and attacked its critics.', 'en').map((a) => a.kind)).toEqual(['person']);
    expect(attributions('A super PAC backing Ms. Ruiz spent millions.', 'en').map((a) => a.frame)).toEqual(['participial']);
    expectNone([
      'The bill passed with Republican support.',
      'Terrorist attacks shook the city.',
      'The crowd came back on Sunday.',
      'The minister backed down from the proposal.',
      'His wife appears to be supporting the challenger.',
    ]);
  });
  it('reads a view held only after "to be" and before what it is about', () => {
    expectNone(['The dam is concerned.', 'He was sure of it.', 'Worried parents gathered outside.']);
    expectNone(['Il est certain que la pluie tombera.'], 'fr');
    expect(attributions('Many voters are skeptical about the plan.', 'en').map((a) => a.kind)).toEqual(['vague']);
    // A feeling and what causes it; a description between commas; « en » for what the view is about.
    expect(attributions('AI experts are increasingly troubled by the energy demands.', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual(['held-view vague']);
    expect(attributions('Beaucoup d’économistes, de tendance libérale, en sont persuadés.', 'fr').map((a) => `${a.frame} ${a.kind}`)).toEqual([
      'held-view vague',
    ]);
  });
  it('reads an outlet opening a sentence before a form that is also a noun, and a subject after "what"', () => {
    expect(attributions('Quartz notes that the album sold well.', 'en').map((a) => `${a.kind} ${a.text}`)).toEqual(['outlet Quartz notes']);
    expect(attributions('Flood notes that the album sold well.', 'en')).toEqual([]);
    expect(attributions('The students held what the institution called an "outrageous" party.', 'en').map((a) => a.text)).toEqual(['the institution called']);
  });
  it('reads a participle of support right after its subject, before a name or an adjective and a name', () => {
    expect(frameKindTexts('Right to Rise USA, the super PAC supporting Jeb Bush, spent $1.2 million.')).toEqual([
      'participial organisation the super PAC supporting',
    ]);
    expect(frameKindTexts('Donors gave $3 million to the super PAC backing former Gov. Jeb Bush.')).toEqual(['participial organisation the super PAC backing']);
    // (Not a byline: "Additional reporting by Ana Ruiz".)
    expect(frameKindTexts('Additional reporting by Ana Ruiz in Accra.')).toEqual([]);
  });
  it('reads a name given as a pseudonym as an unnamed source (the taxonomy’s « Antoine* »)', () => {
    expect(kindTexts('Antoine*, 34 ans, raconte que la mine a fermé.', 'fr')).toEqual(['anonymous Antoine*, 34 ans, raconte']);
    expect(kindTexts('Selon Antoine*, la mine a fermé.', 'fr')).toEqual(['anonymous Selon Antoine']);
    expect(kindTexts('Marie (le prénom a été modifié), infirmière, raconte que le service a fermé.', 'fr')).toEqual([
      'anonymous Marie (le prénom a été modifié), infirmière, raconte',
    ]);
    expect(kindTexts('Dan (not his real name), a student, said he was worried.', 'en')).toEqual(['anonymous Dan (not his real name), a student, said']);
    // (A party and a state in parentheses are no pseudonym.)
    expect(kindTexts('Sen. Ana Ruiz (D-Mich.) said the bill would pass.', 'en').map((k) => k.split(' ')[0])).toEqual(['person']);
  });
  it('reads shares of a group written with a percent sign or as a fraction, even between commas', () => {
    expect(kindTexts('38% of independents say the economy is weak.', 'en')).toEqual(['vague 38% of independents say']);
    expect(kindTexts('A third of retirees, 31%, say the economy is weak.', 'en')).toEqual(['vague A third of retirees, 31%, say']);
    expect(kindTexts('Most officials polled last month, 91 percent, expect the strike to end.', 'en')).toEqual([
      'anonymous Most officials polled last month, 91 percent, expect',
    ]);
    expect(kindTexts('One-fifth of voters said the economy is weak.', 'en')).toEqual(['vague One-fifth of voters said']);
    expect(kindTexts('A quarter of the officials said the talks had stalled.', 'en')).toEqual(['anonymous A quarter of the officials said']);
    expect(kindTexts('62 % des agriculteurs estiment que la réforme échoue.', 'fr')).toEqual(['vague 62 % des agriculteurs estiment']);
  });
  it('reads the subject of a long description: a relative "whose", a sum, a second description after the role', () => {
    const found = (text: string) => attributions(text, 'en').map((a) => `${a.frame} ${a.kind} ${a.text.split(',')[0]}`);
    expect(found('Farmers whose crops failed said the subsidies came late.')).toEqual(['subject-cue vague Farmers whose crops failed said']);
    expect(found('Directors at Orvane, which lost $12 million last year, say the plant will close.')).toEqual(['apposition vague Directors at Orvane']);
    expect(found('Lena Ostrow, the head of the Union of Metal Workers of Ohio, which backed the mayor, said the strike would end.')).toEqual([
      'apposition person Lena Ostrow',
    ]);
    expect(found('A second economist, Paul Wendt of Carleton College, said the figures were wrong.')).toEqual(['apposition person A second economist']);
    expect(found('Arthur Kell Jr., the county clerk, said the ballots were counted.')).toEqual(['apposition person Arthur Kell Jr.']);
  });
  it('reads quotations between two apostrophes, and "by" that says how the words came', () => {
    expect(frameTexts("''We will not stop,'' Mr. Abara continued.")).toEqual(['subject-cue Mr. Abara continued']);
    expect(frameTexts("''It is 'a mess,''' said Ona Brill.")).toEqual(['inverted said Ona Brill']);
    expect(frameTexts('Ms. Ferrand said by telephone that the plant would close.')).toEqual(['subject-cue Ms. Ferrand said']);
    // (A participle and its agent after "by" stay a passive: the emails are no speaker.)
    expect(frameTexts('Emails released by the campaign show the plan.')).not.toContain('subject-cue Emails released');
  });
  it('reads the verb said after a verb of going on, and a reply to words', () => {
    expect(kindTexts('The governor continued to insist that the budget was balanced.', 'en')).toEqual(['role The governor continued to insist']);
    expect(kindTexts('Le syndicat a continué à dénoncer la réforme.', 'fr')).toEqual(['organisation Le syndicat a continué à dénoncer']);
    expect(kindTexts('Prices continued to rise.', 'en')).toEqual([]);
    // (Going on speaking before a comma and a quotation, or before "that".)
    expect(kindTexts('Prager continues, "In fact, the argument fails."')).toEqual(['person Prager continues']);
    expect(kindTexts('The narrator continues that the plan failed.')).toEqual(['role The narrator continues']);
    expect(kindTexts('The recovery continued, and prices rose.')).toEqual([]);
    expect(kindTexts('Mook refused to speculate on the events.')).toEqual(['person Mook refused to speculate']);
    expect(kindTexts('"It would be a tie," The Blaze reported.')).toEqual(['outlet The Blaze reported']);
    expect(kindTexts('Senator Okafor responded on Monday to accusations that she lied.', 'en')).toEqual(['person Senator Okafor responded']);
    expect(kindTexts('The team responded to the attack with a goal.', 'en')).toEqual([]);
    // (A clause said without "that" opens with its subject.)
    expect(kindTexts('Most Republicans agreed they had no real recourse.')).toEqual(['vague Most Republicans agreed']);
    expect(kindTexts('The team agreed to a new contract.')).toEqual([]);
  });
  it('reads the verb said after a verb of seeming or beginning, and leaves what was refused or only meant', () => {
    expect(kindTexts('Farmers seemed to acknowledge that the quota was fair.', 'en')).toEqual(['vague Farmers seemed to acknowledge']);
    expect(kindTexts('The mayor began to argue that the budget was too small.', 'en')).toEqual(['role The mayor began to argue']);
    expect(kindTexts('Le maire semble admettre que le budget est trop court.', 'fr')).toEqual(['role Le maire semble admettre']);
    expect(kindTexts('Le syndicat commence à dénoncer la réforme.', 'fr')).toEqual(['organisation Le syndicat commence à dénoncer']);
    expect(kindTexts('Rents seemed to rise.', 'en')).toEqual([]);
    expect(kindTexts('The mayor wants to argue that the budget was too small.', 'en')).toEqual([]);
  });
  it('reads the verb said after "went on to" and after "to be" and an adjective of manner ("were quick to")', () => {
    expect(kindTexts('Mr. Trump went on to say that the polls were rigged.')).toEqual(['person Mr. Trump went on to say']);
    expect(kindTexts('Republicans were quick to condemn the remarks.')).toEqual(['vague Republicans were quick to condemn']);
    expect(kindTexts('Governor Ana Ruiz was the first to say that the race was over.')).toEqual(['person Governor Ana Ruiz was the first to say']);
    expect(kindTexts('Le ministre a été prompt à dénoncer la grève.', 'fr')).toEqual(['role Le ministre a été prompt à dénoncer']);
    expect(kindTexts('She was quick to leave the room.')).toEqual([]);
    // (Not hesitating to say is saying; the subject may stand before a description between commas.)
    expect(frameKindTexts('Sebastian Kurz, the Austrian chancellor, did not hesitate to criticize the plan.')).toEqual([
      'apposition person Sebastian Kurz, the Austrian chancellor, did not hesitate to criticize',
    ]);
    expect(kindTexts('Le chancelier n’a pas hésité à montrer du doigt les pays du Sud.', 'fr')).toEqual([
      'role Le chancelier n’a pas hésité à montrer du doigt',
    ]);
    expect(kindTexts('The mayor went on to win the race.')).toEqual([]);
  });
  it('reports a back-reference when it brings words, not the speaker’s other acts', () => {
    const texts = (text: string) => analyseText(text, 'en').findings.map((f) => f.text);
    expect(texts('Mayor Ana Ruiz said the session was open. Later, she said the budget was short.')).toEqual(['Mayor Ana Ruiz said', 'she said']);
    expect(texts('Mayor Ana Ruiz said the session was open. She added: “The budget is short.”')).toEqual(['Mayor Ana Ruiz said', 'She added']);
    expect(texts('Mayor Ana Ruiz said the budget was short. She was referring to the county.')).toEqual(['Mayor Ana Ruiz said']);
    expect(texts('Mayor Ana Ruiz said the budget was short. She supported it anyway.')).toEqual(['Mayor Ana Ruiz said']);
  });
  it('reads the present of a verb that is mostly a noun after a document only ("the report states")', () => {
    expect(kindTexts('The audit states that the bridge was unsafe.')).toEqual(['document The audit states']);
    expect(kindTexts('The survey supports the view that rents fell.')).toEqual(['document The survey supports']);
    expect(kindTexts('Coastal states voted for the plan.')).toEqual([]);
    expect(kindTexts('Rural support remains strong.')).toEqual([]);
  });
  it('reads a body’s outlook as its own document, and an adverb in three words before « que »', () => {
    expect(frameTexts('The central bank raised its outlook for next year.', 'en')).toEqual(['own-document The central bank raised its outlook']);
    expect(frameTexts('La banque centrale abaisse ses perspectives pour l’an prochain.', 'fr')).toEqual([
      'own-document La banque centrale abaisse ses perspectives',
    ]);
    // (A time may stand between the verb and the document; a possessive that opens the sentence has no verb before it.)
    expect(frameTexts('La Commission européenne a présenté mardi ses prévisions.', 'fr')).toEqual([
      'own-document La Commission européenne a présenté mardi ses prévisions',
    ]);
    expect(frameTexts('Its forecast was cut on Tuesday.', 'en')).toEqual([]);
    expect(frameTexts('La chercheuse Anne Roux montre de manière détaillée que les loyers montent.', 'fr')).toEqual([
      'subject-cue La chercheuse Anne Roux montre',
    ]);
  });
  it('reads a phrase through words in quotation marks before its noun', () => {
    expect(kindTexts('According to her "fair share" plan, firms must pay more.')).toEqual(['document According to her "fair share" plan']);
    expect(kindTexts('He said "no" to the plan.')).toEqual(['pronoun He said']);
  });
  it('reads the people around someone as unnamed, and a pair announced by "both"', () => {
    expect(kindTexts('People around him acknowledge that the race is hard.')).toEqual(['anonymous People around him acknowledge']);
    expect(kindTexts('The bill was endorsed by both the teachers unions and the nurses.')).toEqual(['organisation endorsed by both the teachers unions']);
  });
  it('reads a participle before a quotation, and a subject after several introductory phrases', () => {
    expect(frameKindTexts('Nurses carried banners saying "No more cuts."')).toEqual(['participial vague Nurses carried banners saying']);
    expect(frameKindTexts('On Monday, after weeks of silence, Senator Okafor met the press and said the bill was dead.')).toEqual(['coordinated person said']);
  });
  it('reads the subject before a participle of saying that says how it spoke', () => {
    expect(frameKindTexts('A senior diplomat speaking on condition of anonymity said the talks had stalled.')).toEqual([
      'subject-cue anonymous A senior diplomat speaking on condition of anonymity said',
    ]);
    // (Not a participle and its object before a verb that is also a noun: "asking questions".)
    expect(frameKindTexts('Reporters called the county office asking questions.')).toEqual([]);
  });
  it('reads « Pour » and a person’s name before the clause’s subject, without a comma', () => {
    expect(kindTexts('Pour Hélène Marchal il y a trop de règles.', 'fr')).toEqual(['person Pour Hélène Marchal']);
    expect(kindTexts('Pour Lyon il y a trop de voitures.', 'fr')).toEqual([]);
  });
  it('reads "telling" with its listener before what was said', () => {
    expect(attributions('The vote ended with Senator Ruiz telling reporters that the bill was dead.', 'en').map((a) => `${a.frame} ${a.text}`)).toEqual([
      'participial Senator Ruiz telling',
    ]);
  });
  it('leaves a noun after "have" and a name without the -s of the present', () => {
    expect(kindTexts('Okafor and Ruiz have claims on the land.')).toEqual([]);
    expect(kindTexts('Okafor has claimed that the land is hers.')).toEqual(['person Okafor has claimed']);
    expect(kindTexts('He added, "I think the plan works."')).toEqual(['pronoun He added']);
    expect(kindTexts('Okafor and Ruiz say the plan works.')).toEqual(['person Okafor and Ruiz say']);
    expect(kindTexts('Senator Okafor says the plan works.')).toEqual(['person Senator Okafor says']);
  });
  it('leaves a telephone call, another verb made with a particle, and a headline’s passive', () => {
    const found = (text: string, lang: 'fr' | 'en') => attributions(text, lang).map((a) => a.text);
    expect(found('Ms. Ferrand called the sheriff’s office while driving home.', 'en')).toEqual([]);
    expect(found('Ms. Ferrand called the plan reckless.', 'en')).toEqual(['Ms. Ferrand called']);
    // (A time after the person called, or a call into a program, is a telephone call too; a time before what the
    // speaker called something is not.)
    expect(found('Obama called both candidates Tuesday night.', 'en')).toEqual([]);
    expect(found('Donald Trump called into the program on Fox News.', 'en')).toEqual([]);
    expect(found('Carson called that report Friday a "boldfaced lie."', 'en')).toEqual(['Carson called']);
    expect(found('Many speakers were calling into doubt his credentials.', 'en')).toEqual(['Many speakers were calling into doubt']);
    expect(found('The shooter’s friend denied bail.', 'en')).toEqual([]);
    expect(found('The United States responded by easing sanctions.', 'en')).toEqual([]);
    expect(found('The ministry responded by first saying the plan stands.', 'en')).toEqual(['The ministry responded']);
    expect(found('The county has sworn in its first female sheriff.', 'en')).toEqual([]);
    expect(found('The province declared a state of emergency.', 'en')).toEqual([]);
    expect(found('La commune a déclaré l’état d’urgence.', 'fr')).toEqual([]);
    expect(found('Mayor Ruiz accused of hiding the audit', 'en')).toEqual([]);
    expect(found('Mayor Ruiz accused the council of hiding the audit.', 'en')).toEqual(['Mayor Ruiz accused']);
  });
  it('reads a speaker before a colon in a digest of quotations, after a dash or "from"', () => {
    expect(frameKindTexts('Turnout was low - Dana Whitfield: "The samples were too small."')).toEqual(['colon person Dana Whitfield:']);
    expect(frameKindTexts('More from the audit: "The samples were too small."')).toEqual(['colon document the audit:']);
    // (Not what someone said to whom: the addressee before a colon is no speaker.)
    expect(frameKindTexts('He said it to the reporter: "We will win."')).toEqual(['subject-cue pronoun He said']);
  });
  it('leaves a verb and its object read as a document noun, a count read as data, an outlet past "and"', () => {
    expect(frameTexts('The telescope will map the sky and probe the strange fleeting blasts.')).toEqual([]);
    expect(frameTexts('A growing number are touting the efficiency of their engines.')).toEqual([]);
    expect(frameTexts('The scheme began in May, police said, and buyers were found on two websites.')).toEqual(['subject-cue police said']);
    expect(frameTexts('The figures were confirmed to Reuters.')).toEqual([]);
  });
  it('reads a body named by a long name and its initials, and an outlet’s name inside another body’s', () => {
    expect(kindTexts('La Fédération nationale des pêcheurs et des mareyeurs (FNPM) considère que le quota est trop bas.', 'fr')).toEqual([
      'organisation La Fédération nationale des pêcheurs et des mareyeurs (FNPM) considère',
    ]);
    expect(kindTexts('The Reuters Foundation said the grants would continue.', 'en')).toEqual(['organisation The Reuters Foundation said']);
    expect(kindTexts('Reuters said the grants would continue.', 'en')).toEqual(['outlet Reuters said']);
  });
  it('reads a verb inside a speaker’s description as the description, not another source', () => {
    expect(attributions('Alberto Ruiz, a resident who tweeted about the smoke, said the sky went dark.', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual([
      'apposition person',
    ]);
  });
  it('reads what a generic group would say as its view, and leaves what a named one would say', () => {
    expect(attributions('Few would argue that the plan worked.', 'en').map((a) => a.kind)).toEqual(['vague']);
    expect(attributions('The president would say that the plan worked.', 'en')).toEqual([]);
  });
  it('reads an inverted speaker after a French complement or when the words were said, and no English complement as one', () => {
    const found = (text: string, lang: 'fr' | 'en') => attributions(text, lang).map((a) => `${a.frame} ${a.kind}`);
    expect(found('La réforme est maintenue, a indiqué dans un communiqué le ministère de l’Intérieur.', 'fr')).toContain('inverted organisation');
    expect(found('« Nous restons », a déclaré jeudi soir le ministre.', 'fr')).toEqual(['inverted role']);
    expect(found('The study, published Wednesday in the Lancet, found no link.', 'en')).toEqual(['apposition document']);
  });
  it('reads a speaker named before a complement of time or place, after « comme » or « ainsi que »', () => {
    for (const text of [
      'Comme l’avait suggéré François Fillon en 2017, la réforme est nécessaire.',
      'La réforme est nécessaire, ainsi que l’avait suggéré Jeanne Roux.',
    ])
      expect(attributions(text, 'fr').map((a) => `${a.frame} ${a.kind}`)).toEqual(['inverted person']);
    expect(attributions('La mesure est souvent présentée comme une solution par les partis de droite.', 'fr').map((a) => a.frame)).toEqual(['passive-agent']);
    // An imperative is nobody speaking.
    expect(attributions('In parts of Wales, call NHS Direct on 0845 46 47.', 'en')).toEqual([]);
  });
  it('reads a person who shows that something is so as making a claim, not one who found something', () => {
    expect(attributions('In her book, Ana Ruiz shows that the families are scattered.', 'en').map((a) => `${a.frame} ${a.kind}`)).toContain(
      'subject-cue person',
    );
    expect(attributions('Dans son livre, Ana Ruiz montre que les familles sont dispersées.', 'fr').map((a) => `${a.frame} ${a.kind}`)).toContain(
      'subject-cue person',
    );
    expect(attributions('After that, Hicks found that the picture had been shared.', 'en')).toEqual([]);
    expect(attributions('Ana Ruiz listed that stage at 6 percent.', 'en')).toEqual([]);
  });
  it('reads shares of people polled written with a sign or "more than", and a speaker’s place and state', () => {
    expect(attributions('26% say they are conservative.', 'en').map((a) => a.kind)).toEqual(['vague']);
    expect(attributions('More than six in 10 said they were tired.', 'en').map((a) => a.text)).toEqual(['six in 10 said']);
    expect(attributions('Ana Ruiz, 22, of Flint, Mich., said she had not given up.', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual(['apposition person']);
    // A role whose holder is a body of several words, with a possessive.
    expect(attributions('Ama Osei, Color of Change’s executive director, said the group would go on.', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual([
      'apposition person',
    ]);
    // A second verb in -s after "and" when what was said follows it (a plural noun would not be followed by "that").
    expect(attributions('Ms. Ruiz left early and says that she will run.', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual(['coordinated person']);
    expect(attributions('Ruiz, meanwhile, who sits on no board, said the fund was safe.', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual([
      'apposition person',
    ]);
    // Three places in a row are not a speaker and their description.
    expect(attributions('Flights to Paris, Lyon, and Nice resumed.', 'en')).toEqual([]);
  });
  it('leaves a capitalised imperative and a death pronounced alone', () => {
    expectNone(['Stay alert and wash your hands.', 'The victim was pronounced dead by paramedics.', 'Paramedics pronounced him dead at the scene.']);
    expect(attributions('Smith alerts the public.', 'en').map((a) => a.kind)).toEqual(['person']);
    expect(attributions('Dems hope the vote will fail.', 'en').map((a) => a.kind)).toEqual(['person']);
  });
  it('reads "as X put it" and "made it clear" as words, not "put it in the car"', () => {
    expect(attributions('As one voter put it, the race is over.', 'en').map((a) => a.frame)).toEqual(['subject-cue']);
    expect(attributions('Ms. Ruiz made it clear that the deal was off.', 'en').map((a) => a.kind)).toEqual(['person']);
    expect(attributions('Ms. Ruiz put it in the car.', 'en')).toEqual([]);
  });
  it('reads a noun for words said with its speaker, and not what the words are about', () => {
    expect(attributions('A warning from the IMF rattled markets.', 'en').map((a) => a.text)).toEqual(['warning from the IMF']);
    expect(attributions('Les propos du ministre de l’Intérieur ont choqué.', 'fr').map((a) => a.kind)).toEqual(['role']);
    expect(attributions('Les propos tenus par le ministre ont choqué.', 'fr').map((a) => a.text)).toEqual(['propos tenus par le ministre']);
    expect(attributions('Il dément les affirmations télévisées de Paul Durand.', 'fr').map((a) => a.kind)).toContain('person');
    expectNone(['La critique de la réforme est vive.', 'L’annonce de la démission a surpris.'], 'fr');
    expect(attributions('A win would solidify Trump’s claim to the nomination.', 'en')).toEqual([]);
  });
  it('reads a sentence that opens with its verb and a described source', () => {
    expect(attributions('Said one senior official: "We are done."', 'en').map((a) => `${a.frame} ${a.kind}`)).toEqual(['inverted anonymous']);
    expect(attributions('Asked the question twice, Ruiz shrugged.', 'en')).toEqual([]);
  });
  it('reads a body’s own document, published or revised, and not one it lost or a person’s', () => {
    const frames = (text: string, lang: 'fr' | 'en') => attributions(text, lang).map((a) => a.frame);
    expect(frames('The ministry lost its records in the fire.', 'en')).not.toContain('own-document');
    expect(frames('L’entreprise a perdu ses chiffres.', 'fr')).not.toContain('own-document');
    expect(frames('Ms. Ruiz released her tax returns.', 'en')).not.toContain('own-document');
    expect(frames('The central bank raised its forecasts for inflation.', 'en')).toEqual(['own-document']);
  });
  it('reads what a document "read", and not someone reading', () => {
    expect(attributions('"We will not back down," the statement read.', 'en').map((a) => a.kind)).toEqual(['document']);
    expectNone(['He read the book on Sunday.', 'Read the rest of the story at The New York Post.', 'Many people reading this know him.']);
  });
  it('reads a singular generic head in a headline, a share that opens its phrase, and a pronoun as a whole subject', () => {
    expect(attributions('The race will tighten, analyst says.', 'en').map((a) => a.kind)).toEqual(['vague']);
    expect(attributions('Governor says the vote is historic', 'en').map((a) => a.kind)).toEqual(['role']);
    expect(attributions('Nearly a third say they do not know.', 'en').map((a) => a.text)).toEqual(['a third say']);
    expect(attributions('It is a problem, and three-fourths say the state should act.', 'en').map((a) => a.kind)).toEqual(['vague']);
    expect(attributions('"It is over," said the designer.', 'en').map((a) => a.kind)).toEqual(['role']);
    expect(attributions('A voter told King she believes the stakes are higher.', 'en').map((a) => a.text)).toContain('she believes');
    // A plural group with a verb in -s is no subject and its verb: "students raised worries".
    expect(attributions('In a meeting, students raised worries about privacy.', 'en')).toEqual([]);
  });
  it('reads going on speaking next to a quotation or before a participle of saying, not going on with something', () => {
    expect(attributions('La réserve a manqué, a poursuivi cette source, soulignant que la priorité était ailleurs.', 'fr').map((a) => a.kind)).toEqual([
      'anonymous',
    ]);
    expect(attributions('Le ministre a poursuivi ses réformes.', 'fr')).toEqual([]);
  });
  it('reads talking about something as speech, and declining to name someone as an answer', () => {
    expect(attributions('Mr. Osei talked about the strike on Monday.', 'en').map((a) => a.kind)).toEqual(['person']);
    expect(attributions('The agency declined to name the contractor.', 'en').map((a) => a.kind)).toEqual(['organisation']);
  });
  it('marks the cue phrase and its source only, not the words after', () => {
    expect(attributions('Selon Mme Roux, la grève sera reconduite.', 'fr')[0]!.text).toBe('Selon Mme Roux');
    // A source's phrase cut off after an article or a preposition ends before them.
    const lex = lexiconFor('fr');
    const text = 'les manifestants réunis sur la';
    const reader = new SourceReader(lex, tokenize(fold(text), 0, lex.keepsStop, text));
    expect(reader.classify(0, 5)).toMatchObject({ kind: 'vague', end: 3 });
    // A pattern's marker too: « aurait dépassé », not « aurait dépassé les ».
    const hedge = analyseText('Le bilan aurait dépassé les 80 morts.', 'fr').findings.find((f) => f.category === 'hedged-claim');
    expect(hedge?.text).toBe('aurait dépassé');
    const relay = attributions('Des sources ont confirmé la nouvelle à la presse internationale en indiquant que tout était prêt.', 'fr');
    expect(relay.find((a) => a.frame === 'relay-complement')?.text).toBe('à la presse internationale');
  });
});

describe('speakers and the outlet they speak to', () => {
  const findings = (text: string, siteNames: string[] = []) => analyseText(text, 'en', { siteNames }).findings.map((f) => `${f.category}: ${f.who ?? ''}`);
  it('keeps the speaker and the outlet of "X told Reuters"', () => {
    expect(findings('"It was bad," Chang told Reuters.')).toEqual(['named-source: Chang', 'media-relay: Reuters']);
  });
  it('keeps a speaker beside another reading of the same verb that names someone else', () => {
    expect(findings('In the old Soviet Union, as Ana Ruiz reported in her The Russians, the leaders had country houses.')).toContain('named-source: Ana Ruiz');
  });
  it('reads "X told Axios" on Axios as the outlet’s own interview: the speaker is the finding', () => {
    expect(findings('"It was bad," Chang told Axios.', ['Axios'])).toEqual(['named-source: Chang']);
    // The site as the speaker still refers to itself.
    expect(findings('Axios reported that the deal collapsed.', ['Axios'])).toEqual(['self-reference: Axios']);
  });
});

describe('names across an article', () => {
  it('reads a heading’s name and colon as a speaker only when the article quotes that name', () => {
    const heading = (text: string, lang: 'fr' | 'en') =>
      analyseText(text, lang)
        .findings.filter((f) => f.text.endsWith(':'))
        .map((f) => f.who);
    expect(heading('Osei: the vote was rigged\n\nThe senator spoke on Monday. "It is a disgrace," Osei said.', 'en')).toEqual(['Osei']);
    expect(heading('New Hampshire: the race tightens\n\nThe senator spoke on Monday. "It is a disgrace," Osei said.', 'en')).toEqual([]);
    expect(heading('Durand : la réforme ira à son terme\n\n« Nous tiendrons », a déclaré Paul Durand.', 'fr')).toEqual(['Durand']);
    // A heading quotes with single quotation marks too.
    expect(heading('Osei: ‘The Vote Was Rigged’\n\nThe senator spoke on Monday. "It is a disgrace," Osei said.', 'en')).toEqual(['Osei']);
    expect(heading('Mali: ‘The Vote Was Rigged’\n\nThe senator spoke on Monday. "It is a disgrace," Osei said.', 'en')).toEqual([]);
    expect(heading('Senator Ama Osei: ‘The vote was rigged’', 'en')).toEqual(['Ama Osei']);
  });
  it('reads a document, an outlet or a body before a headline’s colon as the source of the headline, not a group', () => {
    const body =
      '<p>The race in Florida is close with two weeks to go, and both campaigns are spending heavily on television across the state.</p>' +
      '<p>Poll: the numbers are in the table below, which shows the candidates level among likely voters in every region.</p>' +
      '<p>Voters in the state will choose on November 8, and early voting begins next week in most counties of the state.</p>';
    const headline = (title: string) => {
      const { document } = parseHTML(
        `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`,
      );
      return analyseDocument(document as unknown as Document, { url: 'https://news.example/a', source: 'a' }).report.findings.map(
        (f) => `${f.category} ${f.text}`,
      );
    };
    // (The paragraph's "Poll:" heads no claim of the article's headline: it stays a label.)
    expect(headline('Poll: Trump ties Clinton in Florida')).toEqual(['official-document Poll:']);
    expect(headline('NY Post: Trump ties Clinton in Florida')).toEqual(['media-relay NY Post:']);
    expect(headline('Insiders: Trump ties Clinton in Florida')).toEqual([]);
  });
  it('takes an outlet’s name for a person’s once the article gave it a first name', () => {
    const whoSaid = (text: string) => analyseText(text, 'en').findings.map((f) => f.category);
    expect(whoSaid('Michael Bloomberg is running. "We will win," Bloomberg said.')).toEqual(['named-source']);
    expect(whoSaid('The markets fell. "Rates will rise," Bloomberg reported.')).toEqual(['media-relay']);
  });
});

describe('morphology', () => {
  it('inflects English verbs, irregular ones from the lexicon', () => {
    expect(englishForms('admit')).toMatchObject({ past: ['admitted'], 'present-participle': ['admitting'], present: ['admit', 'admits'] });
    expect(englishForms('deny')).toMatchObject({ past: ['denied'], present: ['deny', 'denies'] });
    expect(englishForms('say', ['said', 'said']).past).toEqual(['said']);
    expect(lexiconFor('en').verbs.get('told')?.[0]?.lemma).toBe('tell');
  });
  it('conjugates French verbs from the Lefff tables, and a reader’s verb by rule', () => {
    const verbs = lexiconFor('fr').verbs;
    for (const form of ['declare', 'declarait', 'declarerent', 'dit', 'disent', 'estimant', 'felicite']) expect(verbs.has(form), form).toBe(true);
    expect(regularFrenchForms('pérorer')).toMatchObject({ present: ['pérore', 'pérorent'], 'past-participle': ['péroré', 'pérorés', 'pérorée', 'pérorées'] });
  });
});

describe('tokens', () => {
  it('splits elisions, possessives and inverted pronouns, and keeps honorifics and initials whole', () => {
    const keys = (s: string, lang: 'fr' | 'en') => tokenize(fold(s), 0, lexiconFor(lang).keepsStop, s).map((t) => t.key);
    expect(keys("L'Arcom a-t-elle dit", 'fr')).toEqual(["l'", 'arcom', 'a', 'elle', 'dit']);
    expect(keys("Trump's aide, Mr. J. Smith", 'en')).toEqual(['trump', "'s", 'aide', ',', 'mr.', 'j.', 'smith']);
    expect(keys('Il a parlé à la presse', 'fr')).toContain('à');
  });
});

describe('lexicons', () => {
  it('generated.json and LEXICON.md are up to date with the lists (run npm run lexicon when this fails)', () => {
    const { json, page } = build();
    expect(readFileSync(new URL('../rules/lexicon/generated.json', import.meta.url), 'utf8')).toBe(json);
    expect(readFileSync(new URL('../rules/lexicon/LEXICON.md', import.meta.url), 'utf8')).toBe(page);
  });
  it('a reader’s pack adds a verb, an outlet or a role, and the grammar uses it', () => {
    const text = 'Le maire pérore que tout va bien.';
    expect(analyseText(text, 'fr').findings).toEqual([]);
    const result = parsePack({ schemaVersion: 1, id: 'cours', name: 'Cours', lexicon: { fr: { 'speech-verbs': ['pérorer'] } }, rules: [] });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const found = analyseText(text, 'fr', { packs: [result.pack] }).findings;
    expect(found.map((f) => [f.category, f.text, f.trace?.cue])).toEqual([['named-source', 'Le maire pérore', 'pérorer']]);
  });
  it('a pack that adds to an unknown list is refused, naming the field', () => {
    const result = parsePack({ schemaVersion: 1, id: 'cours', name: 'Cours', lexicon: { fr: { adverbs: ['vite'] } }, rules: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain('lexicon');
  });
});

describe('what a document would do', () => {
  it('is not the journalist’s hedge', () => {
    const categories = (text: string, lang: 'fr' | 'en') => analyseText(text, lang).findings.map((f) => f.category);
    expect(categories('Le texte prévoit que l’agent qui aurait menti serait suspendu.', 'fr')).toEqual(['official-document']);
    expect(categories('The report concludes that the officer allegedly lied.', 'en')).toEqual(['official-document']);
    // Without the document, the conditional is the article's own hedge.
    expect(categories('L’agent aurait menti.', 'fr')).toEqual(['hedged-claim']);
    expect(categories('The officer allegedly lied.', 'en')).toEqual(['hedged-claim']);
  });
});
