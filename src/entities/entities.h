// Named entities of one article: people, organisations, places and other names, with roles,
// aliases resolved inside the article and a folded key that matches across articles.
//
// What AnnotateEntities finds (rule-based, English first; capitalisation rules are script-neutral
// so Cyrillic text gets mentions too):
//   - mentions: runs of capitalised words with connectors ("Bank of Merovia", "Organization
//     for Security and Cooperation in Europe", "van der", "al-"), dotted initials and
//     acronyms ("C. Lewis", "U.S."), possessives cut off ("Vucic's" -> "Vucic");
//     a sentence-initial or headline word is a name only with evidence (gazetteer, written
//     capitalised mid-sentence elsewhere in the article, followed by another name);
//   - titles before a name go to Entity::roles, not into the name ("Kremlin spokesman Dmitry
//     Peskov" -> name "Dmitry Peskov", role "Kremlin spokesman"); appositions too
//     ("Peskov, the Kremlin spokesman,");
//   - typing from gazetteers (compiled lists, iso-codes, WordNet when installed), head words
//     (Ministry, Inc, River, Cup), context (titles, "in", results rows in sports reports),
//     summed over all mentions of the entity;
//   - aliases: surname -> full name, acronym <-> expansion ("... Commission (REC)"), and
//     definite descriptions ("the Kremlin spokesman", "the Serbian president") tied to the
//     named person with that title, or kept as their own person entity named by the phrase
//     ("the Serbian president") when the article names nobody with that title.
// Pronouns are not mentions: resolve.h helps the quotes stage with those.
//
// Every mention is a Span into article.text; Entity::name is the fullest mention's text;
// Entity::key is EntityKey(name) (key.h); ids are "e1", "e2" ... Entities are ordered by first
// mention, except that description-only entities follow the named ones.
//
//   parallax::text::AnnotateSentences(&article);
//   parallax::entities::AnnotateEntities(&article);
//   for (const parallax::Entity& e : article.entities) ...
#ifndef PARALLAX_ENTITIES_ENTITIES_H_
#define PARALLAX_ENTITIES_ENTITIES_H_

#include "parallax/article.h"

namespace parallax::entities {

// Fills article->entities (replacing any) from the blocks that are not boilerplate or credit
// (the whole text when there are no blocks). Sentences (article->sentences) mark where
// capitalisation is ambiguous; without them the text stage's splitter is run here.
// Thread-safe: shared lexicons are built once (first call, ~0.1 s with WordNet) and read only.
// Cost: linear in the text.
void AnnotateEntities(Article* article);

namespace internal {
// For tests only: while `on`, AnnotateEntities on the calling thread cuts every line with
// AppendTokens (line_tokens.h), the reference that its own tokenizer for plain ASCII chunks
// must match; the output is the same either way. Default: off.
void SetReferenceTokenizerForTesting(bool on);
}  // namespace internal

}  // namespace parallax::entities

#endif  // PARALLAX_ENTITIES_ENTITIES_H_
