#include "src/quotes/quotes.h"

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "src/base/utf8.h"
#include "src/entities/resolve.h"
#include "src/quotes/lexicon.h"
#include "src/quotes/marks.h"
#include "src/text/sentences.h"

namespace parallax::quotes {
namespace {

enum class Kind : uint8_t {
  kWord,
  kNumber,
  kComma,
  kStop,  // . ! ? …
  kColon,
  kSemicolon,
  kDash,
  kOpenQuote,   // the opening mark of an outermost quoted span
  kCloseQuote,  // its closing mark
  kOpenParen,
  kCloseParen,
  kOther,  // nested quotation marks, symbols
};

struct Tok {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t flags = 0;  // LexFlag bits (words only)
  Kind kind = Kind::kOther;
  bool cap = false;    // starts with an upper-case letter
  int32_t quote = -1;  // outermost quoted span holding the token (marks: the span they delimit)
};

// An outermost quoted span of the block, with its mark tokens.
struct TopQuote {
  uint32_t open = 0;
  uint32_t inner_start = 0;
  uint32_t inner_end = 0;
  uint32_t end = 0;
  bool unterminated = false;
  int open_tok = -1;
  int close_tok = -1;  // -1 when unterminated
  int words = 0;
  bool is_double = true;
  bool used = false;
};

// One attribution found in a block, before it becomes a Quote.
struct Attr {
  Span content;
  bool direct = false;
  Span speaker;  // empty = none
  bool speaker_pronoun = false;
  Span cue;        // empty = none
  Span channel;    // empty = none
  int quote = -1;  // the quoted span that is the whole content, if any
};

// Words a quotation needs before it is taken as speech without any cue around it (shorter
// ones are mostly scare quotes, titles and slogans).
constexpr int kMinFreeQuoteWords = 7;
// Words a shorter quotation needs to be taken as an embedded quote of the sentence's subject
// ("Roe called the plan “a slow disaster”").
constexpr int kMinEmbeddedQuoteWords = 2;

bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }

// Capitalised: ASCII, Latin-1/Latin Extended-A capitals (approximate), Cyrillic, Greek capitals.
bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return IsAsciiUpper(c);
  if (s.size() < 2) return false;
  unsigned char d = static_cast<unsigned char>(s[1]);
  if (c == 0xD0) return d == 0x81 || (d >= 0x90 && d <= 0xAF) || (d >= 0x80 && d <= 0x8F);
  if (c == 0xC3) return d >= 0x80 && d <= 0x9E && d != 0x97;
  if (c == 0xC4 || c == 0xC5) return (d & 1) == 0;
  if (c == 0xCE) return d >= 0x91 && d <= 0xA9;
  return false;
}

bool IsWordCp(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  if (utf8::IsSpace(c)) return false;
  if (c >= 0x2010 && c <= 0x206F) return false;
  if (c == 0xAB || c == 0xBB || c == 0xBF || c == 0xA1 || c == 0xB7 || c == 0xA9 || c == 0xAE)
    return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xFF01 && c <= 0xFF0F) return false;
  return true;
}

// IsWordCp for ASCII bytes, as a table: letters and digits (false for every byte >= 0x80).
struct AsciiWordTable {
  bool v[256] = {};
  constexpr AsciiWordTable() {
    for (int c = 0; c < 128; ++c)
      v[c] = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  constexpr bool operator[](unsigned char c) const { return v[c]; }
};
constexpr AsciiWordTable kAsciiWord;

inline char32_t CpAt(std::string_view text, size_t i, size_t hi, size_t* next) {
  unsigned char b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    *next = i + 1;
    return b;
  }
  size_t j = i;
  char32_t c = utf8::Next(text.substr(0, hi), &j);
  *next = j;
  return c;
}

// A transcript turn: a block that opens (after an optional opening quote mark) with a speaker
// label in capitals and a colon ("ROE: We will reopen.", "“ADA LUNN: ..."). Sets *label to the
// name and *content_start to the first byte after the colon's white space. Section labels
// ("UPDATE:", "CORRECTION:", "VIDEO:") are not speakers.
bool TranscriptLabel(std::string_view text, Span block, Span* label, uint32_t* content_start) {
  uint32_t i = block.start, hi = std::min<uint32_t>(block.end, static_cast<uint32_t>(text.size()));
  while (i < hi && (text[i] == ' ' || text[i] == '\t')) ++i;
  if (i < hi && text[i] == '"') {
    ++i;
  } else if (i + 2 < hi && text.compare(i, 3, "\xE2\x80\x9C") == 0) {  // “
    i += 3;
  }
  uint32_t s = i;
  int upper = 0, words = 1;
  while (i < hi && i - s <= 40) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      ++upper;
    } else if (c == ' ') {
      ++words;
    } else if (c != '.' && c != '\'' && c != '-') {
      break;
    }
    ++i;
  }
  if (i + 1 >= hi || text[i] != ':' || upper < 2 || words > 4 || text[i - 1] == ' ' ||
      !(text[i + 1] == ' ' || text[i + 1] == '\t'))
    return false;
  static constexpr std::string_view kSections[] = {
      "UPDATE", "UPDATED",       "CORRECTION", "CORRECTIONS", "BYLINE",   "VIDEO",
      "WATCH",  "EXCLUSIVE",     "EMAIL",      "PREVIOUSLY",  "RELATED",  "READ MORE",
      "NOTE",   "EDITOR'S NOTE", "PHOTOS",     "PHOTO",       "BREAKING", "LIVE",
      "SOURCE", "SOURCES",       "ANALYSIS",   "OPINION",     "AP"};
  std::string_view name = text.substr(s, i - s);
  for (std::string_view w : kSections)
    if (name == w) return false;
  uint32_t c = i + 1;
  while (c < hi && (text[c] == ' ' || text[c] == '\t')) ++c;
  if (c >= hi) return false;
  *label = Span{s, i};
  *content_start = c;
  return true;
}

class BlockScanner {
 public:
  BlockScanner(const Article& article, const Lexicon& lex, std::vector<Attr>* out)
      : a_(article), text_(article.text), lex_(lex), out_(out) {}

  // Scans one block; `sentences` are the sentence spans inside it (may be empty).
  void Scan(Span block, bool title_case, const Sentence* sent_begin, const Sentence* sent_end,
            bool starts_with_continuation, const Attr* runon_from,
            const Attr* prev_direct = nullptr, const Attr* colon_lead = nullptr,
            const Attr* prev_speaker = nullptr);

  // The attribution whose quote ran on past the end of the last scanned block, if any.
  // The block ended with "Roe continued:"; its speaker and cue, for a quote opening the next.
  const Attr* colon_lead() const { return pending_colon_ ? &pending_colon_attr_ : nullptr; }
  bool has_runon() const { return runon_index_ >= 0; }
  // The article is a transcript (several blocks open with capitalised speaker labels): blocks
  // with a label are turns of that speaker, and a following block that opens with a quote mark
  // and no label goes on with the same turn.
  void set_transcript(bool on) { transcript_ = on; }
  int runon_index() const { return runon_index_; }

 private:
  void Tokenize(Span block);
  void ProcessUnit(int u0, int u1);
  bool IsWord(int i) const { return toks_[i].kind == Kind::kWord; }
  bool Has(int i, uint32_t f) const { return toks_[i].kind == Kind::kWord && (toks_[i].flags & f); }
  bool IsLyAdverb(int i) const;
  bool IsPossessive(int i) const;
  bool IsWordLower(int i, std::string_view w) const;
  // Token i is one of `words` (lower-case ASCII), ignoring ASCII case.
  bool IsAnyWordLower(int i, std::span<const std::string_view> words) const;
  // Token i is the dot of a title abbreviation before a capitalised word ("Mr. Lunn",
  // "Sen. Roe", "Dr. Ada Lunn").
  bool IsTitleAbbrevDot(int i, int hi) const;
  // Token i (right after a comma) opens a clause of the writer's that ends an indirect content:
  // "but", "while", "although", "though", "whereas", "despite", "which", "even", "compared".
  bool AsideAfterComma(int i) const;
  // A poll as the source of a finding: "In a Lunn County poll released Monday, 52 percent
  // backed the levy" (content after the comma). The cue is "in", the speaker the poll phrase.
  // (The trailing shape, "Roe leads by six points in the latest poll", was tried: 17 right
  // against 54 wrong on train.)
  void PollFrame(int u0, int u1);
  // The subject starting at token s opens a subordinate or relative clause: a subordinating
  // conjunction right before it at the start of the unit or after a comma ("While Roe said",
  // ", because Lunn says"), a relative "who" after a comma (", who said"), or "which"/"that"
  // after a comma right before it (", which officials said").
  bool SubordinateSubject(int s, int u0) const;
  // The comma at c opens a new main clause: a subject noun phrase (a name or a determiner
  // first), then a cue verb ("..., the governor blamed ...", "..., the AP reported").
  bool NewClauseAfterComma(int c, int hi) const;
  // The preposition at k opens a complement of an object ("a role in the strike"), not a
  // channel ("in an interview") or a time ("on Tuesday"): the words up to the next
  // preposition, boundary or punctuation hold a noun and no channel noun, platform, time word
  // or subject pronoun.
  bool ComplementPhrase(int k, int hi) const;
  int SkipAuxBack(int j, int lo) const;
  // Speaker noun phrase ending at token j (inclusive), scanning back no further than lo.
  // Returns the first token index, or -1.
  int BackNP(int j, int lo) const;
  // Noun phrase starting at k; returns the last token index, or -1.
  int FwdNP(int k, int hi) const;
  bool LooksLikeSpeaker(int s, int e) const;
  // Skips time words, channel phrases and (for tell verbs) the addressee after a cue.
  int SkipAfterCue(int k, int hi, bool tell, Attr* attr) const;
  int PrepPhrase(int k, int hi, bool* channel, bool* time) const;
  // Fills attr->content from token k to the unit end. False when there is no content.
  bool ContentAfter(int k, int hi, Attr* attr);
  // Fills attr->content with the clause that ends at the boundary token b (a comma, dash or
  // closing quote before an inverted "..., X said").
  bool ContentBefore(int b, int lo, Attr* attr);
  // The object phrase of a stance verb from token k ("endorsed [Ada Lunn] on Monday").
  bool ObjectContent(int k, int hi, Attr* attr);
  // "Name: content" at the start of a headline, or "Name: “quote”" opening a paragraph.
  bool ColonAttribution(int u0, int u1);
  // "Asked whether ..., X said": the question as a speakerless attribution.
  bool AskedClause(int i, int u0, int u1);
  int SubjectAtStart(int u0, int hi, int* end) const;
  bool AtClauseEnd(int k, int hi) const;
  // True when token e (not inside a quote) closes an indirect content: ", saying ...",
  // ", according to ...", "and said ...", ", but added ...", ", mocking ...".
  bool EndsContent(int e, int hi) const;
  // The closing quote at e follows a comma inside the quote ("...,” adding").
  bool CommaBefore(int e) const { return toks_[e].start > 0 && text_[toks_[e].start - 1] == ','; }
  // The closing quote at e ends with , ? ! or a dash inside the marks (nested closing single
  // marks skipped): the quotation ends a clause and an attribution may follow ("“A,” she said").
  bool QuoteClosesClause(int e) const;
  bool IsIngWord(int i) const;
  // "one", "two", "three", "some", "many", "most", "several", "few", "both", "all": a quantity
  // that can stand for a group of speakers ("Many say ...").
  bool IsQuantity(int i) const;
  // Token i is a verb the lexicon does not list, right after a name, pronoun or role noun and
  // right before "that" and a clause: "Roe groused that the fees were too high".
  bool UnlistedVerbBeforeThat(int i, int u0, int u1) const;
  // The frame of a learned cue at token i (one kLearn* flag, from the token after it), or 0.
  uint32_t LearnedFrame(int i, int u1) const;
  // Token i is a word of the learned cue table (`learned`: its kLearn* flags) in a frame it is
  // learned for, after a subject: "Roe unleashed a tirade ...", "she is defending the plan",
  // "Lunn focused on the fees". Emits the attribution (speaker = subject, content = what follows
  // the verb, or its particle) and returns true; false when the clause does not fit.
  bool LearnedCue(int i, int u0, int u1, uint32_t learned);
  // "about", "on", "for", "against", ...: the particle of a learned cue ("focused on").
  bool IsParticle(int i) const;
  // "The plan was rejected by the council": a passive cue at i after the "be" at j, with its
  // agent; the subject is the content, the agent the speaker. (Without an agent, as a
  // speakerless attribution, it was tried: worse on both splits.)
  void PassiveCue(int i, int j, int u0, int u1);
  // Word shape of a learning-mode candidate: lower-case ASCII letters (inner ' or -), 3+ bytes.
  bool LearnableWord(int i) const;
  // The quoted span q opens the unit (nothing but punctuation before its opening mark).
  bool QuoteOpensUnit(int q, int u0) const {
    if (q < 0 || quotes_[q].open_tok < u0) return false;
    for (int m = u0; m < quotes_[q].open_tok; ++m)
      if (toks_[m].kind == Kind::kWord || toks_[m].kind == Kind::kNumber) return false;
    return true;
  }
  // Token k opens an adjunct after a cue ("in Ohio", "Tuesday", "after the vote", "angrily",
  // "adding"), not a clause of content.
  bool AdjunctStart(int k) const;
  // The clause that ends at the comma or dash b is an adverbial ("In Texas,", "Asked about it,",
  // "According to the poll,", "Speaking on radio,"), not content.
  bool AdverbialBefore(int b, int lo) const;
  void MarkQuotesIn(Span content, Attr* attr);
  // Sets attr->content to tokens [first, last] when they hold a word or number (else false);
  // with to_unterminated_end, a last token inside an unterminated quote extends it to the
  // quote's end (the end of the block).
  bool SetContent(int first, int last, bool to_unterminated_end, Attr* attr);
  // The speaker of a quotation no cue claimed, from its own unit: the subject that opens the
  // unit ("Grandi, the UN refugee chief, reacted coolly: “...”"), or a short name (or pronoun)
  // and a verb right after it ("“...” Roe grumbled", "“...” grumbled Roe"). False when none.
  bool FreeQuoteSpeaker(const TopQuote& q, Attr* attr) const;
  // A quotation without a cue reads as speech, not as a title ("“Crippled Nation: How We Lost
  // It,”") or a headline credited to its writer ("“...,” by Ada Lunn").
  bool FreeQuoteLooksLikeSpeech(const TopQuote& q) const;
  // A short quotation no cue claimed, inside a clause whose subject opens the unit and whose verb
  // stands before it: "Roe called the plan “a slow disaster”", "Lunn credited the crews with
  // “saving the port”". Emits it with the subject as speaker, the verb as cue and the words from
  // the verb's object to the closing mark as content; does nothing when the clause does not
  // fit.
  void EmbeddedQuote(TopQuote& q, int qi, size_t first_out);
  void Emit(const Attr& attr) { out_->push_back(attr); }
  Span SpanOf(int s, int e) const { return Span{toks_[s].start, toks_[e].end}; }

