// Folding and the furniture lexicon used by plain-text extraction.
//
// A line is folded once into lower-case word tokens joined by single spaces (accents, combining
// marks, punctuation and case dropped; Latin, Cyrillic and Greek folded; other scripts kept as
// written). Furniture phrases in English, Russian, German, French and Spanish ("read more",
// "читайте также", "mehr zum thema", "lire la suite", "leer más", "we use cookies", "support
// us", "once", "monthly" ...) are looked up as word n-grams of that folded form in tables built
// once, so matching is a handful of hash lookups per line and never a regular expression.
//
//   parallax::extract::FoldedLine line;
//   parallax::extract::FoldLine("Read more on the site →", &line);   // line.folded == "read more
//   on the site" parallax::extract::LexiconMatch m = parallax::extract::MatchFurniture(line);
//   // m.kind == Furniture::kReadMore
#ifndef PARALLAX_EXTRACT_LEXICON_H_
#define PARALLAX_EXTRACT_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parallax::extract {

// Kinds of page furniture the lexicon knows. Order does not matter; see FurnitureReason.
enum class Furniture : uint8_t {
  kNone,
  kAd,            // "Advertisement", "ad-free", "Реклама"
  kDonation,      // "Support us", "your support", "Jetzt spenden"
  kAppealHeader,  // "A Message from X:", "Dear readers", "Дорогие читатели"
  kPayment,       // "Once", "Monthly", "Annual", "Continue", "Donate"
  kSubscription,  // "Subscribe", "Already a subscriber?", "Подписывайтесь"
  kSignIn,        // "Sign in", "Log in", "Войти"
  kReadMore,  // "Read more", "Читать далее", "Mehr lesen", "Lire la suite", "Leer más"
  kRelated,   // "Related", "See also", "По теме", "Mehr zum Thema", "À lire aussi"
  kShare,     // "Share", "Tweet", "Facebook", "WhatsApp", "Telegram", "VK"
  kCookie,    // "We use cookies", "Alle akzeptieren"
  kNewsletter,   // "Sign up for our newsletter"
  kCopyright,    // "All rights reserved", "Все права защищены"
  kNavigation,   // "Skip to content", "Menu", "Back to top"
  kComments,     // "12 comments", "Leave a reply", "Комментарии"
  kTags,         // "Tags:", "Теги:"
  kFollow,       // "Follow us on", "Download our app"
  kPhotoCredit,  // "Photo:", "Фото:", "Foto:" (a credit, not boilerplate)
  kAboutBox,     // "About Corvane Medical": a publisher's description closing a release
};

// The boilerplate reason for a furniture kind: "ad notice", "donation appeal", "payment widget",
// "read-more link", "share bar", "cookie notice", ... ("" for kNone and kPhotoCredit).
std::string_view FurnitureReason(Furniture kind);

// True when everything after such a line is furniture unless clearly article text resumes
// (appeal headers, related-links headers, comments, copyright, newsletter boxes ...).
bool IsTerminalFurniture(Furniture kind);

// Word classes of single folded tokens (bit mask).
enum WordClass : uint8_t {
  kWordAppeal = 1,    // support, donate, journalism, подписка, spenden, soutien, apoyo ...
  kWordWe = 2,        // we, our, us, мы, наш, wir, unser, nous, notre, nosotros ...
  kWordYou = 4,       // you, your, вы, ваш, ihr, vous, votre, usted ...
  kWordShare = 8,     // share, tweet, facebook, telegram, vk, email, print ...
  kWordPayment = 16,  // once, monthly, annual, continue, donate ...
  kWordPhraseStart = 32,  // (internal) first token of an anywhere-phrase
  kWordByCue = 64,        // by, von, par, por, автор ...
  kWordUrl = 128,         // http, https, www (a link in the line)
};

// One line folded for lookup: `folded` is the lower-case tokens joined by single spaces;
// `tokens` are [begin, end) offsets into `folded`; `classes` is the WordClass mask per token.
struct FoldedLine {
  std::string folded;
  std::vector<std::pair<uint32_t, uint32_t>> tokens;
  std::vector<uint8_t> classes;
  uint8_t class_union = 0;  // the OR of `classes` (0: no token has a class)
  std::string_view Token(size_t i) const {
    return std::string_view(folded).substr(tokens[i].first, tokens[i].second - tokens[i].first);
  }
};

// Folds `text` into `out` (reusing its buffers). Letters and digits make tokens; every other
// character separates them. Thread-safe.
void FoldLine(std::string_view text, FoldedLine* out);

// Folded form of `text` for comparison: lower case, accents dropped, punctuation removed,
// runs of white space as one space. FoldText("  Café  NOIR!") == "cafe noir".
std::string FoldText(std::string_view text);

// The strongest furniture phrase in `line`.
struct LexiconMatch {
  Furniture kind = Furniture::kNone;
  // True when the phrase decides the line alone (a whole-line or line-opening match, or an
  // anywhere-phrase in a short line); false when it is only evidence (an anywhere-phrase inside
  // a longer sentence, e.g. "your support" in a quote).
  bool strong = false;
  uint32_t first_token = 0;  // the matched phrase, in tokens
  uint32_t end_token = 0;
};
LexiconMatch MatchFurniture(const FoldedLine& line);

// Counts of word classes in `line`.
struct WordCounts {
  int appeal = 0;
  int we = 0;
  int you = 0;
  int share = 0;
  int payment = 0;
};
WordCounts CountWords(const FoldedLine& line);

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_LEXICON_H_
