#include "src/extract/dateline.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "src/base/utf8.h"
#include "src/extract/dates.h"

namespace parallax::extract {
namespace {

bool IsMark(char32_t c) { return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489); }

bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 0 && c != 0x138) || (c >= 0x400 && c <= 0x42F);
}

bool IsLower(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 1) || (c >= 0x430 && c <= 0x45F);
}

bool IsLetter(char32_t c) { return IsUpper(c) || IsLower(c); }

char32_t Lower(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x100 && c <= 0x17F && c % 2 == 0 && c != 0x138) return c + 1;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  return c;
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Lower-cased `s` with runs of white space, hyphens and dots collapsed to one space and the
// ends trimmed: "Itar-Tass" -> "itar tass", "RIA  Novosti" -> "ria novosti".
std::string AgencyKey(std::string_view s) {
  std::string out;
  bool gap = false;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8::Next(s, &i);
    if (IsMark(c)) continue;
    if (utf8::IsSpace(c) || c == '-' || c == '.' || c == 0x2010 || c == 0x2011) {
      gap = !out.empty();
      continue;
    }
    if (gap) out.push_back(' ');
    gap = false;
    AppendUtf8(Lower(c), &out);
  }
  return out;
}

const std::unordered_map<std::string, std::string>& Agencies() {
  static const auto* const kMap = [] {
    auto* m = new std::unordered_map<std::string, std::string>;
    struct Entry {
      const char* canonical;
      std::initializer_list<const char*> keys;
    };
    // Keys are AgencyKey() forms: lower case, hyphens and dots as single spaces.
    const Entry kEntries[] = {
        {"TASS", {"tass", "тасс", "itar tass", "итар тасс"}},
        {"RIA Novosti", {"ria novosti", "риа новости", "ria", "риа", "ria news"}},
        {"AP", {"ap", "associated press", "the associated press"}},
        {"Reuters", {"reuters", "рейтер", "рейтерс", "thomson reuters"}},
        {"AFP", {"afp", "agence france presse", "франс пресс", "афп"}},
        {"dpa", {"dpa", "deutsche presse agentur"}},
        {"Xinhua", {"xinhua", "синьхуа", "新华社"}},
        {"Interfax", {"interfax", "интерфакс", "interfax ukraine", "интерфакс украина"}},
        {"ANSA", {"ansa"}},
        {"EFE", {"efe"}},
        {"UPI", {"upi", "united press international"}},
        {"Kyodo", {"kyodo", "kyodo news"}},
        {"Yonhap", {"yonhap", "yonhap news", "yonhap news agency"}},
        {"PTI", {"pti", "press trust of india"}},
        {"ANI", {"ani"}},
        {"Anadolu", {"anadolu", "anadolu agency", "aa"}},
        {"Ukrinform", {"ukrinform", "укринформ"}},
        {"BTA", {"bta", "бта"}},
        {"Tanjug", {"tanjug", "танюг"}},
        {"PAP", {"pap"}},
        {"CTK", {"ctk", "čtk"}},
        {"APA", {"apa"}},
        {"ATS", {"ats", "keystone ats"}},
        {"Belga", {"belga"}},
        {"ANP", {"anp"}},
        {"Lusa", {"lusa"}},
        {"Europa Press", {"europa press"}},
        {"WAM", {"wam"}},
        {"IRNA", {"irna", "ирна"}},
        {"Bloomberg", {"bloomberg"}},
        {"Sputnik", {"sputnik", "спутник"}},
        {"BelTA", {"belta", "белта"}},
        {"Kazinform", {"kazinform", "казинформ"}},
        {"Bernama", {"bernama"}},
        {"Antara", {"antara"}},
        {"MTI", {"mti"}},
        {"HINA", {"hina"}},
    };
    for (const Entry& e : kEntries) {
      for (const char* k : e.keys) m->emplace(k, e.canonical);
    }
    return m;
  }();
  return *kMap;
}