  const Article& a_;
  std::string_view text_;
  const Lexicon& lex_;
  std::vector<Attr>* out_;
  std::vector<Tok> toks_;
  std::vector<TopQuote> quotes_;
  std::vector<QuotedSpan> spans_;
  int runon_index_ = -1;
  bool pending_colon_ = false;  // the last unit scanned ended with "X continued:"
  bool transcript_ = false;
  bool learn_all_ = internal::LearnAllCues();
  bool have_turn_ = false;  // the previous block was a transcript turn (turn_ holds it)
  Attr turn_;
  // Emits the block as a transcript turn when it is one; true when it did.
  bool TranscriptTurn(Span block);
  Attr pending_colon_attr_;
  uint32_t cue_flags_ = 0;  // flags of the cue being processed (ContentAfter reads kCueObject)
  // The cue stands in a subordinate or relative clause ("While Roe said that ..., she ...",
  // "Lunn, who said he ..., said ...", ", which officials said will ..."): the indirect content
  // ends at the next comma, where the writer's main clause goes on.
  // Set before ContentAfter to the subject's first token (and its unit start); the test runs
  // only when the content meets a comma or dash (clause_state_: -1 not yet tested, 0 no, 1 yes).
  int clause_subject_ = -1;
  int clause_u0_ = 0;
  int clause_state_ = -1;
  bool ClauseCommaEnd() {
    if (clause_subject_ < 0) return false;
    if (clause_state_ < 0) clause_state_ = SubordinateSubject(clause_subject_, clause_u0_) ? 1 : 0;
    return clause_state_ == 1;
  }
  void SetClauseSubject(int s, int u0) {
    clause_subject_ = s;
    clause_u0_ = u0;
    clause_state_ = -1;
  }
  bool title_case_ = false;         // a headline: capitals do not mark names
  int unit_first_attr_ = 0;         // index into out_ of the current unit's first attribution
  std::vector<int> unit_starts_;    // first token of every unit of the block, then toks_.size()
  int prev_unit_direct_attr_ = -1;  // last attribution of the previous unit with a quote
};

void BlockScanner::Tokenize(Span block) {
  toks_.clear();
  quotes_.clear();
  spans_ = FindQuotedSpans(text_, block);
  // Outermost spans become TopQuotes; their marks become quote tokens.
  for (const QuotedSpan& q : spans_) {
    if (q.depth != 0) continue;
    TopQuote t;
    t.open = q.open;
    t.inner_start = q.inner_start;
    t.inner_end = q.inner_end;
    t.end = q.end;
    t.unterminated = q.unterminated;
    t.is_double = q.is_double;
    quotes_.push_back(t);
  }
  size_t qi = 0;  // next TopQuote whose opening mark is ahead
  int inside = -1;
  size_t i = block.start, hi = std::min<size_t>(block.end, text_.size());
  char buf[48];
  const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  while (i < hi) {
    size_t next;
    char32_t c;
    unsigned char b = bytes[i];
    if (b < 0x80) {
      if (b <= 0x20) {  // ASCII white space and control characters
        ++i;
        continue;
      }
      c = b;
      next = i + 1;
    } else {
      c = CpAt(text_, i, hi, &next);
      if (utf8::IsSpace(c) || c < 0x20) {  // c < 0x20: an overlong (malformed) encoding
        i = next;
        continue;
      }
    }
    Tok t;
    t.start = static_cast<uint32_t>(i);
    if (qi < quotes_.size() && quotes_[qi].open == i) {
      t.kind = Kind::kOpenQuote;
      t.end = quotes_[qi].inner_start;
      next = t.end;
      t.quote = static_cast<int32_t>(qi);
      quotes_[qi].open_tok = static_cast<int>(toks_.size());
      inside = static_cast<int>(qi);
      ++qi;
      toks_.push_back(t);
      i = next;
      continue;
    }
    if (inside >= 0 && !quotes_[inside].unterminated && i == quotes_[inside].inner_end) {
      t.kind = Kind::kCloseQuote;
      t.end = quotes_[inside].end;
      next = t.end;
      t.quote = inside;
      quotes_[inside].close_tok = static_cast<int>(toks_.size());
      inside = -1;
      toks_.push_back(t);
      i = next;
      continue;
    }
    if (b < 0x80 ? kAsciiWord[b] : IsWordCp(c)) {
      size_t j = next;
      while (j < hi) {
        while (j < hi && kAsciiWord[bytes[j]]) ++j;  // the common run of ASCII letters
        if (j >= hi) break;
        size_t n2;
        char32_t d;
        unsigned char db = bytes[j];
        if (db < 0x80) {
          if (kAsciiWord[db]) {
            ++j;
            continue;
          }
          d = db;
          n2 = j + 1;
        } else {
          d = CpAt(text_, j, hi, &n2);
          if (IsWordCp(d)) {
            j = n2;
            continue;
          }
        }
        // Inner apostrophe, hyphen or dot followed by a letter or digit stays in the word.
        if ((d == '\'' || d == 0x2019 || d == '-' || d == '.' || d == 0x2010) && n2 < hi) {
          size_t n3;
          char32_t e = CpAt(text_, n2, hi, &n3);
          if (IsWordCp(e)) {
            j = n3;
            continue;
          }
        }
        break;
      }
      t.end = static_cast<uint32_t>(j);
      std::string_view w = text_.substr(i, j - i);
      t.kind = (c >= '0' && c <= '9') ? Kind::kNumber : Kind::kWord;
      t.cap = StartsUpper(w);
      size_t len;
      if (t.kind == Kind::kWord && LowerInto(w, buf, sizeof(buf), &len))
        t.flags = lex_.Lookup(std::string_view(buf, len));
      t.quote = inside;
      toks_.push_back(t);
      i = j;
      continue;
    }
    t.end = static_cast<uint32_t>(next);
    switch (c) {
      case ',':
      case 0x060C:
      case 0xFF0C:
      case 0x3001:
        t.kind = Kind::kComma;
        break;
      case '.':
      case '!':
      case '?':
      case 0x2026:
      case 0x3002:
        t.kind = Kind::kStop;
        break;
      case ':':
        t.kind = Kind::kColon;
        break;
      case ';':
        t.kind = Kind::kSemicolon;
        break;
      case '-':
      case 0x2013:
      case 0x2014:
      case 0x2015:
        t.kind = Kind::kDash;
        break;
      case '(':
      case '[':
        t.kind = Kind::kOpenParen;
        break;
      case ')':
      case ']':
        t.kind = Kind::kCloseParen;
        break;
      default:
        t.kind = Kind::kOther;
        break;
    }
    t.quote = inside;
    toks_.push_back(t);
    i = next;
  }
  for (TopQuote& q : quotes_) {
    if (q.open_tok < 0) continue;
    int e = q.close_tok >= 0 ? q.close_tok : static_cast<int>(toks_.size());
    for (int k = q.open_tok + 1; k < e; ++k)
      if (toks_[k].kind == Kind::kWord || toks_[k].kind == Kind::kNumber) ++q.words;
  }
}

bool BlockScanner::QuoteClosesClause(int e) const {
  uint32_t p = toks_[e].start;
  uint32_t lo = toks_[e].quote >= 0 ? quotes_[toks_[e].quote].inner_start : 0;
  while (p > lo) {
    unsigned char c = static_cast<unsigned char>(text_[p - 1]);
    if (c == '\'' || c == ' ') {
      --p;
    } else if (p - lo >= 3 && c == 0x99 && text_.compare(p - 3, 3, "\xE2\x80\x99") == 0) {
      p -= 3;  // ’ closing a nested quote
    } else {
      break;
    }
  }
  if (p <= lo) return false;
  char c = text_[p - 1];
  if (c == ',' || c == '?' || c == '!' || c == '-') return true;
  // An em or en dash ("...—”").
  return p - lo >= 3 && text_.compare(p - 3, 2, "\xE2\x80") == 0 &&
         (static_cast<unsigned char>(text_[p - 1]) == 0x94 ||
          static_cast<unsigned char>(text_[p - 1]) == 0x93);
}

bool BlockScanner::FreeQuoteLooksLikeSpeech(const TopQuote& q) const {
  if (q.close_tok >= 0 && q.close_tok + 1 < static_cast<int>(toks_.size()) &&
      IsWordLower(q.close_tok + 1, "by"))
    return false;
  int words = 0, caps = 0;
  int e = q.close_tok >= 0 ? q.close_tok : static_cast<int>(toks_.size());
  for (int k = q.open_tok + 1; k < e; ++k) {
    if (toks_[k].kind != Kind::kWord) continue;
    ++words;
    if (toks_[k].cap) ++caps;
  }
  return caps * 5 < words * 3;  // fewer than three words in five capitalised
}

void BlockScanner::EmbeddedQuote(TopQuote& q, int qi, size_t first_out) {
  if (q.close_tok < 0) return;
  for (size_t k = first_out; k < out_->size(); ++k) {
    const Attr& at = (*out_)[k];
    if (at.content.start < q.end && q.open < at.content.end) return;
  }
  if (!FreeQuoteLooksLikeSpeech(q)) return;
  auto it = std::upper_bound(unit_starts_.begin(), unit_starts_.end(), q.open_tok);
  if (it == unit_starts_.begin() || it == unit_starts_.end()) return;
  int u0 = *(it - 1);
  if (q.open_tok <= u0) return;
  int e;
  int s = SubjectAtStart(u0, q.open_tok, &e);
  if (s < 0 || !LooksLikeSpeaker(s, e)) return;
  // A bare determiner ("The so-called ...") is no subject.
  if (s == e && (toks_[s].flags & kDeterminer)) return;
  int v = e + 1;
  while (v < q.open_tok && toks_[v].kind == Kind::kWord &&
         ((toks_[v].flags & (kAux | kPassiveAux | kNegation)) || IsLyAdverb(v)))
    ++v;
  if (v >= q.open_tok || toks_[v].kind != Kind::kWord || toks_[v].cap ||
      (toks_[v].flags & (kBoundary | kPreposition | kDeterminer | kPronoun | kThat | kTime)))
    return;
  // A hyphenated word before a short quotation is a modifier ("so-called", "self-styled",
  // "much-touted"), not the verb of a speech act.
  if (text_.substr(toks_[v].start, toks_[v].end - toks_[v].start).find('-') !=
      std::string_view::npos)
    return;
  // The object runs from the verb to the quotation: no clause break on the way.
  int gap = 0;
  for (int m = v + 1; m < q.open_tok; ++m) {
    const Tok& t = toks_[m];
    if (t.kind == Kind::kStop || t.kind == Kind::kSemicolon || t.kind == Kind::kColon ||
        t.kind == Kind::kOpenQuote || t.kind == Kind::kCloseQuote || (t.flags & kCue) ||
        ((t.flags & kBoundary) && !(t.flags & kDeterminer) && !IsWordLower(m, "as") &&
         !IsWordLower(m, "and")))
      return;
    if (++gap > 8) return;
  }
  Attr attr;
  attr.speaker = SpanOf(s, e);
  attr.speaker_pronoun = s == e && (toks_[s].flags & kPronoun);
  attr.cue = SpanOf(v, v);
  attr.content = Span{v + 1 < q.open_tok ? toks_[v + 1].start : q.open, q.end};
  attr.direct = true;
  attr.quote = v + 1 < q.open_tok ? -1 : qi;
  q.used = true;
  Emit(attr);
}

bool BlockScanner::FreeQuoteSpeaker(const TopQuote& q, Attr* attr) const {
  auto it = std::upper_bound(unit_starts_.begin(), unit_starts_.end(), q.open_tok);
  if (it == unit_starts_.begin() || it == unit_starts_.end()) return false;
  int u0 = *(it - 1), u1 = *it;
  int e;
  if (q.open_tok > u0) {
    int s = SubjectAtStart(u0, q.open_tok, &e);
    if (s < 0 || !LooksLikeSpeaker(s, e)) return false;
    attr->speaker = SpanOf(s, e);
    attr->speaker_pronoun = s == e && (toks_[s].flags & kPronoun);
    return true;
  }
  int c = q.close_tok;
  if (c < 0 || c + 2 >= u1 || toks_[c + 1].kind != Kind::kWord) return false;
  int s = c + 1;
  if (toks_[s].flags & kPronoun) {
    e = s;
  } else if (toks_[s].cap && !(toks_[s].flags & (kBoundary | kPreposition | kTime | kAux))) {
    e = s;
    while (e + 1 < u1 && e - s < 4 && toks_[e + 1].kind == Kind::kWord && toks_[e + 1].cap) ++e;
  } else if (!toks_[s].cap && !(toks_[s].flags & (kBoundary | kPreposition | kDeterminer |
                                                  kPronoun | kTime | kAux | kPassiveAux))) {
    // "“...,” mused Stu Roe": a verb, then the name.
    int ne = FwdNP(s + 1, u1);
    if (ne < 0 || ne - s > 6 || !LooksLikeSpeaker(s + 1, ne) ||
        !(AtClauseEnd(ne + 1, u1) || toks_[ne + 1].kind == Kind::kComma))
      return false;
    attr->speaker = SpanOf(s + 1, ne);
    return true;
  } else {
    return false;
  }
  if (e + 1 >= u1 || toks_[e + 1].kind != Kind::kWord || toks_[e + 1].cap ||
      (toks_[e + 1].flags & (kBoundary | kPreposition | kDeterminer)))
    return false;
  attr->speaker = SpanOf(s, e);
  attr->speaker_pronoun = s == e && (toks_[s].flags & kPronoun);
  return true;
}

bool BlockScanner::IsLyAdverb(int i) const {
  const Tok& t = toks_[i];
  if (t.kind != Kind::kWord || t.cap || t.end - t.start < 5) return false;
  return text_[t.end - 2] == 'l' && text_[t.end - 1] == 'y';
}

bool BlockScanner::IsPossessive(int i) const {
  const Tok& t = toks_[i];
  if (t.kind != Kind::kWord || t.end - t.start < 3) return false;
  std::string_view w = text_.substr(t.start, t.end - t.start);
  return w.ends_with("'s") || w.ends_with("\xE2\x80\x99s");
}

bool BlockScanner::IsWordLower(int i, std::string_view w) const {
  const Tok& t = toks_[i];
  if (t.kind != Kind::kWord || t.end - t.start != w.size()) return false;
  for (size_t k = 0; k < w.size(); ++k) {
    char c = text_[t.start + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != w[k]) return false;
  }
  return true;
}

