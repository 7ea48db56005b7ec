#include "src/extract/patterns.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "src/base/utf8.h"
#include "src/extract/dateline.h"
#include "src/extract/dates.h"
#include "src/extract/lexicon.h"

namespace parallax::extract {
namespace {

struct Word {
  size_t start;
  size_t end;
};

bool IsUpperCp(char32_t c) { return utf8::IsUpper(c); }
bool IsLowerCp(char32_t c) { return utf8::IsLower(c); }

// Whether the character at s[at] is white space; *next is the index after it. ASCII bytes are
// classified without decoding (the same answer utf8::IsSpace gives).
inline bool SpaceAt(std::string_view s, size_t at, size_t* next) {
  unsigned char b = static_cast<unsigned char>(s[at]);
  if (b < 0x80) {
    *next = at + 1;
    return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v';
  }
  *next = at;
  return utf8::IsSpace(utf8::Next(s, next));
}

// The number of words SplitWords(s) would return, counted up to `limit` (larger counts come
// back as limit): no vector for the callers that only compare the count with a bound.
size_t CountWordsUpTo(std::string_view s, size_t limit) {
  size_t count = 0, i = 0;
  bool in_word = false;
  while (i < s.size()) {
    size_t j;
    if (SpaceAt(s, i, &j)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      if (++count >= limit) return limit;
    }
    i = j;
  }
  return count;
}

std::vector<Word> SplitWords(std::string_view s) {
  std::vector<Word> words;
  // Room for a short line's words at once, instead of growing 1, 2, 4, 8, 16.
  if (!s.empty()) words.reserve(std::min<size_t>(16, s.size() / 2 + 1));
  size_t i = 0;
  while (i < s.size()) {
    size_t j;
    if (SpaceAt(s, i, &j)) {
      i = j;
      continue;
    }
    size_t start = i;
    i = j;
    while (i < s.size()) {
      size_t k;
      if (SpaceAt(s, i, &k)) break;
      i = k;
    }
    words.push_back({start, i});
  }
  return words;
}

// First letter of `w` (skipping opening quotes and brackets) is upper case.
bool StartsUpper(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
    char32_t c = utf8::Next(w, &i);
    if (IsUpperCp(c)) return true;
    if (IsLowerCp(c) || (c >= '0' && c <= '9')) return false;
  }
  return false;
}

bool StartsLower(std::string_view w) {
  size_t i = 0;
  while (i < w.size()) {
    char32_t c = utf8::Next(w, &i);
    if (IsLowerCp(c)) return true;
    if (IsUpperCp(c) || (c >= '0' && c <= '9')) return false;
  }
  return false;
}

std::string_view TrimView(std::string_view s, size_t* offset = nullptr) {
  size_t b = 0, e = s.size();
  while (b < e) {
    size_t j = b;
    if (!utf8::IsSpace(utf8::Next(s, &j))) break;
    b = j;
  }
  while (e > b) {
    size_t j = e;
    if (!utf8::IsSpace(utf8::Prev(s, &j))) break;
    e = j;
  }
  if (offset) *offset = b;
  return s.substr(b, e - b);
}

bool EndsTerminal(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == '\'' || s.back() == ')')) s.remove_suffix(1);
  if (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xC2\xBB")) return false;  // handled by caller
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

// Lower-case ASCII copy (other bytes kept).
std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsParticle(std::string_view w) {
  static constexpr std::string_view kParticles[] = {"de",  "da",  "van", "von", "der", "den",
                                                    "del", "di",  "du",  "la",  "le",  "al",
                                                    "bin", "ibn", "dos", "das", "y"};
  for (std::string_view p : kParticles)
    if (w == p) return true;
  return false;
}

// Known photo-agency words that mark a trailing credit segment.
bool HasCreditWord(std::string_view seg) {
  static constexpr std::string_view kWords[] = {
      "Getty",    "Shutterstock", "Alamy", "iStock", "Imago", "IMAGO",  "EPA",
      "AP Photo", "Photo",        "Foto",  "Фото",   "Pool",  "Sputnik"};
  for (std::string_view w : kWords)
    if (seg.find(w) != std::string_view::npos) return true;
  return false;
}

std::optional<Span> ParentheticalCredit(std::string_view line) {
  if (line.empty() || line.back() != ')') return std::nullopt;
  size_t open = line.rfind('(');
  if (open == std::string_view::npos) return std::nullopt;
  std::string_view inside = line.substr(open + 1, line.size() - open - 2);
  if (inside.empty() || CountWordsUpTo(inside, 11) > 10) return std::nullopt;
  std::string lower = AsciiLower(inside);
  bool credit =
      lower.find("photo") != std::string::npos || lower.find("foto") != std::string::npos ||
      inside.find("Фото") != std::string_view::npos ||
      inside.find("фото") != std::string_view::npos || lower.find("getty") != std::string::npos ||
      lower.find("image") != std::string::npos;
  if (!credit) return std::nullopt;
  return Span{static_cast<uint32_t>(open), static_cast<uint32_t>(line.size())};
}

std::optional<Span> MarkerCredit(std::string_view full) {
  // A marker has at most ten words after it, so only the tail of the line can hold it; and it
  // ends with a colon, so only the words before each colon of the tail are compared.
  size_t tail_from = full.size() > 200 ? full.size() - 200 : 0;
  while (tail_from > 0 && (static_cast<unsigned char>(full[tail_from]) & 0xC0) == 0x80) --tail_from;
  static constexpr std::string_view kMarkers[] = {
      "photo",        "photos",  "photograph", "image",      "picture",    "credit",
      "photo credit", "foto",    "fotos",      "bild",       "imagen",     "illustration",
      "credit photo", "credito", "фото",       "фотография", "иллюстрация"};
  size_t colon = full.find(':', tail_from);
  while (colon != std::string_view::npos) {
    std::string_view rest = full.substr(colon + 1);
    size_t words = CountWordsUpTo(rest, 11);
    if (words > 0 && words <= 10) {
      // The one or two words before the colon.
      size_t b = colon;
      for (int w = 0; w < 2; ++w) {
        size_t e = b;
        while (e > 0 && full[e - 1] == ' ') --e;
        size_t s = e;
        while (s > 0 && full[s - 1] != ' ' && full[s - 1] != '.' && full[s - 1] != '(' &&
               full[s - 1] != '|')
          --s;
        if (s == e) break;
        std::string folded = FoldText(full.substr(s, colon - s));
        bool hit = false;
        for (std::string_view m : kMarkers) hit |= folded == m;
        if (hit) {
          if (s > 0) {
            std::string_view before = TrimView(full.substr(0, s));
            if (!before.empty() && !EndsTerminal(before) && before.back() != '(' &&
                before.back() != '|' && before.back() != ',')
              return std::nullopt;
          }
          return Span{static_cast<uint32_t>(s), static_cast<uint32_t>(full.size())};
        }
        b = s;
      }
    }
    colon = full.find(':', colon + 1);
  }
  return std::nullopt;
}

std::optional<Span> SlashCredit(std::string_view line) {
  if (line.find("://") != std::string_view::npos) return std::nullopt;
  size_t slash = line.rfind('/');
  if (slash == std::string_view::npos || slash == 0 || line.size() - slash > 80)
    return std::nullopt;
  std::vector<Word> words = SplitWords(line);
  // Right side: 1-5 capitalised words (connectors allowed inside).
  std::string_view right = TrimView(line.substr(slash + 1));
  std::vector<Word> rw = SplitWords(right);
  if (rw.empty() || rw.size() > 5) return std::nullopt;
  if (!StartsUpper(right.substr(rw[0].start, rw[0].end - rw[0].start))) return std::nullopt;
  for (const Word& w : rw) {
    std::string_view t = right.substr(w.start, w.end - w.start);
    if (StartsLower(t) && t != "via" && t != "for" && !IsParticle(t)) return std::nullopt;
  }
  // Left side: walk back over capitalised words to a sentence end or a lower-case word.
  size_t left_end = slash;
  while (left_end > 0 && line[left_end - 1] == ' ') --left_end;
  if (left_end == 0) return std::nullopt;
  size_t start = std::string_view::npos;
  int taken = 0;
  for (size_t k = words.size(); k-- > 0;) {
    const Word& w = words[k];
    if (w.start >= left_end) continue;
    std::string_view t = line.substr(w.start, std::min(w.end, left_end) - w.start);
    if (t.empty()) break;
    bool upper = StartsUpper(t);
    bool particle = IsParticle(t);
    if (!upper && !particle) break;
    if (taken > 0 && EndsTerminal(t)) break;  // the caption's last word ("Belgrade.")
    if (taken == 0 && EndsTerminal(t)) return std::nullopt;
    start = w.start;
    if (++taken >= 4) break;
  }
  if (start == std::string_view::npos) return std::nullopt;
  while (start < line.size() && IsParticle(line.substr(start, line.find(' ', start) - start))) {
    start = line.find(' ', start);
    if (start == std::string_view::npos) return std::nullopt;
    ++start;
  }
  if (start > 0) {
    std::string_view before = TrimView(line.substr(0, start));
    if (!before.empty() && !EndsTerminal(before) && before.back() != ',' && before.back() != '|' &&
        !before.ends_with("\xE2\x80\x94") && !before.ends_with("\xE2\x80\x9D") &&
        before.back() != '"')
      return std::nullopt;
  }
  return Span{static_cast<uint32_t>(start), static_cast<uint32_t>(line.size())};
}

std::optional<Span> TrailingAgencyCredit(std::string_view line) {
  // The last ". ", " | " or " — " (one backward scan; rfind compares at every position).
  size_t cut = std::string_view::npos;
  for (size_t p = line.size(); p-- > 1;) {
    if (line[p] != ' ') continue;
    if (line[p - 1] == '.') {
      cut = p + 1;
      break;
    }
    if (p + 2 < line.size() && line[p + 2] == ' ' && line[p + 1] == '|' && p >= 1) {
      cut = p + 3;
      break;
    }
    if (p >= 4 && line.compare(p - 4, 5, " \xE2\x80\x94 ") == 0) {
      cut = p + 1;
      break;
    }
  }
  if (cut == std::string_view::npos) return std::nullopt;
  std::string_view seg = line.substr(cut);
  std::vector<Word> words = SplitWords(seg);
  if (words.empty() || words.size() > 6 || EndsTerminal(seg)) return std::nullopt;
  for (const Word& w : words)
    if (!StartsUpper(seg.substr(w.start, w.end - w.start)) &&
        seg.substr(w.start, w.end - w.start) != "via")
      return std::nullopt;
  if (!HasCreditWord(seg) && CanonicalAgency(seg).empty()) return std::nullopt;
  return Span{static_cast<uint32_t>(cut), static_cast<uint32_t>(line.size())};
}

bool IsRoleWord(std::string_view w) {
  static constexpr std::string_view kRoles[] = {
      "staff",     "writer",    "correspondent", "editor",        "reporter",
      "bureau",    "chief",     "senior",        "contributor",   "columnist",
      "news",      "desk",      "корреспондент", "редакция",      "redaktion",
      "redacción", "rédaction", "korrespondent", "correspondant", "corresponsal"};
  // Folded once, not on every call.
  static const std::vector<std::string>* const kFolded = [] {
    auto* v = new std::vector<std::string>;
    for (std::string_view r : kRoles) v->push_back(FoldText(r));
    return v;
  }();
  std::string f = FoldText(w);
  for (const std::string& r : *kFolded)
    if (f == r) return true;
  return false;
}

// Splits "Jane Doe and John Roe, Reuters" into personal names.
void SplitNames(std::string_view s, std::vector<std::string>* names) {
  // Separators: , ; & and und et y и
  std::vector<std::string_view> parts;
  size_t b = 0;
  std::vector<Word> words = SplitWords(s);
  auto flush = [&](size_t e) {
    std::string_view p = TrimView(s.substr(b, e - b));
    while (!p.empty() && (p.back() == ',' || p.back() == ';' || p.back() == '.'))
      p.remove_suffix(1);
    if (!p.empty()) parts.push_back(p);
  };
  for (const Word& w : words) {
    std::string_view t = s.substr(w.start, w.end - w.start);
    if (t == "and" || t == "&" || t == "und" || t == "et" || t == "y" || t == "и") {
      flush(w.start);
      b = w.end;
      continue;
    }
    if (t.back() == ',' || t.back() == ';') {
      flush(w.end - 1);
      b = w.end;
    }
  }
  flush(s.size());
  for (std::string_view p : parts) {
    if (!CanonicalAgency(p).empty()) continue;
    std::vector<Word> pw = SplitWords(p);
    if (pw.empty() || pw.size() > 4) continue;
    bool ok = true;
    for (const Word& w : pw) {
      std::string_view t = p.substr(w.start, w.end - w.start);
      if (IsRoleWord(t) || (!StartsUpper(t) && !IsParticle(t))) {
        ok = false;
        break;
      }
    }
    if (ok) names->emplace_back(p);
  }
}

// Lower-case words inside a proper name: "Gazette des Alpes", "Heraldo del Valle".
bool IsNameConnector(std::string_view w) {
  static constexpr std::string_view kConnectors[] = {
      "of",    "&",   "and", "de", "la", "du", "der", "des", "del", "di", "della",
      "delle", "dei", "von", "am", "an", "y",  "e",   "i",   "z",   "w",  "the"};
  for (std::string_view c : kConnectors)
    if (w == c) return true;
  return false;
}

// A proper-noun phrase starting at byte `pos` of `s`: capitalised words, with "of", "&", "and",
// "de", "la" inside; stops at punctuation or a lower-case word. Leading "©", years and "(c)" are
// skipped. Returns "" when none.
std::string ProperPhraseAt(std::string_view s, size_t pos) {
  std::vector<Word> words = SplitWords(s.substr(pos));
  std::vector<std::string_view> out;
  bool in_quote = false;
  for (size_t k = 0; k < words.size(); ++k) {
    std::string_view t = s.substr(pos + words[k].start, words[k].end - words[k].start);
    if (out.empty() && (t == "\xC2\xA9" || t == "(c)" || t == "(C)" ||
                        (t.size() >= 4 && t[0] >= '0' && t[0] <= '9'))) {
      continue;  // "© 2024", "2010-2024"
    }
    bool stop_after = false;
    std::string_view core = t;
    while (!core.empty() &&
           (core.back() == ',' || core.back() == '.' || core.back() == ':' || core.back() == ';' ||
            core.back() == '!' || core.back() == '?' || core.back() == ')' || core.back() == '"')) {
      core.remove_suffix(1);
      stop_after = true;
    }
    if (out.empty() && !core.empty() && core.front() == '"') in_quote = true;
    while (!core.empty() && (core.front() == '"' || core.front() == '(')) core.remove_prefix(1);
    for (std::string_view q : {std::string_view("\xC2\xAB"), std::string_view("\xE2\x80\x9C"),
                               std::string_view("\xE2\x80\x9E")}) {
      if (core.starts_with(q)) {
        core.remove_prefix(q.size());
        if (out.empty()) in_quote = true;
      }
    }
    for (std::string_view q : {std::string_view("\xC2\xBB"), std::string_view("\xE2\x80\x9D")}) {
      if (core.ends_with(q)) {
        core.remove_suffix(q.size());
        stop_after = true;
      }
    }
    if (core.empty()) break;
    bool upper = StartsUpper(core);
    bool inner = !out.empty() && IsNameConnector(core);
    // Inside a quoted name («Северная правда») every word belongs to it.
    if (!upper && !inner && !(in_quote && !out.empty())) break;
    out.push_back(core);
    if (stop_after || out.size() >= 6) break;
  }
  while (!out.empty()) {
    std::string_view last = out.back();
    if (IsNameConnector(last))
      out.pop_back();
    else
      break;
  }
  if (out.empty()) return "";
  std::string first = FoldText(out[0]);
  static constexpr std::string_view kNotNames[] = {"our",   "your",    "this", "my", "a",  "an",
                                                   "us",    "we",      "all",  "it", "me", "unser",
                                                   "notre", "nuestro", "nous", "uns"};
  for (std::string_view bad : kNotNames)
    if (first == bad) return "";
  if (first == "the" && out.size() == 1) return "";
  std::string joined;
  for (std::string_view w : out) {
    if (!joined.empty()) joined += ' ';
    joined += w;
  }
  std::string folded = FoldText(joined);
  if (folded.find("newsletter") != std::string::npos || folded.find("rights") != std::string::npos)
    return "";
  return joined;
}

// Walks back from byte `end` over a proper-noun phrase ("The Daily Lantern" before " is an").
std::string ProperPhraseBefore(std::string_view s, size_t end) {
  std::vector<Word> words = SplitWords(s.substr(0, end));
  size_t k = words.size();
  size_t start = std::string_view::npos;
  int taken = 0;
  while (k-- > 0) {
    std::string_view t = s.substr(words[k].start, words[k].end - words[k].start);
    if (!StartsUpper(t) && !(taken > 0 && IsNameConnector(t))) break;
    if (taken > 0 && (EndsTerminal(t) || t.back() == ',' || t.back() == ':')) break;
    start = words[k].start;
    if (++taken >= 6) break;
  }
  if (start == std::string_view::npos) return "";
  return ProperPhraseAt(s, start);
}

}  // namespace

