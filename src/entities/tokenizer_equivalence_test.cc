// AnnotateEntities cuts plain ASCII chunks (and the common curly quotes and dashes) with its
// own tokenizer and everything else with AppendTokens (line_tokens.h). These tests run every
// input both ways (internal::SetReferenceTokenizerForTesting) and require the same entities,
// byte for byte: table-driven edge cases first, then random documents made of fragments that
// exercise each branch (possessives, dotted abbreviations, joiners, numbers, controls,
// non-ASCII letters, quotes cut by block ends).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/text/sentences.h"

namespace parallax::entities {
namespace {

// Everything AnnotateEntities produced, one line per entity.
std::string Dump(const Article& a) {
  std::string out;
  for (const Entity& e : a.entities) {
    out +=
        e.id + " " + std::to_string(static_cast<int>(e.type)) + " [" + e.name + "] [" + e.key + "]";
    for (const std::string& r : e.roles) out += " r:" + r;
    for (const Span& m : e.mentions)
      out += " " + std::to_string(m.start) + "-" + std::to_string(m.end);
    out += "\n";
  }
  return out;
}

// `blocks`: block spans (empty: none); `sentences`: run the text stage's splitter first.
std::string AnnotateAndDump(const std::string& text, const std::vector<Span>& blocks,
                            bool sentences, bool reference) {
  Article a;
  a.text = text;
  for (const Span& b : blocks) {
    Block block;
    block.role = BlockRole::kBody;
    block.span = b;
    a.blocks.push_back(block);
  }
  if (sentences) text::AnnotateSentences(&a);
  internal::SetReferenceTokenizerForTesting(reference);
  AnnotateEntities(&a);
  internal::SetReferenceTokenizerForTesting(false);
  return Dump(a);
}

// One body block per line.
std::vector<Span> LineBlocks(const std::string& text) {
  std::vector<Span> out;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      if (i > start) out.push_back(Span{start, i});
      start = i + 1;
    }
  }
  return out;
}

void ExpectSameBothWays(const std::string& text) {
  const std::vector<Span> lines = LineBlocks(text);
  for (bool sentences : {true, false}) {
    for (bool with_blocks : {true, false}) {
      const std::vector<Span> blocks = with_blocks ? lines : std::vector<Span>{};
      EXPECT_EQ(AnnotateAndDump(text, blocks, sentences, /*reference=*/false),
                AnnotateAndDump(text, blocks, sentences, /*reference=*/true))
          << "text: [" << text << "] sentences=" << sentences << " blocks=" << with_blocks;
    }
  }
}