bool BlockScanner::IsAnyWordLower(int i, std::span<const std::string_view> words) const {
  for (std::string_view w : words)
    if (IsWordLower(i, w)) return true;
  return false;
}

bool BlockScanner::IsTitleAbbrevDot(int i, int hi) const {
  if (i < 1 || i + 1 >= hi || text_[toks_[i].start] != '.') return false;
  const Tok& w = toks_[i - 1];
  if (w.kind != Kind::kWord || !w.cap || w.end != toks_[i].start || w.end - w.start > 4 ||
      toks_[i + 1].kind != Kind::kWord || !toks_[i + 1].cap)
    return false;
  // A middle initial: "George W. Bush", "Ada K. Lunn" (one capital letter after a name).
  if (w.end - w.start == 1 && i >= 2 && toks_[i - 2].kind == Kind::kWord && toks_[i - 2].cap &&
      toks_[i - 2].end < w.start)
    return true;
  static constexpr std::string_view kTitles[] = {"mr",  "mrs", "ms",   "dr",   "sen", "rep",
                                                 "gov", "gen", "lt",   "col",  "sgt", "capt",
                                                 "rev", "st",  "prof", "pres", "supt"};
  for (std::string_view t : kTitles)
    if (IsWordLower(i - 1, t)) return true;
  return false;
}

bool BlockScanner::NewClauseAfterComma(int c, int hi) const {
  int k = c + 1;
  if (k >= hi || toks_[k].kind != Kind::kWord || toks_[k].quote >= 0) return false;
  if (!(toks_[k].cap || (toks_[k].flags & kDeterminer)) || (toks_[k].flags & kPronoun))
    return false;
  int e = FwdNP(k, hi);
  if (e < k) return false;
  int v = e + 1;
  if (v + 1 < hi && toks_[v].kind == Kind::kOpenParen) {  // "Bill Roe (R)"
    while (v < hi && v - e < 8 && toks_[v].kind != Kind::kCloseParen) ++v;
    ++v;
  }
  if (v + 1 >= hi || toks_[v].kind != Kind::kWord || toks_[v].cap) return false;
  uint32_t f = toks_[v].flags;
  // (An auxiliary after the subject, "..., his aides were", was tried: worse on both splits.)
  return (f & kCue) && !(f & (kNounLike | kCueGerund));
}

bool BlockScanner::SubordinateSubject(int s, int u0) const {
  if (s <= u0) return false;
  const Tok& t = toks_[s];
  int p = s - 1;
  if (t.kind == Kind::kWord && (t.flags & kRelative) && !(t.flags & kThat))
    return toks_[p].kind == Kind::kComma;
  // Every word tested below is a clause boundary of the lexicon: one flag test turns most away.
  if (toks_[p].kind != Kind::kWord || toks_[p].quote >= 0 || !(toks_[p].flags & kBoundary))
    return false;
  bool open = p == u0 || toks_[p - 1].kind == Kind::kComma || toks_[p - 1].kind == Kind::kDash;
  if (!open) return false;
  if ((IsWordLower(p, "which") || IsWordLower(p, "that")) && p > u0) return true;
  static constexpr std::string_view kSubordinators[] = {"while",  "although", "though",  "because",
                                                        "when",   "after",    "if",      "since",
                                                        "before", "unless",   "whereas", "as"};
  return IsAnyWordLower(p, kSubordinators);
}

bool BlockScanner::AsideAfterComma(int i) const {
  if (toks_[i].kind != Kind::kWord || toks_[i].quote >= 0) return false;
  static constexpr std::string_view kAsides[] = {
      "but", "while", "although", "though", "whereas", "despite", "which", "even", "compared"};
  return IsAnyWordLower(i, kAsides);
}

bool BlockScanner::ComplementPhrase(int k, int hi) const {
  bool noun = false;
  for (int m = k + 1; m < hi && m - k <= 8; ++m) {
    const Tok& t = toks_[m];
    if (t.kind != Kind::kWord && t.kind != Kind::kNumber) break;
    if (t.flags & (kPreposition | kBoundary | kThat)) break;
    if (t.flags & (kChannelNoun | kPlatform | kTime)) return false;
    if ((t.flags & kPronoun) && !(t.flags & kDeterminer)) return false;
    if (!(t.flags & kDeterminer) && t.kind == Kind::kWord) noun = true;
  }
  return noun;
}

int BlockScanner::SkipAuxBack(int j, int lo) const {
  while (j >= lo && toks_[j].kind == Kind::kWord &&
         ((toks_[j].flags & (kAux | kNegation)) || IsLyAdverb(j)) &&
         !(toks_[j].flags & (kPronoun | kCue)))
    --j;
  return j;
}

int BlockScanner::BackNP(int j, int lo) const {
  if (j < lo || toks_[j].kind != Kind::kWord) return -1;
  if (toks_[j].flags & kPronoun) return j;
  if (toks_[j].flags & (kBoundary | kPreposition | kPassiveAux)) return -1;
  int k = j, n = 0;
  while (k >= lo && n < 12) {
    const Tok& t = toks_[k];
    if (t.kind == Kind::kWord || t.kind == Kind::kNumber) {
      if (t.flags & kBoundary) {
        bool inner_and =
            IsWordLower(k, "and") && k > lo && k < j && toks_[k - 1].cap && toks_[k + 1].cap;
        if (!inner_and) break;
      }
      if (k != j && (t.flags & (kCueStrong | kPassiveAux))) break;
      if (k != j && (t.flags & kPronoun) && !(t.flags & kDeterminer)) break;
      // A determiner opens the phrase ("a resistance movement called"), unless "of" joins it
      // to a head before ("the secretary of the Treasury").
      if ((t.flags & kDeterminer) && !(t.flags & kPronoun) &&
          !(k - 1 >= lo && IsWordLower(k - 1, "of"))) {
        --k;
        ++n;
        break;
      }
      --k;
      ++n;
      continue;
    }
    // "the dockworkers' union": a plural possessive's apostrophe inside the phrase.
    if (t.kind == Kind::kOther && k > lo && k < j && toks_[k - 1].kind == Kind::kWord &&
        t.end - t.start <= 3 &&
        (text_[t.start] == '\'' || text_.compare(t.start, 3, "\xE2\x80\x99") == 0) &&
        text_[toks_[k - 1].end - 1] == 's') {
      --k;
      continue;
    }
    // "Sen. Jane Roe (D-Ohio)": skip a parenthesis inside the phrase.
    if (t.kind == Kind::kCloseParen && k < j + 1) {
      int m = k - 1;
      while (m > lo && k - m < 12 && toks_[m].kind != Kind::kOpenParen) --m;
      if (m > lo && toks_[m].kind == Kind::kOpenParen) {
        k = m - 1;
        continue;
      }
      break;
    }
    // "Gov." "Sen." "Jr.": an abbreviation's dot inside the phrase.
    if (t.kind == Kind::kStop && k > lo && k < j && text_[t.start] == '.' &&
        toks_[k - 1].kind == Kind::kWord && toks_[k - 1].cap &&
        toks_[k - 1].end - toks_[k - 1].start <= 4) {
      --k;
      continue;
    }
    break;
  }
  int s = k + 1;
  // Leading prepositions, time words and adverbs are not part of the speaker.
  while (s < j && toks_[s].kind == Kind::kWord &&
         ((toks_[s].flags & (kPreposition | kAux)) || ((toks_[s].flags & kTime) && !toks_[s].cap)))
    ++s;
  while (s <= j && toks_[s].kind == Kind::kStop) ++s;
  if (s > j) return -1;
  return s;
}

bool BlockScanner::LooksLikeSpeaker(int s, int e) const {
  if (s < 0 || s > e) return false;
  if (s == e) {
    const Tok& t = toks_[s];
    if (t.flags & (kPronoun | kSpeakerNoun | kRelative)) return true;
    if (IsQuantity(s)) return true;  // "Two in three said", "Many say", "One says".
    if (t.cap || t.kind == Kind::kNumber) return true;
    // A plural noun ("officials", "protesters").
    return t.kind == Kind::kWord && text_[t.end - 1] == 's' && !(t.flags & kCue);
  }
  for (int k = s; k <= e; ++k)
    if (toks_[k].cap || toks_[k].kind == Kind::kNumber ||
        (toks_[k].flags & (kSpeakerNoun | kDeterminer)))
      return true;
  return false;
}

int BlockScanner::FwdNP(int k, int hi) const {
  int e = -1, n = 0;
  while (k < hi && n < 12) {
    const Tok& t = toks_[k];
    if (t.kind == Kind::kWord || t.kind == Kind::kNumber) {
      if ((t.flags & (kBoundary | kThat)) &&
          !(IsWordLower(k, "and") && k + 1 < hi && toks_[k + 1].cap && e >= 0))
        break;
      if ((t.flags & kPreposition) && !IsWordLower(k, "of")) {
        // "an adviser to Bill Clinton", "the ambassador to the Holy See": a role noun's
        // complement names its holder's place; "Smith at a rally" is an adjunct.
        bool role_head = e >= 0 && !toks_[e].cap && toks_[e].kind == Kind::kWord;
        bool names = k + 1 < hi && (toks_[k + 1].cap || ((toks_[k + 1].flags & kDeterminer) &&
                                                         k + 2 < hi && toks_[k + 2].cap));
        if (!role_head || !names || IsWordLower(k, "on") || IsWordLower(k, "during")) break;
      }
      if (e >= 0 && (t.flags & (kCue | kPassiveAux | kAux | kNegation))) break;
      e = k;
      ++k;
      ++n;
      continue;
    }
    if (t.kind == Kind::kStop && e >= 0 && text_[t.start] == '.' && toks_[e].cap &&
        toks_[e].end - toks_[e].start <= 4 && k + 1 < hi &&
        ((toks_[k + 1].kind == Kind::kWord && toks_[k + 1].cap) ||
         (toks_[k + 1].kind == Kind::kComma && toks_[e].end - toks_[e].start <= 3))) {
      ++k;  // "Sen. Ada Lunn", "Ada Lunn Jr., a senator"
      continue;
    }
    break;
  }
  return e;
}

int BlockScanner::PrepPhrase(int k, int hi, bool* channel, bool* time) const {
  *channel = false;
  *time = true;
  bool saw_noun = false, saw_cap = false, reporters = false;
  int m = k + 1;
  while (m < hi && m - k <= 9) {
    const Tok& t = toks_[m];
    if (t.kind != Kind::kWord && t.kind != Kind::kNumber) break;
    if (t.flags & (kBoundary | kThat)) break;
    if ((t.flags & kPronoun) && !(t.flags & (kDeterminer | kObjectPronoun))) break;
    if ((t.flags & kDeterminer) && saw_noun && !(toks_[m - 1].flags & kPreposition)) break;
    if ((t.flags & kCue) && !(t.flags & kChannelNoun)) break;
    if (t.flags & (kChannelNoun | kPlatform)) *channel = true;
    if (t.flags & kObjectPronoun) reporters = true;
    if (!(t.flags & (kTime | kDeterminer | kPreposition)) && t.kind != Kind::kNumber) *time = false;
    if (t.cap) saw_cap = true;
    if (!(t.flags & (kDeterminer | kPreposition))) saw_noun = true;
    ++m;
  }
  if (m == k + 1 || !saw_noun) {
    *time = false;
    return k;
  }
  if (IsWordLower(k, "to") && reporters) *channel = true;
  if (IsWordLower(k, "on") && saw_cap && !*time) *channel = true;
  return m;
}

int BlockScanner::SkipAfterCue(int k, int hi, bool tell, Attr* attr) const {
  bool addressee_done = !tell;
  // "pointed out that ...": the particle belongs to the cue.
  if (k > 0 && k + 1 < hi && (toks_[k + 1].flags & kThat) && toks_[k - 1].kind == Kind::kWord &&
      IsWordLower(k, "out"))
    ++k;
  // "called for new talks", "calls on the council to act": the particle belongs to the cue.
  if (k > 0 && k < hi && (IsWordLower(k, "for") || IsWordLower(k, "on")) &&
      toks_[k - 1].kind == Kind::kWord && text_.compare(toks_[k - 1].start, 4, "call") == 0)
    ++k;
  for (int round = 0; round < 5 && k < hi; ++round) {
    const Tok& t = toks_[k];
    if (t.kind != Kind::kWord && t.kind != Kind::kNumber) break;
    // "said Monday", "said last week", "said earlier this month".
    if ((t.flags & kTime) && !(t.flags & kPreposition)) {
      int m = k;
      while (m < hi) {
        if ((toks_[m].flags & kTime) || toks_[m].kind == Kind::kNumber) {
          ++m;
        } else if ((toks_[m].flags & kDeterminer) && m + 1 < hi && (toks_[m + 1].flags & kTime)) {
          ++m;
        } else {
          break;
        }
      }
      if (m > k) {
        k = m;
        continue;
      }
    }
    // "refused to teach him", "asked them to leave": an infinitive opens the content.
    if (IsWordLower(k, "to") && k + 1 < hi && toks_[k + 1].kind == Kind::kWord &&
        !toks_[k + 1].cap &&
        !(toks_[k + 1].flags & (kDeterminer | kPronoun | kObjectPronoun | kTime | kPreposition)))
      break;
    if (t.flags & kPreposition) {
      bool channel, time;
      int m = PrepPhrase(k, hi, &channel, &time);
      if (m == k) break;
      bool then_clause = m >= hi || toks_[m].kind == Kind::kComma ||
                         toks_[m].kind == Kind::kColon || toks_[m].kind == Kind::kOpenQuote ||
                         (toks_[m].flags & kThat);
      if (channel || time || then_clause) {
        if (channel && attr->channel.empty()) attr->channel = SpanOf(k, m - 1);
        k = m;
        continue;
      }
      break;
    }
    if (!addressee_done) {
      addressee_done = true;
      if (t.flags & kObjectPronoun) {
        if (!(t.flags & (kMalePronoun | kFemalePronoun)) && !IsWordLower(k, "them") &&
            !IsWordLower(k, "me") && !IsWordLower(k, "us") && !IsWordLower(k, "you") &&
            attr->channel.empty())
          attr->channel = SpanOf(k, k);
        ++k;
        continue;
      }
      if (t.cap || (t.flags & kDeterminer) || t.kind == Kind::kWord) {
        int e = FwdNP(k, hi);
        bool closed = e >= k && e + 1 < hi &&
                      (toks_[e + 1].kind == Kind::kColon || toks_[e + 1].kind == Kind::kComma ||
                       toks_[e + 1].kind == Kind::kOpenQuote || (toks_[e + 1].flags & kThat) ||
                       AtClauseEnd(e + 1, hi));
        if (e >= k && e + 1 < hi && (t.cap || (t.flags & kDeterminer) || closed)) {
          if (attr->channel.empty()) attr->channel = SpanOf(k, e);
          k = e + 1;
          continue;
        }
      }
    }
    break;
  }
  return k;
}

