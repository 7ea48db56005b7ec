#include "src/extract/text_extractor.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "src/base/hash.h"
#include "src/base/utf8.h"
#include "src/extract/dateline.h"
#include "src/extract/dates.h"
#include "src/extract/lexicon.h"
#include "src/extract/line_shape.h"
#include "src/extract/patterns.h"

namespace parallax::extract {
namespace {

using F = Furniture;

// Limits of the heuristics, named so that their sources are visible.
constexpr int kMaxHeadlineWords = 25;
constexpr int kMaxStandfirstWords = 60;
// The headline is looked for among this many non-furniture lines from the top.
constexpr int kHeadlineSearchLines = 20;

bool IsUpperCp(char32_t c) { return utf8::IsUpper(c); }
bool IsLowerCp(char32_t c) { return utf8::IsLower(c); }

bool IsClosingCp(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == 0x203A;
}

bool IsArrowCp(char32_t c) {
  return c == 0x2192 || c == 0x203A || c == 0xD7 || c == 0x27F6 || c == 0x2794 || c == 0x25B8 ||
         c == 0x25BA || c == 0x21D2 || c == 0x2197 || c == 0x276F || c == 0x2799 || c == 0x279C;
}

struct Piece {
  Span span;
  BlockRole role;
  std::string reason;
};

// A line's pieces: almost always one, at most three by the rules below. Kept inline (a vector
// per line was the extractor's most frequent allocation); more than kInline spill to the heap.
class PieceList {
 public:
  bool empty() const { return size_ == 0; }
  size_t size() const { return size_; }
  void clear() {  // inline pieces left behind are overwritten by the next push_back
    spill_.clear();
    size_ = 0;
  }
  void push_back(Piece p) {
    if (size_ < kInline) {
      inline_[size_] = std::move(p);
    } else {
      spill_.push_back(std::move(p));
    }
    ++size_;
  }
  Piece& operator[](size_t k) { return k < kInline ? inline_[k] : spill_[k - kInline]; }
  const Piece& operator[](size_t k) const { return k < kInline ? inline_[k] : spill_[k - kInline]; }
  Piece& front() { return (*this)[0]; }
  Piece& back() { return (*this)[size_ - 1]; }
  const Piece& back() const { return (*this)[size_ - 1]; }

  template <typename List, typename Item>
  class Iter {
   public:
    Iter(List* list, size_t k) : list_(list), k_(k) {}
    Item& operator*() const { return (*list_)[k_]; }
    Item* operator->() const { return &(*list_)[k_]; }
    Iter& operator++() {
      ++k_;
      return *this;
    }
    bool operator!=(const Iter& o) const { return k_ != o.k_; }

   private:
    List* list_;
    size_t k_;
  };
  Iter<PieceList, Piece> begin() { return {this, 0}; }
  Iter<PieceList, Piece> end() { return {this, size_}; }
  Iter<const PieceList, const Piece> begin() const { return {this, 0}; }
  Iter<const PieceList, const Piece> end() const { return {this, size_}; }

 private:
  static constexpr size_t kInline = 3;
  std::array<Piece, kInline> inline_{};
  std::vector<Piece> spill_;
  size_t size_ = 0;
};

struct Line {
  Span span;  // trimmed content
  int para = 0;
  int words = 0;
  int upper_words = 0;  // words whose first letter is upper case
  int lower_words = 0;
  bool first_upper = false;  // the first letter of the line is upper case (or a digit)
  bool terminal = false;     // ends a sentence: . ! ? … (closing quotes allowed after)
  bool ends_period = false;
  bool colon_end = false;
  bool arrow_end = false;
  bool has_url = false;
  bool no_letters = false;
  bool bullet = false;
  LexiconMatch lex;
  WordCounts wc;
  Furniture furn = F::kNone;  // decided furniture kind
  bool payment_word = false;
  bool decided = false;
  bool furn_by_para = false;  // furniture only because its paragraph is
  bool menu = false;          // a menu line ("News | Sport | Money")
  // Against the record's title (folded): the line is the title, or the title's head
  // ("Title | Outlet" in the title), or the title followed by more ("Title | Outlet" here).
  bool title_whole = false;
  bool title_head = false;
  uint32_t fold_begin = 0;  // FoldText of the line: [fold_begin, fold_end) of Extractor::folds_
  uint32_t fold_end = 0;
  PieceList pieces;
};

struct Paragraph {
  size_t first = 0;  // line indices [first, last]
  size_t last = 0;
  int words = 0;
};

bool SentenceLike(const Line& l) {
  int cased = l.upper_words + l.lower_words;
  return l.words >= 6 && cased > 0 && l.lower_words * 20 >= cased * 7 &&
         (l.terminal || l.words >= 12);
}

bool BodyLike(const Line& l) { return SentenceLike(l) && l.words >= 8; }

class Extractor {
 public:
  explicit Extractor(Article* a) : a_(a), text_(a->text) {}

  void Run() {
    if (!a_->hints.title.empty()) title_want_ = FoldText(a_->hints.title);
    SplitLines();
    folds_.reserve(text_.size());
    for (Line& l : lines_) Features(&l);
    for (Paragraph& p : paras_)
      for (size_t i = p.first; i <= p.last; ++i) p.words += lines_[i].words;
    MarkFurniture();
    MarkPaymentWidgets();
    FindHeadline();
    ClassifyBeforeHeadline();
    size_t body_start = ClassifyHeader();
    ClassifyBody(body_start);
    SplitDateline();
    EmitBlocks();
    FillMetadata();
  }

 private:
  std::string_view View(const Line& l) const {
    return std::string_view(text_).substr(l.span.start, l.span.size());
  }
  std::string_view View(Span s) const { return std::string_view(text_).substr(s.start, s.size()); }

  void SplitLines() {
    std::string_view t(text_);
    {
      size_t newlines = 0;
      for (size_t p = t.find('\n'); p != std::string_view::npos; p = t.find('\n', p + 1))
        ++newlines;
      lines_.reserve(newlines + 1);
    }
    size_t pos = 0;
    int para = 0;
    bool blank_before = false;
    while (pos < t.size()) {
      size_t nl = t.find('\n', pos);
      size_t end = nl == std::string_view::npos ? t.size() : nl;
      size_t b = pos, e = end;
      while (b < e) {
        size_t j = b;
        if (!utf8::IsSpace(utf8::Next(t, &j))) break;
        b = j;
      }
      while (e > b) {
        size_t j = e;
        if (!utf8::IsSpace(utf8::Prev(t, &j))) break;
        e = j;
      }
      if (b == e) {
        blank_before = true;
      } else {
        if (blank_before && !lines_.empty()) ++para;
        blank_before = false;
        Line l;
        l.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
        l.para = para;
        lines_.push_back(std::move(l));
      }
      pos = nl == std::string_view::npos ? t.size() : nl + 1;
    }
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (paras_.empty() || paras_.back().last + 1 != i || lines_[i].para != lines_[i - 1].para) {
        paras_.push_back(Paragraph{i, i, 0});
      } else {
        paras_.back().last = i;
      }
    }
  }

