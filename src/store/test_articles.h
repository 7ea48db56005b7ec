// Fictional articles for the store's tests and benchmark: every field of the document model is
// filled (blocks of each role, sentences, entities with mentions and roles, quotes with speaker,
// cue and channel, dateline, byline, warnings) and every span is computed while the text is
// built, so the spans are exact. Outlets, places, people and events are invented.
//
//   Article a = store::testing::MakeArticle(7);            // ~1.5 KB
//   Article big = store::testing::MakeArticle(7, 20);      // ~6 KB, the ABP corpus's mean size
#ifndef PARALLAX_STORE_TEST_ARTICLES_H_
#define PARALLAX_STORE_TEST_ARTICLES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "src/base/hash.h"

namespace parallax::store::testing {

// A deterministic 64-bit generator (splitmix64), so that fixtures are the same on every run.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }

 private:
  uint64_t state_;
};

// An invented word: syllables chosen by `index`, so a vocabulary of any size is available.
// Low indices are drawn more often (a rough Zipf shape) by the callers.
inline std::string Word(size_t index) {
  static const char* kSyllables[] = {"ka",  "lo", "mir", "ve",  "dan", "su", "tor", "ri",
                                     "nel", "ba", "os",  "qui", "zen", "pa", "lu",  "hest"};
  std::string w;
  do {
    w += kSyllables[index % 16];
    index /= 16;
  } while (index > 0);
  return w;
}

class ArticleBuilder {
 public:
  Span Append(std::string_view s) {
    Span span{static_cast<uint32_t>(a.text.size()),
              static_cast<uint32_t>(a.text.size() + s.size())};
    a.text.append(s);
    return span;
  }
  Span Line(std::string_view s, BlockRole role, std::string reason = "") {
    Span span = Append(s);
    a.text.push_back('\n');
    a.blocks.push_back(Block{role, span, std::move(reason), std::nullopt});
    return span;
  }
  Article a;
};