bool BlockScanner::UnlistedVerbBeforeThat(int i, int u0, int u1) const {
  if (i + 4 >= u1 || i <= u0 || !(toks_[i + 1].flags & kThat)) return false;
  const Tok& t = toks_[i];
  if (t.cap || t.quote >= 0 || t.end - t.start < 5 || (t.flags & ~kLearnMask) != 0) return false;
  std::string_view w = text_.substr(t.start, t.end - t.start);
  if (!(w.ends_with("ed") || (w.ends_with("s") && !w.ends_with("ss")))) return false;
  int j = SkipAuxBack(i - 1, u0);
  if (j < u0 || toks_[j].kind != Kind::kWord || (toks_[j].flags & kDeterminer)) return false;
  if (!(toks_[j].cap || (toks_[j].flags & (kPronoun | kSpeakerNoun)))) return false;
  // A clause follows: three words before the next stop.
  int words = 0;
  for (int k = i + 2; k < u1 && words < 3 && toks_[k].kind != Kind::kStop; ++k)
    if (toks_[k].kind == Kind::kWord || toks_[k].kind == Kind::kNumber) ++words;
  return words >= 3;
}

bool BlockScanner::LearnableWord(int i) const {
  const Tok& t = toks_[i];
  if (t.cap || t.end - t.start < 3 || IsLyAdverb(i) || IsParticle(i)) return false;
  for (uint32_t k = t.start; k < t.end; ++k) {
    char c = text_[k];
    if (!((c >= 'a' && c <= 'z') || ((c == '\'' || c == '-') && k > t.start))) return false;
  }
  return true;
}

void BlockScanner::PassiveCue(int i, int j, int u0, int u1) {
  const Tok& t = toks_[i];
  if (t.quote >= 0 || (t.flags & (kCueTell | kNounLike)) || t.end - t.start < 5 ||
      text_.compare(t.end - 2, 2, "ed") != 0 || j <= u0)
    return;
  int s = BackNP(j - 1, u0);
  if (s < 0 || (toks_[s].flags & (kPronoun | kRelative))) return;
  Attr attr;
  attr.cue = Span{toks_[j].start, t.end};
  if (i + 1 >= u1 || !IsWordLower(i + 1, "by")) return;
  int e = FwdNP(i + 2, u1);
  if (e < 0) return;
  attr.speaker = SpanOf(i + 2, e);
  if (!SetContent(s, j - 1, /*to_unterminated_end=*/false, &attr)) return;
  Emit(attr);
}

bool BlockScanner::IsParticle(int i) const {
  static constexpr std::string_view kParticles[] = {
      "about", "on",   "for",    "against", "with",   "in",      "of",    "as",   "over",
      "into",  "upon", "toward", "towards", "at",     "off",     "out",   "up",   "down",
      "under", "by",   "from",   "after",   "before", "through", "among", "amid", "than"};
  return IsAnyWordLower(i, kParticles);
}

uint32_t BlockScanner::LearnedFrame(int i, int u1) const {
  int k = i + 1;
  if (k >= u1) return 0;
  const Tok& n = toks_[k];
  if (n.kind == Kind::kOpenQuote || n.kind == Kind::kNumber) return kLearnObj;
  if (n.kind != Kind::kWord) return 0;
  if (n.flags & kThat) return kLearnThat;
  if (IsWordLower(k, "to")) return kLearnTo;
  if (IsParticle(k)) return k + 1 < u1 ? uint32_t{kLearnPrep} : 0u;
  if (n.flags & (kBoundary | kAux | kPassiveAux | kNegation | kPreposition)) return 0;
  return kLearnObj;
}

bool BlockScanner::LearnedCue(int i, int u0, int u1, uint32_t learned) {
  const Tok& t = toks_[i];
  if (t.cap || i == u0) return false;
  const Tok& p = toks_[i - 1];
  if ((learned & kLearnNoun) && p.kind == Kind::kWord && i + 2 < u1 &&
      (IsPossessive(i - 1) || IsWordLower(i - 1, "his") || IsWordLower(i - 1, "her") ||
       IsWordLower(i - 1, "their") || IsWordLower(i - 1, "its") || IsWordLower(i - 1, "our"))) {
    // "Roe's criticism of the plan", "his support for Lunn": the possessor is the speaker.
    bool that = (toks_[i + 1].flags & kThat) != 0;
    if (!that && !IsParticle(i + 1)) return false;
    int s = IsPossessive(i - 1) ? BackNP(i - 1, u0) : i - 1;
    if (s < 0) s = i - 1;
    Attr attr;
    attr.speaker = SpanOf(s, i - 1);
    attr.speaker_pronoun = s == i - 1 && !IsPossessive(i - 1);
    attr.cue = SpanOf(i, that ? i : i + 1);
    cue_flags_ = kCue | kCueObject;
    bool ok = ContentAfter(that ? i + 1 : i + 2, u1, &attr);
    cue_flags_ = 0;
    if (!ok) return false;
    Emit(attr);
    return true;
  }
  uint32_t frame = LearnedFrame(i, u1);
  if ((frame & learned) == 0) return false;
  // "his plans", "the attacks", "Roe's views": a noun, not a verb.
  if (p.kind == Kind::kWord && ((p.flags & (kDeterminer | kPreposition)) || IsPossessive(i - 1)) &&
      !(p.flags & kPronoun))
    return false;
  int j = SkipAuxBack(i - 1, u0);
  if (j >= u0 && toks_[j].kind == Kind::kWord && (toks_[j].flags & kPassiveAux)) {
    // "is defending" (progressive) goes on to the subject; "was rejected" (passive) does not.
    if (t.end - t.start < 5 || text_.compare(t.end - 3, 3, "ing") != 0) return false;
    j = SkipAuxBack(j - 1, u0);
  }
  // The subject's head: a pronoun, a name, a role noun or "who".
  if (j < u0 || toks_[j].kind != Kind::kWord ||
      !(toks_[j].cap || (toks_[j].flags & (kPronoun | kSpeakerNoun | kRelative))))
    return false;
  int s = BackNP(j, u0);
  if (s < 0 && (toks_[j].flags & kRelative)) s = j;
  if (s < 0 || !LooksLikeSpeaker(s, j)) return false;
  Attr attr;
  attr.speaker = SpanOf(s, j);
  attr.speaker_pronoun = s == j && (toks_[s].flags & kPronoun);
  int k = i + 1;
  if (frame == kLearnPrep) {
    attr.cue = SpanOf(i, i + 1);
    k = i + 2;
  } else {
    attr.cue = SpanOf(i, i);
  }
  cue_flags_ = kCue | kCueObject;
  if (frame == kLearnObj || frame == kLearnPrep) k = SkipAfterCue(k, u1, false, &attr);
  SetClauseSubject(s, u0);
  bool ok = ContentAfter(k, u1, &attr);
  SetClauseSubject(-1, 0);
  cue_flags_ = 0;
  if (!ok) return false;
  Emit(attr);
  return true;
}

bool BlockScanner::IsQuantity(int i) const {
  static constexpr std::string_view kQuantities[] = {"one",  "two",     "three", "some", "many",
                                                     "most", "several", "few",   "both", "all"};
  if (!(toks_[i].flags & kDeterminer)) return false;
  return IsAnyWordLower(i, kQuantities);
}

bool BlockScanner::IsIngWord(int i) const {
  const Tok& t = toks_[i];
  if (t.kind != Kind::kWord || t.cap || t.end - t.start < 6) return false;
  return text_.compare(t.end - 3, 3, "ing") == 0 && !(t.flags & (kBoundary | kPreposition));
}

bool BlockScanner::AdjunctStart(int k) const {
  const Tok& t = toks_[k];
  if (t.kind != Kind::kWord || (t.flags & (kPronoun | kThat | kDeterminer))) return false;
  if (t.flags & (kPreposition | kTime | kAux)) return true;
  if (IsLyAdverb(k) || IsIngWord(k)) return true;
  static constexpr std::string_view kAdjunctWords[] = {"as",     "when",   "while", "after",
                                                       "before", "during", "amid",  "following",
                                                       "since",  "until",  "about", "of"};
  return IsAnyWordLower(k, kAdjunctWords);
}

bool BlockScanner::AdverbialBefore(int b, int lo) const {
  // A closing quote ends the clause only when the quotation closed it ("“A,” in Texas, ...");
  // a quoted phrase inside the clause ("had “put a crack” in it, she said") does not.
  int s = b;
  while (s > lo && toks_[s - 1].kind != Kind::kSemicolon && toks_[s - 1].kind != Kind::kColon &&
         !(toks_[s - 1].kind == Kind::kCloseQuote && QuoteClosesClause(s - 1)) &&
         toks_[s - 1].kind != Kind::kComma)
    --s;
  while (s < b && toks_[s].kind != Kind::kWord) ++s;
  if (s >= b) return false;
  const Tok& t = toks_[s];
  if (t.flags & (kPreposition | kAccording | kTime | kPo)) return true;
  if ((t.flags & kBoundary) && !(t.flags & kDeterminer) && !IsWordLower(s, "and") &&
      !IsWordLower(s, "but"))
    return true;
  if (IsWordLower(s, "asked") || IsWordLower(s, "speaking") || IsWordLower(s, "writing"))
    return true;
  if (t.cap && t.end - t.start > 4 && text_.compare(t.end - 3, 3, "ing") == 0) return true;
  return false;
}

bool BlockScanner::EndsContent(int e, int hi) const {
  const Tok& u = toks_[e];
  if (u.quote >= 0 && u.kind != Kind::kOpenQuote) return false;
  if (u.kind == Kind::kComma || u.kind == Kind::kDash) {
    if (e + 1 >= hi) return false;
    if (Has(e + 1, kCueGerund) || Has(e + 1, kAccording)) return true;
    // ", mocking his rival ...": a participle clause after the content.
    if (u.kind == Kind::kComma && IsIngWord(e + 1)) return true;
    // ", but said ...", ", and added ...".
    if (IsWordLower(e + 1, "but") || IsWordLower(e + 1, "and")) return EndsContent(e + 1, hi);
    return false;
  }
  // "and said ...", "but also warned ...", "and even assured ...".
  if (IsWordLower(e, "and") || IsWordLower(e, "but")) {
    int m = e + 1;
    while (m < hi && toks_[m].kind == Kind::kWord && ((toks_[m].flags & kAux) || IsLyAdverb(m)) &&
           !(toks_[m].flags & (kCue | kPronoun)))
      ++m;
    if (m < hi && toks_[m].kind == Kind::kWord && (toks_[m].flags & kCue) &&
        !(toks_[m].flags & (kCueWeak | kNounLike)) && !toks_[m].cap)
      return true;
  }
  return false;
}

bool BlockScanner::AtClauseEnd(int k, int hi) const {
  while (k < hi && (toks_[k].kind == Kind::kStop || toks_[k].kind == Kind::kCloseParen)) ++k;
  return k >= hi;
}

void BlockScanner::MarkQuotesIn(Span content, Attr* attr) {
  for (TopQuote& q : quotes_) {
    if (q.open_tok < 0) continue;
    if (q.open >= content.start && q.end <= content.end) {
      q.used = true;
      if (q.is_double) attr->direct = true;
    }
  }
}

bool BlockScanner::ContentAfter(int k, int hi, Attr* attr) {
  if (k < hi && (toks_[k].kind == Kind::kColon || toks_[k].kind == Kind::kComma ||
                 toks_[k].kind == Kind::kDash))
    ++k;
  if (k >= hi) return false;
  const Tok& t = toks_[k];
  if (t.kind == Kind::kOpenQuote && t.quote >= 0) {
    TopQuote& q = quotes_[t.quote];
    if (q.words == 0) return false;
    int after = q.close_tok >= 0 ? q.close_tok + 1 : static_cast<int>(toks_.size());
    // The quote is the whole content when nothing but punctuation (or an inverted "he said")
    // follows it in the unit.
    bool whole =
        q.close_tok < 0 || AtClauseEnd(after, hi) ||
        (after < hi && (toks_[after].kind == Kind::kComma || toks_[after].kind == Kind::kStop) &&
         q.words >= 2);
    if (whole) {
      attr->content = Span{q.open, q.end};
      attr->direct = q.is_double;
      attr->quote = t.quote;
      q.used = true;
      return true;
    }
  }
  if ((cue_flags_ & kCueObject) && !(t.flags & kThat) && !IsWordLower(k, "to"))
    return ObjectContent(k, hi, attr);
  // Indirect content: to the end of the unit, or to a ", saying ..." / ", according to".
  int e = k;
  int last = -1;
  int words = 0;
  for (; e < hi; ++e) {
    const Tok& u = toks_[e];
    if (e > k && EndsContent(e, hi)) break;
    // "there is a benefit from the tour — known here as ...": a dash after a few words of
    // content opens an aside of the writer's.
    if (u.kind == Kind::kDash && u.quote < 0 && words >= 4 && text_[u.start] != '-') break;
    // "that the plan would work, but critics ...", "..., which ...": a contrast, concession or
    // relative clause after a comma is the writer's, not the reported content.
    if (u.kind == Kind::kComma && u.quote < 0 && words >= 1 && e + 1 < hi && AsideAfterComma(e + 1))
      break;
    // "After the court ruled, the governor blamed ...": a comma, then a new subject and its verb
    // (a cue, or an auxiliary) opens the writer's main clause.
    if (u.kind == Kind::kComma && u.quote < 0 && words >= 3 && NewClauseAfterComma(e, hi)) break;
    // (A comma with no space after it is inside a number: "90,000".)
    if ((u.kind == Kind::kComma || u.kind == Kind::kDash) && u.quote < 0 && words >= 2 &&
        e + 1 < hi && toks_[e + 1].start > u.end && ClauseCommaEnd())
      break;
    if (u.kind == Kind::kWord || u.kind == Kind::kNumber) ++words;
    if (u.kind == Kind::kCloseQuote && e + 1 < hi && CommaBefore(e) && EndsContent(e + 1, hi)) {
      last = e;
      break;
    }
    // "he would make it “glow in the dark,” for instance, and ...": a quotation that closes
    // its clause (, ? ! inside the marks) ends the content when more words follow.
    if (u.kind == Kind::kCloseQuote && words >= 2 && e + 1 < hi &&
        toks_[e + 1].kind != Kind::kStop && QuoteClosesClause(e)) {
      last = e;
      break;
    }
    if (u.kind == Kind::kWord || u.kind == Kind::kNumber || u.kind == Kind::kCloseQuote ||
        u.kind == Kind::kCloseParen || u.kind == Kind::kOther)
      last = e;
  }
  return SetContent(k, last, /*to_unterminated_end=*/true, attr);
}