  void Features(Line* l) {
    std::string_view s = View(*l);
    const LineShape shape = ScanLineShape(s);
    l->words = shape.words;
    l->upper_words = shape.upper_words;
    l->lower_words = shape.lower_words;
    l->first_upper = shape.first_upper;
    wide_gap_ = shape.wide_gap;
    const size_t n = s.size();
    char32_t last = 0, last_non_closing = 0;
    {
      size_t k = n;
      if (k > 0) {
        last = utf8::Prev(s, &k);
        last_non_closing = last;
        while (IsClosingCp(last_non_closing) && k > 0) last_non_closing = utf8::Prev(s, &k);
        if (IsClosingCp(last_non_closing)) last_non_closing = 0;
      }
    }
    l->no_letters = !shape.any_letter;
    l->terminal = last_non_closing == '.' || last_non_closing == '!' || last_non_closing == '?' ||
                  last_non_closing == 0x2026 || last_non_closing == 0x3002;
    l->ends_period = last_non_closing == '.';
    l->colon_end = last == ':';
    l->arrow_end =
        IsArrowCp(last) || (last == 0xBB && s.find("\xC2\xAB") == std::string_view::npos);
    FoldLine(s, &folded_);
    l->fold_begin = static_cast<uint32_t>(folds_.size());
    folds_ += folded_.folded;
    l->fold_end = static_cast<uint32_t>(folds_.size());
    if (const std::string& got = folded_.folded; !title_want_.empty() && !got.empty()) {
      const std::string& want = title_want_;
      l->title_whole = got == want || (got.size() * 5 >= want.size() * 4 && want.starts_with(got) &&
                                       want[got.size()] == ' ');
      l->title_head =
          want.size() * 5 >= got.size() * 3 && got.starts_with(want) && got[want.size()] == ' ';
    }
    l->has_url = (folded_.class_union & kWordUrl) != 0;
    {
      size_t k = 0;
      char32_t c0 = utf8::Next(s, &k);
      l->bullet = c0 == 0x2022 || c0 == 0xB7 || c0 == 0x25AA || c0 == 0x25BA || c0 == 0x25A0 ||
                  ((c0 == '-' || c0 == '*' || c0 == 0x2013) && k < s.size() && s[k] == ' ');
    }
    l->lex = MatchFurniture(folded_);
    l->wc = CountWords(folded_);
    l->payment_word = l->lex.kind == F::kPayment && l->lex.strong && l->lex.first_token == 0;
    if (l->lex.kind == F::kNone && IsMenuLine(s)) {
      l->lex = LexiconMatch{F::kNavigation, true, 0, 1};
      l->menu = true;
    }
    // "Related: <link title>", "Read more: ...", "See also: ...": a label before a colon.
    if (l->lex.kind == F::kNone || !l->lex.strong) {
      size_t colon = s.find(':');
      if (colon != std::string_view::npos && colon > 0 && colon <= 24) {
        FoldLine(s.substr(0, colon), &label_);
        LexiconMatch m = MatchFurniture(label_);
        if (m.strong && (m.kind == F::kRelated || m.kind == F::kReadMore || m.kind == F::kTags))
          l->lex = LexiconMatch{m.kind, true, 0, m.end_token};
      }
    }
    // "About Corvane Medical": a short capitalised "About ..." heading.
    // Not a shouted subheading ("ABOUT THOSE SAFE SPACES") nor "About the ..." / "About 300".
    if (l->lex.kind == F::kNone && l->words >= 2 && l->words <= 5 && !l->terminal &&
        !l->colon_end && l->upper_words == l->words && folded_.tokens.size() >= 2 &&
        folded_.Token(0) == "about" && !IsShouting(s)) {
      std::string_view w1 = folded_.Token(1);
      if (w1 != "the" && w1 != "this" && w1 != "those" && w1 != "these" && w1 != "that" &&
          w1 != "a" && w1 != "an" && w1 != "our" && w1 != "my" && !(w1[0] >= '0' && w1[0] <= '9'))
        l->lex = LexiconMatch{F::kAboutBox, true, 0, 1};
    }
    // "© 2024 Outlet", "(c) Outlet", "Copyright Outlet": a copyright line, whatever follows.
    if (l->words <= 14 && l->lex.kind != F::kCookie && HasCopyrightSign(s)) {
      l->lex = LexiconMatch{F::kCopyright, true, 0, 1};
    }
  }

  // A menu: three or more short items separated by " | ", " · " or wide gaps
  // ("News | Sport | Money | Puzzles", "Home   About   Archive").
  bool IsMenuLine(std::string_view s) const {
    if (!wide_gap_ && s.find('|') == std::string_view::npos &&
        s.find("\xC2\xB7") == std::string_view::npos)
      return false;
    int items = 0, words = 0;
    bool in_word = false;
    size_t i = 0;
    while (i < s.size()) {
      size_t sep = 0;
      if (s.compare(i, 3, " | ") == 0)
        sep = 3;
      else if (s.compare(i, 3, "   ") == 0)
        sep = 3;
      else if (s.compare(i, 4, " \xC2\xB7 ") == 0)
        sep = 4;
      if (sep) {
        if (words > 0) ++items;
        if (words > 3) return false;
        words = 0;
        in_word = false;
        i += sep;
        while (i < s.size() && s[i] == ' ') ++i;
        continue;
      }
      char c = s[i];
      if (c == ' ' || c == '\t') {
        in_word = false;
      } else {
        if (c >= '0' && c <= '9' && !in_word) return false;  // dates, times, prices
        if (!in_word) ++words;
        in_word = true;
      }
      ++i;
    }
    if (words > 3) return false;
    if (words > 0) ++items;
    return items >= 3;
  }

  // Letters all upper case (ASCII judged; other scripts never shout here).
  static bool IsShouting(std::string_view s) {
    bool upper = false;
    for (char c : s) {
      if (c >= 'a' && c <= 'z') return false;
      upper |= c >= 'A' && c <= 'Z';
    }
    return upper;
  }

  static bool HasCopyrightSign(std::string_view s) {
    if (s.starts_with("(c) ") || s.starts_with("(C) ")) return true;
    size_t p = s.find("\xC2\xA9");
    if (p == std::string_view::npos) return false;
    // At the start, or ending a short line ("Riproduzione riservata © Outlet").
    return p == 0 || s.size() - p < 80;
  }

