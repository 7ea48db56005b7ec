#include "src/compare/split.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace parallax::compare {
namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

// A non-breaking space (U+00A0) is white space for trimming too.
Span Trim(std::string_view text, Span s) {
  while (s.start < s.end) {
    if (IsSpaceByte(text[s.start])) {
      ++s.start;
    } else if (s.start + 1 < s.end && static_cast<unsigned char>(text[s.start]) == 0xC2 &&
               static_cast<unsigned char>(text[s.start + 1]) == 0xA0) {
      s.start += 2;
    } else {
      break;
    }
  }
  while (s.end > s.start) {
    if (IsSpaceByte(text[s.end - 1])) {
      --s.end;
    } else if (s.end >= s.start + 2 && static_cast<unsigned char>(text[s.end - 2]) == 0xC2 &&
               static_cast<unsigned char>(text[s.end - 1]) == 0xA0) {
      s.end -= 2;
    } else {
      break;
    }
  }
  return s;
}

// Drops trailing commas and spaces: the left part of a split ends before its connector.
Span TrimRightPunct(std::string_view text, Span s) {
  s = Trim(text, s);
  while (s.end > s.start && (text[s.end - 1] == ',' || text[s.end - 1] == ';' ||
                             text[s.end - 1] == ':' || IsSpaceByte(text[s.end - 1])))
    --s.end;
  return s;
}

std::string Lower(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The words of `s` (space-separated, surrounding ASCII punctuation stripped).
std::vector<std::string_view> Words(std::string_view s, size_t limit) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size() && out.size() < limit) {
    while (i < s.size() && IsSpaceByte(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpaceByte(s[j])) ++j;
    std::string_view w = s.substr(i, j - i);
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.front()))) w.remove_prefix(1);
    while (!w.empty() && std::ispunct(static_cast<unsigned char>(w.back()))) w.remove_suffix(1);
    if (!w.empty()) out.push_back(w);
    i = j;
  }
  return out;
}

bool InList(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// A finite verb, roughly: auxiliaries, common irregular pasts, and regular pasts ("-ed").
bool VerbLike(std::string_view raw) {
  std::string w = Lower(raw);
  if (InList(w, {"is",      "are",   "was",   "were",  "has",    "have",    "had",    "will",
                 "would",   "can",   "could", "may",   "might",  "must",    "should", "did",
                 "does",    "do",    "said",  "says",  "say",    "told",    "went",   "came",
                 "took",    "gave",  "made",  "began", "fell",   "rose",    "left",   "met",
                 "held",    "led",   "won",   "lost",  "saw",    "got",     "put",    "set",
                 "ran",     "sent",  "spent", "kept",  "broke",  "threw",   "fought", "brought",
                 "thought", "found", "stood", "built", "became", "remains", "remain", "cannot"}))
    return true;
  return w.size() > 4 && (w.ends_with("ed") || w.ends_with("n't"));
}

// True when `rest` (the text after a connector) opens a clause with its own subject: a
// determiner, pronoun or capitalised word, followed within a few words by a finite verb.
bool NewSubject(std::string_view rest) {
  std::vector<std::string_view> w = Words(rest, 8);
  if (w.size() < 2) return false;
  std::string first = Lower(w[0]);
  bool subject_start =
      InList(first,
             {"the",  "a",    "an",   "this",    "these", "those",  "its",    "their",    "his",
              "her",  "our",  "he",   "she",     "it",    "they",   "we",     "i",        "you",
              "some", "many", "most", "several", "other", "others", "police", "officials"}) ||
      std::isupper(static_cast<unsigned char>(w[0][0])) ||
      static_cast<unsigned char>(w[0][0]) >= 0x80;
  if (!subject_start) return false;
  for (size_t k = 1; k < w.size() && k < 7; ++k)
    if (VerbLike(w[k])) return true;
  return false;
}

// Quote depth tracker over UTF-8 bytes: straight double quotes toggle; curly and guillemet
// quotes nest.
struct QuoteState {
  bool straight = false;
  int curly = 0;
  bool Inside() const { return straight || curly > 0; }
  // Advances over the character at text[i]; returns its byte length.
  size_t Step(std::string_view t, size_t i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '"') {
      straight = !straight;
      return 1;
    }
    if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(t[i + 2]);
      if (d == 0x9C) ++curly;               // “
      if (d == 0x9D && curly > 0) --curly;  // ”
      return 3;
    }
    if (c == 0xC2 && i + 1 < t.size()) {
      unsigned char d = static_cast<unsigned char>(t[i + 1]);
      if (d == 0xAB) ++curly;               // «
      if (d == 0xBB && curly > 0) --curly;  // »
      return 2;
    }
    return 1;
  }
};