std::optional<Span> FindCredit(std::string_view line) {
  size_t off = 0;
  std::string_view t = TrimView(line, &off);
  if (t.empty()) return std::nullopt;
  std::optional<Span> s;
  std::string_view core = t;
  if (core.size() > 1 && core.back() == '.' && core[core.size() - 2] == ')') core.remove_suffix(1);
  s = ParentheticalCredit(core);
  if (!s) s = MarkerCredit(t);
  if (!s && !EndsTerminal(t)) s = SlashCredit(t);
  if (!s && !EndsTerminal(t)) s = TrailingAgencyCredit(t);
  if (!s) return std::nullopt;
  return Span{static_cast<uint32_t>(s->start + off), static_cast<uint32_t>(off + t.size())};
}

std::optional<Byline> ParseByline(std::string_view line) {
  size_t off = 0;
  std::string_view t = TrimView(line, &off);
  if (CountWordsUpTo(t, 17) > 16) return std::nullopt;  // no vector for a long line
  std::vector<Word> words = SplitWords(t);
  if (words.size() < 2 || words.size() > 16) return std::nullopt;
  auto word = [&](size_t k) { return t.substr(words[k].start, words[k].end - words[k].start); };
  // Cue: "By", "Von", "Par", "Por", "Автор:", "Text:", "Reporting by", "Written by".
  size_t names_from = 0;
  bool cue = false;
  {
    std::string w0 = FoldText(word(0));
    std::string_view raw0 = word(0);
    static constexpr std::string_view kCues[] = {"by", "von", "par", "por", "di", "da"};
    static constexpr std::string_view kColonCues[] = {"автор", "авторы", "text",    "texte",
                                                      "texto", "author", "authors", "текст"};
    // A lower-case cue ("by Jane Doe", "di Giulia Rossi") only on a short line.
    for (std::string_view c : kCues) {
      bool italian = c == "di" || c == "da";
      if (w0 == c && (words.size() <= 5 || (!italian && StartsUpper(raw0)))) cue = true;
    }
    for (std::string_view c : kColonCues)
      if (w0 == c && raw0.back() == ':') cue = true;
    if (cue) names_from = 1;
    if (!cue && words.size() >= 3 && (w0 == "reporting" || w0 == "written" || w0 == "words") &&
        FoldText(word(1)) == "by") {
      cue = true;
      names_from = 2;
    }
  }
  // The byline ends at a separator or a date.
  size_t end = t.size();
  for (std::string_view sep :
       {std::string_view(" | "), std::string_view(" \xC2\xB7 "), std::string_view(" \xE2\x80\x94 "),
        std::string_view(" - "), std::string_view(" \xE2\x80\x93 ")}) {
    size_t p = t.find(sep);
    if (p != std::string_view::npos && p < end) end = p;
  }
  if (auto d = FindDate(t.substr(0, end)); d.has_value()) end = d->span.start;
  std::string_view body = TrimView(t.substr(0, end));
  while (!body.empty() && (body.back() == ',' || body.back() == '|')) {
    body.remove_suffix(1);
    body = TrimView(body);
  }
  if (body.empty()) return std::nullopt;
  Byline b;
  if (cue) {
    if (names_from >= words.size() || words[names_from].start >= body.size()) return std::nullopt;
    std::string_view names = body.substr(words[names_from].start);
    if (EndsTerminal(names) && SplitWords(names).size() > 6) return std::nullopt;
    // "Reporting by A; Editing by B": every "by" list counts.
    size_t p = 0;
    while (p <= names.size()) {
      size_t semi = names.find(';', p);
      std::string_view part =
          names.substr(p, semi == std::string_view::npos ? names.npos : semi - p);
      part = TrimView(part);
      std::vector<Word> pw = SplitWords(part);
      if (!pw.empty() && pw.size() >= 2 &&
          FoldText(part.substr(pw[1].start, pw[1].end - pw[1].start)) == "by" && p > 0) {
        part = part.substr(pw[1].end);
      }
      SplitNames(part, &b.names);
      if (semi == std::string_view::npos) break;
      p = semi + 1;
    }
  } else {
    // "Jane Doe, Reuters" or "Jane Doe, Political correspondent": a name and an agency or a
    // job title; "Jane Doe · 4 min read": a name before a reading time.
    size_t comma = body.find(',');
    if (comma == std::string_view::npos) {
      std::string_view tail = t.substr(end);
      std::string ftail = FoldText(tail);
      bool reading_time = ftail.find(" min read") != std::string::npos ||
                          ftail.find(" min lesezeit") != std::string::npos ||
                          ftail.find(" min de lecture") != std::string::npos ||
                          ftail.find(" minutes read") != std::string::npos;
      if (!reading_time || end == t.size()) return std::nullopt;
      comma = body.size();
    } else {
      std::string_view agency = TrimView(body.substr(comma + 1));
      bool role = false;
      std::vector<Word> aw = SplitWords(agency);
      if (aw.size() <= 4) {
        for (const Word& w : aw) role |= IsRoleWord(agency.substr(w.start, w.end - w.start));
      }
      if (CanonicalAgency(agency).empty() && !role) return std::nullopt;
    }
    std::string_view name = TrimView(body.substr(0, comma));
    std::vector<Word> nw = SplitWords(name);
    if (nw.size() < 2 || nw.size() > 4) return std::nullopt;
    SplitNames(name, &b.names);
  }
  if (b.names.empty()) return std::nullopt;
  b.span = Span{static_cast<uint32_t>(off), static_cast<uint32_t>(off + body.size())};
  return b;
}