  // A lexicon hit decides a line alone unless it is a phrase found inside a real sentence.
  bool Decisive(const Line& l) const {
    if (l.lex.kind == F::kNone || l.lex.kind == F::kPhotoCredit || !l.lex.strong) return false;
    if (l.lex.kind == F::kPayment) return false;  // decided by MarkPaymentWidgets
    // Cookie, privacy, copyright, error-page and newsletter notices are decisive even as full
    // sentences of a short line (the phrase tables bound the line length).
    if (l.lex.kind == F::kCookie || l.lex.kind == F::kCopyright || l.lex.kind == F::kNavigation ||
        l.lex.kind == F::kNewsletter)
      return true;
    if (l.lex.first_token > 0 && BodyLike(l)) return false;
    // "Read more" and related-link lines that are long sentences are article text.
    if (l.lex.first_token == 0 && BodyLike(l) && l.words > 12 && l.lex.kind != F::kAppealHeader &&
        l.lex.kind != F::kCookie && l.lex.kind != F::kCopyright && l.lex.kind != F::kNewsletter &&
        l.lex.kind != F::kSubscription)
      return false;
    return true;
  }

  bool Filler(const Line& l) const {
    return l.no_letters || l.words <= 2 || l.lex.kind != F::kNone || l.wc.appeal > 0 ||
           l.wc.we + l.wc.you >= 2;
  }

  void MarkFurniture() {
    for (Line& l : lines_) {
      if (Decisive(l)) l.furn = l.lex.kind;
    }
    // A paragraph whose lines are all furniture-flavoured and that holds a decisive line is
    // furniture as a whole ("Enjoying ad-free content? / Since ... / Support us").
    for (const Paragraph& p : paras_) {
      int strong = 0, soft = 0;
      bool all_filler = true;
      std::map<F, int> kinds;
      for (size_t i = p.first; i <= p.last; ++i) {
        const Line& l = lines_[i];
        if (l.furn != F::kNone) {
          ++strong;
          ++kinds[l.furn];
        } else if ((l.lex.kind != F::kNone && l.lex.strong) || l.wc.appeal > 0) {
          ++soft;
        } else if (!Filler(l)) {
          all_filler = false;
        }
      }
      size_t n = p.last - p.first + 1;
      if (n < 2 || strong == 0 || !all_filler) continue;
      if (strong + soft < 2) continue;
      F dominant = F::kNone;
      int best = 0;
      for (auto [k, c] : kinds)
        if (c > best || (c == best && k == F::kDonation)) dominant = k, best = c;
      for (size_t i = p.first; i <= p.last; ++i) {
        Line& l = lines_[i];
        if (l.furn != F::kNone) continue;
        l.furn = (l.lex.kind != F::kNone && l.lex.kind != F::kPhotoCredit) ? l.lex.kind : dominant;
        l.furn_by_para = l.lex.kind == F::kNone;
        if (l.furn == F::kAppealHeader) l.furn = F::kDonation;
      }
    }
  }

  // Runs of widget words ("Once / Monthly / Annual / Continue") are a payment widget.
  void MarkPaymentWidgets() {
    size_t i = 0;
    while (i < lines_.size()) {
      if (!lines_[i].payment_word) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j + 1 < lines_.size() && lines_[j + 1].payment_word) ++j;
      bool near_appeal = (i > 0 && (lines_[i - 1].furn == F::kDonation ||
                                    lines_[i - 1].furn == F::kAppealHeader)) ||
                         (j + 1 < lines_.size() && lines_[j + 1].furn == F::kDonation);
      if (j > i || near_appeal) {
        size_t b = i, e = j;
        // Absorb short non-sentence lines around the run ("payment methods", "$2", "€5").
        while (b > 0 && lines_[b - 1].furn == F::kNone && lines_[b - 1].words <= 4 &&
               !SentenceLike(lines_[b - 1]) && lines_[b - 1].para == lines_[b].para)
          --b;
        while (e + 1 < lines_.size() && lines_[e + 1].furn == F::kNone &&
               lines_[e + 1].words <= 6 && !SentenceLike(lines_[e + 1]) &&
               lines_[e + 1].para == lines_[e].para)
          ++e;
        for (size_t k = b; k <= e; ++k)
          if (lines_[k].furn == F::kNone) lines_[k].furn = F::kPayment;
      }
      i = j + 1;
    }
  }

  bool IsTitleLike(const Line& l) const {
    if (l.furn != F::kNone || l.words < 2 || l.words > kMaxHeadlineWords) return false;
    if (l.ends_period || l.colon_end || l.no_letters || l.has_url || l.arrow_end || l.bullet)
      return false;
    if (!l.first_upper) return false;
    if (l.terminal && l.words >= 12) return false;
    return true;
  }

  // The date inside a short line and what surrounds it: "Politics December 25, 2023, 18:21".
  std::optional<DateMatch> ShortLineDate(const Line& l) const {
    if (l.words > 14) return std::nullopt;
    return FindDate(View(l));
  }

  size_t NextContent(size_t i) const {
    ++i;
    while (i < lines_.size() && lines_[i].furn != F::kNone) ++i;
    return i;
  }

  // `j` is the line after headline candidate `from`.
  bool FollowsHeadline(size_t j, int depth, size_t from = SIZE_MAX) const {
    if (j >= lines_.size()) return false;
    const Line& l = lines_[j];
    std::string_view v = View(l);
    if (SentenceLike(l)) return true;
    if (ShortLineDate(l).has_value() || IsTimestampLine(v)) return true;
    if (ParseByline(v).has_value()) return true;
    if (FindCredit(v).has_value()) return true;
    if (MatchDateline(v).has_value()) return true;
    if (depth == 0 && IsTitleLike(l)) {
      if (l.words <= 5) return FollowsHeadline(NextContent(j), 1);
      // A subtitle without a full stop, then the stamp or byline; the candidate opens its
      // paragraph (a tagline under a masthead line does not).
      if (from >= lines_.size() || paras_[ParaIndex(from)].first != from) return false;
      size_t k = NextContent(j);
      return k < lines_.size() && !SentenceLike(lines_[k]) && FollowsHeadline(k, 1);
    }
    return false;
  }

  bool HeadlineCandidate(size_t i) const {
    const Line& l = lines_[i];
    if (!IsTitleLike(l)) return false;
    std::string_view v = View(l);
    if (IsTimestampLine(v) || ParseByline(v).has_value() || MatchDateline(v).has_value())
      return false;
    if (auto c = FindCredit(v); c.has_value() && c->start == 0) return false;
    if (auto d = ShortLineDate(l); d.has_value()) {
      // A section or byline with a stamp, not a headline, unless the date is a small part.
      if (l.words - 5 <= 3) return false;
    }
    return true;
  }

