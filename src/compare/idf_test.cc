#include "src/compare/idf.h"

#include <gtest/gtest.h>

#include "src/compare/claim.h"
#include "src/compare/wordnet.h"

namespace parallax::compare {
namespace {

TEST(IdfTableTest, RareTermsWeighMore) {
  IdfTable idf;
  idf.AddText("The council of Brennick met on Monday.", "en");
  idf.AddText("The council of Lowmere met on Tuesday.", "en");
  idf.AddText("The ferry to Brennick sank.", "en");
  EXPECT_EQ(idf.documents(), 3u);
  uint64_t the = TermId("the"), council = TermId("council"), ferry = TermId("ferri");
  EXPECT_EQ(idf.DocumentFrequency(the), 3u);
  EXPECT_EQ(idf.DocumentFrequency(council), 2u);
  EXPECT_EQ(idf.DocumentFrequency(ferry), 1u);  // Snowball: "ferry" -> "ferri"
  EXPECT_DOUBLE_EQ(idf.Weight(the), 1.0);
  EXPECT_LT(idf.Weight(the), idf.Weight(council));
  EXPECT_LT(idf.Weight(council), idf.Weight(ferry));
  EXPECT_LT(idf.Weight(ferry), idf.Weight(TermId("never-seen")));
}

TEST(IdfTableTest, RepeatsCountOncePerDocument) {
  IdfTable idf;
  uint64_t terms[] = {1, 1, 2, 1};
  idf.AddDocument(terms);
  EXPECT_EQ(idf.DocumentFrequency(1), 1u);
  EXPECT_EQ(idf.DocumentFrequency(2), 1u);
  EXPECT_EQ(idf.terms(), 2u);
}

TEST(IdfTableTest, EmptyTableWeighsEverythingOne) {
  IdfTable idf;
  EXPECT_DOUBLE_EQ(idf.Weight(TermId("anything")), 1.0);
  idf.AddText("", "en");
  idf.AddText("   \u00a0 ", "en");
  EXPECT_EQ(idf.documents(), 2u);
  EXPECT_EQ(idf.terms(), 0u);
}

TEST(IdfTableTest, SerializeRoundTrip) {
  IdfTable idf;
  idf.AddText("Ferries to Brennick were cancelled.", "en");
  idf.AddText("Паромы в Бреннике отменены.", "ru");
  idf.AddText("布伦尼克渡轮停航", "");
  std::string text = idf.Serialize();
  EXPECT_EQ(text.rfind("parallax.idf/1\t3\n", 0), 0u);
  Result<IdfTable> back = IdfTable::Parse(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->documents(), 3u);
  EXPECT_EQ(back->terms(), idf.terms());
  EXPECT_EQ(back->Serialize(), text);
  EXPECT_DOUBLE_EQ(back->Weight(TermId("brennick")), idf.Weight(TermId("brennick")));
}

TEST(IdfTableTest, ParseRejectsBadInput) {
  const char* bad[] = {
      "",                                          // no header
      "idf\t3\n",                                  // wrong header
      "parallax.idf/1\tx\n",                       // not a number
      "parallax.idf/1\t3\n00000000000000zz\t1\n",  // not hex
      "parallax.idf/1\t3\n0000000000000001\t4\n",  // df > documents
      "parallax.idf/1\t3\n00000000000001\t1\n",    // short key
      "parallax.idf/1\t3\n0000000000000001 1\n",   // no tab
  };
  for (const char* text : bad) {
    Result<IdfTable> r = IdfTable::Parse(text);
    EXPECT_FALSE(r.ok()) << text;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    }
  }
  EXPECT_TRUE(IdfTable::Parse("parallax.idf/1\t0\n").ok());
}

TEST(IdfTableTest, FromWordNetGlosses) {
  Result<std::unique_ptr<WordNet>> wn =
      WordNet::Load(std::string(PARALLAX_SOURCE_DIR) + "/testdata/wordnet-mini");
  ASSERT_TRUE(wn.ok());
  IdfTable idf = IdfTable::FromWordNetGlosses(**wn);
  EXPECT_EQ(idf.documents(), 18u);
  // "a" opens many glosses; "buses" only one.
  EXPECT_LT(idf.Weight(TermId("a")), idf.Weight(TermId("bus")));
}

}  // namespace
}  // namespace parallax::compare