// Words that open all-caps paragraphs which are not datelines: rubrics, kickers, labels.
bool IsRubric(std::string_view word_key) {
  static const auto* const kSet = new std::unordered_set<std::string_view>{
      "breaking", "update", "updated",  "exclusive",     "watch",      "live",      "opinion",
      "analysis", "photos", "photo",    "video",         "correction", "editorial", "commentary",
      "review",   "note",   "editor's", "advertisement", "sponsored",  "read",      "related",
      "see",      "also",   "urgent",   "flash",         "file",       "pool",      "молния",
      "срочно",   "видео",  "фото",     "эксклюзив",     "мнение",     "реклама",   "a",
      "i",        "the",    "and"};
  return kSet->count(word_key) > 0;
}

// One white-space-delimited word of the paragraph: letters plus inner . - ' ’.
struct PlaceWord {
  size_t start = 0;
  size_t end = 0;
  int letters = 0;
  bool all_upper = false;  // every letter upper case
  bool title = false;      // first letter upper case, some lower case
  std::string key;         // lower case, for rubric checks
};

class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  char C(size_t p) const { return p < s_.size() ? s_[p] : '\0'; }

  // Horizontal white space (space, tab, NBSP, narrow NBSP, thin spaces).
  size_t Space(size_t p) const {
    while (p < s_.size()) {
      size_t j = p;
      char32_t c = utf8::Next(s_, &j);
      if (c == '\n' || c == '\r' || !utf8::IsSpace(c)) break;
      p = j;
    }
    return p;
  }

  bool Word(size_t p, PlaceWord* w) const {
    size_t i = p;
    int letters = 0, upper = 0, lower = 0;
    bool first_upper = false;
    w->key.clear();
    while (i < s_.size()) {
      size_t j = i;
      char32_t c = utf8::Next(s_, &j);
      if (IsLetter(c)) {
        if (letters == 0) first_upper = IsUpper(c);
        ++letters;
        if (IsUpper(c)) ++upper;
        if (IsLower(c)) ++lower;
        AppendUtf8(Lower(c), &w->key);
        i = j;
        continue;
      }
      if (IsMark(c) && letters > 0) {
        i = j;
        continue;
      }
      // Inner punctuation: "ST.", "N'DJAMENA", "BOTSAN-KHARCHENKO", "D.C."
      if ((c == '.' || c == '-' || c == '\'' || c == 0x2019) && letters > 0) {
        size_t k = j;
        char32_t d = k < s_.size() ? utf8::Next(s_, &k) : 0;
        if (IsLetter(d)) {
          AppendUtf8(c == 0x2019 ? U'\'' : c, &w->key);
          i = j;
          continue;
        }
        if (c == '.') {  // abbreviation dot at the end: "ST.", "Ill.", "D.C."
          w->key.push_back('.');
          i = j;
        }
      }
      break;
    }
    if (letters == 0) return false;
    w->start = p;
    w->end = i;
    w->letters = letters;
    w->all_upper = lower == 0;
    w->title = first_upper && lower > 0;
    return true;
  }

  // A dash closing a dateline: "-", "--", "–", "—", "―"; returns its length in bytes.
  size_t Dash(size_t p) const {
    if (C(p) == '-') return C(p + 1) == '-' ? 2 : 1;
    std::string_view rest = s_.substr(std::min(p, s_.size()));
    for (std::string_view d : {"\u2013", "\u2014", "\u2015", "\u2012", "\u2212"}) {
      if (rest.substr(0, d.size()) == d) return d.size();
    }
    return 0;
  }

  // An agency tag "(AP)", "(Reuters)", "/TASS/", "[dpa]" at `p`; `inner` is the text inside.
  bool Tag(size_t p, std::string_view* inner, size_t* end) const {
    char open = C(p);
    char close;
    if (open == '(') {
      close = ')';
    } else if (open == '/') {
      close = '/';
    } else if (open == '[') {
      close = ']';
    } else {
      return false;
    }
    constexpr size_t kMaxTag = 48;
    size_t q = p + 1;
    while (q < s_.size() && q - p <= kMaxTag && s_[q] != close && s_[q] != '\n') ++q;
    if (C(q) != close || q == p + 1) return false;
    *inner = s_.substr(p + 1, q - p - 1);
    *end = q + 1;
    return true;
  }

  std::string_view Slice(size_t a, size_t b) const { return s_.substr(a, b - a); }

  // An upper-case letter or an opening quote at `p`: the start of the story's first sentence.
  bool UpperStartsAt(size_t p) const {
    if (p >= s_.size()) return false;
    size_t j = p;
    char32_t c = utf8::Next(s_, &j);
    return IsUpper(c) || c == '"' || c == 0x201C || c == 0x00AB;
  }

 private:
  std::string_view s_;
};