bool Protected(std::span<const Span> protect, uint32_t pos) {
  for (const Span& p : protect)
    if (p.start < pos && pos < p.end) return true;
  return false;
}

struct Cut {
  uint32_t left_end;     // absolute: where the left part ends
  uint32_t right_start;  // absolute: where the right part starts
};

// Splits [s.start, s.end) at clause joints outside quotes.
std::vector<Cut> FindCuts(std::string_view text, Span s, size_t min_words,
                          std::span<const Span> protect) {
  std::vector<Cut> cuts;
  std::string_view t = text.substr(s.start, s.size());
  QuoteState q;
  uint32_t last = 0;  // relative start of the current part
  for (size_t i = 0; i < t.size();) {
    bool inside = q.Inside();
    char c = t[i];
    if (!inside && (c == ';' || c == ',') && i + 1 < t.size() && t[i + 1] == ' ' &&
        !Protected(protect, s.start + static_cast<uint32_t>(i))) {
      size_t right = i + 2;
      bool ok = false;
      if (c == ';') {
        ok = true;
      } else {
        for (std::string_view conn : {"and ", "but ", "while ", "whereas "}) {
          if (t.substr(right).starts_with(conn)) {
            size_t after = right + conn.size();
            ok = conn == "while " || conn == "whereas " ? CountWords(t.substr(after)) >= min_words
                                                        : NewSubject(t.substr(after));
            if (ok) right = after;
            break;
          }
        }
      }
      if (ok) {
        size_t left_words = CountWords(t.substr(last, i - last));
        size_t right_words = CountWords(t.substr(right));
        if (left_words >= min_words && right_words >= min_words) {
          cuts.push_back(
              {s.start + static_cast<uint32_t>(i), s.start + static_cast<uint32_t>(right)});
          last = static_cast<uint32_t>(right);
        }
      }
    }
    i += q.Step(t, i);
  }
  return cuts;
}

// A non-restrictive relative clause in `part`: ", who ...," or ", which ...," outside quotes.
// Returns false when there is none of at least min_words words.
bool FindRelative(std::string_view text, Span part, size_t min_words, std::span<const Span> protect,
                  Span* clause, uint32_t* comma) {
  std::string_view t = text.substr(part.start, part.size());
  QuoteState q;
  for (size_t i = 0; i < t.size();) {
    if (!q.Inside() && t[i] == ',' && i > 0 &&
        !Protected(protect, part.start + static_cast<uint32_t>(i))) {
      std::string_view rest = t.substr(i + 1);
      size_t skip = 0;
      while (skip < rest.size() && rest[skip] == ' ') ++skip;
      rest.remove_prefix(skip);
      if (rest.starts_with("who ") || rest.starts_with("which ")) {
        size_t open = i + 1 + skip;
        // The clause ends at the next comma outside quotes (or the part's end).
        QuoteState q2;
        size_t j = open;
        size_t close = t.size();
        while (j < t.size()) {
          if (!q2.Inside() && t[j] == ',') {
            close = j;
            break;
          }
          j += q2.Step(t, j);
        }
        std::string_view body = t.substr(open, close - open);
        if (CountWords(body) >= min_words + 1 && CountWords(t.substr(0, i)) >= 1) {
          *clause = Trim(text, Span{part.start + static_cast<uint32_t>(open),
                                    part.start + static_cast<uint32_t>(close)});
          // A clause running to the end keeps the sentence's final stop out of it.
          while (clause->end > clause->start &&
                 (text[clause->end - 1] == '.' || text[clause->end - 1] == ';'))
            --clause->end;
          *comma = part.start + static_cast<uint32_t>(i);
          return true;
        }
      }
    }
    i += q.Step(t, i);
  }
  return false;
}

}  // namespace