bool BlockScanner::SetContent(int first, int last, bool to_unterminated_end, Attr* attr) {
  bool any_word = false;
  for (int m = first; m <= last && !any_word; ++m)
    any_word = toks_[m].kind == Kind::kWord || toks_[m].kind == Kind::kNumber;
  if (!any_word) return false;
  uint32_t end = toks_[last].end;
  // An unterminated quote inside the content runs to the end of the block.
  if (to_unterminated_end && toks_[last].quote >= 0 && quotes_[toks_[last].quote].unterminated)
    end = std::max(end, quotes_[toks_[last].quote].end);
  attr->content = Span{toks_[first].start, end};
  MarkQuotesIn(attr->content, attr);
  return true;
}

bool BlockScanner::ObjectContent(int k, int hi, Attr* attr) {
  int last = -1;
  for (int e = k; e < hi; ++e) {
    const Tok& u = toks_[e];
    bool in_quote = u.quote >= 0 && u.kind != Kind::kOpenQuote;
    if (!in_quote) {
      // "praised Mr. Lunn": the dot of a title abbreviation does not end the object.
      if (u.kind == Kind::kStop && e > k && IsTitleAbbrevDot(e, hi)) continue;
      // "denounced the cuts, including the toll rise": the list goes on with the object.
      if (u.kind == Kind::kComma && e > k && e + 1 < hi && IsWordLower(e + 1, "including"))
        continue;
      if (u.kind == Kind::kComma || u.kind == Kind::kStop || u.kind == Kind::kSemicolon ||
          u.kind == Kind::kColon || u.kind == Kind::kDash || u.kind == Kind::kOpenParen)
        break;
      if (e > k && EndsContent(e, hi)) break;
      if (u.kind == Kind::kWord && e > k) {
        // "described the plan as “reckless”": "as" goes on with the object.
        bool as_pred = IsWordLower(e, "as") && e + 1 < hi && !(toks_[e + 1].flags & kPronoun);
        if ((u.flags & kBoundary) && !(u.flags & (kThat | kRelative)) && !IsWordLower(e, "and") &&
            !IsWordLower(e, "or") && !as_pred)
          break;
        // "rejected a request from the union", "denied any role in the leak": a complement of
        // the object goes on with it; "in an interview", "on Monday" (channel, time) do not.
        if ((u.flags & kPreposition) && !IsWordLower(e, "to") && !IsWordLower(e, "with")) {
          if (!(IsWordLower(e, "in") || IsWordLower(e, "on") || IsWordLower(e, "from") ||
                IsWordLower(e, "at")))
            break;
          if (!ComplementPhrase(e, hi)) break;
        }
        if ((u.flags & kTime) && !(toks_[e - 1].flags & (kDeterminer | kPreposition)) &&
            toks_[e - 1].kind != Kind::kNumber)
          break;
      }
    }
    if (u.kind != Kind::kOpenQuote) last = e;
    if (u.kind == Kind::kOpenQuote && u.quote >= 0 && quotes_[u.quote].close_tok < 0) {
      last = static_cast<int>(toks_.size()) - 1;
      break;
    }
  }
  // Trailing function words are not part of the object ("cuts for", "the plan and").
  while (last >= k && toks_[last].kind == Kind::kWord && toks_[last].quote < 0 &&
         ((toks_[last].flags & (kDeterminer | kPreposition | kBoundary)) ||
          IsWordLower(last, "for") || IsWordLower(last, "of")))
    --last;
  return SetContent(k, last, /*to_unterminated_end=*/true, attr);
}

bool BlockScanner::ContentBefore(int b, int lo, Attr* attr) {
  int e = b;
  if (e >= lo && (toks_[e].kind == Kind::kComma || toks_[e].kind == Kind::kDash)) --e;
  if (e < lo) return false;
  if (toks_[e].kind == Kind::kCloseQuote && toks_[e].quote >= 0) {
    TopQuote& q = quotes_[toks_[e].quote];
    attr->content = Span{q.open, q.end};
    attr->direct = q.is_double;
    attr->quote = toks_[e].quote;
    q.used = true;
    // "Since May, “the docks have been idle,” Roe said": the words of the clause before the
    // quotation are part of what is attributed.
    int s = q.open_tok;
    while (s > lo && toks_[s - 1].kind != Kind::kSemicolon && toks_[s - 1].kind != Kind::kColon &&
           toks_[s - 1].kind != Kind::kStop && toks_[s - 1].kind != Kind::kCloseQuote &&
           toks_[s - 1].kind != Kind::kOpenQuote)
      --s;
    while (s < q.open_tok && toks_[s].kind != Kind::kWord && toks_[s].kind != Kind::kNumber) ++s;
    if (s < q.open_tok) {
      attr->content.start = toks_[s].start;
      MarkQuotesIn(attr->content, attr);
    }
    return true;
  }
  // The clause from the unit start (or from the last semicolon/colon) up to the boundary.
  int s = e;
  while (s > lo && toks_[s - 1].kind != Kind::kSemicolon && toks_[s - 1].kind != Kind::kColon) --s;
  while (s <= e && (toks_[s].kind == Kind::kDash || toks_[s].kind == Kind::kComma)) ++s;
  int last = e;
  while (last >= s && (toks_[last].kind == Kind::kComma || toks_[last].kind == Kind::kStop ||
                       toks_[last].kind == Kind::kDash))
    --last;
  return SetContent(s, last, /*to_unterminated_end=*/false, attr);
}

int BlockScanner::SubjectAtStart(int u0, int hi, int* end) const {
  int k = u0;
  while (k < hi && toks_[k].kind != Kind::kWord) ++k;
  // "On Monday, Smith ...": skip a leading phrase closed by a comma.
  if (k < hi && (toks_[k].flags & kPreposition)) {
    int m = k;
    while (m < hi && m - k < 8 && toks_[m].kind != Kind::kComma) ++m;
    if (m < hi && toks_[m].kind == Kind::kComma) k = m + 1;
  }
  if (k >= hi || toks_[k].kind != Kind::kWord || toks_[k].quote >= 0) return -1;
  if (toks_[k].flags & kPronoun) {
    *end = k;
    return k;
  }
  int e = -1;
  for (int m = k; m < hi && m - k < 8; ++m) {
    const Tok& t = toks_[m];
    if (t.kind == Kind::kStop && e >= 0 && toks_[e].cap && t.end - t.start == 1 &&
        toks_[e].end - toks_[e].start <= 4)
      continue;
    if (t.kind != Kind::kWord) break;
    if (t.flags & (kCue | kAux | kPassiveAux | kBoundary | kNegation)) break;
    if (t.cap || (t.flags & (kDeterminer | kSpeakerNoun)) || IsWordLower(m, "of")) {
      e = m;
      continue;
    }
    // "Russia's ambassador to Serbia Ivo Lunn": a role's complement inside the subject.
    if (e >= 0 && (IsWordLower(m, "to") || IsWordLower(m, "for")) && m + 1 < hi &&
        toks_[m + 1].kind == Kind::kWord && toks_[m + 1].cap)
      continue;
    break;
  }
  if (e < k) return -1;
  *end = e;
  return k;
}

bool BlockScanner::ColonAttribution(int u0, int u1) {
  // "Lunn: Harbour Will Reopen" (headline) / "Ada Lunn: “We will reopen.”" (paragraph start).
  if (u0 != 0) return false;
  int m = u0;
  while (m < u1 && m - u0 < 6 && (toks_[m].kind == Kind::kWord || toks_[m].kind == Kind::kNumber))
    ++m;
  if (m == u0 || m >= u1 || toks_[m].kind != Kind::kColon || !toks_[u0].cap) return false;
  if (m - u0 == 1) {
    static constexpr std::string_view kLabels[] = {
        "analysis",  "opinion",   "watch",   "update",    "updated",    "breaking",
        "exclusive", "video",     "live",    "editorial", "commentary", "review",
        "photos",    "explainer", "factbox", "note",      "editor",     "correction",
        "read",      "more",      "related", "source",    "sources",    "a"};
    if (IsAnyWordLower(u0, kLabels)) return false;
  }
  for (int k = u0; k < m; ++k)
    if (toks_[k].flags & (kCue | kBoundary)) return false;
  int c = m + 1;
  if (c >= u1) return false;
  if (!title_case_ && toks_[c].kind != Kind::kOpenQuote) return false;
  int words = 0, last = -1;
  for (int k = c; k < u1; ++k) {
    if (toks_[k].kind == Kind::kWord || toks_[k].kind == Kind::kNumber) ++words;
    if (toks_[k].kind != Kind::kStop) last = k;
  }
  if (words < 3 || last < c) return false;
  Attr attr;
  attr.speaker = SpanOf(u0, m - 1);
  attr.cue = SpanOf(m, m);
  if (toks_[c].kind == Kind::kOpenQuote && toks_[c].quote >= 0 &&
      (quotes_[toks_[c].quote].close_tok < 0 ||
       AtClauseEnd(quotes_[toks_[c].quote].close_tok + 1, u1))) {
    TopQuote& q = quotes_[toks_[c].quote];
    attr.content = Span{q.open, q.end};
    attr.direct = q.is_double;
    attr.quote = toks_[c].quote;
    q.used = true;
  } else {
    uint32_t end = toks_[last].end;
    if (toks_[last].quote >= 0 && quotes_[toks_[last].quote].unterminated)
      end = std::max(end, quotes_[toks_[last].quote].end);
    attr.content = Span{toks_[c].start, end};
    MarkQuotesIn(attr.content, &attr);
  }
  Emit(attr);
  return true;
}

bool BlockScanner::AskedClause(int i, int u0, int u1) {
  // "Asked whether she would run, Roe said ...": the question is content with no speaker.
  // "..., Roe said when asked whether she would run.": a "when asked" clause anywhere in the
  // unit; its question runs to the next comma or to the end of the unit.
  bool when = i > u0 && IsWordLower(i - 1, "when");
  if (!(i == u0 || when)) return false;
  int k = i + 1;
  for (int round = 0; round < 3 && k < u1; ++round) {
    if (toks_[k].kind == Kind::kWord && (toks_[k].flags & kPreposition) &&
        !IsWordLower(k, "about")) {
      int m = k + 1;
      while (m < u1 && m - k < 8 && toks_[m].kind != Kind::kComma &&
             !(toks_[m].flags & (kBoundary | kThat)) && !IsWordLower(m, "about"))
        ++m;
      k = m;
      continue;
    }
    if (toks_[k].kind == Kind::kWord && (toks_[k].flags & kTime)) {
      ++k;
      continue;
    }
    break;
  }
  if (k >= u1 || toks_[k].kind != Kind::kWord) return false;
  static constexpr std::string_view kWh[] = {"whether", "if",  "why",  "what",  "how",  "about",
                                             "which",   "who", "whom", "where", "when", "to"};
  if (!IsAnyWordLower(k, kWh)) return false;
  int e = k + 1;
  while (e < u1 && !(toks_[e].kind == Kind::kComma && toks_[e].quote < 0)) ++e;
  if (e >= u1 && when && i > u0 + 1) {
    while (e > k + 1 && toks_[e - 1].kind != Kind::kWord && toks_[e - 1].kind != Kind::kNumber &&
           toks_[e - 1].kind != Kind::kCloseQuote)
      --e;
    if (e > k + 1 && toks_[e - 1].kind == Kind::kCloseQuote && toks_[e - 1].quote >= 0 &&
        quotes_[toks_[e - 1].quote].open_tok < k)
      return false;  // the quotation began before the question
  } else if (e >= u1) {
    return false;
  }
  if (e == k + 1) return false;
  Attr attr;
  attr.cue = SpanOf(i, i);
  attr.content = Span{toks_[k].start, toks_[e - 1].end};
  MarkQuotesIn(attr.content, &attr);
  Emit(attr);
  return true;
}

void BlockScanner::PollFrame(int u0, int u1) {
  // "In a Lunn County poll released Monday, 52 percent backed the levy."
  if (u1 - u0 < 6 || toks_[u0].quote >= 0 || !IsWordLower(u0, "in")) return;
  static constexpr std::string_view kPollWords[] = {"poll", "polls", "survey", "surveys"};
  int poll = -1, c = u0 + 1;
  for (; c < u1 && c - u0 <= 14; ++c) {
    const Tok& t = toks_[c];
    if (t.kind == Kind::kComma) break;
    if (t.kind != Kind::kWord && t.kind != Kind::kNumber && t.kind != Kind::kOther) return;
    if (IsAnyWordLower(c, kPollWords)) poll = c;
  }
  if (poll < 0 || c >= u1 || toks_[c].kind != Kind::kComma || c + 3 >= u1) return;
  Attr attr;
  attr.cue = SpanOf(u0, u0);
  attr.speaker = SpanOf(u0 + 1, c - 1);
  if (ContentAfter(c + 1, u1, &attr)) Emit(attr);
}

