// Featurize: dates, position weights, stop words, the capitalised-word entity proxy, real
// entities, numbers, and edge-case inputs.
#include "src/stories/features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "src/text/tokens.h"

namespace parallax::stories {
namespace {

Article Make(const std::string& text, const std::string& headline = "") {
  Article a;
  a.id = "x";
  a.text = text;
  a.headline = headline;
  a.language = "en";
  a.blocks.push_back(
      {BlockRole::kBody, Span{0, static_cast<uint32_t>(text.size())}, "", std::nullopt});
  return a;
}

bool Has(const ArticleFeatures& f, const std::string& text) {
  return std::find(f.term_text.begin(), f.term_text.end(), text) != f.term_text.end();
}

float WeightOf(const ArticleFeatures& f, TermKind kind, const std::string& form) {
  uint64_t key = TermKey(kind, form);
  for (const Term& t : f.terms)
    if (t.key == key) return t.weight;
  return 0;
}

ArticleFeatures Feat(const Article& a) {
  FeatureOptions o;
  o.keep_term_text = true;
  return Featurize(a, o);
}

TEST(ParseDayTest, Table) {
  struct Case {
    const char* iso;
    std::optional<int32_t> day;
  } cases[] = {
      {"1970-01-01", 0},
      {"1970-01-02T10:00", 1},
      {"2000-03-01", 11017},
      {"2023-12-25T18:21", 19716},
      {"1969-12-31", -1},
      {"", std::nullopt},
      {"2023-13-01", std::nullopt},
      {"2023-1-01", std::nullopt},
      {"yesterday", std::nullopt},
      {"2023-12-00", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseDay(c.iso), c.day) << c.iso;
}

TEST(FeaturizeTest, TermsSortedUniqueAndPositive) {
  ArticleFeatures f = Feat(Make("The ferry capsized near Kellbrook. The ferry sank."));
  ASSERT_FALSE(f.terms.empty());
  for (size_t i = 1; i < f.terms.size(); ++i) EXPECT_LT(f.terms[i - 1].key, f.terms[i].key);
  for (const Term& t : f.terms) EXPECT_GT(t.weight, 0);
  EXPECT_EQ(f.term_text.size(), f.terms.size());
}

TEST(FeaturizeTest, StopWordsDropped) {
  ArticleFeatures f = Feat(Make("The officials said that it was there."));
  EXPECT_FALSE(Has(f, "w:the"));
  EXPECT_FALSE(Has(f, "w:said"));
  EXPECT_FALSE(Has(f, "w:that"));
}

TEST(FeaturizeTest, HeadlineWeighsMoreThanBody) {
  ArticleFeatures f = Feat(Make("A storm hit the coast. Bridges closed.", "Harbour flooded"));
  float headline = WeightOf(f, TermKind::kWord, text::Stem("harbour", "en"));
  float body = WeightOf(f, TermKind::kWord, text::Stem("bridges", "en"));
  EXPECT_GT(headline, body);
  EXPECT_GT(body, 0);
}

TEST(FeaturizeTest, TailWeighsLessThanLead) {
  std::string text = "Glacier ";
  for (int i = 0; i < 500; ++i) text += "filler" + std::to_string(i % 7) + " ";
  text += "moraine.";
  ArticleFeatures f = Feat(Make(text));
  EXPECT_GT(WeightOf(f, TermKind::kWord, text::Stem("glacier", "en")),
            WeightOf(f, TermKind::kWord, text::Stem("moraine", "en")));
}

TEST(FeaturizeTest, CapitalisedProxyEntities) {
  ArticleFeatures f =
      Feat(Make("Rescuers searched all night, said Mara Velkova of the coastguard. "
                "Velkova added that Kellbrook divers had joined. Storms are common."));
  EXPECT_TRUE(Has(f, "e:mara velkova"));
  EXPECT_TRUE(Has(f, "e:mara"));
  EXPECT_TRUE(Has(f, "e:velkova"));    // sentence-initial, but capitalised mid-sentence too
  EXPECT_TRUE(Has(f, "e:kellbrook"));  // mid-sentence
  EXPECT_FALSE(Has(f, "e:storms"));    // sentence-initial only
  EXPECT_FALSE(Has(f, "e:rescuers"));
}

TEST(FeaturizeTest, LowerCaseTextHasNoProxyEntities) {
  ArticleFeatures f = Feat(Make("rescuers searched all night, said mara velkova of kellbrook."));
  for (const std::string& t : f.term_text) EXPECT_NE(t.substr(0, 2), "e:") << t;
  EXPECT_TRUE(Has(f, "w:velkova"));
}

TEST(FeaturizeTest, ArticleEntitiesReplaceTheProxy) {
  Article a = Make("Rescuers searched all night, said Mara Velkova of the coastguard.");
  Entity e;
  e.id = "e1";
  e.name = "Mara Velkova";
  e.key = "velkova";
  e.mentions.push_back(Span{34, 46});
  a.entities.push_back(e);
  ArticleFeatures f = Feat(a);
  EXPECT_TRUE(Has(f, "e:velkova"));
  EXPECT_FALSE(Has(f, "e:mara velkova"));
}

TEST(FeaturizeTest, NumbersAreFeatures) {
  ArticleFeatures f = Feat(Make("The blaze burned 12,000 hectares and 3 homes in 2021."));
  EXPECT_TRUE(Has(f, "n:12000"));
  EXPECT_TRUE(Has(f, "n:2021"));
  EXPECT_FALSE(Has(f, "n:3"));
  EXPECT_GT(WeightOf(f, TermKind::kNumber, "12000"), WeightOf(f, TermKind::kWord, "blaze"));
}

TEST(FeaturizeTest, DayFromPublishedThenHints) {
  Article a = Make("Text.");
  a.hints.date = "2020-01-02";
  EXPECT_EQ(Featurize(a).day, ParseDay("2020-01-02"));
  a.published = Published{"2021-05-06T10:00", "test", 1};
  EXPECT_EQ(Featurize(a).day, ParseDay("2021-05-06"));
  a.published.reset();
  a.hints.date = "";
  EXPECT_EQ(Featurize(a).day, std::nullopt);
}

TEST(FeaturizeTest, LabelIsTheHeadlineOrTheFirstLine) {
  EXPECT_EQ(Featurize(Make("Body text here.", "The  headline\n")).headline, "The headline");
  EXPECT_EQ(Featurize(Make("First line of the body.\nSecond.")).headline,
            "First line of the body. Second.");
  std::string long_text(500, 'x');
  long_text += "\xC3\xA9";  // a two-byte letter past the cut
  EXPECT_LE(Featurize(Make(long_text)).headline.size(), 200u);
}

TEST(FeaturizeTest, EdgeCaseInputs) {
  struct Case {
    const char* name;
    const char* text;
    bool empty;
  } cases[] = {
      {"empty", "", true},
      {"white space only", " \n\t ", true},
      {"NBSP", "\xC2\xA0\xC2\xA0", true},
      {"curly quotes", "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the mayor said.", false},
      {"CJK", "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAE\xE5\xA4\xA9\xE6\xB0\x97", false},
      {"RTL", "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D", false},
      {"combining marks", "Minister Vuc\xCC\x8Cic\xCC\x81 arrived in Belgrade", false},
  };
  for (const Case& c : cases) {
    ArticleFeatures f = Featurize(Make(c.text));
    EXPECT_EQ(f.terms.empty(), c.empty) << c.name;
    EXPECT_EQ(f.signature.empty(), c.empty) << c.name;
  }
}

TEST(FeaturizeTest, NoBlocksReadsTheWholeText) {
  Article a;
  a.id = "y";
  a.language = "en";
  a.text = "Glacier moraine survey";
  EXPECT_FALSE(Featurize(a).terms.empty());
}

TEST(FeaturizeTest, MaxTermsKeepsTheHeaviest) {
  std::string text;
  for (int i = 0; i < 100; ++i)
    text += "word" + std::string(1, 'a' + i % 26) + std::string(1, 'a' + i / 26) + " ";
  FeatureOptions o;
  o.max_terms = 10;
  EXPECT_EQ(Featurize(Make(text, "Glacier"), o).terms.size(), 10u);
  EXPECT_GT(
      WeightOf(Featurize(Make(text, "Glacier"), o), TermKind::kWord, text::Stem("glacier", "en")),
      0);
}

}  // namespace
}  // namespace parallax::stories
