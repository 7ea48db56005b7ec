// ExtractFromText's per-block fold hashes must equal what the repetition pass would compute
// itself, Hash64(FoldText(block text)), for every block shape: whole lines, paragraphs of
// several lines, pieces of a line (dateline + body, byline + stamp, caption + credit).
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "src/base/hash.h"
#include "src/extract/lexicon.h"
#include "src/extract/repetition.h"
#include "src/extract/text_extractor.h"

namespace parallax::extract {
namespace {

void ExpectHashesMatch(const std::string& text, const std::string& title, const std::string& what) {
  Article a;
  a.text = text;
  a.hints.title = title;
  a.hints.outlet = "Lantern";
  std::vector<uint64_t> hashes;
  ExtractFromText(&a, &hashes);
  ASSERT_EQ(hashes.size(), a.blocks.size()) << what;
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    std::string folded = FoldText(a.View(a.blocks[i].span));
    uint64_t want = folded.empty() ? 0 : Hash64(folded);
    EXPECT_EQ(hashes[i], want) << what << ": block " << i << " \"" << a.View(a.blocks[i].span)
                               << "\"";
  }
  // And the keys built from them are the keys the model would build itself.
  RepetitionModel::ArticleKeys from_hashes = RepetitionModel::Keys(a, hashes);
  RepetitionModel::ArticleKeys direct = RepetitionModel::Keys(a);
  EXPECT_EQ(from_hashes.article, direct.article) << what;
  EXPECT_EQ(from_hashes.blocks, direct.blocks) << what;
}

TEST(FoldHashes, BlockShapes) {
  struct Case {
    const char* name;
    const char* text;
    const char* title;
  };
  const Case kCases[] = {
      {"empty", "", ""},
      {"whitespace only", "  \n\t\n\xC2\xA0\n", ""},
      {"one line", "Bridge reopens after repairs", ""},
      {"paragraph of wrapped lines",
       "Bridge reopens after repairs\n\nThe old bridge in Millbrook reopened on Monday\nafter "
       "six months of repairs, the council said.\n  It cost more than planned.  \n\nFollow us "
       "on Telegram.\n",
       ""},
      {"dateline piece",
       "Harbor storm closes port\n\nPORTVALE, March 3 (Lantern) - The port of Portvale closed "
       "on Tuesday as a storm hit the coast.\nShips waited offshore for hours.\n\nMore later.",
       ""},
      {"byline and stamp",
       "Council vote ends in a tie\nBy Jane Doe | March 3, 2024, 10:15\n\nThe council voted "
       "twice on Monday without a result, the clerk said after the meeting.\n",
       ""},
      {"caption and credit",
       "Flood waters recede in the valley\n\nA tractor pulls a car from the water. Photo: Ivo "
       "Ranic / Lantern\n\nThe water fell by a metre overnight, the river authority said on "
       "Sunday morning.\n",
       ""},
      {"NBSP, curly apostrophe, combining mark, CJK",
       "Mayor\xE2\x80\x99s plan wins\xC2\xA0vote\n\nThe mayor\xE2\x80\x99s plan for "
       "Cafe\xCC\x81 Row won\xE2\x80\x83the vote on Monday, officials said in a statement.\n"
       "\xE5\xB8\x82\xE9\x95\xBF\xE7\x9A\x84\xE8\xAE\xA1\xE5\x88\x92\xE3\x80\x82\n",
       "Mayor's plan wins vote"},
      {"title hint", "Menu\n\nBridge reopens | Lantern\n\nThe bridge reopened on Monday.\n",
       "Bridge reopens"},
  };
  for (const Case& c : kCases) ExpectHashesMatch(c.text, c.title, c.name);
}

TEST(FoldHashes, GoldenFixtures) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(PARALLAX_SOURCE_DIR) / "testdata/golden/text";
  std::error_code ec;
  int n = 0;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ExpectHashesMatch(text.str(), "", entry.path().filename().string());
    ++n;
  }
  EXPECT_GE(n, 30);
}

}  // namespace
}  // namespace parallax::extract