// Article number `n` of a fictional corpus, with `paragraphs` body paragraphs of 3 sentences.
// Texts differ for different `n` (so do ids); outlets cycle through four invented outlets and
// the three built-in agencies' domains are not used.
inline Article MakeArticle(uint64_t n, int paragraphs = 4) {
  static const char* kOutlets[] = {"The Velmora Courier", "Northwind Daily", "Radio Kestrel",
                                   "Harbour Wire"};
  static const char* kDomains[] = {"velmoracourier.example", "northwind.example",
                                   "radiokestrel.example", "harbourwire.example"};
  Rng rng(n);
  ArticleBuilder b;
  Article& a = b.a;
  const size_t outlet = n % 4;
  a.source = "fixtures/article-" + std::to_string(n) + ".txt";
  a.outlet = kOutlets[outlet];
  a.url = std::string("https://www.") + kDomains[outlet] + "/news/" + std::to_string(n);
  a.charset = "UTF-8";
  a.language = "en";
  a.section = n % 3 == 0 ? "Harbour" : "Politics";

  const std::string topic = Word(100 + n % 37);
  a.headline = "Velmora council approves the " + topic + " ferry line, says Mayor Hallberg";
  b.Line(a.headline, BlockRole::kHeadline);
  a.standfirst = "The vote ends a three-year dispute over the harbour";
  b.Line(a.standfirst, BlockRole::kStandfirst);
  b.Line(a.section, BlockRole::kSection);
  const int day = 1 + static_cast<int>(n % 28);
  std::string date = "2031-03-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
  b.Line(date + " 14:05", BlockRole::kTimestamp);
  a.published = Published{date + "T14:05", "text:timestamp-line", 0.9};
  b.Line("By Ilsa Marenko and Jana Dvořáková", BlockRole::kByline);
  a.byline = {"Ilsa Marenko", "Jana Dvořáková"};

  // Dateline paragraph with the first quote.
  size_t para_start = a.text.size();
  Span dateline = b.Append("VELMORA, March " + std::to_string(day) + ". /Harbour Wire/. ");
  a.dateline = Dateline{"VELMORA", "March " + std::to_string(day), "Harbour Wire", dateline};
  Span s1 = b.Append("The Velmora Harbour Council voted on Tuesday to open the " + topic +
                     " line, Mayor Tomas Hallberg said.");
  b.Append(" ");
  size_t q_start = a.text.size();
  b.Append("\u201C");
  Span content = b.Append("We have waited long enough for this crossing");
  b.Append(",\u201D ");
  Span speaker = b.Append("Hallberg");
  b.Append(" ");
  Span cue = b.Append("told");
  Span channel_rest = b.Append(" Radio Kestrel in an interview");
  Span channel{cue.start, channel_rest.end};
  b.Append(".");
  Span s2{static_cast<uint32_t>(q_start), static_cast<uint32_t>(a.text.size())};
  a.text.push_back('\n');
  a.blocks.push_back(Block{BlockRole::kDateline, dateline, "", Span{10, 20}});
  a.blocks.push_back(Block{
      BlockRole::kBody,
      Span{static_cast<uint32_t>(para_start + dateline.size()), static_cast<uint32_t>(s2.end)}, "",
      std::nullopt});
  a.sentences.push_back(Sentence{Span{dateline.start, s1.end}});
  a.sentences.push_back(Sentence{s2});
  a.quotes.push_back(Quote{content, true, Speaker{"e1", "Hallberg", speaker}, cue, channel});

  // Body paragraphs: sentences of invented words, with mentions of the people and places.
  for (int p = 0; p < paragraphs; ++p) {
    size_t start = a.text.size();
    for (int k = 0; k < 3; ++k) {
      if (k > 0) b.Append(" ");
      size_t sentence_start = a.text.size();
      if (rng.Below(4) == 0) {
        Span who = b.Append("Dvořáková");
        b.Append(" ");
        Span cue2 = b.Append("said");
        b.Append(" the ");
        Span c2 = b.Append(Word(rng.Below(300)) + " plan would cost Velmora " +
                           std::to_string(10 + rng.Below(90)) + " million kroner");
        b.Append(".");
        a.quotes.push_back(Quote{c2, false, Speaker{"e2", "Dvořáková", who}, cue2, std::nullopt});
      } else {
        int words = 10 + static_cast<int>(rng.Below(14));
        std::string s;
        for (int w = 0; w < words; ++w) {
          // Squaring a uniform draw skews towards frequent (low) word indices.
          size_t r = rng.Below(4096);
          std::string word = Word(r * r / 800);
          if (w == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
          if (w > 0) s += ' ';
          s += word;
        }
        s += rng.Below(3) == 0 ? ", the Harbour Council said." : ".";
        b.Append(s);
      }
      a.sentences.push_back(Sentence{
          Span{static_cast<uint32_t>(sentence_start), static_cast<uint32_t>(a.text.size())}});
    }
    a.blocks.push_back(Block{
        BlockRole::kBody, Span{static_cast<uint32_t>(start), static_cast<uint32_t>(a.text.size())},
        "", std::nullopt});
    a.text.append("\n\n");
  }
  b.Line("Photo: Harbour Wire / Ilsa Marenko", BlockRole::kCredit);
  b.Line("The new ferry at the Velmora pier", BlockRole::kCaption);
  b.Line("Subscribe to the Courier newsletter for harbour news every morning.",
         BlockRole::kBoilerplate, "newsletter box");
  // Non-Latin scripts, so spans are checked as bytes, not characters.
  b.Line(
      "\u041F\u043E\u0434\u043F\u0438\u0441\u043A\u0430 \u00B7 \u8A02\u95B1 \u00B7 "
      "\u05D4\u05E8\u05E9\u05DE\u05D4",
      BlockRole::kBoilerplate, "repeated in 5 articles of " + a.outlet);

  // Entities with every mention found in the finished text.
  auto mentions = [&a](std::string_view name) {
    std::vector<Span> spans;
    for (size_t pos = a.text.find(name); pos != std::string::npos;
         pos = a.text.find(name, pos + name.size())) {
      spans.push_back(Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + name.size())});
    }
    return spans;
  };
  a.entities.push_back(Entity{"e1",
                              "Tomas Hallberg",
                              EntityType::kPerson,
                              {"Mayor of Velmora"},
                              "tomas hallberg",
                              mentions("Hallberg")});
  a.entities.push_back(Entity{
      "e2", "Jana Dvořáková", EntityType::kPerson, {}, "jana dvorakova", mentions("Dvořáková")});
  a.entities.push_back(Entity{"e3",
                              "Velmora Harbour Council",
                              EntityType::kOrganization,
                              {},
                              "velmora harbour council",
                              mentions("Harbour Council")});
  a.entities.push_back(
      Entity{"e4", "Velmora", EntityType::kLocation, {}, "velmora", mentions("Velmora")});
  a.entities.push_back(Entity{"e5",
                              "Radio Kestrel",
                              EntityType::kOrganization,
                              {},
                              "radio kestrel",
                              mentions("Radio Kestrel")});
  if (n % 5 == 0) a.warnings.push_back("headline guessed from the first line");
  a.id = HashHex(a.text);
  (void)q_start;
  return a;
}

}  // namespace parallax::store::testing

#endif  // PARALLAX_STORE_TEST_ARTICLES_H_
