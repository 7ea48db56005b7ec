#include "src/compare/idf.h"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <vector>

#include "src/compare/claim.h"
#include "src/compare/wordnet.h"
#include "src/text/tokens.h"

namespace parallax::compare {

void IdfTable::AddDocument(std::span<const uint64_t> terms) {
  std::vector<uint64_t> unique(terms.begin(), terms.end());
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  for (uint64_t t : unique) ++df_[t];
  ++documents_;
}

void IdfTable::AddText(std::string_view text, std::string_view language) {
  std::vector<uint64_t> terms;
  for (const text::Token& t :
       text::Tokenize(text, Span{0, static_cast<uint32_t>(std::min<size_t>(text.size(), ~0u))})) {
    if (t.kind != text::TokenKind::kWord) continue;
    std::string folded = text::Fold(text.substr(t.span.start, t.span.size()));
    if (folded.empty()) continue;
    terms.push_back(TermId(language.empty() ? folded : text::Stem(folded, language)));
  }
  AddDocument(terms);
}

void IdfTable::AddClaim(const ClaimFeatures& claim) { AddDocument(claim.terms); }

double IdfTable::Weight(uint64_t term) const {
  double n = static_cast<double>(documents_);
  double df = static_cast<double>(DocumentFrequency(term));
  return std::log((n + 1) / (df + 1)) + 1;
}

uint32_t IdfTable::DocumentFrequency(uint64_t term) const {
  auto it = df_.find(term);
  return it == df_.end() ? 0 : it->second;
}

std::string IdfTable::Serialize() const {
  std::vector<std::pair<uint64_t, uint32_t>> rows(df_.begin(), df_.end());
  std::sort(rows.begin(), rows.end());
  std::string out = "parallax.idf/1\t" + std::to_string(documents_) + "\n";
  char buf[64];
  for (const auto& [term, df] : rows) {
    std::snprintf(buf, sizeof(buf), "%016" PRIx64 "\t%u\n", term, df);
    out += buf;
  }
  return out;
}

Result<IdfTable> IdfTable::Parse(std::string_view text) {
  IdfTable table;
  size_t pos = 0, line_no = 0;
  bool header = false;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty()) continue;
    auto bad = [&] {
      return Status::InvalidArgument("idf table line " + std::to_string(line_no) + ": expected " +
                                     (header ? "<16 hex digits>\\t<df>" : "parallax.idf/1\\t<N>"));
    };
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return bad();
    std::string_view key = line.substr(0, tab), value = line.substr(tab + 1);
    uint64_t number = 0;
    if (value.empty() || value.size() > 19) return bad();
    for (char c : value) {
      if (c < '0' || c > '9') return bad();
      number = number * 10 + static_cast<uint64_t>(c - '0');
    }
    if (!header) {
      if (key != "parallax.idf/1") return bad();
      table.documents_ = number;
      header = true;
      continue;
    }
    if (key.size() != 16) return bad();
    uint64_t term = 0;
    for (char c : key) {
      int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
      if (d < 0) return bad();
      term = (term << 4) | static_cast<uint64_t>(d);
    }
    if (number > table.documents_ || number > UINT32_MAX) return bad();
    table.df_[term] = static_cast<uint32_t>(number);
  }
  if (!header) return Status::InvalidArgument("idf table: missing header line");
  return table;
}

IdfTable IdfTable::FromWordNetGlosses(const WordNet& wordnet) {
  IdfTable table;
  wordnet.ForEachSynset([&](SynsetId, std::string_view gloss) { table.AddText(gloss, "en"); });
  return table;
}

}  // namespace parallax::compare