  void FindHeadline() {
    const std::string& title = a_->hints.title;
    if (!title.empty()) {
      // The folded title was compared with every line in Features (title_whole, title_head).
      if (!title_want_.empty()) {
        for (size_t i = 0; i < lines_.size(); ++i) {
          bool match = lines_[i].title_whole ||
                       (lines_[i].title_head && lines_[i].words <= kMaxHeadlineWords + 5);
          if (match) {
            // A title repeated deep inside the text (a subheading, a closing line) is not the
            // headline of this scrape: article text came before it.
            int body_before = 0;
            for (size_t k = 0; k < i; ++k)
              body_before += lines_[k].furn == F::kNone && BodyLike(lines_[k]);
            if (body_before >= 2) break;
            headline_ = static_cast<int>(i);
            lines_[i].furn = F::kNone;
            return;
          }
        }
      }
      title_unmatched_ = true;
      return;
    }
    int seen = 0;
    for (size_t i = 0; i < lines_.size() && seen < kHeadlineSearchLines; ++i) {
      const Line& l = lines_[i];
      if (l.furn != F::kNone) continue;
      ++seen;
      // A name line directly above a menu is the masthead.
      bool above_menu = i + 1 < lines_.size() && lines_[i + 1].menu && lines_[i + 1].para == l.para;
      if (!above_menu && HeadlineCandidate(i) && FollowsHeadline(NextContent(i), 0, i)) {
        headline_ = static_cast<int>(i);
        // A short name line over a longer title that has its own stamp or byline under it is
        // the masthead ("Northgate Evening Post" / "Northgate storm live: ...").
        size_t j = NextContent(i);
        if (l.words <= 5 && j < lines_.size() && HeadlineCandidate(j) &&
            lines_[j].words > l.words) {
          size_t k = NextContent(j);
          if (k < lines_.size() && !SentenceLike(lines_[k]) && FollowsHeadline(k, 1))
            headline_ = static_cast<int>(j);
        }
        return;
      }
      // Article text began before any title: the scrape has no headline.
      if (BodyLike(l) && l.words >= 15) return;
    }
  }

  void Set(size_t i, BlockRole role, std::string reason = "") {
    Line& l = lines_[i];
    l.pieces.clear();
    l.pieces.push_back(Piece{l.span, role, std::move(reason)});
    l.decided = true;
  }

  void SetFurniture(size_t i, std::string_view fallback) {
    const Line& l = lines_[i];
    std::string_view reason = l.furn != F::kNone ? FurnitureReason(l.furn) : fallback;
    if (reason.empty()) reason = fallback;
    Set(i, BlockRole::kBoilerplate, std::string(reason));
  }

  // Trims separators (| · , — – - and white space) from both ends of [b, e) of the text.
  Span TrimSeparators(uint32_t b, uint32_t e) const {
    std::string_view t(text_);
    auto sep = [](char32_t c) {
      return utf8::IsSpace(c) || c == '|' || c == 0xB7 || c == ',' || c == 0x2014 || c == 0x2013 ||
             c == '-' || c == '/' || c == 0x2022;
    };
    while (b < e) {
      size_t j = b;
      if (!sep(utf8::Next(t, &j))) break;
      b = static_cast<uint32_t>(j);
    }
    while (e > b) {
      size_t j = e;
      if (!sep(utf8::Prev(t, &j))) break;
      e = static_cast<uint32_t>(j);
    }
    return Span{b, e};
  }

  int CountWordsIn(Span s) const {
    std::string_view v = View(s);
    int n = 0;
    bool in = false;
    size_t i = 0;
    while (i < v.size()) {
      bool sp = utf8::IsSpace(utf8::Next(v, &i));
      if (!sp && !in) ++n;
      in = !sp;
    }
    return n;
  }

  bool ShortTitle(Span s, int max_words) const {
    std::string_view v = View(s);
    if (v.empty()) return false;
    int n = CountWordsIn(s);
    if (n < 1 || n > max_words) return false;
    size_t i = 0;
    while (i < v.size()) {
      char32_t c = utf8::Next(v, &i);
      if (IsLowerCp(c)) return false;
      if (IsUpperCp(c) || IsLetterCodePoint(c)) break;
    }
    char last = v.back();
    return last != '.' && last != ':' && last != '?' && last != '!';
  }

  // "Section 25 December 2023, 18:21", "By Jane Doe | Dec 25, 2023", "18:21 Politics".
  bool TrySplitStamp(size_t i) {
    Line& l = lines_[i];
    std::optional<DateMatch> d = ShortLineDate(l);
    if (!d) return false;
    uint32_t ds = l.span.start + d->span.start, de = l.span.start + d->span.end;
    Span before = TrimSeparators(l.span.start, ds);
    Span after = TrimSeparators(de, l.span.end);
    // A label such as "Updated" or a second stamp after the date belongs to the timestamp.
    if (!after.empty() && IsTimestampLine(View(Span{ds, l.span.end}))) after = Span{};
    PieceList pieces;
    auto side = [&](Span s) -> bool {
      if (s.empty()) return true;
      std::string_view v = View(s);
      if (auto b = ParseByline(v); b.has_value() && b->span.size() + 2 >= s.size()) {
        for (std::string& n : b->names) byline_names_.push_back(std::move(n));
        pieces.push_back(Piece{s, BlockRole::kByline, ""});
        return true;
      }
      if (ShortTitle(s, 6)) {
        pieces.push_back(Piece{s, BlockRole::kSection, ""});
        if (section_.empty()) section_ = std::string(v);
        return true;
      }
      return false;
    };
    if (!side(before)) return false;
    Span stamp{ds, after.empty() ? TrimSeparators(ds, l.span.end).end : de};
    pieces.push_back(Piece{stamp, BlockRole::kTimestamp, ""});
    if (!side(after)) return false;
    l.pieces = std::move(pieces);
    l.decided = true;
    return true;
  }

  void SetCaption(size_t i, Span credit) {
    Line& l = lines_[i];
    l.pieces.clear();
    Span cap = TrimSeparators(l.span.start, credit.start);
    if (!cap.empty()) l.pieces.push_back(Piece{cap, BlockRole::kCaption, ""});
    l.pieces.push_back(Piece{credit, BlockRole::kCredit, ""});
    l.decided = true;
  }

  bool TryCaption(size_t i) {
    Line& l = lines_[i];
    if (l.words > 60) return false;
    std::optional<Span> c = FindCredit(View(l));
    if (!c) return false;
    SetCaption(i, Span{l.span.start + c->start, l.span.start + c->end});
    return true;
  }