void BlockScanner::ProcessUnit(int u0, int u1) {
  unit_first_attr_ = static_cast<int>(out_->size());
  ColonAttribution(u0, u1);
  PollFrame(u0, u1);
  for (int i = u0; i < u1; ++i) {
    Tok& t = toks_[i];
    if (t.kind != Kind::kWord) continue;
    if (!(t.flags & (kCue | kAccording | kPo))) {
      uint32_t learned = t.flags & kLearnMask;
      if (learned == 0 && learn_all_ && t.flags == 0 && LearnableWord(i)) learned = kLearnMask;
      if (learned != 0 && t.quote < 0 && LearnedCue(i, u0, u1, learned)) continue;
      // A verb the lexicon lacks, before "that": from here on a cue like any other.
      if ((t.flags & ~kLearnMask) != 0 || i + 1 >= u1 || !(toks_[i + 1].flags & kThat) ||
          !UnlistedVerbBeforeThat(i, u0, u1))
        continue;
      t.flags |= kCue;
    }
    if (t.quote < 0 && IsWordLower(i, "asked") && AskedClause(i, u0, u1)) continue;
    // Cues inside someone's quoted words belong to that speech, not to the article.
    if (t.quote >= 0) continue;
    Attr attr;
    cue_flags_ = 0;
    // "according to X, ..." / "..., according to X." ; Russian "по словам X, ...".
    if (((t.flags & kAccording) && i + 1 < u1 && IsWordLower(i + 1, "to")) ||
        ((t.flags & kPo) && i + 1 < u1 && Has(i + 1, kSlovam))) {
      int e = FwdNP(i + 2, u1);
      if (e < 0) continue;
      attr.cue = SpanOf(i, i + 1);
      attr.speaker = SpanOf(i + 2, e);
      attr.speaker_pronoun = (toks_[i + 2].flags & (kPronoun | kObjectPronoun)) && e == i + 2;
      bool before =
          i > u0 && (toks_[i - 1].kind == Kind::kComma || toks_[i - 1].kind == Kind::kDash ||
                     toks_[i - 1].kind == Kind::kOpenParen);
      bool ok = false;
      if (before) {
        ok = ContentBefore(i - 1, u0, &attr);
        if (ok) Emit(attr);
        // "The plan, according to Smith, will fail": the rest is content too.
        if (e + 1 < u1 && toks_[e + 1].kind == Kind::kComma && !AtClauseEnd(e + 2, u1) &&
            !EndsContent(e + 1, u1)) {
          Attr second = attr;
          second.quote = -1;
          second.direct = false;
          if (ContentAfter(e + 2, u1, &second)) Emit(second);
        }
      } else if (ContentAfter(e + 1, u1, &attr)) {
        Emit(attr);
      }
      i = e;
      continue;
    }
    if (!(t.flags & kCue)) continue;
    cue_flags_ = t.flags;
    // "the United States", "The Report": a capitalised cue word inside a sentence is a name.
    if (t.cap && !title_case_ && i > u0 && toks_[i - 1].kind != Kind::kOpenQuote &&
        toks_[i - 1].kind != Kind::kColon)
      continue;
    // "his remarks", "a statement", "Trump's comments", "in response": a noun, not a verb.
    if (i > u0 && toks_[i - 1].kind == Kind::kWord &&
        ((toks_[i - 1].flags & (kDeterminer | kPreposition)) || IsPossessive(i - 1)) &&
        !(toks_[i - 1].flags & kPronoun) && !(IsQuantity(i - 1) && !(t.flags & kNounLike)))
      continue;
    attr.cue = SpanOf(i, i);
    // "is criticizing", "are questioning": a progressive verb after "be", not a gerund.
    int be = -1;
    if (IsIngWord(i)) {
      int b = SkipAuxBack(i - 1, u0);
      if (b > u0 && toks_[b].kind == Kind::kWord && (toks_[b].flags & kPassiveAux) &&
          !IsWordLower(b, "being") && !IsWordLower(b, "be"))
        be = b;
    }
    // ", saying (that) ...": the speaker is the subject of the main clause.
    if ((t.flags & kCueGerund) && be < 0) {
      // ", often citing ...": adverbs may stand between the comma and the gerund.
      int g = i - 1;
      while (g > u0 && toks_[g].kind == Kind::kWord && toks_[g].quote < 0 &&
             (IsLyAdverb(g) || ((toks_[g].flags & kAux) && !(toks_[g].flags & kPassiveAux) &&
                                !(toks_[g].flags & (kPronoun | kCue)))))
        --g;
      bool after_comma =
          g >= u0 && g >= i - 3 && (toks_[g].kind == Kind::kComma || toks_[g].kind == Kind::kDash);
      bool quoted_as = i > u0 + 1 && IsWordLower(i - 1, "as");
      if (!after_comma && !quoted_as) continue;
      if (static_cast<int>(out_->size()) > unit_first_attr_ && !out_->back().speaker.empty()) {
        attr.speaker = out_->back().speaker;
        attr.speaker_pronoun = out_->back().speaker_pronoun;
      } else {
        int e;
        int s = SubjectAtStart(u0, i, &e);
        if (s >= 0) {
          attr.speaker = SpanOf(s, e);
          attr.speaker_pronoun = s == e && (toks_[s].flags & kPronoun);
        }
      }
      int k = SkipAfterCue(i + 1, u1, (t.flags & kCueTell) != 0, &attr);
      if (ContentAfter(k, u1, &attr)) Emit(attr);
      continue;
    }
    // Title case hides names: only plain speech verbs count in a headline ("X Says ...").
    if (title_case_ && !(t.flags & (kCueStrong | kCueGerund))) continue;
    if ((t.flags & kNounLike) && !(i > u0 && toks_[i - 1].kind == Kind::kWord &&
                                   (toks_[i - 1].cap || (toks_[i - 1].flags & kPronoun))))
      continue;
    bool strong = (t.flags & kCueStrong) != 0;
    bool tell = (t.flags & kCueTell) != 0;
    int j = SkipAuxBack(be >= 0 ? be - 1 : i - 1, u0);
    // "The council is widely expected to approve the plan": an expectation with no source; the
    // subject and the infinitive are its content (two pieces under one cue).
    if (IsWordLower(i, "expected") && i + 1 < u1 && IsWordLower(i + 1, "to") && j >= u0 &&
        (toks_[j].flags & kPassiveAux) && j > u0) {
      // "who is expected to", "which are expected to": the relative word is the subject.
      int subj = toks_[j - 1].kind == Kind::kWord && (toks_[j - 1].flags & (kRelative | kThat))
                     ? j - 1
                     : BackNP(j - 1, u0);
      if (subj >= 0) {
        Attr first;
        first.cue = Span{toks_[j].start, t.end};
        first.content = SpanOf(subj, j - 1);
        Attr second = first;
        if (ContentAfter(i + 1, u1, &second)) {
          Emit(first);
          Emit(second);
        }
      }
      continue;
    }
    // Passive "was told", "is expected": no speaker of its own here.
    if (j >= u0 && (toks_[j].flags & kPassiveAux) && j == i - 1) {
      PassiveCue(i, j, u0, u1);
      continue;
    }
    // "Smith resigned and said ...": the subject of the first verb.
    if (j >= u0 && j > u0 && (IsWordLower(j, "and") || IsWordLower(j, "but"))) {
      if (static_cast<int>(out_->size()) > unit_first_attr_ && !out_->back().speaker.empty()) {
        // "Roe said A but added B": the speaker of the first cue.
        attr.speaker = out_->back().speaker;
        attr.speaker_pronoun = out_->back().speaker_pronoun;
      } else {
        int e;
        int s = SubjectAtStart(u0, j, &e);
        if (s < 0) continue;
        attr.speaker = SpanOf(s, e);
        attr.speaker_pronoun = s == e && (toks_[s].flags & kPronoun);
      }
      int k = SkipAfterCue(i + 1, u1, tell, &attr);
      if (ContentAfter(k, u1, &attr)) Emit(attr);
      continue;
    }
    // "Sen. Ada Lunn (D-Edda) said": the name before the parenthesis.
    int speaker_end = j;
    if (j > u0 && toks_[j].kind == Kind::kCloseParen) {
      int m = j - 1;
      while (m > u0 && j - m < 12 && toks_[m].kind != Kind::kOpenParen) --m;
      if (m > u0 && toks_[m].kind == Kind::kOpenParen && toks_[m - 1].kind == Kind::kWord)
        j = m - 1;
    }
    // "observers — including some from the OSCE — denounced": skip the dashed aside.
    if (j > u0 && toks_[j].kind == Kind::kDash) {
      int m = j - 1;
      while (m > u0 && j - m < 24 && toks_[m].kind != Kind::kDash && toks_[m].kind != Kind::kStop)
        --m;
      if (m > u0 && toks_[m].kind == Kind::kDash && toks_[m - 1].kind == Kind::kWord) {
        j = m - 1;
        speaker_end = j;
      }
    }
    // "26% say ...": a percentage as the subject.
    bool percent = j > u0 && toks_[j].kind == Kind::kOther && text_[toks_[j].start] == '%' &&
                   toks_[j - 1].kind == Kind::kNumber;
    if (j >= u0 && (toks_[j].kind == Kind::kWord || percent)) {
      // "protests over alleged fraud": a participle after a preposition is an adjective.
      static constexpr std::string_view kPrepEnd[] = {
          "over",  "of",   "for",  "about", "against", "by", "into", "amid",
          "under", "from", "with", "at",    "in",      "on", "to",   "than"};
      if (IsAnyWordLower(j, kPrepEnd)) continue;
      int s = percent ? j - 1 : BackNP(j, u0);
      if (s < 0 && (toks_[j].flags & kRelative)) s = j;
      if (s < 0 || !LooksLikeSpeaker(s, j)) continue;
      // "a program called Harbour Watch": a participle naming a thing, not speech.
      if ((IsWordLower(i, "called") || IsWordLower(i, "named")) && j == i - 1 && !toks_[j].cap &&
          !(toks_[j].flags & (kPronoun | kSpeakerNoun | kRelative)))
        continue;
      // "Russia on Monday accused": the time adjunct is not part of the speaker.
      for (int m = s + 1; m < j; ++m) {
        if (!(toks_[m].flags & kPreposition)) continue;
        bool all_time = true;
        for (int x = m + 1; x <= j; ++x)
          if (!(toks_[x].flags & kTime) && toks_[x].kind != Kind::kNumber) all_time = false;
        if (all_time) {
          speaker_end = std::min(speaker_end, m - 1);
          break;
        }
      }
      if ((t.flags & kCueWeak) && !(toks_[s].flags & (kPronoun | kDeterminer)) && !toks_[s].cap)
        continue;
      attr.speaker = SpanOf(s, speaker_end);
      attr.speaker_pronoun = s == j && (toks_[s].flags & kPronoun);
      int k = SkipAfterCue(i + 1, u1, tell, &attr);
      int pre = s - 1;
      bool inverted_shape =
          pre >= u0 &&
          (toks_[pre].kind == Kind::kComma || toks_[pre].kind == Kind::kCloseQuote ||
           toks_[pre].kind == Kind::kDash) &&
          j - s < 8 && !(toks_[pre].kind != Kind::kCloseQuote && AdverbialBefore(pre, u0));
      bool ends_here = AtClauseEnd(k, u1) ||
                       (k < u1 && (toks_[k].kind == Kind::kComma || toks_[k].kind == Kind::kDash));
      if (inverted_shape && !ends_here && k < u1 && AdjunctStart(k)) {
        // "“...,” Bond said onstage Tuesday night.": a short adjunct closes the sentence.
        int m = k;
        while (m < u1 && m - k < 8 &&
               (toks_[m].kind == Kind::kWord || toks_[m].kind == Kind::kNumber))
          ++m;
        if (AtClauseEnd(m, u1) || (m < u1 && toks_[m].kind == Kind::kComma)) {
          ends_here = true;
          k = m;
        }
      }
      // "“A,” Roe told a crowd that had gathered outside. “B.”": a quotation closed by a comma
      // (? ! or a dash) right before the speaker is the content, whatever follows the verb.
      if (inverted_shape && toks_[pre].kind == Kind::kCloseQuote && QuoteClosesClause(pre) &&
          !(k < u1 && (toks_[k].flags & kThat)) &&
          (QuoteOpensUnit(toks_[pre].quote, u0) || ends_here || AdjunctStart(k))) {
        if (ContentBefore(pre, u0, &attr)) {
          Emit(attr);
          if (k + 1 < u1 && toks_[k].kind == Kind::kComma &&
              toks_[k + 1].kind == Kind::kOpenQuote) {
            int q2 = k + 1;
            Attr second = attr;
            second.quote = -1;
            second.direct = false;
            if (ContentAfter(q2, u1, &second)) Emit(second);
          }
        }
        continue;
      }
      // "“...,” she said after reading the plan.": a quote right before the speaker is hers,
      // whatever adjunct follows the verb.
      if (inverted_shape && !ends_here && toks_[pre].kind == Kind::kCloseQuote && k < u1 &&
          !(toks_[k].flags & kThat) && toks_[k].kind != Kind::kColon &&
          (toks_[k].kind != Kind::kOpenQuote || (k > i + 1 && toks_[k - 1].kind == Kind::kWord)) &&
          (AdjunctStart(k) || QuoteOpensUnit(toks_[pre].quote, u0) ||
           toks_[k].kind == Kind::kOpenQuote)) {
        if (ContentBefore(pre, u0, &attr)) Emit(attr);
        continue;
      }
      if (inverted_shape && ends_here) {
        if (ContentBefore(pre, u0, &attr)) {
          Emit(attr);
          // "“A,” he said, “B.”" / "The plan, he said, would fail."
          bool quote_follows = k + 1 < u1 && toks_[k + 1].kind == Kind::kOpenQuote;
          if (k < u1 && !AtClauseEnd(k + 1, u1) && !EndsContent(k, u1) &&
              (quote_follows || toks_[pre].kind != Kind::kCloseQuote)) {
            Attr second = attr;
            second.quote = -1;
            second.direct = false;
            if (ContentAfter(k, u1, &second)) Emit(second);
          }
        }
        continue;
      }
      SetClauseSubject(s, u0);
      bool ok = ContentAfter(k, u1, &attr);
      SetClauseSubject(-1, 0);
      if (ok) {
        Emit(attr);
        continue;
      }
      // "Smith said." after a quote standing alone in the previous unit.
      if (AtClauseEnd(k, u1) && prev_unit_direct_attr_ < 0 && u0 > 0 &&
          toks_[u0 - 1].kind != Kind::kWord) {
        int b = u0 - 1;
        while (b >= 0 && toks_[b].kind == Kind::kStop) --b;
        if (b >= 0 && toks_[b].kind == Kind::kCloseQuote && toks_[b].quote >= 0 &&
            !quotes_[toks_[b].quote].used && ContentBefore(b, 0, &attr))
          Emit(attr);
      }
      continue;
    }
    // ", said Smith." / "“...,” said Smith." / apposition "Smith, a senator, said ...".
    if (j >= u0 && ((strong && j == i - 1 && toks_[j].kind == Kind::kCloseQuote) ||
                    toks_[j].kind == Kind::kComma)) {
      int e = strong && j == i - 1 ? FwdNP(i + 1, u1) : -1;
      // "Gov. Ada Lunn of Edda, a Republican who voted no, said the fees were too high": the
      // comma closes an apposition of the subject, not a fronted content.
      if (e >= 0 && toks_[j].kind == Kind::kComma) {
        int e0;
        int s0 = SubjectAtStart(u0, j, &e0);
        if (s0 >= 0 && e0 + 2 < j && toks_[e0 + 1].kind == Kind::kComma &&
            (IsWordLower(e0 + 2, "a") || IsWordLower(e0 + 2, "an") || IsWordLower(e0 + 2, "the")) &&
            (toks_[s0].cap || (toks_[s0].flags & kSpeakerNoun)))
          e = -1;
      }
      int np_end = e;
      // "said Rep. Ada Lunn (D-Edda), a panel member": skip the parenthesis after the name.
      if (e >= 0 && e + 1 < u1 && toks_[e + 1].kind == Kind::kOpenParen) {
        int m = e + 2;
        while (m < u1 && m - e < 12 && toks_[m].kind != Kind::kCloseParen) ++m;
        if (m < u1 && toks_[m].kind == Kind::kCloseParen) e = m;
      }
      if (e >= 0 && e + 2 < u1 && toks_[e + 1].kind == Kind::kStop &&
          toks_[e + 2].kind == Kind::kComma)
        e = e + 1;  // "said Ada Lunn Jr., a senator"
      int k = e >= 0 ? SkipAfterCue(e + 1, u1, false, &attr) : i + 1;
      // "“A,” said Roe in a Friday post.": a quotation closed by a comma before the verb.
      bool closed_quote =
          strong && j == i - 1 && toks_[j].kind == Kind::kCloseQuote && QuoteClosesClause(j) &&
          !(k < u1 && (toks_[k].flags & kThat)) &&
          (QuoteOpensUnit(toks_[j].quote, u0) || quotes_[toks_[j].quote].words >= 4);
      bool np_then_end = e >= 0 && LooksLikeSpeaker(i + 1, e) &&
                         (AtClauseEnd(k, u1) || toks_[k].kind == Kind::kComma || closed_quote);
      if (np_then_end) {
        attr.speaker = SpanOf(i + 1, np_end);
        attr.speaker_pronoun = np_end == i + 1 && (toks_[np_end].flags & kPronoun);
        if (ContentBefore(j, u0, &attr)) {
          Emit(attr);
          // "“A,” said Smith, “B.”" (not an apposition: "said Smith, a senator from Ohio").
          if (k < u1 && ((k + 1 < u1 && toks_[k].kind == Kind::kComma &&
                          toks_[k + 1].kind == Kind::kOpenQuote) ||
                         (closed_quote && toks_[k].kind == Kind::kOpenQuote))) {
            if (toks_[k].kind == Kind::kComma) ++k;
            Attr second = attr;
            second.quote = -1;
            second.direct = false;
            if (ContentAfter(k, u1, &second)) Emit(second);
          }
        }
        continue;
      }
      if (toks_[j].kind == Kind::kComma) {
        // "“A,” Jim Roe, 57, a retired pilot, told a neighbour ...": a quotation closed by a
        // comma, then the speaker with its apposition up to the comma before the verb.
        int b = j - 1;
        while (b > u0 && j - b < 30 && toks_[b].kind != Kind::kCloseQuote &&
               toks_[b].kind != Kind::kOpenQuote &&
               !(toks_[b].kind == Kind::kStop && text_[toks_[b].start] != '.'))
          --b;
        if (b >= u0 && b + 1 < j && toks_[b].kind == Kind::kCloseQuote && QuoteClosesClause(b) &&
            (toks_[b + 1].kind == Kind::kWord || toks_[b + 1].kind == Kind::kNumber) &&
            (toks_[b + 1].cap || (toks_[b + 1].flags & (kDeterminer | kPronoun))) &&
            !(toks_[b + 1].flags & (kBoundary | kPreposition)) && !AdverbialBefore(j, b + 1) &&
            (QuoteOpensUnit(toks_[b].quote, u0) || quotes_[toks_[b].quote].words >= 4)) {
          attr.speaker = Span{toks_[b + 1].start, toks_[j - 1].end};
          attr.speaker_pronoun = false;
          SkipAfterCue(i + 1, u1, tell, &attr);  // the channel ("said in a phone interview")
          if (ContentBefore(b, u0, &attr)) Emit(attr);
          continue;
        }
      }
      if (strong && toks_[j].kind == Kind::kComma &&
          AtClauseEnd(SkipAfterCue(i + 1, u1, false, &attr), u1)) {
        // "“...,” Rep. Jane Roe (D-Edda), a panel member, said in an interview.": the speaker
        // runs from the closing quote to the comma.
        int b = j - 1;
        while (b > u0 && j - b < 30 && toks_[b].kind != Kind::kCloseQuote) --b;
        if (b >= u0 && toks_[b].kind == Kind::kCloseQuote && b + 1 < j) {
          attr.speaker = Span{toks_[b + 1].start, toks_[j - 1].end};
          if (ContentBefore(b, u0, &attr)) Emit(attr);
          continue;
        }
      }
      if (toks_[j].kind == Kind::kComma) {
        // Apposition: "Jane Roe, a senator from Ohio, said ...": the subject opens the unit.
        int e0;
        int s0 = SubjectAtStart(u0, j, &e0);
        if (s0 >= 0 && e0 < j) {
          // "The mayor, Oskar Dunne, said": the apposition names the speaker; "The president,
          // in turn, warned": an adverbial aside does not.
          int a0 = e0 + 1 < j && toks_[e0 + 1].kind == Kind::kComma ? e0 + 2 : e0 + 1;
          bool adverbial = a0 < j && toks_[a0].kind == Kind::kWord &&
                           (toks_[a0].flags & (kPreposition | kAux | kTime)) && !toks_[a0].cap;
          attr.speaker = adverbial ? SpanOf(s0, e0) : Span{toks_[s0].start, toks_[j - 1].end};
          int k2 = SkipAfterCue(i + 1, u1, tell, &attr);
          if (ContentAfter(k2, u1, &attr)) Emit(attr);
          continue;
        }
        int c2 = j - 1;
        while (c2 > u0 && j - c2 < 14 && toks_[c2].kind != Kind::kComma &&
               toks_[c2].kind != Kind::kCloseQuote && toks_[c2].kind != Kind::kOpenQuote)
          --c2;
        if (c2 > u0 && toks_[c2].kind == Kind::kComma) {
          int s = BackNP(c2 - 1, u0);
          if (s >= 0 && LooksLikeSpeaker(s, c2 - 1)) {
            attr.speaker = Span{toks_[s].start, toks_[j - 1].end};
            int k2 = SkipAfterCue(i + 1, u1, tell, &attr);
            if (ContentAfter(k2, u1, &attr)) Emit(attr);
          }
        }
      }
    }
  }
  // "“Go home,” Roe barked.": a quote closed by , ! or ? inside the marks, then a short subject
  // and a verb the lexicon does not know.
  for (TopQuote& q : quotes_) {
    if (q.used || q.open_tok < u0 || q.open_tok >= u1 || q.close_tok < 0 || q.words < 2) continue;
    char before = text_[q.inner_end > 0 ? q.inner_end - 1 : 0];
    if (before != ',' && before != '!' && before != '?') continue;
    int s0 = q.close_tok + 1;
    if (s0 >= u1 || toks_[s0].kind != Kind::kWord) continue;
    int v = -1;
    if (toks_[s0].flags & kPronoun) {
      v = s0 + 1;
    } else if (toks_[s0].cap) {
      int e = s0;
      while (e + 1 < u1 && e - s0 < 5 &&
             ((toks_[e + 1].kind == Kind::kWord && toks_[e + 1].cap) ||
              (toks_[e + 1].kind == Kind::kStop && text_[toks_[e + 1].start] == '.' &&
               toks_[e].end - toks_[e].start <= 3)))
        ++e;
      v = e + 1;
    } else if (toks_[s0].flags & kDeterminer) {
      // "the senator barked": the first past-tense word ends the subject.
      for (int m = s0 + 1; m < u1 && m - s0 <= 5 && toks_[m].kind == Kind::kWord; ++m) {
        if (!toks_[m].cap &&
            text_.substr(toks_[m].start, toks_[m].end - toks_[m].start).ends_with("ed")) {
          v = m;
          break;
        }
      }
      if (v < 0) continue;
    } else {
      continue;
    }
    if (v >= u1 || toks_[v].kind != Kind::kWord || toks_[v].cap ||
        (toks_[v].flags & (kAux | kPassiveAux | kBoundary | kPreposition | kPronoun | kDeterminer |
                           kNegation | kTime)))
      continue;
    std::string_view w = text_.substr(toks_[v].start, toks_[v].end - toks_[v].start);
    if (!(w.ends_with("ed") || w.ends_with("s") || (toks_[v].flags & kCue) ||
          (before == ',' && AtClauseEnd(v + 1, u1))))
      continue;
    Attr attr;
    attr.speaker = SpanOf(s0, v - 1);
    attr.speaker_pronoun = v - 1 == s0 && (toks_[s0].flags & kPronoun);
    attr.cue = SpanOf(v, v);
    attr.content = Span{q.open, q.end};
    attr.direct = q.is_double;
    attr.quote = static_cast<int>(&q - quotes_.data());
    q.used = true;
    Emit(attr);
  }
  // "Roe shot back: “No.”" / "he demurred: “...”": subject, a verb the lexicon does not know,
  // a colon and a quote.
  for (TopQuote& q : quotes_) {
    if (q.used || q.open_tok < u0 + 3 || q.open_tok >= u1) continue;
    int c = q.open_tok - 1;
    if (toks_[c].kind != Kind::kColon) continue;
    int v = c - 1;
    while (v > u0 && toks_[v].kind == Kind::kWord && IsWordLower(v, "back")) --v;
    if (toks_[v].kind != Kind::kWord || toks_[v].cap ||
        (toks_[v].flags & (kBoundary | kPreposition | kDeterminer | kPronoun | kTime)))
      continue;
    int e;
    int s0 = SubjectAtStart(u0, v, &e);
    if (s0 < 0 || e + 1 != v) continue;
    Attr attr;
    attr.speaker = SpanOf(s0, e);
    attr.speaker_pronoun = s0 == e && (toks_[s0].flags & kPronoun);
    attr.cue = SpanOf(v, c - 1);
    attr.content = Span{q.open, q.end};
    attr.direct = q.is_double;
    attr.quote = static_cast<int>(&q - quotes_.data());
    q.used = true;
    Emit(attr);
  }
  // A unit that ends with "Roe continued:" hands its speaker to a quote opening the next block.
  pending_colon_ = false;
  if (u1 - u0 >= 3 && u1 == static_cast<int>(toks_.size()) && toks_[u1 - 1].kind == Kind::kColon &&
      ((toks_[u1 - 2].kind == Kind::kWord && !toks_[u1 - 2].cap) ||
       toks_[u1 - 2].kind == Kind::kNumber)) {
    int e;
    int s0 = SubjectAtStart(u0, u1 - 2, &e);
    if (s0 >= 0 && e + 1 <= u1 - 2) {
      int v = e + 1;
      while (v < u1 - 2 && toks_[v].kind == Kind::kWord && !(toks_[v].flags & kCue)) ++v;
      pending_colon_attr_ = Attr{};
      pending_colon_attr_.speaker = SpanOf(s0, e);
      pending_colon_attr_.speaker_pronoun = s0 == e && (toks_[s0].flags & kPronoun);
      // "He then listed the rules he follows in 2016:" (no cue word): the colon is the cue.
      pending_colon_attr_.cue = (toks_[v].flags & kCue) && toks_[v].kind == Kind::kWord
                                    ? SpanOf(v, u1 - 2)
                                    : SpanOf(u1 - 1, u1 - 1);
      pending_colon_ = true;
    }
  }
  // Quotes no cue claimed: a quote standing alone right after a direct quote of the same
  // paragraph continues it ("“A,” he said. “B.”"); short ones are scare quotes or titles.
  bool unit_has_attr = static_cast<int>(out_->size()) > unit_first_attr_;
  for (TopQuote& q : quotes_) {
    if (q.used || q.open_tok < u0 || q.open_tok >= u1) continue;
    if (q.words <= 3) continue;
    bool standalone = q.open_tok == u0;
    if (!standalone || unit_has_attr) continue;
    if (prev_unit_direct_attr_ >= 0) {
      Attr attr = (*out_)[prev_unit_direct_attr_];
      attr.content = Span{q.open, q.end};
      attr.direct = true;
      attr.quote = static_cast<int>(&q - quotes_.data());
      q.used = true;
      Emit(attr);
    }
  }
  prev_unit_direct_attr_ = -1;
  for (int k = static_cast<int>(out_->size()) - 1; k >= unit_first_attr_; --k) {
    if ((*out_)[k].quote >= 0) {
      prev_unit_direct_attr_ = k;
      break;
    }
  }
}

