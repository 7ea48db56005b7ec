#include "src/extract/repetition.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/extract/text_extractor.h"

namespace parallax::extract {
namespace {

Article Make(const std::string& text, const std::string& outlet) {
  Article a;
  a.text = text;
  a.hints.outlet = outlet;
  ExtractFromText(&a);
  return a;
}

std::string RoleOf(const Article& a, const std::string& needle) {
  size_t at = a.text.find(needle);
  for (const Block& b : a.blocks)
    if (b.span.start <= at && at < b.span.end)
      return std::string(BlockRoleName(b.role)) + (b.reason.empty() ? "" : ": " + b.reason);
  return "<none>";
}

std::string Story(const std::string& headline, const std::string& body) {
  return headline + "\n\n" + body +
         "\n\nFollow the Lantern on Telegram for the latest news from the valley.\n";
}

TEST(RepetitionModel, LearnsOutletFurniture) {
  std::vector<Article> batch = {
      Make(Story("Bridge reopens after repairs",
                 "The old bridge in Millbrook reopened on "
                 "Monday after six months of repairs."),
           "Lantern"),
      Make(Story("School gets new roof",
                 "Pupils at Fernside school returned on Tuesday to a "
                 "building with a brand new roof."),
           "Lantern"),
      Make(Story("Bakery wins county prize",
                 "A family bakery in Ashby won the county bread "
                 "prize on Wednesday for its rye loaf."),
           "Lantern"),
  };
  RepetitionModel model;
  for (const Article& a : batch) model.Observe(a);
  model.Observe(batch[0]);  // the same article again is not a new witness
  for (Article& a : batch) {
    EXPECT_EQ(model.Apply(&a), 1);
    EXPECT_EQ(RoleOf(a, "Follow the Lantern"), "boilerplate: repeated in 3 articles of Lantern");
    EXPECT_EQ(a.Body().find("Telegram"), std::string::npos);
  }
  EXPECT_EQ(RoleOf(batch[1], "Pupils at Fernside"), "body");
  EXPECT_EQ(RoleOf(batch[1], "School gets new roof"), "headline");
}

// Thousands of distinct lines across several outlets grow the count table many times over;
// counts must survive every growth and stay per outlet. The signature line repeats in three
// articles of one outlet only; the other outlet's lone copy is not enough there.
TEST(RepetitionModel, CountsSurviveTableGrowthAndStayPerOutlet) {
  RepetitionModel model;
  std::vector<Article> articles;
  for (int i = 0; i < 1500; ++i) {
    std::string body;
    for (int k = 0; k < 6; ++k)
      body += "Line " + std::to_string(i) + "-" + std::to_string(k) +
              " of a report on the harbour works and the tides.\n\n";
    if (i == 10 || i == 700 || i == 1490) body += "Sent from the Ledger wire desk.\n";
    if (i == 11) body += "Sent from the Ledger wire desk.\n";
    articles.push_back(Make("Harbour report " + std::to_string(i) + "\n\n" + body,
                            i == 11 ? "Beacon" : (i % 3 == 0 ? "Ledger" : "Ledger")));
  }
  for (const Article& a : articles) model.Observe(a);
  for (Article& a : articles) model.Apply(&a);
  EXPECT_EQ(RoleOf(articles[10], "Sent from the Ledger"),
            "boilerplate: repeated in 3 articles of Ledger");
  EXPECT_EQ(RoleOf(articles[1490], "Sent from the Ledger"),
            "boilerplate: repeated in 3 articles of Ledger");
  EXPECT_EQ(RoleOf(articles[11], "Sent from the Ledger"), "body");
  EXPECT_EQ(RoleOf(articles[500], "Line 500-3"), "body");
}

TEST(RepetitionModel, NeedsEnoughArticlesOfTheSameOutlet) {
  Article a =
      Make(Story("Bridge reopens", "The old bridge reopened on Monday after repairs."), "Lantern");
  Article b =
      Make(Story("School gets roof", "Pupils returned on Tuesday to a new roof today."), "Lantern");
  Article c = Make(Story("Bakery wins", "A family bakery won the county bread prize today."),
                   "Other Paper");
  RepetitionModel model;
  model.Observe(a);
  model.Observe(b);
  model.Observe(c);
  EXPECT_EQ(model.Apply(&a), 0);
  EXPECT_EQ(model.Apply(&c), 0);
  Article none = Make(Story("No outlet", "Text without an outlet is never counted here."), "");
  model.Observe(none);
  EXPECT_EQ(model.Apply(&none), 0);
}

TEST(RepetitionModel, WireCopiesKeepSharedSentences) {
  const std::string shared1 =
      "The regional parliament voted on Thursday to extend the fishing season by two weeks, "
      "officials said.";
  const std::string shared2 =
      "The decision followed months of talks between the ministry and local crews.";
  const std::string shared3 = "Environmental groups criticised the vote as short-sighted.";
  std::vector<Article> batch;
  for (int i = 0; i < 3; ++i) {
    std::string text = "Fishing season extended" + std::string(i, '!') + "\n\n" + shared1 + "\n\n" +
                       shared2 + "\n\n" + shared3 + "\n";
    batch.push_back(Make(text, "Wire Desk"));
  }
  RepetitionModel model;
  for (const Article& a : batch) model.Observe(a);
  for (Article& a : batch) {
    EXPECT_EQ(model.Apply(&a), 0);
    EXPECT_EQ(RoleOf(a, "The regional parliament"), "body");
  }
}

TEST(RepetitionModel, LastBodyRelabelledWarns) {
  std::vector<Article> batch;
  for (int i = 0; i < 3; ++i) {
    batch.push_back(
        Make("The valley desk will post updates here." + std::string(i, ' '), "Lantern"));
  }
  EXPECT_EQ(RoleOf(batch[0], "The valley desk"), "body");
  RepetitionModel model;
  for (const Article& a : batch) model.Observe(a);
  Article a = batch[0];
  EXPECT_EQ(model.Apply(&a), 1);
  bool warned = false;
  for (const std::string& w : a.warnings) warned |= w == "no body found";
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace parallax::extract
