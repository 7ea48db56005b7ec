#include "src/extract/lexicon.h"

#include <gtest/gtest.h>

#include <string>

namespace parallax::extract {
namespace {

TEST(FoldText, CaseAccentsPunctuationAndSpace) {
  EXPECT_EQ(FoldText("  Café  NOIR!"), "cafe noir");
  EXPECT_EQ(FoldText("Leer MÁS →"), "leer mas");
  EXPECT_EQ(FoldText("ЧИТАЙТЕ ТАКЖЕ: Ёлка"), "читайте также елка");
  EXPECT_EQ(FoldText("Unterstützen Sie uns"), "unterstutzen sie uns");
  EXPECT_EQ(FoldText("don't"), "dont");
  EXPECT_EQ(FoldText("don\xE2\x80\x99t"), "dont");
  EXPECT_EQ(FoldText("ad-free\xC2\xA0"
                     "content"),
            "ad free content");
  EXPECT_EQ(FoldText("Cafe\xCC\x81"), "cafe");  // combining acute dropped
  EXPECT_EQ(FoldText(""), "");
  EXPECT_EQ(FoldText(" \xE2\x86\x92 \xC3\x97 "), "");
  EXPECT_EQ(FoldText("\xE6\x96\xB0\xE9\x97\xBB"), "\xE6\x96\xB0\xE9\x97\xBB");  // CJK kept
}

// The byte-by-byte definition of folding for ASCII text: letters and digits make tokens
// (letters lower-cased), an apostrophe between a token and a lower-case letter is dropped,
// every other byte separates tokens.
std::string AsciiFoldReference(const std::string& s) {
  std::string out;
  bool in_token = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      if (c == '\'' && in_token && i + 1 < s.size() && s[i + 1] >= 'a' && s[i + 1] <= 'z') continue;
      in_token = false;
      continue;
    }
    if (!in_token && !out.empty()) out.push_back(' ');
    in_token = true;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return out;
}

// Words of every length around the 16-byte steps of the ASCII fast path, at every offset,
// with every kind of byte after them (including bytes of multi-byte characters).
// Every code point with the lead byte E2 (U+2000..U+2FFF), which folding takes on a fast path
// for U+2000..U+2BFF: punctuation and symbols separate words, a right single quote before a
// lower-case letter is an apostrophe, and U+2C00.. (letters of other scripts) stay in the word.
TEST(FoldText, ThreeByteE2CharactersBetweenWords) {
  for (char32_t c = 0x2000; c <= 0x2FFF; ++c) {
    std::string ch = {static_cast<char>(0xE0 | (c >> 12)),
                      static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                      static_cast<char>(0x80 | (c & 0x3F))};
    std::string want;
    if (c == 0x2019) {
      want = "abcd";
    } else if (c <= 0x2BFF) {
      want = "ab cd";
    } else {
      want = "ab" + ch + "cd";
    }
    EXPECT_EQ(FoldText("ab" + ch + "cd"), want) << std::hex << static_cast<uint32_t>(c);
    EXPECT_EQ(FoldText("AB" + ch), c <= 0x2BFF ? "ab" : "ab" + ch)
        << std::hex << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(FoldText("it\xE2\x80\x99S"), "it s");  // apostrophe only before lower case
  // Cut or malformed E2 sequences take the general decoder, whatever comes next.
  for (std::string bad : {"ab\xE2", "ab\xE2\x80", "ab\xE2 cd", "ab\xE2\x80 cd",
                          "ab\xE2\xC0\x80"
                          "cd",
                          "ab\xE2\x80\x41"
                          "cd"}) {
    std::string folded = FoldText(bad);
    EXPECT_EQ(folded.substr(0, 2), "ab") << bad;
  }
}

TEST(FoldText, AsciiRunsOfEveryLengthMatchByteLoop) {
  const std::string pool = "aZ09mQ";
  const std::string after[] = {" ", "-", "'s", "'S", "\xC3\xA9", "\xE2\x80\x94", "", "\n", "_"};
  for (size_t lead = 0; lead < 3; ++lead) {
    for (size_t len = 1; len <= 40; ++len) {
      for (const std::string& tail : after) {
        std::string word;
        for (size_t k = 0; k < len; ++k) word.push_back(pool[(k * 7 + len) % pool.size()]);
        std::string s = std::string(lead, ' ') + word + tail + "Next" + word;
        if ((static_cast<unsigned char>(tail.empty() ? 'a' : tail[0])) < 0x80) {
          EXPECT_EQ(FoldText(s), AsciiFoldReference(s)) << s;
        } else {
          // Non-ASCII separators (é is a letter: it folds to e and joins the word).
          std::string expect = AsciiFoldReference(std::string(lead, ' ') + word);
          std::string got = FoldText(s);
          EXPECT_EQ(got.substr(0, expect.size()), expect) << s;
        }
      }
    }
  }
}

TEST(FoldText, RandomAsciiMatchesByteLoop) {
  const std::string alphabet = "abcxyzABCXYZ0189 '-.,\t\n_@";
  uint32_t state = 12345;
  for (int round = 0; round < 3000; ++round) {
    std::string s(round % 97, ' ');
    for (char& c : s) {
      state = state * 1103515245u + 12345u;
      // Long letter runs are what the 16-byte path handles: favour letters.
      c = alphabet[(state >> 16) % 4 == 0 ? (state >> 8) % alphabet.size() : (state >> 8) % 12];
    }
    ASSERT_EQ(FoldText(s), AsciiFoldReference(s)) << s;
  }
}

// FoldLine's tokens are exactly the space-separated words of its fold, each with the class the
// word has on its own, on random lines mixing ASCII words and separators with apostrophes,
// accented letters, Cyrillic, curly quotes and dashes (the ASCII word-to-word path and the
// general path handing over to each other).
TEST(FoldLine, TokensAreTheWordsOfTheFold) {
  const std::string pieces[] = {"we",
                                "Support",
                                "US",
                                "the",
                                "x9",
                                "2024",
                                " ",
                                "  ",
                                ", ",
                                ".",
                                "'",
                                "'s",
                                "-",
                                "\t",
                                "(",
                                "http",
                                "www",
                                "\xC3\xA9",
                                "\xD0\x96\xD0\xB8",
                                "\xE2\x80\x99",
                                "\xE2\x80\x9C",
                                "\xE2\x80\x94",
                                "\xC2\xA0",
                                "abcdefghijklmnopqrstu"};
  uint32_t state = 99;
  FoldedLine f, one;
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    const int n = round % 40;
    for (int k = 0; k < n; ++k) {
      state = state * 1103515245u + 12345u;
      s += pieces[(state >> 8) % (sizeof(pieces) / sizeof(pieces[0]))];
    }
    FoldLine(s, &f);
    ASSERT_EQ(f.folded, FoldText(s)) << s;
    std::string joined;
    ASSERT_EQ(f.classes.size(), f.tokens.size());
    uint8_t all = 0;
    for (size_t i = 0; i < f.tokens.size(); ++i) {
      const std::string word(f.Token(i));
      ASSERT_FALSE(word.empty()) << s;
      ASSERT_EQ(word.find(' '), std::string::npos) << s;
      if (i > 0) joined += ' ';
      joined += word;
      FoldLine(word, &one);
      ASSERT_EQ(one.tokens.size(), 1u) << word;
      EXPECT_EQ(f.classes[i], one.classes[0]) << word;
      all |= f.classes[i];
    }
    EXPECT_EQ(joined, f.folded) << s;
    EXPECT_EQ(all, f.class_union) << s;
  }
}

Furniture Kind(const std::string& line) {
  FoldedLine f;
  FoldLine(line, &f);
  return MatchFurniture(f).kind;
}

bool Strong(const std::string& line) {
  FoldedLine f;
  FoldLine(line, &f);
  return MatchFurniture(f).strong;
}

struct Case {
  const char* line;
  Furniture kind;
};

TEST(MatchFurniture, Table) {
  const Case cases[] = {
      {"Read more on the site \xE2\x86\x92", Furniture::kReadMore},
      {"Читать далее", Furniture::kReadMore},
      {"Mehr lesen", Furniture::kReadMore},
      {"Lire la suite", Furniture::kReadMore},
      {"Leer más", Furniture::kReadMore},
      {"Related", Furniture::kRelated},
      {"Leggi anche", Furniture::kRelated},
      {"Czytaj tak\xC5\xBC"
       "e",
       Furniture::kRelated},
      {"Udost\xC4\x99pnij", Furniture::kShare},
      {"\xF0\x9F\x92\xAC 147 comments", Furniture::kComments},
      {"Zgadzam si\xC4\x99", Furniture::kCookie},
      {"Continuer sans accepter", Furniture::kCookie},
      {"Article r\xC3\xA9serv\xC3\xA9 aux abonn\xC3\xA9s", Furniture::kSubscription},
      {"Iscriviti alla newsletter del Corriere", Furniture::kNewsletter},
      {"Enditem", Furniture::kCopyright},
      {"Read Next", Furniture::kRelated},
      {"See also: Another story", Furniture::kRelated},
      {"По теме", Furniture::kRelated},
      {"Auch interessant", Furniture::kRelated},
      {"À lire aussi", Furniture::kRelated},
      {"Te puede interesar", Furniture::kRelated},
      {"Share", Furniture::kShare},
      {"Share Tweet Facebook WhatsApp", Furniture::kShare},
      {"Telegram VK", Furniture::kShare},
      {"Advertisement", Furniture::kAd},
      {"Реклама", Furniture::kAd},
      {"A Message from The Harbor Ledger:", Furniture::kAppealHeader},
      {"Dear readers,", Furniture::kAppealHeader},
      {"Support independent journalism", Furniture::kDonation},
      {"Поддержите нас", Furniture::kDonation},
      {"Unterstützen Sie uns", Furniture::kDonation},
      {"Soutenez-nous", Furniture::kDonation},
      {"Apóyanos", Furniture::kDonation},
      {"Monthly", Furniture::kPayment},
      {"Once", Furniture::kPayment},
      {"We use cookies to improve your experience on our website.", Furniture::kCookie},
      {"Sign up for our newsletter", Furniture::kNewsletter},
      {"12 Comments", Furniture::kComments},
      {"Комментарии", Furniture::kComments},
      {"All rights reserved.", Furniture::kCopyright},
      {"Skip to content", Furniture::kNavigation},
      {"Sign in", Furniture::kSignIn},
      {"Подписывайтесь на наш канал", Furniture::kSubscription},
      {"Tags: economy, harbor", Furniture::kTags},
      {"The council approved the plan on Monday.", Furniture::kNone},
      {"Once upon a time the town had three mills.", Furniture::kNone},
      {"", Furniture::kNone},
  };
  for (const Case& c : cases) EXPECT_EQ(Kind(c.line), c.kind) << c.line;
}

TEST(MatchFurniture, PhraseInsideLongSentenceIsOnlyEvidence) {
  EXPECT_TRUE(Strong("Your support keeps us going."));
  EXPECT_FALSE(
      Strong("\"Thank you for your support,\" the mayor told the crowd of volunteers who "
             "had gathered in the square on a cold morning after a week of cleaning "
             "mud out of the flooded streets of the old town near the river."));
}

TEST(MatchFurniture, LineOpeningsCountOnlyInShortEnoughLines) {
  // "Read more" opens link lines of up to 20 tokens; the longest line any opening phrase allows
  // is 40 tokens, past which openings are not even looked up.
  auto line = [](int extra_words) {
    std::string s = "Read more";
    for (int i = 0; i < extra_words; ++i) s += " harbor";
    return s;
  };
  EXPECT_EQ(Kind(line(0)), Furniture::kReadMore);
  EXPECT_EQ(Kind(line(18)), Furniture::kReadMore);   // 20 tokens
  EXPECT_EQ(Kind(line(19)), Furniture::kNone);       // 21 tokens
  EXPECT_EQ(Kind(line(39)), Furniture::kNone);       // 41 tokens
  EXPECT_EQ(Kind("Advertisement"), Furniture::kAd);  // a one-token opening
}

TEST(CountWords, Classes) {
  FoldedLine f;
  FoldLine("We need your support for independent journalism", &f);
  WordCounts c = CountWords(f);
  EXPECT_EQ(c.we, 1);
  EXPECT_EQ(c.you, 1);
  EXPECT_EQ(c.appeal, 3);
  ASSERT_EQ(f.tokens.size(), 7u);
  EXPECT_EQ(f.Token(6), "journalism");
}

TEST(FurnitureReason, Names) {
  EXPECT_EQ(FurnitureReason(Furniture::kPayment), "payment widget");
  EXPECT_EQ(FurnitureReason(Furniture::kReadMore), "read-more link");
  EXPECT_EQ(FurnitureReason(Furniture::kNone), "");
  EXPECT_TRUE(IsTerminalFurniture(Furniture::kAppealHeader));
  EXPECT_FALSE(IsTerminalFurniture(Furniture::kShare));
}

}  // namespace
}  // namespace parallax::extract