  bool TryByline(size_t i, bool strict) {
    Line& l = lines_[i];
    // "Reporting by A; additional reporting by B; editing by C" reads like a sentence.
    bool credit_line = l.words >= 3 && (l.lex.kind == F::kNone) && HasReportingCue(View(l));
    if (l.words > 16 || (strict && !credit_line && (SentenceLike(l) || l.ends_period)))
      return false;
    std::optional<Byline> b = ParseByline(View(l));
    if (!b) return false;
    if (strict) {
      for (const std::string& n : b->names)
        if (n.find(' ') == std::string::npos) return false;
    }
    for (std::string& n : b->names) byline_names_.push_back(std::move(n));
    l.pieces.clear();
    Span bs{l.span.start + b->span.start, l.span.start + b->span.end};
    l.pieces.push_back(Piece{bs, BlockRole::kByline, ""});
    Span rest = TrimSeparators(bs.end, l.span.end);
    if (!rest.empty()) {
      bool stamp = IsTimestampLine(View(rest)) || FindDate(View(rest)).has_value();
      l.pieces.push_back(Piece{rest, stamp ? BlockRole::kTimestamp : BlockRole::kByline, ""});
    }
    l.decided = true;
    return true;
  }

  static bool HasReportingCue(std::string_view v) {
    for (std::string_view cue : {std::string_view("Reporting by "), std::string_view("Writing by "),
                                 std::string_view("Editing by ")})
      if (v.starts_with(cue)) return true;
    return false;
  }

  // A line that is only a personal name: two or three capitalised words, nothing else.
  bool TryBareName(size_t i) {
    Line& l = lines_[i];
    if (l.words < 2 || l.words > 3 || l.upper_words != l.words || l.terminal || l.colon_end)
      return false;
    std::string_view v = View(l);
    for (char c : v)
      if ((c >= '0' && c <= '9') || c == ',' || c == '|' || c == ':' || c == '.') return false;
    byline_names_.emplace_back(v);
    Set(i, BlockRole::kByline);
    return true;
  }

  void ClassifyBeforeHeadline() {
    if (headline_ < 0) return;
    size_t h = static_cast<size_t>(headline_);
    // A short title-like line right above the headline is its section ("World", "Politics"),
    // unless it ends a menu of such lines.
    int masthead_line = FindMasthead(h);
    int section_line = -1;
    if (h > 0) {
      size_t p = h - 1;
      const Line& l = lines_[p];
      bool menu = p > 0 && static_cast<int>(p - 1) != masthead_line &&
                  lines_[p - 1].furn == F::kNone && lines_[p - 1].words <= 4 &&
                  !lines_[p - 1].terminal && lines_[p - 1].para == l.para;
      if ((l.furn == F::kNone || l.furn_by_para) && ShortTitle(l.span, 3) && !menu &&
          !IsTimestampLine(View(l)) && static_cast<int>(p) != masthead_line)
        section_line = static_cast<int>(p);
    }
    for (size_t i = 0; i < h; ++i) {
      const Line& l = lines_[i];
      if (static_cast<int>(i) == section_line) {
        Set(i, BlockRole::kSection);
        section_ = std::string(View(l));
      } else if (l.furn != F::kNone) {
        SetFurniture(i, "before headline");
        NoteSelfReference(i);  // "La Gazette des Alpes utilise des cookies ..."
      } else if (static_cast<int>(i) == section_line) {
        Set(i, BlockRole::kSection);
        section_ = std::string(View(l));
      } else if (IsTimestampLine(View(l))) {
        Set(i, BlockRole::kTimestamp);
      } else if (TryByline(i, true) || TrySplitStamp(i)) {
        // set
      } else {
        Set(i, BlockRole::kBoilerplate, "before headline");
      }
    }
    Set(h, BlockRole::kHeadline);
  }

  // The outlet's name at the top of the page, above the headline: the first line that is not
  // furniture, or the first item of a menu line ("Harbor Ledger | News | Sports"). A line
  // "DNA — Dravenian News Agency" gives the expansion when the first part is its acronym.
  int FindMasthead(size_t h) {
    for (size_t i = 0; i < h; ++i) {
      const Line& l = lines_[i];
      if (l.furn != F::kNone && l.furn != F::kNavigation) continue;
      if (l.no_letters) continue;
      std::string_view v = View(l);
      size_t cut = v.size();
      for (std::string_view sep :
           {std::string_view(" | "), std::string_view(" \xE2\x80\x94 "),
            std::string_view(" \xE2\x80\x93 "), std::string_view(" - "), std::string_view("   ")}) {
        size_t p = v.find(sep);
        if (p != std::string_view::npos && p < cut) cut = p;
      }
      std::string_view name = v.substr(0, cut);
      std::string_view rest = cut < v.size() ? v.substr(cut) : std::string_view();
      if (l.furn == F::kNavigation && rest.empty()) continue;
      int words = 1 + static_cast<int>(std::count(name.begin(), name.end(), ' '));
      if (name.empty() || words > 5 || name.back() == '.' || name.back() == ':' ||
          name.back() == '?' || name.back() == '!')
        return -1;
      size_t k = 0;
      char32_t c0 = utf8::Next(name, &k);
      if (!IsUpperCp(c0) && !(c0 >= '0' && c0 <= '9')) return -1;
      FoldedLine f;
      FoldLine(name, &f);
      if (MatchFurniture(f).kind != F::kNone) return -1;
      // A lone line right above the headline is its section ("Économie"), not a masthead.
      if (i + 1 == h && rest.empty()) return -1;
      masthead_ = TitleCaseIfShouting(name);
      // "DNA — Dravenian News Agency": the acronym's expansion.
      if (!rest.empty() && words == 1) {
        size_t b = rest.find_first_not_of(" |-");
        if (b != std::string_view::npos) {
          std::string_view full = rest.substr(b);
          if (full.starts_with("\xE2\x80\x94 ") || full.starts_with("\xE2\x80\x93 "))
            full.remove_prefix(4);
          size_t e = full.find(" | ");
          if (e != std::string_view::npos) full = full.substr(0, e);
          std::string initials;
          bool all_upper = true;
          size_t p = 0;
          while (p < full.size()) {
            size_t q = full.find(' ', p);
            if (q == std::string_view::npos) q = full.size();
            if (q > p) {
              char ch = full[p];
              if (ch >= 'A' && ch <= 'Z')
                initials.push_back(ch);
              else
                all_upper = false;
            }
            p = q + 1;
          }
          if (all_upper && initials.size() >= 2 && initials == name) masthead_full_ = full;
        }
      }
      return l.furn == F::kNone ? static_cast<int>(i) : -1;
    }
    return -1;
  }