bool BlockScanner::TranscriptTurn(Span block) {
  Span label;
  uint32_t c = 0;
  bool labelled = TranscriptLabel(text_, block, &label, &c);
  if (!labelled) {
    // "“But the truth is ...": a quote-mark paragraph goes on with the previous turn; a
    // "(CROSSTALK.)" note or a plain paragraph ends the turns.
    bool opens_quote =
        toks_[0].kind == Kind::kOpenQuote && toks_.size() > 1 && toks_[1].kind != Kind::kOpenParen;
    if (!have_turn_ || !opens_quote) {
      have_turn_ = have_turn_ && toks_[0].kind == Kind::kOpenQuote;
      return false;
    }
    c = toks_[1].start;
  }
  uint32_t end = std::min<uint32_t>(block.end, static_cast<uint32_t>(text_.size()));
  while (end > c && (text_[end - 1] == ' ' || text_[end - 1] == '\n' || text_[end - 1] == '\r' ||
                     text_[end - 1] == '\t' || text_[end - 1] == '"' || text_[end - 1] == '.'))
    --end;
  if (end <= c) return false;
  Attr attr;
  if (labelled) {
    attr.speaker = label;
    attr.cue = Span{label.end, label.end + 1};
  } else {
    attr.speaker = turn_.speaker;
    attr.cue = turn_.cue;
  }
  attr.content = Span{c, end};
  attr.direct = true;
  for (TopQuote& q : quotes_) q.used = true;
  Emit(attr);
  turn_ = attr;
  have_turn_ = true;
  return true;
}