size_t CountWords(std::string_view text) {
  size_t n = 0;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpaceByte(text[i])) ++i;
    bool word = false;
    while (i < text.size() && !IsSpaceByte(text[i])) {
      unsigned char c = static_cast<unsigned char>(text[i]);
      if (std::isalnum(c) || c >= 0x80) word = true;
      ++i;
    }
    n += word;
  }
  return n;
}

std::vector<Span> BodySentences(const Article& article) {
  std::vector<Span> out;
  const auto& blocks = article.blocks;
  size_t b = 0;
  for (const Sentence& s : article.sentences) {
    while (b < blocks.size() && blocks[b].span.end <= s.span.start) ++b;
    if (b == blocks.size()) break;
    const Block& block = blocks[b];
    if (block.role != BlockRole::kBody || s.span.start < block.span.start) continue;
    Span span{s.span.start, std::min(s.span.end, block.span.end)};
    if (span.end > article.text.size()) continue;
    span = Trim(article.text, span);
    if (CountWords(article.View(span)) >= 1) out.push_back(span);
  }
  return out;
}

std::vector<ClaimUnit> SplitSentence(std::string_view text, Span sentence, size_t min_words,
                                     std::span<const Span> protect) {
  std::vector<ClaimUnit> out;
  sentence = Trim(text, sentence);
  if (sentence.empty()) return out;
  std::vector<Span> parts;
  uint32_t start = sentence.start;
  for (const Cut& cut : FindCuts(text, sentence, min_words, protect)) {
    parts.push_back(TrimRightPunct(text, Span{start, cut.left_end}));
    start = cut.right_start;
  }
  parts.push_back(Trim(text, Span{start, sentence.end}));
  for (Span part : parts) {
    if (CountWords(text.substr(part.start, part.size())) < min_words) continue;
    Span clause;
    uint32_t comma = 0;
    if (FindRelative(text, part, min_words, protect, &clause, &comma)) {
      // The main claim reads without the clause; the clause reads with its antecedent.
      std::string_view antecedent = text.substr(part.start, comma - part.start);
      std::string_view clause_text = text.substr(clause.start, clause.size());
      size_t sp = clause_text.find(' ');
      std::string_view predicate = clause_text.substr(sp + 1);
      std::string main_text(antecedent);
      uint32_t after = clause.end;
      while (after < part.end && (text[after] == ',' || text[after] == ' ')) ++after;
      main_text += ' ';
      main_text.append(text.substr(after, part.end - after));
      ClaimUnit main{0, part, std::move(main_text), 0, clause};
      out.push_back(std::move(main));
      std::string rel(antecedent);
      rel += ' ';
      rel.append(predicate);
      out.push_back(ClaimUnit{0, clause, std::move(rel), 0, {}});
      continue;
    }
    out.push_back(ClaimUnit{0, part, std::string(), 0, {}});
  }
  return out;
}

std::vector<ClaimUnit> SplitClaims(const Article& article, uint32_t article_index,
                                   size_t min_words) {
  std::vector<ClaimUnit> out;
  std::vector<Span> sentences = BodySentences(article);
  std::vector<Span> protect;
  for (const Quote& q : article.quotes)
    if (q.direct && q.content.end <= article.text.size()) protect.push_back(q.content);
  for (uint32_t k = 0; k < sentences.size(); ++k) {
    for (ClaimUnit& u : SplitSentence(article.text, sentences[k], min_words, protect)) {
      u.article = article_index;
      u.sentence = k;
      out.push_back(std::move(u));
    }
  }
  return out;
}

}  // namespace parallax::compare