std::string SelfReferenceOutlet(std::string_view line) {
  struct Cue {
    std::string_view text;
    bool before;  // the name precedes the cue
  };
  static constexpr Cue kCues[] = {
      {"A Message from ", false},
      {"A message from ", false},
      {"A Note from ", false},
      {"journalists of ", false},
      {"journalists at ", false},
      {"team at ", false},
      {"team of ", false},
      {"\xC2\xA9 ", false},
      {"\xC2\xA9", false},
      {"Copyright ", false},
      {"copyright ", false},
      {"(c) ", false},
      {"Subscribe to ", false},
      {"Suscríbete a ", false},
      {"Abonnez-vous à ", false},
      {" utilise des cookies", true},
      {" uses cookies", true},
      {" verwendet Cookies", true},
      {" utiliza cookies", true},
      {"subscribe to ", false},
      {"supporting ", false},
      {"Support ", false},
      {"Unterstützen Sie ", false},
      {"Soutenez ", false},
      {"Apoya a ", false},
      {"Поддержите ", false},
      {"журналисты ", false},
      {"редакция ", false},
      {"Редакция ", false},
      {" is an independent", true},
      {" is a reader-supported", true},
      {" is an independent", true},
      {" ist ein unabhängiges", true},
      {" est un média indépendant", true},
      {" es un medio independiente", true},
  };
  for (const Cue& c : kCues) {
    size_t p = line.find(c.text);
    if (p == std::string_view::npos) continue;
    std::string name =
        c.before ? ProperPhraseBefore(line, p) : ProperPhraseAt(line, p + c.text.size());
    if (!name.empty()) return name;
  }
  return "";
}

}  // namespace parallax::extract