const char* const kEdgeCases[] = {
    "",
    " \t\n ",
    "Minister Olvar Dantess met Kestrel Bank officials.",
    "Dantess’s aide said the Ministry’s plan was late.",
    "Dantess's aide and the Brenners' lawyer met in Velmora.",
    "“We will not yield,” said Olvar Dantess — the Velmoran envoy — on Monday…",
    "‘Quoted’ words, “double” ones – and an en dash.",
    "Mr. Dantess and Dr. Aline Voss of the U.S. mission met Gen. Tarvik in St. Oren.",
    "J. R. Tolvan and C. Lewis went to the U.N. office in Velmora.",
    "He said so.\nShe said no.",
    "Prices rose 3.5 percent to 10,000 units at 18:21 on 2020-01-02.",
    "al-Tamir met bin-Rashad and van der Velde at the Kestrel-Ondo bridge.",
    "O’Neil, d’Arcy and L’Orme signed with Kestrel Rovers.",
    "Kestrel\x01"
    "Bank and Ondo\x7F"
    "Trust filed reports.",
    "The Velmora\xC2\xA0River flooded near Ondo.",
    "Ana Müller and José Núñez met Ивана Петрова in Zürich.",
    "北京 and 東京 hosted the Velmora summit with Olvar Dantess.",
    "מרים כהן met Olvar Dantess; سارة أحمد joined later.",
    "Cafe\xCC\x81 Velmora and Zoe\xCC\x88 Tarvik opened a shop.",
    "Supercalifragilisticexpialidocious Velmorancorporation Internationalisation Ltd",
    "Abcdefgh Abcdefghijklmnop Abcdefghijklmnopq worked for Kestrel Holdings Inc.",
    "VELMORA 2020-01-02 (Kestrel News) - OLVAR DANTESS SAID ON MONDAY",
    "Olvar Dantess",
    "Dantess.",
    "Dantess’",
    "“Dantess",
    "Trailing word at the very end Velmora",
    "x.y.z A.B. Kestrel-1 F-16 COVID-19 don't can’t",
    "$5 +3 <b> a=b ^ ` | ~ # @ % & * ( ) [ ] { } ; : ? ! / \\",
    "Kestrel “Ondo” Bank’s “Velmora”’s chief.",
    "\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x99\xE2\x80\x98\xE2\x80\x94\xE2\x80\x93\xE2\x80\xA6",
    "The Velmora president said the Kestrel spokesman, the foreign minister, agreed.",
    // Words the cached-word path takes with the mark after them, and the marks alone.
    "Olvar said, then Velmora; Kestrel: Ondo) (Bank ! Tarvik ? Voss\" \"Aline",
    "Mr. Voss, Gen. Tarvik and Kestrel Inc. met Corp. staff; Velmora Ltd. said. Dr.",
    "Velmora.Kestrel ondo.5 ab.cd Dantess.“Voss” x. Xy. Abcdefghijklmnop. Abcdefghijklmno.",
    "said,x Velmora,“Ondo” Kestrel)) Bank,\x01 Voss,é Tarvik,\xC2\xA0Ondo Kestrel.\x7F",
    "a , b . c ; ’ “ ” - ' Velmora - Kestrel ' Ondo .",
    "Abcdefgh Abcdefghi, Abcdefghijklmnop, Abcdefghijklmnopq, Abcdefghijklmnopqr.",
    "Kestrel-Ondo, Voss's, Voss’, al-Tamir. Velmora's. Dantess'.",
    // Abbreviations also written without their dot: cached as words, merged with a dot.
    "Mr Voss met Gen Tarvik of Kestrel Inc; then Mr. Voss met Gen. Tarvik of Kestrel Inc. again.",
    // Letters and digits next to the bytes just outside their ranges ('/' ':' '@' '[' '`' '{'
    // 0x7F 0x80+) for the 16-byte class tests; long chunks for the printable-byte scan.
    "Velmora{x Kestrel~ Ondo` Voss@ Tarvik[ Aline/ Dantess: Abc123def456ghi7 A1b2C3d4E5f6G7h8",
    "G7 MH17 Z9 z0 Q9q0 Kestrel\x7F Ondo\xC2\xA0Velmora Voss\xE2\x80\x94Tarvik",
    "See http://kestrel.example/velmora/ondo?id=12345&x=y and mail@velmora-ondo.example now.",
    "Olvar Dantess (Kestrel) [Velmora] {Ondo} <Voss> |Tarvik| ~Aline~ `Brenner` ^Kovac^",
};

TEST(TokenizerEquivalenceTest, EdgeCases) {
  for (const char* text : kEdgeCases) ExpectSameBothWays(text);
}

// The per-thread word cache filled first (by the reference run and by a first fast run): the
// fast path then takes its cached-word branch for most words, and must still match.
TEST(TokenizerEquivalenceTest, EdgeCasesWithWarmWordCache) {
  for (const char* text : kEdgeCases) {
    const std::vector<Span> lines = LineBlocks(text);
    for (bool sentences : {true, false}) {
      const std::string reference = AnnotateAndDump(text, lines, sentences, /*reference=*/true);
      AnnotateAndDump(text, lines, sentences, /*reference=*/false);
      EXPECT_EQ(AnnotateAndDump(text, lines, sentences, /*reference=*/false), reference)
          << "text: [" << text << "] sentences=" << sentences;
    }
  }
}

// The same document at the very end of the text and with slack after it: the cached-word path
// reads 16 bytes ahead and must leave the last words to the general scan.
TEST(TokenizerEquivalenceTest, WordsNearTheEndOfTheText) {
  const std::string base = "Olvar Dantess said, Velmora. Abcdefghijklmnop Kestrel";
  for (size_t cut = 1; cut <= base.size(); ++cut) {
    const std::string text = base.substr(0, cut);
    for (int round = 0; round < 2; ++round)  // the second round with a warm word cache
      EXPECT_EQ(AnnotateAndDump(text, LineBlocks(text), true, false),
                AnnotateAndDump(text, LineBlocks(text), true, true))
          << "cut at " << cut;
  }
}