void BlockScanner::Scan(Span block, bool title_case, const Sentence* sent_begin,
                        const Sentence* sent_end, bool starts_with_continuation,
                        const Attr* runon_from, const Attr* prev_direct, const Attr* colon_lead,
                        const Attr* prev_speaker) {
  title_case_ = title_case;
  Tokenize(block);
  runon_index_ = -1;
  prev_unit_direct_attr_ = -1;
  int n = static_cast<int>(toks_.size());
  if (n == 0) return;
  if (transcript_ && TranscriptTurn(block)) {
    pending_colon_ = false;
    return;
  }
  size_t first_out = out_->size();
  pending_colon_ = false;
  // "Roe continued:\n\n“...”": the quote opening this block is the lead's.
  if (colon_lead != nullptr && toks_[0].kind == Kind::kOpenQuote && toks_[0].quote >= 0 &&
      !(starts_with_continuation && runon_from != nullptr)) {
    TopQuote& q = quotes_[toks_[0].quote];
    Attr attr = *colon_lead;
    attr.content = Span{q.open, q.end};
    attr.direct = q.is_double;
    attr.quote = toks_[0].quote;
    q.used = true;
    Emit(attr);
  }
  // A paragraph that opens with a quote continuing the previous paragraph's quote.
  if (starts_with_continuation && runon_from != nullptr && toks_[0].kind == Kind::kOpenQuote &&
      toks_[0].quote >= 0) {
    TopQuote& q = quotes_[toks_[0].quote];
    Attr attr = *runon_from;
    attr.content = Span{q.open, q.end};
    attr.direct = true;
    attr.quote = toks_[0].quote;
    q.used = true;
    Emit(attr);
  }
  // Unit boundaries: sentence starts that do not fall inside an outermost quote.
  std::vector<int> starts;
  starts.push_back(0);
  int tk = 0;
  for (const Sentence* s = sent_begin; s != sent_end; ++s) {
    while (tk < n && toks_[tk].start < s->span.start) ++tk;
    if (tk >= n) break;
    if (tk == 0 || tk == starts.back()) continue;
    bool in_quote = toks_[tk].quote >= 0 && toks_[tk].kind != Kind::kOpenQuote;
    // "“Is it over?” Roe asked.": the splitter ends a sentence at the closing mark.
    bool after_question = false;
    if (toks_[tk - 1].kind == Kind::kCloseQuote && toks_[tk].kind == Kind::kWord) {
      const TopQuote& q = quotes_[toks_[tk - 1].quote];
      char before = text_[q.inner_end > 0 ? q.inner_end - 1 : 0];
      after_question = before == '?' || before == '!' || before == ',';
    }
    if (!in_quote && !after_question) starts.push_back(tk);
  }
  starts.push_back(n);
  for (size_t u = 0; u + 1 < starts.size(); ++u) ProcessUnit(starts[u], starts[u + 1]);
  unit_starts_.swap(starts);
  // A paragraph that is one whole quote, right after a paragraph that ended with a direct quote,
  // goes on with the same speaker ("“A,” Smith said.\n\n“B.”").
  if (out_->size() == first_out && prev_direct != nullptr && toks_[0].kind == Kind::kOpenQuote &&
      toks_[0].quote >= 0) {
    TopQuote& q = quotes_[toks_[0].quote];
    if (!q.used && q.close_tok >= 0 && AtClauseEnd(q.close_tok + 1, n) && q.words >= 3) {
      Attr attr = *prev_direct;
      attr.content = Span{q.open, q.end};
      attr.direct = q.is_double;
      attr.quote = toks_[0].quote;
      q.used = true;
      Emit(attr);
    }
  }
  // A long quotation no rule claimed is still someone's words ("Roe praised the plan.\n\n“We
  // need ...”", "as he put it, “...”"): its speaker is the nearest attribution before it in the
  // paragraph, with its cue (one discontinuous attribution), else the last speaker of the
  // previous paragraph (no cue), else none.
  for (size_t qi = 0; qi < quotes_.size(); ++qi) {
    TopQuote& q = quotes_[qi];
    if (q.used || !q.is_double || q.open_tok < 0) continue;
    if (q.words < kMinFreeQuoteWords) {
      if (q.words >= kMinEmbeddedQuoteWords) EmbeddedQuote(q, static_cast<int>(qi), first_out);
      continue;
    }
    const Attr* src = nullptr;
    bool covered = false;
    for (size_t k = first_out; k < out_->size(); ++k) {
      const Attr& at = (*out_)[k];
      if (at.content.start < q.end && q.open < at.content.end) covered = true;
      if (at.content.end <= q.open && !at.speaker.empty() &&
          (src == nullptr || at.content.start >= src->content.start))
        src = &at;
    }
    if (covered || !FreeQuoteLooksLikeSpeech(q)) continue;
    Attr attr;
    if (FreeQuoteSpeaker(q, &attr)) {
      // The speaker named in the quotation's own sentence.
    } else if (src != nullptr) {
      attr.speaker = src->speaker;
      attr.speaker_pronoun = src->speaker_pronoun;
      attr.cue = src->cue;  // one discontinuous attribution with the one before it
    } else if (prev_speaker != nullptr) {
      attr.speaker = prev_speaker->speaker;
      attr.speaker_pronoun = prev_speaker->speaker_pronoun;
    }
    attr.content = Span{q.open, q.end};
    attr.direct = true;
    attr.quote = static_cast<int>(qi);
    q.used = true;
    Emit(attr);
  }
  // Does the block end inside an unterminated quote that some attribution holds?
  for (size_t k = first_out; k < out_->size(); ++k) {
    const Attr& at = (*out_)[k];
    if (at.quote >= 0 && quotes_[at.quote].unterminated) runon_index_ = static_cast<int>(k);
  }
}

// "Roe said she fears the tolls will rise", "“We backed the plan,” Roe said": a belief or
// stance ("fears", "wants", "thinks", "backed") whose cue lies inside someone else's content is
// part of that content, not an attribution of its own (speech verbs such as "said" keep theirs).
// Drops such attributions; `attrs` is sorted by content start.
void DropNestedStances(std::string_view text, std::vector<Attr>* attrs) {
  const Lexicon& lex = Lexicon::Get();
  std::vector<char> drop(attrs->size(), 0);
  bool any = false;
  for (size_t i = 0; i < attrs->size(); ++i) {
    const Attr& at = (*attrs)[i];
    if (at.cue.empty() || at.cue.size() >= 32) continue;
    char buf[32];
    size_t len;
    uint32_t f = 0;
    if (LowerInto(text.substr(at.cue.start, at.cue.size()), buf, sizeof(buf), &len))
      f = lex.Lookup(std::string_view(buf, len));
    if (!(f & (kCueWeak | kCueObject)) || (f & kCueStrong)) continue;
    for (size_t j = 0; j < attrs->size(); ++j) {
      const Attr& o = (*attrs)[j];
      if (o.content.start > at.cue.start) break;
      if (j != i && at.cue.end <= o.content.end &&
          !(o.content.start == at.content.start && o.content.end == at.content.end)) {
        drop[i] = 1;
        any = true;
        break;
      }
    }
  }
  if (!any) return;
  size_t out = 0;
  for (size_t i = 0; i < attrs->size(); ++i)
    if (!drop[i]) (*attrs)[out++] = (*attrs)[i];
  attrs->resize(out);
}

bool UsableRole(BlockRole r) {
  return r == BlockRole::kBody || r == BlockRole::kHeadline || r == BlockRole::kStandfirst ||
         r == BlockRole::kCaption;
}

// Entity index of a mention overlapping `span` (the one ending last inside it wins: the head
// of "Kremlin spokesman Dmitry Peskov" is the name at its end).
const Entity* EntityOverlapping(const Article& a, Span span) {
  const Entity* best = nullptr;
  uint32_t best_end = 0;
  for (const Entity& e : a.entities) {
    for (const Span& m : e.mentions) {
      if (m.start < span.end && span.start < m.end && m.end >= best_end) {
        best = &e;
        best_end = m.end;
      }
    }
  }
  return best;
}

// The last organisation or person mentioned before `offset` ("they", "it").
const Entity* LastGroupBefore(const Article& a, uint32_t offset, bool org_only) {
  const Entity* best = nullptr;
  uint32_t best_start = 0;
  for (const Entity& e : a.entities) {
    if (e.type != EntityType::kOrganization && (org_only || e.type != EntityType::kPerson))
      continue;
    for (const Span& m : e.mentions) {
      if (m.start < offset && (best == nullptr || m.start >= best_start)) {
        best = &e;
        best_start = m.start;
      }
    }
  }
  return best;
}

// The person a subject pronoun at `offset` most likely means: the first fitting person named in
// the nearest sentence before it (the subject of that sentence: "The ambassador met Lunn. He
// said ..." is the ambassador), names inside quotations left out. nullopt when no sentence
// within reach names one.
std::optional<std::string> PronounPerson(const Article& a, uint32_t offset, entities::Gender want,
                                         const std::vector<Span>& quoted) {
  const std::vector<Sentence>& ss = a.sentences;
  if (ss.empty()) return std::nullopt;
  auto it = std::upper_bound(ss.begin(), ss.end(), offset,
                             [](uint32_t x, const Sentence& s) { return x < s.span.start; });
  if (it == ss.begin()) return std::nullopt;
  int idx = static_cast<int>(it - ss.begin()) - 1;
  auto in_quote = [&](const Span& m) {
    for (const Span& q : quoted)
      if (m.start >= q.start && m.end <= q.end) return true;
    return false;
  };
  std::vector<int8_t> gender(a.entities.size(), -1);
  for (int k = idx; k >= 0 && idx - k < 5; --k) {
    const Span sent = ss[k].span;
    uint32_t limit = std::min(sent.end, offset);
    const Entity* best = nullptr;
    uint32_t best_start = 0;
    for (size_t ei = 0; ei < a.entities.size(); ++ei) {
      const Entity& e = a.entities[ei];
      if (e.type != EntityType::kPerson) continue;
      for (const Span& m : e.mentions) {
        if (m.start < sent.start || m.start >= limit || in_quote(m)) continue;
        if (best != nullptr && m.start >= best_start) continue;
        if (want != entities::Gender::kUnknown) {
          if (gender[ei] < 0) gender[ei] = static_cast<int8_t>(entities::GenderOf(a, e));
          auto g = static_cast<entities::Gender>(gender[ei]);
          if (g != entities::Gender::kUnknown && g != want) continue;
        }
        best = &e;
        best_start = m.start;
      }
    }
    if (best != nullptr) return best->id;
  }
  return std::nullopt;
}

void Resolve(const Article& a, const Attr& at, const std::vector<Span>& quoted, Speaker* sp) {
  sp->span = at.speaker;
  sp->name = std::string(a.View(at.speaker));
  if (a.entities.empty() || at.speaker.empty()) return;
  if (at.speaker_pronoun) {
    char buf[16];
    size_t len = 0;
    std::string_view w = a.View(at.speaker);
    if (!LowerInto(w, buf, sizeof(buf), &len)) return;
    std::string_view lw(buf, len);
    entities::Gender g = entities::PronounGender(lw);
    if (g != entities::Gender::kUnknown || lw == "i" || lw == "я" || lw == "он" || lw == "она") {
      if (lw == "он") g = entities::Gender::kMale;
      if (lw == "она") g = entities::Gender::kFemale;
      sp->entity = PronounPerson(a, at.speaker.start, g, quoted);
      if (!sp->entity) sp->entity = entities::LastPersonBefore(a, at.speaker.start, g);
    } else if (const Entity* e = LastGroupBefore(a, at.speaker.start, lw == "it")) {
      sp->entity = e->id;
    }
    return;
  }
  if (const Entity* e = EntityOverlapping(a, at.speaker)) sp->entity = e->id;
}

}  // namespace

void AnnotateQuotes(Article* article) {
  article->quotes.clear();
  const Article& a = *article;
  if (a.text.empty()) return;
  std::vector<Span> blocks;
  for (const Block& b : a.blocks)
    if (UsableRole(b.role) && !b.span.empty()) blocks.push_back(b.span);
  if (a.blocks.empty()) {
    // No extraction: every paragraph (blank-line separated) is a body block.
    uint32_t start = 0, n = static_cast<uint32_t>(a.text.size());
    for (uint32_t i = 0; i <= n; ++i) {
      bool brk = i == n || (a.text[i] == '\n' && i + 1 < n &&
                            (a.text[i + 1] == '\n' ||
                             (a.text[i + 1] == '\r' && i + 2 < n && a.text[i + 2] == '\n')));
      if (!brk) continue;
      if (i > start) blocks.push_back({start, i});
      start = i + 1;
    }
  }
  std::sort(blocks.begin(), blocks.end(),
            [](const Span& x, const Span& y) { return x.start < y.start; });
  std::vector<Sentence> own_sentences;
  const std::vector<Sentence>* sentences = &a.sentences;
  if (a.sentences.empty()) {
    for (const Span& b : blocks) {
      std::vector<Sentence> s = text::SplitSentences(a.text, b);
      own_sentences.insert(own_sentences.end(), s.begin(), s.end());
    }
    sentences = &own_sentences;
  }
  std::vector<Attr> attrs;
  BlockScanner scanner(a, Lexicon::Get(), &attrs);
  {
    // A transcript: at least three blocks open with speaker labels, at least two different.
    int labelled = 0;
    bool two = false;
    std::string_view first;
    for (const Span& b : blocks) {
      Span label;
      uint32_t c;
      if (!TranscriptLabel(a.text, b, &label, &c)) continue;
      std::string_view name = std::string_view(a.text).substr(label.start, label.size());
      if (labelled++ == 0) first = name;
      if (name != first) two = true;
    }
    scanner.set_transcript(labelled >= 3 && two);
  }
  Attr runon;
  bool have_runon = false;
  Attr last_direct;
  bool have_direct = false;
  Attr last_speaker;  // the last attribution (by position) of the previous block with a speaker
  bool have_speaker = false;
  size_t si = 0;
  for (const Span& b : blocks) {
    while (si < sentences->size() && (*sentences)[si].span.start < b.start) ++si;
    size_t se = si;
    while (se < sentences->size() && (*sentences)[se].span.start < b.end) ++se;
    bool title = false;
    for (const Block& blk : a.blocks)
      if (blk.span.start == b.start && blk.role == BlockRole::kHeadline) title = true;
    size_t before = attrs.size();
    Attr lead;
    bool have_lead = scanner.colon_lead() != nullptr;
    if (have_lead) lead = *scanner.colon_lead();
    scanner.Scan(b, title, sentences->data() + si, sentences->data() + se, have_runon,
                 have_runon ? &runon : nullptr, have_direct ? &last_direct : nullptr,
                 have_lead ? &lead : nullptr, have_speaker ? &last_speaker : nullptr);
    size_t best = attrs.size();
    for (size_t k = before; k < attrs.size(); ++k) {
      if (!attrs[k].speaker.empty() &&
          (best == attrs.size() || attrs[k].content.start >= attrs[best].content.start))
        best = k;
    }
    have_speaker = best < attrs.size();
    if (have_speaker) last_speaker = attrs[best];
    have_direct = attrs.size() > before && attrs.back().direct && attrs.back().quote >= 0 &&
                  !attrs.back().speaker.empty();
    if (have_direct) last_direct = attrs.back();
    have_runon = scanner.has_runon();
    if (have_runon) runon = attrs[scanner.runon_index()];
    si = se;
  }
  std::stable_sort(attrs.begin(), attrs.end(),
                   [](const Attr& x, const Attr& y) { return x.content.start < y.content.start; });
  DropNestedStances(a.text, &attrs);
  std::vector<Span> quoted;
  for (const Attr& at : attrs)
    if (at.direct && at.quote >= 0) quoted.push_back(at.content);
  article->quotes.reserve(attrs.size());
  for (const Attr& at : attrs) {
    if (at.content.empty()) continue;
    Quote q;
    q.content = at.content;
    q.direct = at.direct;
    Resolve(a, at, quoted, &q.speaker);
    if (!at.cue.empty()) q.cue = at.cue;
    if (!at.channel.empty()) q.channel = at.channel;
    article->quotes.push_back(std::move(q));
  }
}

}  // namespace parallax::quotes