// True when `inner` reads like an agency tag: a known agency, or one to four short words.
bool PlausibleTag(std::string_view inner, std::string* agency) {
  *agency = CanonicalAgency(inner);
  if (!agency->empty()) return true;
  std::string key = AgencyKey(inner);
  if (key.empty() || key.size() > 32) return false;
  int words = 1;
  for (char c : key) {
    if (c == ' ') ++words;
    if (c >= '0' && c <= '9') return false;
  }
  if (words > 4) return false;
  // Unknown tags are kept as written, trimmed: "(CNN)" -> "CNN".
  size_t a = 0, b = inner.size();
  while (a < b && inner[a] == ' ') ++a;
  while (b > a && inner[b - 1] == ' ') --b;
  *agency = std::string(inner.substr(a, b - a));
  return true;
}

// A tag that closes a dateline by itself: a known agency or a short all-capitals name ("CNN").
bool LooksLikeTagOnly(std::string_view inner) {
  if (!CanonicalAgency(inner).empty()) return true;
  if (inner.size() < 2 || inner.size() > 8) return false;
  for (char c : inner) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

// A known agency written without brackets at `p` and closed by a dash or a full stop:
// "ИНТЕРФАКС -", "Interfax —", "РИА Новости.". Returns the end of the closure (0 when none) and
// sets `agency` to the canonical name. A hyphen inside the name ("ИТАР-ТАСС") is no closure.
size_t BareAgency(const Scanner& sc, std::string_view s, size_t p, std::string* agency) {
  constexpr size_t kMaxName = 40;
  for (size_t e = p; e < s.size() && e - p <= kMaxName && s[e] != '\n'; ++e) {
    size_t close = 0;
    if (s[e] == '.') {
      close = 1;
    } else if (size_t d = sc.Dash(e); d > 0 && (d > 1 || (e > p && s[e - 1] == ' '))) {
      close = d;
    }
    if (close == 0) continue;
    std::string a = CanonicalAgency(s.substr(p, e - p));
    if (a.empty()) return 0;
    *agency = a;
    return e + close;
  }
  return 0;
}

}  // namespace

std::string CanonicalAgency(std::string_view tag) {
  // Strip the brackets, slashes and trailing dots a tag is written with.
  size_t a = 0, b = tag.size();
  auto strip = [](char c) {
    return c == '(' || c == ')' || c == '/' || c == '[' || c == ']' || c == '.' || c == ' ' ||
           c == ',' || c == '\t' || c == '\n';
  };
  while (a < b && strip(tag[a])) ++a;
  while (b > a && strip(tag[b - 1])) --b;
  if (a == b) return "";
  std::string_view t = tag.substr(a, b - a);
  const auto& map = Agencies();
  auto it = map.find(AgencyKey(t));
  if (it != map.end()) return it->second;
  // Joint tags name several agencies ("AP/Reuters", "CBSDC/AP"): the first known one.
  size_t i = 0;
  while (i < t.size()) {
    size_t j = t.find_first_of("/,&", i);
    if (j == std::string_view::npos) j = t.size();
    if (i > 0 || j < t.size()) {
      auto part = map.find(AgencyKey(t.substr(i, j - i)));
      if (part != map.end()) return part->second;
    }
    i = j + 1;
  }
  return "";
}