// Lines of hundreds of cached words: the per-line counts packed one byte per counter are
// flushed before a byte overflows, and headline detection sees the same counts both ways.
TEST(TokenizerEquivalenceTest, LongLinesOfCachedWords) {
  std::string title_case, mixed;
  for (int k = 0; k < 700; ++k) {
    title_case += "Velmora Kestrel Holdings Announce Record ";
    mixed += (k % 3 == 0) ? "the Ondo Trust said Kestrel rose, " : "and Velmora fell ";
  }
  const std::string text = title_case + "\n" + mixed + "\n" + title_case + mixed;
  for (int round = 0; round < 2; ++round)  // the second round with a warm word cache
    ExpectSameBothWays(text);
}

// A multi-byte sequence cut by the end of a block: the block's last chunk ends inside it.
TEST(TokenizerEquivalenceTest, BlocksEndingInsideChunksAndSequences) {
  const std::string text =
      "Olvar Dantess’s “Kestrel Bank” met U.S. envoys in Velmora, said Aline Voss.";
  for (uint32_t cut = 1; cut < text.size(); ++cut) {
    const std::vector<Span> blocks = {Span{0, cut}, Span{cut, static_cast<uint32_t>(text.size())}};
    for (bool sentences : {true, false})
      EXPECT_EQ(AnnotateAndDump(text, blocks, sentences, false),
                AnnotateAndDump(text, blocks, sentences, true))
          << "cut at " << cut;
  }
}

TEST(TokenizerEquivalenceTest, RandomDocuments) {
  static const char* const kFragments[] = {
      "Olvar",     "Dantess",    "Velmora",
      "Kestrel",   "Bank",       "Ministry",
      "of",        "the",        "said",
      "Mr.",       "Dr",         "U.S.",
      "J.",        "St.",        "Gen.",
      "’s",        "'s",         "'",
      "’",         "“",          "”",
      "‘",         "—",          "–",
      "…",         ".",          ",",
      ":",         ";",          "(",
      ")",         "\"",         "-",
      "3.5",       "10,000",     "2020",
      "F-16",      "al-",        "van",
      "der",       "\x01",       "\x7F",
      "\xC2\xA0",  "é",          "Müller",
      "Иван",      "北京",       "سارة",
      "e\xCC\x81", "ABCDEFGHIJ", "abcdefghijklmnopq",
      "President", "spokesman",  "in",
      "Inc",       "McDonald",   "O'Neil",
      "d’Arcy",    "$",          "&",
      "#",         "A",          "x",
      "said,",     "Velmora.",   "Inc.",
      "Corp.",     "Ltd.",       "Abcdefghijklmnop",
      "Abcdefgh",  "Ondo)",      "Voss;",
  };
  static const char* const kSeparators[] = {" ", " ", " ", "", "\n", "\t", "  ", "\r\n"};
  std::mt19937 rng(20240611);
  for (int doc = 0; doc < 1500; ++doc) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) {
      text += kFragments[rng() % (sizeof(kFragments) / sizeof(kFragments[0]))];
      text += kSeparators[rng() % (sizeof(kSeparators) / sizeof(kSeparators[0]))];
    }
    const std::vector<Span> lines = LineBlocks(text);
    const bool sentences = (doc % 3) != 0;
    ASSERT_EQ(AnnotateAndDump(text, lines, sentences, false),
              AnnotateAndDump(text, lines, sentences, true))
        << "document " << doc << ": [" << text << "]";
  }
}

TEST(KeyHashTest, WideLoadMatchesKeyHash) {
  // KeyHashWide reads whole 8-byte blocks: give it slack after every key.
  std::mt19937 rng(7);
  for (int len = 0; len <= 40; ++len) {
    for (int rep = 0; rep < 20; ++rep) {
      std::string buf(len + 8, '\0');
      for (int k = 0; k < len + 8; ++k) buf[k] = static_cast<char>(rng() & 0xFF);
      const std::string_view key(buf.data(), len);
      EXPECT_EQ(KeyHashWide(buf.data(), len), KeyHash(key)) << "length " << len;
    }
  }
}

}  // namespace
}  // namespace parallax::entities
