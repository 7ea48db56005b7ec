#include "src/compare/wordnet.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unordered_map>

namespace parallax::compare {
namespace {

constexpr const char* kPosNames[kWordNetPosCount] = {"noun", "verb", "adj", "adv"};

// The detachment rules of the WordNet morphology (suffix -> replacement), per part of speech.
struct Rule {
  std::string_view suffix;
  std::string_view ending;
};
constexpr Rule kNounRules[] = {{"s", ""},      {"ses", "s"},   {"xes", "x"},   {"zes", "z"},
                               {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                               {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
constexpr Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

std::span<const Rule> RulesFor(WordNetPos pos) {
  switch (pos) {
    case WordNetPos::kNoun:
      return kNounRules;
    case WordNetPos::kVerb:
      return kVerbRules;
    case WordNetPos::kAdj:
      return kAdjRules;
    case WordNetPos::kAdv:
      break;
  }
  return {};
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) return false;
  out->resize(static_cast<size_t>(size));
  in.seekg(0, std::ios::beg);
  in.read(out->data(), size);
  return static_cast<bool>(in) || in.eof();
}

// Splits the next space-separated field off `s`.
std::string_view NextField(std::string_view* s) {
  size_t start = s->find_first_not_of(' ');
  if (start == std::string_view::npos) {
    *s = {};
    return {};
  }
  size_t end = s->find(' ', start);
  if (end == std::string_view::npos) end = s->size();
  std::string_view field = s->substr(start, end - start);
  s->remove_prefix(end);
  return field;
}

bool ParseUnsigned(std::string_view s, int base, uint32_t* out) {
  if (s.empty() || s.size() > 9) return false;
  uint32_t v = 0;
  for (char c : s) {
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (base == 16 && c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (base == 16 && c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return false;
    }
    if (d >= base) return false;
    v = v * static_cast<uint32_t>(base) + static_cast<uint32_t>(d);
  }
  *out = v;
  return true;
}

int PosFromChar(char c) {
  switch (c) {
    case 'n':
      return 0;
    case 'v':
      return 1;
    case 'a':
    case 's':
      return 2;
    case 'r':
      return 3;
    default:
      return -1;
  }
}

// A data-file word as a lemma: lower case, without the adjective marker "(a)", "(p)", "(ip)".
std::string WordAsLemma(std::string_view w) {
  size_t paren = w.find('(');
  if (paren != std::string_view::npos) w = w.substr(0, paren);
  std::string out(w);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The parsed head of a synset line: its words and pointers (views into the line).
struct Pointer {
  std::string_view symbol;
  SynsetId target = 0;
  uint32_t source_word = 0;  // 0 = the whole synset (a semantic pointer)
};
struct SynsetLine {
  std::vector<std::string_view> words;
  std::vector<Pointer> pointers;
  std::string_view gloss;
};

bool ParseSynsetLine(std::string_view line, SynsetLine* out) {
  out->words.clear();
  out->pointers.clear();
  size_t bar = line.find('|');
  out->gloss = {};
  if (bar != std::string_view::npos) {
    out->gloss = line.substr(bar + 1);
    while (!out->gloss.empty() && out->gloss.front() == ' ') out->gloss.remove_prefix(1);
    while (!out->gloss.empty() && (out->gloss.back() == ' ' || out->gloss.back() == '\r'))
      out->gloss.remove_suffix(1);
    line = line.substr(0, bar);
  }
  NextField(&line);  // offset
  NextField(&line);  // lexicographer file number
  NextField(&line);  // synset type
  uint32_t w_cnt = 0;
  if (!ParseUnsigned(NextField(&line), 16, &w_cnt)) return false;
  for (uint32_t i = 0; i < w_cnt; ++i) {
    std::string_view word = NextField(&line);
    NextField(&line);  // lex_id
    if (word.empty()) return false;
    out->words.push_back(word);
  }
  uint32_t p_cnt = 0;
  if (!ParseUnsigned(NextField(&line), 10, &p_cnt)) return false;
  for (uint32_t i = 0; i < p_cnt; ++i) {
    Pointer p;
    p.symbol = NextField(&line);
    uint32_t offset = 0, st = 0;
    if (!ParseUnsigned(NextField(&line), 10, &offset)) return false;
    std::string_view pos_field = NextField(&line);
    int pos = pos_field.size() == 1 ? PosFromChar(pos_field[0]) : -1;
    if (pos < 0 || offset >= (1u << 24)) return false;
    if (!ParseUnsigned(NextField(&line), 16, &st)) return false;
    p.target = (static_cast<uint32_t>(pos) << 24) | offset;
    p.source_word = st >> 8;
    out->pointers.push_back(p);
  }
  return true;
}

}  // namespace

struct WordNet::Impl {
  struct Entry {
    uint32_t begin = 0;
    uint32_t count = 0;
  };
  std::string index_text[kWordNetPosCount];
  std::string data_text[kWordNetPosCount];
  std::string exc_text[kWordNetPosCount];
  // Sorted by lemma (the files are; Load sorts otherwise): binary search beats a hash table
  // here because building one for 150,000 lemmas dominated the load time.
  std::vector<std::pair<std::string_view, Entry>> index[kWordNetPosCount];
  const Entry* Find(int pos, std::string_view lemma) const {
    const auto& v = index[pos];
    auto it = std::lower_bound(v.begin(), v.end(), lemma,
                               [](const auto& e, std::string_view l) { return e.first < l; });
    return it != v.end() && it->first == lemma ? &it->second : nullptr;
  }
  std::unordered_map<std::string_view, std::vector<std::string_view>> exceptions[kWordNetPosCount];
  std::vector<SynsetId> synsets;
};

WordNet::WordNet() : impl_(std::make_unique<Impl>()) {}
WordNet::~WordNet() = default;

Result<std::unique_ptr<WordNet>> WordNet::Load(const std::string& dir) {
  auto start = std::chrono::steady_clock::now();
  std::unique_ptr<WordNet> wn(new WordNet());
  Impl& impl = *wn->impl_;
  for (int p = 0; p < kWordNetPosCount; ++p) {
    std::string index_path = dir + "/index." + kPosNames[p];
    std::string data_path = dir + "/data." + kPosNames[p];
    if (!ReadFile(index_path, &impl.index_text[p]))
      return Status::NotFound("WordNet index not readable: " + index_path);
    if (!ReadFile(data_path, &impl.data_text[p]))
      return Status::NotFound("WordNet data not readable: " + data_path);
    if (impl.data_text[p].size() > (1u << 24))
      return Status::InvalidArgument("WordNet data file too large for 24-bit offsets: " +
                                     data_path);
    // Exception lists are optional: without them irregular forms are simply not undone.
    std::string exc_path = dir + "/" + kPosNames[p] + ".exc";
    if (ReadFile(exc_path, &impl.exc_text[p])) {
      std::string_view text = impl.exc_text[p];
      size_t pos = 0;
      while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) eol = text.size();
        std::string_view line = text.substr(pos, eol - pos);
        pos = eol + 1;
        std::string_view inflected = NextField(&line);
        if (inflected.empty()) continue;
        std::vector<std::string_view>& bases = impl.exceptions[p][inflected];
        for (std::string_view b = NextField(&line); !b.empty(); b = NextField(&line))
          bases.push_back(b);
      }
    }
    std::string_view text = impl.index_text[p];
    impl.index[p].reserve(text.size() / 32);
    size_t pos = 0;
    size_t line_no = 0;
    while (pos < text.size()) {
      size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      ++line_no;
      if (line.empty() || line[0] == ' ') continue;  // the license header
      auto bad = [&] {
        return Status::InvalidArgument(index_path + ":" + std::to_string(line_no) +
                                       ": not a WordNet index line");
      };
      std::string_view lemma = NextField(&line);
      NextField(&line);  // pos
      uint32_t synset_cnt = 0, p_cnt = 0, ignored = 0;
      if (!ParseUnsigned(NextField(&line), 10, &synset_cnt)) return bad();
      if (!ParseUnsigned(NextField(&line), 10, &p_cnt)) return bad();
      for (uint32_t i = 0; i < p_cnt; ++i) NextField(&line);
      if (!ParseUnsigned(NextField(&line), 10, &ignored)) return bad();  // sense_cnt
      if (!ParseUnsigned(NextField(&line), 10, &ignored)) return bad();  // tagsense_cnt
      Impl::Entry entry{static_cast<uint32_t>(impl.synsets.size()), 0};
      for (uint32_t i = 0; i < synset_cnt; ++i) {
        uint32_t offset = 0;
        if (!ParseUnsigned(NextField(&line), 10, &offset) || offset >= (1u << 24)) return bad();
        impl.synsets.push_back((static_cast<uint32_t>(p) << 24) | offset);
      }
      entry.count = synset_cnt;
      impl.index[p].emplace_back(lemma, entry);
    }
    auto by_lemma = [](const auto& x, const auto& y) { return x.first < y.first; };
    if (!std::is_sorted(impl.index[p].begin(), impl.index[p].end(), by_lemma))
      std::stable_sort(impl.index[p].begin(), impl.index[p].end(), by_lemma);
  }
  wn->load_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return wn;
}

const WordNet* WordNet::Default() {
  static const WordNet* instance = [] {
    const char* env = std::getenv("PARALLAX_WORDNET_DIR");
    std::string dir = env && *env ? env : "/usr/share/wordnet";
    Result<std::unique_ptr<WordNet>> loaded = Load(dir);
    if (!loaded.ok()) {
      std::fprintf(stderr,
                   "parallax: warning: WordNet not loaded (%s); similarity works without "
                   "synonyms (install the Debian package wordnet-base or set "
                   "PARALLAX_WORDNET_DIR)\n",
                   loaded.status().ToString().c_str());
      return static_cast<const WordNet*>(nullptr);
    }
    return static_cast<const WordNet*>(std::move(loaded).value().release());
  }();
  return instance;
}

size_t WordNet::lemma_count() const {
  size_t n = 0;
  for (const auto& m : impl_->index) n += m.size();
  return n;
}

std::span<const SynsetId> WordNet::Synsets(std::string_view lemma, WordNetPos pos) const {
  const Impl::Entry* e = impl_->Find(static_cast<int>(pos), lemma);
  if (e == nullptr) return {};
  return std::span<const SynsetId>(impl_->synsets.data() + e->begin, e->count);
}

bool WordNet::HasLemma(std::string_view lemma) const {
  for (int p = 0; p < kWordNetPosCount; ++p)
    if (impl_->Find(p, lemma)) return true;
  return false;
}

std::vector<std::string> WordNet::Lemmas(std::string_view word, WordNetPos pos) const {
  std::vector<std::string> out;
  if (word.empty()) return out;
  const int p = static_cast<int>(pos);
  auto add = [&](std::string_view lemma) {
    if (lemma.empty() || impl_->Find(p, lemma) == nullptr) return;
    for (const std::string& s : out)
      if (s == lemma) return;
    out.emplace_back(lemma);
  };
  auto exc = impl_->exceptions[p].find(word);
  if (exc != impl_->exceptions[p].end())
    for (std::string_view base : exc->second) add(base);
  add(word);
  // In a collocation the inflected word is the first one for verbs ("pushed_back") and the
  // last one for nouns ("bus_stops").
  std::string_view head = word, before, after;
  size_t us = word.find('_');
  if (us != std::string_view::npos) {
    if (pos == WordNetPos::kVerb) {
      head = word.substr(0, us);
      after = word.substr(us);
    } else {
      size_t last = word.rfind('_');
      before = word.substr(0, last + 1);
      head = word.substr(last + 1);
    }
    auto head_exc = impl_->exceptions[p].find(head);
    if (head_exc != impl_->exceptions[p].end())
      for (std::string_view base : head_exc->second)
        add(std::string(before) + std::string(base) + std::string(after));
  }
  for (const Rule& r : RulesFor(pos)) {
    if (head.size() <= r.suffix.size() || !head.ends_with(r.suffix)) continue;
    std::string lemma(before);
    lemma.append(head.substr(0, head.size() - r.suffix.size()));
    lemma.append(r.ending);
    lemma.append(after);
    add(lemma);
  }
  return out;
}

std::string_view WordNet::DataFile(WordNetPos pos) const {
  return impl_->data_text[static_cast<int>(pos)];
}

std::string_view WordNet::Line(SynsetId id) const {
  std::string_view data = DataFile(SynsetPos(id));
  uint32_t offset = SynsetOffset(id);
  if (offset >= data.size() || (offset > 0 && data[offset - 1] != '\n')) return {};
  size_t eol = data.find('\n', offset);
  if (eol == std::string_view::npos) eol = data.size();
  std::string_view line = data.substr(offset, eol - offset);
  std::string_view rest = line;
  uint32_t stated = 0;
  if (!ParseUnsigned(NextField(&rest), 10, &stated) || stated != offset) return {};
  return line;
}

std::string_view WordNet::Gloss(SynsetId id) const {
  SynsetLine parsed;
  std::string_view line = Line(id);
  if (line.empty() || !ParseSynsetLine(line, &parsed)) return {};
  return parsed.gloss;
}

std::vector<std::string> WordNet::Words(SynsetId id) const {
  std::vector<std::string> out;
  SynsetLine parsed;
  std::string_view line = Line(id);
  if (line.empty() || !ParseSynsetLine(line, &parsed)) return out;
  for (std::string_view w : parsed.words) out.push_back(WordAsLemma(w));
  return out;
}

void WordNet::Derivations(SynsetId id, std::string_view lemma, std::vector<SynsetId>* out) const {
  thread_local SynsetLine parsed;
  std::string_view line = Line(id);
  if (line.empty() || !ParseSynsetLine(line, &parsed)) return;
  uint32_t word_no = 0;
  for (size_t i = 0; i < parsed.words.size(); ++i) {
    if (WordAsLemma(parsed.words[i]) == lemma) {
      word_no = static_cast<uint32_t>(i + 1);
      break;
    }
  }
  if (word_no == 0) return;
  for (const Pointer& p : parsed.pointers)
    if (p.symbol == "+" && p.source_word == word_no) out->push_back(p.target);
}

void WordNet::Related(SynsetId id, std::string_view pointer, std::vector<SynsetId>* out) const {
  thread_local SynsetLine parsed;
  std::string_view line = Line(id);
  if (line.empty() || !ParseSynsetLine(line, &parsed)) return;
  for (const Pointer& p : parsed.pointers)
    if (p.symbol == pointer) out->push_back(p.target);
}

void WordNet::Concepts(std::string_view word, const ConceptOptions& options,
                       std::vector<SynsetId>* out) const {
  out->clear();
  for (int p = 0; p < kWordNetPosCount; ++p) {
    WordNetPos pos = static_cast<WordNetPos>(p);
    for (const std::string& lemma : Lemmas(word, pos)) {
      std::span<const SynsetId> senses = Synsets(lemma, pos);
      size_t n = std::min(senses.size(), static_cast<size_t>(std::max(0, options.max_senses)));
      for (size_t i = 0; i < n; ++i) {
        out->push_back(senses[i]);
        if (options.derivations) Derivations(senses[i], lemma, out);
        if (options.similar_adjectives && pos == WordNetPos::kAdj) Related(senses[i], "&", out);
      }
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

}  // namespace parallax::compare