std::optional<DatelineMatch> MatchDateline(std::string_view paragraph) {
  Scanner sc(paragraph);
  const size_t start = sc.Space(0);

  // The place: one to four upper-case words ("MOSCOW", "NEW YORK", "UNITED NATIONS"), or one to
  // three title-case words when a known agency tag follows ("Berlin (dpa) -"); then optionally
  // ", <State/Country>" ("KYIV, Ukraine", "ELK RIVER, Minn.", "LAS VEGAS, NEVADA"). Several
  // places may be joined by "/" ("WASHINGTON/MOSCOW", "CHARLOTTESVILLE, Va./WASHINGTON").
  DatelineMatch m;
  bool title_place = false;
  bool have_date = false;
  bool has_region = false;  // ", Ukraine": an em dash may then follow without a space
  size_t place_text_end = start;
  size_t q = start;
  for (int segment = 0; segment < 3; ++segment) {
    size_t p = q;
    PlaceWord w;
    int caps_words = 0, title_words = 0, letters = 0;
    size_t place_end = p;
    while (caps_words + title_words < 4 && sc.Word(p, &w)) {
      bool caps = w.all_upper && title_words == 0;
      bool title = !caps && w.title && caps_words == 0 && segment == 0 && title_words < 3;
      if (!caps && !title) break;
      if (segment == 0 && caps_words + title_words == 0 && IsRubric(w.key)) return std::nullopt;
      if (caps) {
        ++caps_words;
      } else {
        ++title_words;
      }
      letters += w.letters;
      place_end = w.end;
      size_t r = sc.Space(w.end);
      if (r == w.end || r - w.end > 3) break;  // words are separated by one space
      PlaceWord next;
      if (!sc.Word(r, &next)) break;
      bool next_ok = caps_words > 0 ? next.all_upper : (next.title && !next.all_upper);
      if (!next_ok) break;
      p = r;
    }
    if (caps_words + title_words == 0 || letters < 2) return std::nullopt;
    if (title_words > 0) title_place = true;
    place_text_end = place_end;
    q = sc.Space(place_end);

    // ", <date>" or ", <State/Country>"
    if (sc.C(q) == ',') {
      size_t r = sc.Space(q + 1);
      if (r == q + 1 && r < paragraph.size()) return std::nullopt;  // "X,Y" is not a dateline
      std::optional<DateMatch> d = MatchDateAt(paragraph, r, 0);
      if (d.has_value()) {
        m.date = std::string(sc.Slice(d->span.start, d->span.end));
        have_date = true;
        q = sc.Space(d->span.end);
        break;
      }
      if (!title_place) {
        // Up to three words in title case or capitals, or abbreviations ("Ill.", "D.C.").
        size_t t = r;
        int words = 0;
        size_t country_end = r;
        PlaceWord cw;
        while (words < 3 && sc.Word(t, &cw)) {
          if (!cw.title && !cw.all_upper) break;
          ++words;
          country_end = cw.end;
          size_t u = sc.Space(cw.end);
          if (u == cw.end) break;
          t = u;
        }
        if (words > 0) {
          has_region = true;
          place_text_end = country_end;
          q = sc.Space(country_end);
        }
      }
    }
    // Interfax style "МОСКВА. 25 декабря. ИНТЕРФАКС -": the place closed by a full stop, then
    // the date. Only for a capitals place (a title-case word and a dot end a sentence).
    // The word scanner keeps a final dot as an abbreviation's ("ST."), so it is found there.
    if (segment == 0 && !title_place && place_end > start && sc.C(place_end - 1) == '.' &&
        q > place_end) {
      if (std::optional<DateMatch> d = MatchDateAt(paragraph, q, 0)) {
        m.date = std::string(sc.Slice(d->span.start, d->span.end));
        have_date = true;
        place_text_end = place_end - 1;
        q = sc.Space(d->span.end);
        break;
      }
    }
    if (sc.C(q) != '/' || title_place) break;
    size_t r = sc.Space(q + 1);
    PlaceWord next;
    if (!sc.Word(r, &next) || !next.all_upper) break;  // "/TASS/" is a tag, not a place
    q = r;
  }
  // "KYIV, Ukraine, Dec. 3 (Reuters) -": the date after the country.
  if (!have_date && sc.C(q) == ',') {
    size_t r = sc.Space(q + 1);
    if (std::optional<DateMatch> d = MatchDateAt(paragraph, r, 0)) {
      m.date = std::string(sc.Slice(d->span.start, d->span.end));
      have_date = true;
      q = sc.Space(d->span.end);
    } else if (sc.Dash(r) > 0) {
      q = r;  // "WILLIAMSBURG, Va., —"
    }
  }
  const size_t place_end = place_text_end;

  m.place = std::string(sc.Slice(start, place_text_end));
  // A trailing abbreviation dot belongs to the place only when more follows ("ST. LOUIS").
  while (!m.place.empty() && (m.place.back() == ',' || m.place.back() == ' ')) m.place.pop_back();

  // The closure: "(AP) —", "/TASS/.", ". /ТАСС/.", " — ", ". " after a date.
  std::string agency;
  size_t end = 0;
  bool closed = false;
  size_t r = q;
  if (have_date && sc.C(r) == '.') {
    size_t t = sc.Space(r + 1);
    std::string_view inner;
    size_t tag_end;
    if (sc.Tag(t, &inner, &tag_end) && PlausibleTag(inner, &agency)) {
      r = sc.Space(tag_end);
      if (sc.C(r) == '.') {
        end = r + 1;
        closed = true;
      } else if (size_t d = sc.Dash(r)) {
        end = r + d;
        closed = true;
      } else {
        end = tag_end;
        closed = true;
      }
    } else if (size_t bare_end = BareAgency(sc, paragraph, t, &agency); bare_end > 0) {
      end = bare_end;  // "МОСКВА. 25 декабря. ИНТЕРФАКС -"
      closed = true;
    } else if (t > r + 1 || t >= paragraph.size()) {
      // "MOSCOW, December 25. Text": the date closed by a full stop.
      agency.clear();
      end = r + 1;
      closed = true;
    }
  } else {
    std::string_view inner;
    size_t tag_end;
    if (sc.Tag(r, &inner, &tag_end) && PlausibleTag(inner, &agency)) {
      bool slashed = sc.C(r) == '/';
      r = sc.Space(tag_end);
      if (size_t d = sc.Dash(r)) {
        end = r + d;
        closed = true;
      } else if (size_t d2 = sc.C(r) == '.' ? sc.Dash(r + 1) : 0) {
        end = r + 1 + d2;  // EFE: "(EFE).-"
        closed = true;
      } else if (slashed && sc.C(r) == '.') {
        end = r + 1;
        closed = true;
      } else if (slashed) {
        end = tag_end;
        closed = true;
      } else if (!title_place && LooksLikeTagOnly(inner) && sc.UpperStartsAt(r)) {
        end = tag_end;  // "ATLANTA (CNN) Democrats ...": no dash after the tag
        closed = true;
      }
    } else if (!title_place) {
      if (size_t d = sc.Dash(r); d > 0 && (r > place_end || has_region || have_date)) {
        end = r + d;
        closed = true;
        // "МОСКВА, 25 дек — РИА Новости.": the agency after the dash.
        size_t t = sc.Space(end);
        size_t dot = paragraph.find('.', t);
        if (dot != std::string_view::npos && dot > t && dot - t <= 32) {
          std::string a = CanonicalAgency(paragraph.substr(t, dot - t));
          if (!a.empty()) {
            agency = a;
            end = dot + 1;
          }
        }
      }
    }
  }
  if (!closed) return std::nullopt;
  // A title-case place ("Berlin") is only trusted with a known agency ("(dpa)").
  if (title_place && CanonicalAgency(agency).empty()) return std::nullopt;
  // What follows the closure must be separated from it (or be the paragraph end).
  m.agency = agency;
  m.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
  return m;
}

}  // namespace parallax::extract
