// Compare on fictional articles (invented outlets, places and people): each test pins one kind
// of finding, with the analysis pipeline providing blocks, sentences, entities and quotes.
#include "parallax/compare.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/pipeline.h"
#include "src/compare/split.h"

namespace parallax {
namespace {

constexpr char kLedger[] =
    "Harbour protest ends as police clear the quay\n"
    "\n"
    "Police dispersed the crowd outside the Varnholm harbour office on Saturday after a "
    "four-hour sit-in against the closure of the shipyard.\n"
    "\n"
    "About 2,000 people joined the protest on the quay, the organisers said.\n"
    "\n"
    "\"We will not accept the closure of the shipyard,\" union leader Mira Solvik told "
    "reporters.\n"
    "\n"
    "Harbour minister Anton Brekke said the decision was final and that compensation would be "
    "paid to every worker.\n"
    "\n"
    "The shipyard has built fishing boats in the town since 1921 and employs most of its "
    "families.\n"
    "\n"
    "The so-called \"green corridor\" plan would turn the yard into a ferry terminal.\n";

constexpr char kCourier[] =
    "Workers defy minister as officers push back demonstrators at Varnholm\n"
    "\n"
    "On Saturday officers pushed back the demonstrators who had occupied the area outside the "
    "Varnholm harbour office for four hours in protest at the shipyard closure.\n"
    "\n"
    "Some 5,000 people joined the protest on the quay, the organisers said.\n"
    "\n"
    "\"The minister has betrayed this town and everyone who works here,\" union leader Mira "
    "Solvik said.\n"
    "\n"
    "\"Nobody in this government listens to us,\" said retired welder Jonas Fenn.\n"
    "\n"
    "Police reportedly used batons near the main gate of the yard.\n"
    "\n"
    "Harbour minister Anton Brekke allegedly ignored three petitions from the workers.\n";

Article Analyse(const char* text, const char* source, const char* outlet) {
  AnalyzeOptions options;
  options.outlet = outlet;
  options.threads = 1;
  Result<Article> a = AnalyzeBytes(text, source, options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? std::move(a).value() : Article{};
}

class CompareTest : public ::testing::Test {
 protected:
  void SetUp() override {
    articles_.push_back(Analyse(kLedger, "ledger.txt", "Northern Ledger"));
    articles_.push_back(Analyse(kCourier, "courier.txt", "Coastal Courier"));
    Result<Comparison> c = Compare(articles_, CompareOptions{});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    c_ = std::move(c).value();
  }
  std::string_view View(const Evidence& e) const { return articles_[e.article].View(e.span); }
  // The claim group with evidence containing `needle` in article `article`, or nullptr.
  const ClaimGroup* ClaimWith(uint32_t article, std::string_view needle) const {
    for (const ClaimGroup& g : c_.claims)
      for (const Evidence& e : g.evidence)
        if (e.article == article && View(e).find(needle) != std::string_view::npos) return &g;
    return nullptr;
  }
  const SpeakerQuotes* Speaker(std::string_view name_part) const {
    for (const SpeakerQuotes& s : c_.quotes)
      if (s.speaker.find(name_part) != std::string::npos) return &s;
    return nullptr;
  }
  const OutletWording& Wording(std::string_view outlet) const {
    for (const OutletWording& w : c_.wording)
      if (w.outlet == outlet) return w;
    static const OutletWording kNone;
    return kNone;
  }
  std::vector<Article> articles_;
  Comparison c_;
};

TEST_F(CompareTest, OutletsInOrderOfFirstArticle) {
  ASSERT_EQ(c_.outlets.size(), 2u);
  EXPECT_EQ(c_.outlets[0], "Northern Ledger");
  EXPECT_EQ(c_.outlets[1], "Coastal Courier");
  EXPECT_TRUE(c_.warnings.empty());
}

TEST_F(CompareTest, SharedClaimWordedDifferently) {
  const ClaimGroup* g = ClaimWith(0, "dispersed the crowd");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->status, ClaimStatus::kShared);
  EXPECT_EQ(g, ClaimWith(1, "pushed back the demonstrators"));
  EXPECT_EQ(g->outlets.size(), 2u);
}

TEST_F(CompareTest, UniqueClaimsAndOmissions) {
  const ClaimGroup* since = ClaimWith(0, "since 1921");
  ASSERT_NE(since, nullptr);
  EXPECT_EQ(since->status, ClaimStatus::kUnique);
  EXPECT_EQ(since->outlets, std::vector<std::string>{"Northern Ledger"});
  const ClaimGroup* batons = ClaimWith(1, "batons");
  ASSERT_NE(batons, nullptr);
  EXPECT_EQ(batons->status, ClaimStatus::kUnique);
  // The Ledger omits the batons claim; the Courier omits the 1921 claim; neither omits the
  // shared one.
  const ClaimGroup* shared = ClaimWith(0, "dispersed the crowd");
  ASSERT_NE(shared, nullptr);
  ASSERT_EQ(c_.omissions.size(), 2u);
  auto omits = [&](size_t outlet, const std::string& id) {
    for (const OmittedClaim& o : c_.omissions[outlet].claims)
      if (o.claim == id) return true;
    return false;
  };
  EXPECT_TRUE(omits(0, batons->id));
  EXPECT_FALSE(omits(0, since->id));
  EXPECT_TRUE(omits(1, since->id));
  EXPECT_FALSE(omits(0, shared->id));
  EXPECT_FALSE(omits(1, shared->id));
  for (const OutletOmissions& o : c_.omissions)
    for (size_t k = 1; k < o.claims.size(); ++k)
      EXPECT_GE(o.claims[k - 1].score, o.claims[k].score);
}

TEST_F(CompareTest, DifferentQuoteSelectionOfOneSpeaker) {
  const SpeakerQuotes* solvik = Speaker("Solvik");
  ASSERT_NE(solvik, nullptr);
  EXPECT_EQ(solvik->outlets.size(), 2u);
  ASSERT_GE(solvik->statements.size(), 2u);
  std::set<std::string> outlets;
  for (const QuoteStatement& s : solvik->statements) {
    EXPECT_EQ(s.use, QuoteUse::kDifferent);
    outlets.insert(s.outlet);
    EXPECT_NE(View(s.evidence).find(s.outlet == "Northern Ledger" ? "not accept" : "betrayed"),
              std::string_view::npos);
  }
  EXPECT_EQ(outlets.size(), 2u);
}

TEST_F(CompareTest, SpeakerOnlyOneOutletQuotes) {
  const SpeakerQuotes* fenn = Speaker("Fenn");
  ASSERT_NE(fenn, nullptr);
  EXPECT_EQ(fenn->outlets, std::vector<std::string>{"Coastal Courier"});
  for (const QuoteStatement& s : fenn->statements) EXPECT_EQ(s.use, QuoteUse::kOnly);
  ASSERT_EQ(c_.voices.size(), 2u);
  EXPECT_EQ(c_.voices[1].outlet, "Coastal Courier");
  bool found = false;
  for (const std::string& v : c_.voices[1].only_here) found |= v.find("Fenn") != std::string::npos;
  EXPECT_TRUE(found);
  for (const std::string& v : c_.voices[0].only_here) EXPECT_EQ(v.find("Fenn"), std::string::npos);
}

TEST_F(CompareTest, NumberDisagreement) {
  ASSERT_FALSE(c_.disagreements.empty());
  const Disagreement& d = c_.disagreements[0];
  EXPECT_EQ(d.kind, DisagreementKind::kCount);
  EXPECT_FALSE(d.about.empty());
  std::set<std::string> values;
  for (const DisagreementValue& v : d.values) {
    values.insert(v.value);
    EXPECT_EQ(View(v.evidence), v.value);
  }
  EXPECT_EQ(values, (std::set<std::string>{"2,000", "5,000"}));
}

TEST_F(CompareTest, HeadlineFraming) {
  ASSERT_EQ(c_.headlines.size(), 2u);
  for (const HeadlineFraming& h : c_.headlines) {
    ASSERT_TRUE(h.evidence.has_value());
    EXPECT_EQ(View(*h.evidence), articles_[h.article].headline);
  }
  auto has = [](const HeadlineFraming& h, const std::string& t) {
    return std::find(h.terms.begin(), h.terms.end(), t) != h.terms.end();
  };
  EXPECT_TRUE(has(c_.headlines[0], "clear"));
  EXPECT_TRUE(has(c_.headlines[1], "defy"));
  EXPECT_FALSE(has(c_.headlines[0], "police") && has(c_.headlines[1], "police"));
}

TEST_F(CompareTest, ScareQuotesAndHedges) {
  const OutletWording& ledger = Wording("Northern Ledger");
  ASSERT_EQ(ledger.scare_quotes.size(), 1u);
  EXPECT_EQ(View(ledger.scare_quotes[0]), "\"green corridor\"");
  std::set<std::string> hedges;
  for (const Evidence& e : Wording("Coastal Courier").hedges) hedges.insert(std::string(View(e)));
  EXPECT_TRUE(hedges.count("reportedly"));
  EXPECT_TRUE(hedges.count("allegedly"));
  std::set<std::string> ledger_hedges;
  for (const Evidence& e : ledger.hedges) ledger_hedges.insert(std::string(View(e)));
  EXPECT_TRUE(ledger_hedges.count("so-called"));
}

TEST_F(CompareTest, AttributionVerbsFromQuoteCues) {
  bool said = false;
  for (const VerbCount& v : Wording("Coastal Courier").attribution) said |= v.verb == "said";
  EXPECT_TRUE(said);
}

TEST_F(CompareTest, JsonIsTheDocumentedRecord) {
  std::string json = ComparisonToJson(c_, articles_, false);
  nlohmann::json j = nlohmann::json::parse(json);
  EXPECT_EQ(j["schema"], "parallax.comparison/1");
  EXPECT_TRUE(j["story"].is_null());
  ASSERT_EQ(j["articles"].size(), 2u);
  for (const auto& c : j["claims"]) {
    for (const auto& e : c["evidence"]) {
      const std::string& text =
          j["articles"][e["article"].get<size_t>()]["text"].get_ref<const std::string&>();
      ASSERT_LE(e["start"].get<size_t>(), e["end"].get<size_t>());
      ASSERT_LE(e["end"].get<size_t>(), text.size());
    }
  }
  for (const char* key :
       {"quotes", "voices", "omissions", "wording", "disagreements", "headlines", "warnings"})
    EXPECT_TRUE(j[key].is_array()) << key;
  // Ids are stable across runs.
  Result<Comparison> again = Compare(articles_, CompareOptions{});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(ComparisonToJson(*again, articles_, false), json);
}

TEST_F(CompareTest, MarkdownFitsHundredColumns) {
  std::string md = ComparisonToMarkdown(c_, articles_);
  EXPECT_NE(md.find("## Headlines"), std::string::npos);
  EXPECT_NE(md.find("Shared claims"), std::string::npos);
  std::istringstream in(md);
  std::string line;
  while (std::getline(in, line)) {
    size_t width = 0;
    for (unsigned char ch : line) width += (ch & 0xC0) != 0x80;
    // A single word longer than the line may overflow; none here is.
    EXPECT_LE(width, 100u) << line;
  }
}

TEST(CompareEdgeTest, NoArticlesIsAnError) {
  Result<Comparison> c = Compare({}, CompareOptions{});
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
}

TEST(CompareEdgeTest, TooManyArticlesIsAnError) {
  std::vector<Article> articles(3);
  CompareOptions options;
  options.max_articles = 2;
  Result<Comparison> c = Compare(articles, options);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kResourceExhausted);
}

// Odd inputs never crash and keep every span inside its article.
TEST(CompareEdgeTest, OddTextsKeepSpansInRange) {
  const char* texts[] = {
      "",
      "   \n\n  \t ",
      "Headline only\n",
      "Title\n\nA\xC2\xA0sentence\xC2\xA0with\xC2\xA0no-break spaces and \xE2\x80\x9C"
      "curly quotes\xE2\x80\x9D in it today.\n",
      "\xD7\x9B\xD7\x95\xD7\xAA\xD7\xA8\xD7\xAA\n\n\xD7\x96\xD7\x95 "
      "\xD7\xA4\xD7\xA1\xD7\xA7\xD7\x94 "
      "\xD7\x91\xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA \xD7\xA2\xD7\x9C "
      "\xD7\x94\xD7\xA2\xD7\x99\xD7"
      "\xA8.\n",
      "\xE6\xA0\x87\xE9\xA2\x98\n\n\xE8\xBF\x99\xE6\x98\xAF\xE4\xB8\x80\xE4\xB8\xAA\xE5\x8F\xA5\xE5"
      "\xAD\x90\xE3\x80\x82\xE5\x8F\xA6\xE4\xB8\x80\xE4\xB8\xAA\xE5\x8F\xA5\xE5\xAD\x90\xE3\x80\x82"
      "\n",
      "Cafe\xCC\x81 news\n\nThe cafe\xCC\x81 opened on Monday, and it sold 200 cups; the owner "
      "said 'great' things.\n",
  };
  std::vector<Article> articles;
  int n = 0;
  for (const char* t : texts) {
    AnalyzeOptions options;
    options.outlet = "Outlet " + std::to_string(n % 3);
    Result<Article> a = AnalyzeBytes(t, "odd" + std::to_string(n++), options);
    if (a.ok()) articles.push_back(std::move(a).value());
  }
  ASSERT_FALSE(articles.empty());
  Result<Comparison> c = Compare(articles, CompareOptions{});
  ASSERT_TRUE(c.ok());
  auto check = [&](const Evidence& e) {
    ASSERT_LT(e.article, articles.size());
    EXPECT_LE(e.span.start, e.span.end);
    EXPECT_LE(e.span.end, articles[e.article].text.size());
  };
  for (const ClaimGroup& g : c->claims)
    for (const Evidence& e : g.evidence) check(e);
  for (const OutletWording& w : c->wording) {
    for (const Evidence& e : w.hedges) check(e);
    for (const Evidence& e : w.scare_quotes) check(e);
  }
  nlohmann::json j = nlohmann::json::parse(ComparisonToJson(*c, articles, true));
  EXPECT_EQ(j["articles"].size(), articles.size());
  EXPECT_FALSE(ComparisonToMarkdown(*c, articles).empty());
}

TEST(CompareEdgeTest, OneOutletIsAWarning) {
  AnalyzeOptions options;
  options.outlet = "Solo";
  Result<Article> a = AnalyzeBytes(kLedger, "a.txt", options);
  ASSERT_TRUE(a.ok());
  std::vector<Article> articles{*a};
  Result<Comparison> c = Compare(articles, CompareOptions{});
  ASSERT_TRUE(c.ok());
  ASSERT_FALSE(c->warnings.empty());
  for (const ClaimGroup& g : c->claims) EXPECT_EQ(g.status, ClaimStatus::kUnique);
}

// Sentence splitting into claims, table-driven: the parts each case yields.
TEST(SplitTest, ClauseJoints) {
  struct Case {
    std::string sentence;
    std::vector<std::string> parts;
  };
  const Case cases[] = {
      {"The mayor resigned on Monday; the council will meet on Friday to choose a successor.",
       {"The mayor resigned on Monday", "the council will meet on Friday to choose a successor."}},
      {"The bridge reopened after four months, and the ferry service was cancelled the same day.",
       {"The bridge reopened after four months", "the ferry service was cancelled the same day."}},
      // ", and" without a new subject joins a list, not two facts.
      {"The bridge reopened with new lights, and wider lanes for cyclists and buses.",
       {"The bridge reopened with new lights, and wider lanes for cyclists and buses."}},
      {"Exports rose by a third in the spring, while imports fell for the second month running.",
       {"Exports rose by a third in the spring", "imports fell for the second month running."}},
      // Inside quotation marks nothing is split (straight and curly).
      {"\"We came early; we leave late and we stay together,\" the organiser said.",
       {"\"We came early; we leave late and we stay together,\" the organiser said."}},
      {"\xE2\x80\x9CWe came early; we leave late,\xE2\x80\x9D the organiser said to the crowd.",
       {"\xE2\x80\x9CWe came early; we leave late,\xE2\x80\x9D the organiser said to the crowd."}},
      // Too short a part: no split.
      {"It rained; the festival went ahead on the main square anyway.",
       {"It rained; the festival went ahead on the main square anyway."}},
      {"", {}},
      {"   ", {}},
  };
  for (const Case& c : cases) {
    std::vector<compare::ClaimUnit> units =
        compare::SplitSentence(c.sentence, Span{0, static_cast<uint32_t>(c.sentence.size())});
    std::vector<std::string> parts;
    for (const compare::ClaimUnit& u : units)
      parts.push_back(c.sentence.substr(u.span.start, u.span.size()));
    EXPECT_EQ(parts, c.parts) << c.sentence;
  }
}

TEST(SplitTest, RelativeClauseIsItsOwnClaim) {
  std::string s =
      "Members of the harbour union, who started a series of rallies at the town hall on "
      "Monday, blocked the main road on Sunday.";
  std::vector<compare::ClaimUnit> units =
      compare::SplitSentence(s, Span{0, static_cast<uint32_t>(s.size())});
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0].span.size(), s.size());  // the main claim: the whole sentence as evidence
  EXPECT_EQ(units[0].features, "Members of the harbour union blocked the main road on Sunday.");
  EXPECT_EQ(s.substr(units[1].span.start, units[1].span.size()),
            "who started a series of rallies at the town hall on Monday");
  EXPECT_EQ(units[1].features,
            "Members of the harbour union started a series of rallies at the town hall on Monday");
}

TEST(SplitTest, ProtectedSpansAreNotSplit) {
  std::string s = "Our ships are ready, and the crews have been trained for many months now.";
  Span all{0, static_cast<uint32_t>(s.size())};
  EXPECT_EQ(compare::SplitSentence(s, all).size(), 2u);
  std::vector<Span> protect{all};
  EXPECT_EQ(compare::SplitSentence(s, all, 4, protect).size(), 1u);
}

TEST(SplitTest, OnlyBodyBlocks) {
  Article a;
  a.text =
      "Headline words here now\n\nBody sentence with enough words.\n\nDonate to us now please.";
  a.blocks = {{BlockRole::kHeadline, {0, 23}, "", std::nullopt},
              {BlockRole::kBody, {25, 58}, "", std::nullopt},
              {BlockRole::kBoilerplate, {60, 84}, "donation appeal", std::nullopt}};
  a.sentences = {{{0, 23}}, {{25, 58}}, {{60, 84}}};
  std::vector<Span> body = compare::BodySentences(a);
  ASSERT_EQ(body.size(), 1u);
  EXPECT_EQ(a.View(body[0]), "Body sentence with enough words.");
}

}  // namespace
}  // namespace parallax
