// Compare: one story as told by several articles. What they share, what only some carry, whose
// words each chose, what each leaves out, how each words it, and where their facts disagree.
//
// Invariant: every finding points at the text it rests on as Evidence, a span into the `text`
// of one of the articles given to Compare (by its index in that list). A Comparison holds no
// copies of article text: render it together with the same articles (ComparisonToJson,
// ComparisonToMarkdown). The record is `parallax.comparison/1` (docs/schema/comparison.md).
//
//   std::vector<parallax::Article> articles = ...;   // analysed: sentences, entities, quotes
//   parallax::CompareOptions options;
//   parallax::Result<parallax::Comparison> c = parallax::Compare(articles, options);
//   if (c.ok()) std::puts(parallax::ComparisonToMarkdown(*c, articles).c_str());
#ifndef PARALLAX_COMPARE_H_
#define PARALLAX_COMPARE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "parallax/status.h"

namespace parallax {

// A span of articles[article].text.
struct Evidence {
  uint32_t article = 0;
  Span span;
  friend bool operator==(const Evidence&, const Evidence&) = default;
};

enum class ClaimStatus {
  kShared,   // every outlet carries it
  kPartial,  // more than one outlet, not all
  kUnique,   // one outlet only
};
std::string_view ClaimStatusName(ClaimStatus status);  // "shared", "partial", "unique"

// One aligned claim: the sentences or clauses of several articles that state the same thing.
struct ClaimGroup {
  std::string id;  // "c1", "c2" ... in output order
  ClaimStatus status = ClaimStatus::kUnique;
  std::vector<std::string> outlets;  // carrying it, in the order of Comparison::outlets
  double weight = 0;                 // how much it says (names, numbers, rare words)
  // One span per carrying article (two or more when an article repeats itself), in article
  // order. The first is the claim's wording in the output ("text").
  std::vector<Evidence> evidence;
};

enum class QuoteUse {
  kSame,         // the same words as another outlet's statement
  kTrimmed,      // one of the two statements is a part of the other
  kParaphrased,  // the same statement in other words
  kDifferent,    // no other outlet used it, though others quote this speaker
  kOnly,         // only this outlet quotes this speaker
};
std::string_view QuoteUseName(QuoteUse use);  // "same", "trimmed", ...

struct QuoteStatement {
  std::string id;  // "q1", "q2" ...
  std::string outlet;
  uint32_t article = 0;
  uint32_t quote = 0;  // index into articles[article].quotes
  bool direct = false;
  std::string group;  // "g1" ...: statements of one group say the same thing across outlets
  QuoteUse use = QuoteUse::kOnly;
  Evidence evidence;  // the quoted content
};

struct SpeakerQuotes {
  std::string speaker;  // display name (the fullest entity name seen)
  std::string key;      // entity key matched across articles, "" for an unresolved speaker
  std::vector<std::string> outlets;
  std::vector<QuoteStatement> statements;  // in article order, then text order
};

struct OutletVoices {
  std::string outlet;
  std::vector<std::string> only_here;  // speakers only this outlet quotes
};

struct OmittedClaim {
  std::string claim;  // ClaimGroup::id
  double score = 0;   // outlets carrying it x its weight
};

struct OutletOmissions {
  std::string outlet;
  std::vector<OmittedClaim> claims;  // highest score first
};

struct TermScore {
  std::string term;  // the most frequent folded spelling of the stem
  double score = 0;  // z-score of the weighted log-odds
  uint32_t count = 0;
};

struct VerbCount {
  std::string verb;  // folded cue ("said", "claimed", "according to")
  uint32_t count = 0;
};

struct ActorLabel {
  std::string actor;  // the entity name, or the other outlets' word for the same thing
  std::string label;  // this outlet's word or role for it
  Evidence evidence;
};

struct OutletWording {
  std::string outlet;
  std::vector<TermScore> terms;  // highest score first
  std::vector<VerbCount> attribution;
  std::vector<Evidence> hedges;
  std::vector<Evidence> scare_quotes;
  std::vector<ActorLabel> labels;
};

enum class DisagreementKind { kNumber, kDate, kCount };
std::string_view DisagreementKindName(DisagreementKind kind);  // "number", "date", "count"

struct DisagreementValue {
  std::string outlet;
  std::string value;  // as written
  Evidence evidence;
};

struct Disagreement {
  DisagreementKind kind = DisagreementKind::kNumber;
  std::string about;  // ClaimGroup::id, "" when none
  std::vector<DisagreementValue> values;
};

struct HeadlineFraming {
  std::string outlet;
  uint32_t article = 0;
  // The headline's span, when the text holds it (a headline block or the headline string).
  std::optional<Evidence> evidence;
  std::vector<std::string> terms;  // words of this headline no other headline uses (folded)
};

struct Comparison {
  static constexpr std::string_view kSchema = "parallax.comparison/1";
  std::optional<int64_t> story;
  std::vector<std::string> outlets;         // in the order of their first article
  std::vector<std::string> article_outlet;  // per article: its outlet as counted here
  std::vector<ClaimGroup> claims;
  std::vector<SpeakerQuotes> quotes;
  std::vector<OutletVoices> voices;
  std::vector<OutletOmissions> omissions;
  std::vector<OutletWording> wording;
  std::vector<Disagreement> disagreements;
  std::vector<HeadlineFraming> headlines;
  std::vector<std::string> warnings;
};

struct CompareOptions {
  // The story id to record (from a database). Default: none.
  std::optional<int64_t> story;
  // Two claims align when the pair model scores them at least this (0..1); 0 = the model's
  // own MRPC threshold. Default: 0.
  double align_threshold = 0;
  // Distinctive terms reported per outlet, and the least z-score reported. Default: 12, 1.0.
  size_t max_terms = 12;
  double min_term_score = 1.0;
  // Prior strength (alpha_0) of the log-odds, in pseudo-words. Default: 200.
  double prior_strength = 200;
  // Use WordNet synonyms when it is installed. Default: true.
  bool synonyms = true;
  // Compare refuses more than this many articles (the cost grows with their square). Default:
  // 200.
  size_t max_articles = 200;
};

// Compares `articles` (the output of the analysis pipeline: blocks, sentences, and, when
// available, entities and quotes) as one story. Outlets come from Article::outlet; an article
// without one is its own outlet "(unknown: <source>)". Errors: InvalidArgument for no articles,
// ResourceExhausted for more than options.max_articles. Fewer than two outlets is not an error
// (a warning). Thread-safe (const inputs).
Result<Comparison> Compare(std::span<const Article> articles, const CompareOptions& options);

// The parallax.comparison/1 record of `comparison` over the same `articles` it was computed
// from (their texts are embedded). One line unless `pretty`.
std::string ComparisonToJson(const Comparison& comparison, std::span<const Article> articles,
                             bool pretty);

// A report for people, readable in 100 columns: headlines side by side, shared, partial and
// unique claims with short evidence excerpts, quotes by speaker per outlet, voices, omissions,
// wording and disagreements.
std::string ComparisonToMarkdown(const Comparison& comparison, std::span<const Article> articles);

}  // namespace parallax

#endif  // PARALLAX_COMPARE_H_