  // "THE DAILY CLARION" -> "The Daily Clarion" (ASCII letters only; other names as written).
  static std::string TitleCaseIfShouting(std::string_view s) {
    bool lower = false, upper = false;
    for (char c : s) {
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    std::string out(s);
    if (lower || !upper || s.size() <= 5) return out;
    bool start = true;
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c + 32);
      start = c == ' ' || c == '-';
    }
    return out;
  }

  // Lines between the headline (or the top) and the article text. Returns the first body line.
  size_t ClassifyHeader() {
    size_t i = headline_ >= 0 ? static_cast<size_t>(headline_) + 1 : 0;
    bool standfirst_done = false;
    bool section_allowed = headline_ >= 0;
    size_t last_stamp = SIZE_MAX - 1;
    while (i < lines_.size()) {
      Line& l = lines_[i];
      std::string_view v = View(l);
      if (l.furn != F::kNone) {
        SetFurniture(i, "");
        NoteSelfReference(i);
        ++i;
        continue;
      }
      if (l.no_letters && !IsTimestampLine(v)) {
        Set(i, BlockRole::kBoilerplate, "symbol line");
        ++i;
        continue;
      }
      if (IsTimestampLine(v) || (l.words <= 30 && FindTimestampInMetaLine(v).has_value())) {
        Set(i, BlockRole::kTimestamp);
        last_stamp = i;
        ++i;
        continue;
      }
      // A bare name next to the stamp ("25.12.2023, 18:21" / "Katarzyna Wróblewska").
      if (last_stamp + 1 == i && TryBareName(i)) {
        ++i;
        continue;
      }
      if (TrySplitStamp(i) || TryByline(i, true) || TryCaption(i)) {
        if (lines_[i].pieces.back().role == BlockRole::kTimestamp) last_stamp = i;
        ++i;
        continue;
      }
      if (MatchDateline(ParagraphFrom(i)).has_value()) return i;
      const Paragraph& p = paras_[ParaIndex(i)];
      // A summary line without a full stop counts when the dateline paragraph follows it.
      bool dateline_next = !standfirst_done && p.first == i && !SentenceLike(l) && p.words >= 6 &&
                           p.last + 1 < lines_.size() &&
                           MatchDateline(ParagraphFrom(p.last + 1)).has_value();
      // A subtitle right under the headline, without a full stop.
      bool subtitle = headline_ >= 0 && i == static_cast<size_t>(headline_) + 1 && p.first == i &&
                      p.first == p.last && IsTitleLike(l) && l.words >= 6;
      if (!standfirst_done && p.first == i && (SentenceLike(l) || dateline_next || subtitle) &&
          p.words < kMaxStandfirstWords && IsStandfirst(p)) {
        for (size_t k = p.first; k <= p.last; ++k) Set(k, BlockRole::kStandfirst);
        standfirst_done = true;
        section_allowed = false;
        i = p.last + 1;
        continue;
      }
      if (section_allowed && section_.empty() && ShortTitle(l.span, 5) && p.first == p.last &&
          !SentenceLike(l)) {
        Set(i, BlockRole::kSection);
        section_ = std::string(v);
        section_allowed = false;
        ++i;
        continue;
      }
      return i;
    }
    return i;
  }

  bool IsStandfirst(const Paragraph& p) const {
    // The next paragraph that is not furniture, caption, byline or stamp.
    size_t j = p.last + 1;
    bool meta_between = false;
    while (j < lines_.size()) {
      const Line& l = lines_[j];
      std::string_view v = View(l);
      if (l.furn != F::kNone || l.no_letters) {
        ++j;
        continue;
      }
      if (IsTimestampLine(v) || ParseByline(v).has_value() ||
          (l.words <= 14 && FindDate(v).has_value() && !SentenceLike(l)) ||
          FindCredit(v).has_value()) {
        meta_between = true;
        ++j;
        continue;
      }
      break;
    }
    if (j >= lines_.size()) return false;  // nothing follows: it is the body
    if (MatchDateline(ParagraphFrom(j)).has_value()) return true;
    if (meta_between) return true;
    const Line& last = lines_[p.last];
    return !last.terminal && !last.colon_end && BodyLike(lines_[j]);
  }

  size_t ParaIndex(size_t line) const {
    // Paragraph indices follow line order; binary search.
    size_t lo = 0, hi = paras_.size();
    while (lo + 1 < hi) {
      size_t mid = (lo + hi) / 2;
      if (paras_[mid].first <= line)
        lo = mid;
      else
        hi = mid;
    }
    return lo;
  }

  // The text from line `i` to the end of its paragraph.
  std::string_view ParagraphFrom(size_t i) const {
    const Paragraph& p = paras_[ParaIndex(i)];
    Span s{lines_[i].span.start, lines_[p.last].span.end};
    return View(s);
  }

  // Appeal vocabulary of a paragraph: appeal words, first-person plural and reader address,
  // and the outlet naming itself.
  double AppealScore(const Paragraph& p, size_t from) const {
    double score = 0;
    for (size_t k = std::max(from, p.first); k <= p.last; ++k) {
      const Line& l = lines_[k];
      score += l.wc.appeal + 0.5 * (l.wc.we + l.wc.you);
      if (!self_name_folded_.empty()) {
        std::string f = FoldText(View(l));
        size_t pos = 0;
        while ((pos = f.find(self_name_folded_, pos)) != std::string::npos) {
          score += 1;
          pos += self_name_folded_.size();
        }
      }
    }
    return score;
  }

  int ParaWords(const Paragraph& p, size_t from) const {
    int w = 0;
    for (size_t k = std::max(from, p.first); k <= p.last; ++k) w += lines_[k].words;
    return w;
  }

  // Article text resumes after furniture: a real sentence with little appeal vocabulary.
  bool ResumesArticle(const Paragraph& p, size_t from) const {
    bool sentence = false;
    for (size_t k = std::max(from, p.first); k <= p.last; ++k) {
      const Line& l = lines_[k];
      if (l.furn != F::kNone) return false;
      if (SentenceLike(l) && l.words >= 8) sentence = true;
    }
    if (!sentence) return false;
    double score = AppealScore(p, from);
    int words = std::max(1, ParaWords(p, from));
    return score < 2 || score / words < 0.05;
  }

  bool AppealParagraph(const Paragraph& p, size_t from) const {
    // An appeal phrase that decides a short line, or one inside dense appeal vocabulary: a
    // quote that mentions "our journalism" once is reporting.
    bool phrase = false, strong = false;
    for (size_t k = std::max(from, p.first); k <= p.last; ++k) {
      const LexiconMatch& m = lines_[k].lex;
      if (m.kind == F::kDonation || m.kind == F::kAppealHeader || m.kind == F::kSubscription) {
        phrase = true;
        strong |= m.strong;
      }
    }
    if (!phrase) return false;
    double score = AppealScore(p, from);
    int words = std::max(1, ParaWords(p, from));
    if (strong) return score >= 3 && score / words >= 0.1;
    return score >= 4 && score / words >= 0.15;
  }

  enum class Mode { kBody, kAppeal, kSoft, kHard };

  void NoteSelfReference(size_t i) {
    std::string name = SelfReferenceOutlet(View(lines_[i]));
    if (name.empty()) return;
    self_refs_.push_back(name);
    if (self_name_folded_.empty()) self_name_folded_ = FoldText(name);
  }

  void ClassifyBody(size_t start) {
    Mode mode = Mode::kBody;
    std::string soft_reason = "after article end";
    bool body_seen = false;
    size_t i = start;
    while (i < lines_.size()) {
      Line& l = lines_[i];
      const Paragraph& p = paras_[ParaIndex(i)];
      bool para_start = (i == p.first) || i == start;
      if (l.decided) {
        ++i;
        continue;
      }
      if (l.furn != F::kNone) {
        SetFurniture(i, soft_reason);
        NoteSelfReference(i);
        F k = l.furn;
        if (k == F::kAppealHeader || k == F::kDonation) {
          mode = Mode::kAppeal;
        } else if ((k == F::kComments || k == F::kCopyright || k == F::kAboutBox) && body_seen) {
          mode = Mode::kHard;
        } else if (IsTerminalFurniture(k) || k == F::kReadMore || k == F::kSubscription) {
          if (mode == Mode::kBody) {
            mode = Mode::kSoft;
            soft_reason =
                (k == F::kRelated || k == F::kReadMore) ? "related links" : "after article end";
          }
        }
        ++i;
        continue;
      }
      if (para_start && mode != Mode::kBody && mode != Mode::kHard && ResumesArticle(p, i)) {
        mode = Mode::kBody;
      }
      if (mode == Mode::kAppeal) {
        NoteSelfReference(i);
        Set(i, BlockRole::kBoilerplate, "donation appeal");
        ++i;
        continue;
      }
      if (mode == Mode::kSoft) {
        NoteSelfReference(i);
        Set(i, BlockRole::kBoilerplate, soft_reason);
        ++i;
        continue;
      }
      if (mode == Mode::kHard) {
        NoteSelfReference(i);
        Set(i, BlockRole::kBoilerplate, "after article end");
        ++i;
        continue;
      }
      // Article text.
      if (para_start && AppealParagraph(p, i)) {
        for (size_t k = i; k <= p.last; ++k) {
          if (!lines_[k].decided) {
            NoteSelfReference(k);
            Set(k, BlockRole::kBoilerplate, "donation appeal");
          }
        }
        mode = Mode::kAppeal;
        i = p.last + 1;
        continue;
      }
      if (l.no_letters && !IsTimestampLine(View(l))) {
        Set(i, BlockRole::kBoilerplate, "symbol line");
        ++i;
        continue;
      }
      if (l.words <= 6 && IsTimestampLine(View(l))) {
        Set(i, BlockRole::kTimestamp);  // live-blog entry times
        ++i;
        continue;
      }
      if (TryCaption(i)) {
        ++i;
        continue;
      }
      if (body_seen && TryByline(i, true)) {
        ++i;
        continue;
      }
      Set(i, BlockRole::kBody);
      body_seen = true;
      ++i;
    }
  }

  // The dateline opening the first body paragraph: a dateline piece, the rest stays body.
  void SplitDateline() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.pieces.size() != 1 || l.pieces[0].role != BlockRole::kBody) {
        bool any_body = false;
        for (const Piece& pc : l.pieces) any_body |= pc.role == BlockRole::kBody;
        if (any_body) return;
        continue;
      }
      std::optional<DatelineMatch> m = MatchDateline(View(l));
      if (!m || m->span.end == 0) return;
      uint32_t de = l.span.start + m->span.end;
      Span dl = TrimSeparators(l.span.start, de);
      dl.start = l.span.start;  // keep the place as written
      // Keep the dateline's own closing punctuation ("/TASS/.", "—") inside it.
      dl.end = de;
      while (dl.end > dl.start && utf8::IsSpace(text_[dl.end - 1])) --dl.end;
      Span rest{de, l.span.end};
      while (rest.start < rest.end) {
        size_t j = rest.start;
        if (!utf8::IsSpace(utf8::Next(text_, &j))) break;
        rest.start = static_cast<uint32_t>(j);
      }
      l.pieces.clear();
      l.pieces.push_back(Piece{dl, BlockRole::kDateline, ""});
      if (!rest.empty()) l.pieces.push_back(Piece{rest, BlockRole::kBody, ""});
      Dateline d;
      d.place = std::move(m->place);
      d.date = std::move(m->date);
      d.agency = std::move(m->agency);
      d.span = dl;
      a_->dateline = std::move(d);
      return;
    }
  }

  void EmitBlocks() {
    std::vector<Block>& out = a_->blocks;
    out.clear();
    int last_para = -1;
    for (size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.pieces.empty()) l.pieces.push_back(Piece{l.span, BlockRole::kBody, ""});
      for (Piece& pc : l.pieces) {
        if (pc.span.empty()) continue;
        // Consecutive body lines of one paragraph form one block.
        if (pc.role == BlockRole::kBody && !out.empty() && out.back().role == BlockRole::kBody &&
            last_para == l.para && &pc == &l.pieces.front()) {
          out.back().span.end = pc.span.end;
          continue;
        }
        out.push_back(Block{pc.role, pc.span, std::move(pc.reason)});
        last_para = l.para;
      }
      last_para = l.para;
    }
  }

 public:
  // Hash64(FoldText(block text)) per emitted block. A block made of whole lines joins the
  // lines' folds with spaces, which is what folding the block would give: the bytes between
  // lines of a block are white space, which folding turns into one separator. Other blocks
  // (pieces of a line) are folded afresh.
  void BlockFoldHashes(std::vector<uint64_t>* out) const {
    out->clear();
    out->reserve(a_->blocks.size());
    std::string joined;
    size_t li = 0;
    for (const Block& b : a_->blocks) {
      while (li < lines_.size() && lines_[li].span.end <= b.span.start) ++li;
      size_t lj = li;
      while (lj < lines_.size() && lines_[lj].span.end < b.span.end) ++lj;
      joined.clear();
      if (li < lines_.size() && lj < lines_.size() && lines_[li].span.start == b.span.start &&
          lines_[lj].span.end == b.span.end) {
        for (size_t k = li; k <= lj; ++k) {
          std::string_view f = std::string_view(folds_).substr(
              lines_[k].fold_begin, lines_[k].fold_end - lines_[k].fold_begin);
          if (f.empty()) continue;
          if (!joined.empty()) joined.push_back(' ');
          joined.append(f);
        }
      } else {
        joined = FoldText(View(b.span));
      }
      out->push_back(joined.empty() ? 0 : Hash64(joined));
    }
  }

 private:
  static std::string Collapse(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    size_t i = 0;
    while (i < s.size()) {
      size_t j = i;
      char32_t c = utf8::Next(s, &j);
      if (utf8::IsSpace(c)) {
        space = !out.empty();
      } else {
        if (space) out.push_back(' ');
        space = false;
        out.append(s.substr(i, j - i));
      }
      i = j;
    }
    return out;
  }

  // A digit, '/' or '.', digit: "09/01", "25.12".
  static bool HasNumericDate(std::string_view s) {
    for (size_t i = 1; i + 1 < s.size(); ++i)
      if ((s[i] == '/' || s[i] == '.') && s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' &&
          s[i + 1] <= '9')
        return true;
    return false;
  }

  static int YearOf(std::string_view s) {
    if (s.size() >= 4 && s[0] >= '1' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
        s[2] <= '9' && s[3] >= '0' && s[3] <= '9' && (s.size() == 4 || s[4] == '-'))
      return (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (auto d = FindDate(s); d && d->year > 0) return d->year;
    return 0;
  }

  void FillMetadata() {
    Article& a = *a_;
    std::string body_text;
    bool has_body = false;
    size_t first_body = SIZE_MAX;
    for (size_t k = 0; k < a.blocks.size(); ++k) {
      const Block& b = a.blocks[k];
      switch (b.role) {
        case BlockRole::kHeadline:
          if (a.headline.empty()) a.headline = Collapse(View(b.span));
          break;
        case BlockRole::kStandfirst:
          if (!a.standfirst.empty()) a.standfirst += ' ';
          a.standfirst += Collapse(View(b.span));
          break;
        case BlockRole::kBody:
          has_body = true;
          first_body = std::min(first_body, k);
          break;
        default:
          break;
      }
    }
    if (a.headline.empty() && title_unmatched_) a.headline = a_->hints.title;
    a.section = Collapse(section_);
    for (std::string& n : byline_names_) {
      std::string c = Collapse(n);
      if (std::find(a.byline.begin(), a.byline.end(), c) == a.byline.end())
        a.byline.push_back(std::move(c));
    }

    // Publication time: a stamp near the headline, then the dateline, then the record.
    int hint_year = a.hints.date.empty() ? 0 : YearOf(a.hints.date);
    for (size_t k = 0; k < a.blocks.size() && k < first_body; ++k) {
      const Block& b = a.blocks[k];
      if (b.role != BlockRole::kTimestamp) continue;
      std::string_view stamp = View(b.span);
      // "09/01/2024": the page's own unambiguous dates decide the order.
      DateOrder order = DateOrder::kUnknown;
      if (HasNumericDate(stamp)) order = FindDateOrderHint(text_);
      std::optional<DateMatch> d = FindDate(stamp, hint_year, order);
      if (d && d->year == 0) {
        int year = FindYearHint(text_);
        if (year > 0) d = FindDate(stamp, year, order);
      }
      if (!d || d->year == 0) continue;
      a.published = Published{d->Iso(), "text:timestamp", d->year_inferred ? 0.7 : 0.9};
      break;
    }
    if (!a.published && a.dateline && !a.dateline->date.empty()) {
      int year = hint_year;
      double confidence = 0.6;
      if (year == 0) {
        // A year stated elsewhere in the article text (not in furniture).
        for (const Block& b : a.blocks) {
          if (b.role != BlockRole::kBody && b.role != BlockRole::kTimestamp) continue;
          std::optional<DateMatch> d = FindDate(View(b.span));
          if (d && d->year > 0 && !d->year_inferred) {
            year = d->year;
            confidence = 0.5;
            break;
          }
        }
      }
      std::optional<DateMatch> d = FindDate(a.dateline->date, year);
      if (d && d->year > 0) {
        a.published = Published{d->Iso(), "text:dateline", d->year_inferred ? confidence : 0.7};
      }
    }
    if (!a.published && !a.hints.date.empty()) {
      std::optional<DateMatch> d = FindDate(a.hints.date);
      if (d && d->year > 0) a.published = Published{d->Iso(), "record:date", 0.8};
    }

    // Outlet: an explicit hint, then the dateline agency, then the outlet naming itself.
    // A wire story republished by a site is the site's: its copyright line and masthead name
    // the outlet; the dateline agency is the outlet only when the page names nobody else.
    if (!a.hints.outlet.empty()) {
      a.outlet = a.hints.outlet;
    } else if (!masthead_full_.empty()) {
      a.outlet = masthead_full_;
    } else if (self_refs_.empty() && !masthead_.empty()) {
      a.outlet = masthead_;
    } else if (self_refs_.empty() && a.dateline && !a.dateline->agency.empty()) {
      a.outlet = a.dateline->agency;
    } else if (!self_refs_.empty()) {
      std::map<std::string, int> votes;
      std::string best;
      int best_votes = 0;
      for (const std::string& s : self_refs_) {
        int v = ++votes[s];
        if (v > best_votes) best = s, best_votes = v;
      }
      // The agency's own copyright line on its wire copy: the agency, as the dateline names it.
      if (a.dateline && !a.dateline->agency.empty() && CanonicalAgency(best) == a.dateline->agency)
        best = a.dateline->agency;
      a.outlet = best;
    }

    // Re-extraction replaces this stage's own warnings instead of repeating them.
    std::erase_if(a.warnings, [](const std::string& w) {
      return w == "no headline found" || w == "no body found";
    });
    if (a.headline.empty()) a.warnings.push_back("no headline found");
    if (!has_body) a.warnings.push_back("no body found");
  }

  Article* a_;
  const std::string& text_;
  std::vector<Line> lines_;
  std::vector<Paragraph> paras_;
  // Scratch reused by every article this thread extracts (their buffers keep their capacity).
  struct Scratch {
    FoldedLine folded;
    FoldedLine label;
  };
  static Scratch& ThreadScratch() {
    static thread_local Scratch scratch;
    return scratch;
  }
  FoldedLine& folded_ = ThreadScratch().folded;
  FoldedLine& label_ = ThreadScratch().label;  // for "Label:" prefixes
  int headline_ = -1;
  bool title_unmatched_ = false;
  std::string section_;
  std::vector<std::string> byline_names_;
  std::vector<std::string> self_refs_;
  std::string self_name_folded_;
  std::string masthead_;
  std::string masthead_full_;
  std::string title_want_;  // FoldText(hints.title)
  std::string folds_;       // every line's FoldText, back to back (see Line::fold_begin)
  bool wide_gap_ = false;   // the line being featured has a run of 3+ spaces
};

}  // namespace

namespace {

void Reset(Article* article) {
  article->blocks.clear();
  article->headline.clear();
  article->standfirst.clear();
  article->section.clear();
  article->published.reset();
  article->dateline.reset();
  article->byline.clear();
}

}  // namespace

void ExtractFromText(Article* article) {
  Reset(article);
  Extractor(article).Run();
}

void ExtractFromText(Article* article, std::vector<uint64_t>* block_fold_hashes) {
  Reset(article);
  Extractor extractor(article);
  extractor.Run();
  extractor.BlockFoldHashes(block_fold_hashes);
}

}  // namespace parallax::extract
