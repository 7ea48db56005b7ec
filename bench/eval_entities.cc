// CoNLL-2003 evaluation of the entities stage: reads a CoNLL file (token ... tag per line,
// blank lines between sentences, -DOCSTART- between documents), rebuilds each document's text
// exactly as ../shared/eval/entities_score.py does (tokens joined by one space, sentences by
// one newline), annotates it (one body block per line, text::SplitSentences,
// entities::AnnotateEntities) and writes the prediction JSONL the scorer reads:
//   {"id": "doc-N", "entities": [{"start": S, "end": E, "type": "person"}, ...]}
// Definite descriptions ("the Serbian president") are left out: CoNLL marks names only.
//
//   parallax_eval_entities GOLD.conll PRED.jsonl [--per-sentence]
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "src/entities/entities.h"
#include "src/text/sentences.h"

namespace {

struct Doc {
  std::string text;
  std::vector<parallax::Span> lines;
};

std::vector<Doc> ReadConll(std::istream& in) {
  std::vector<Doc> docs;
  Doc doc;
  std::string sentence;
  bool in_sentence = false;
  auto end_sentence = [&]() {
    if (!in_sentence) return;
    if (!doc.text.empty()) doc.text += '\n';
    uint32_t start = static_cast<uint32_t>(doc.text.size());
    doc.text += sentence;
    doc.lines.push_back({start, static_cast<uint32_t>(doc.text.size())});
    sentence.clear();
    in_sentence = false;
  };
  auto end_doc = [&]() {
    end_sentence();
    if (!doc.lines.empty()) docs.push_back(std::move(doc));
    doc = Doc();
  };
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::istringstream fields(line);
    std::string token;
    if (!(fields >> token)) {
      end_sentence();
      continue;
    }
    if (token == "-DOCSTART-") {
      end_doc();
      continue;
    }
    if (in_sentence) sentence += ' ';
    sentence += token;
    in_sentence = true;
  }
  end_doc();
  return docs;
}

const char* TypeName(parallax::EntityType t) {
  switch (t) {
    case parallax::EntityType::kPerson:
      return "person";
    case parallax::EntityType::kOrganization:
      return "organization";
    case parallax::EntityType::kLocation:
      return "location";
    default:
      return "other";
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s GOLD.conll PRED.jsonl\n", argv[0]);
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  std::vector<Doc> docs = ReadConll(in);
  std::ofstream out(argv[2]);
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", argv[2]);
    return 1;
  }
  size_t bytes = 0, mentions = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (size_t d = 0; d < docs.size(); ++d) {
    parallax::Article a;
    a.text = docs[d].text;
    for (const parallax::Span& l : docs[d].lines) {
      a.blocks.push_back({parallax::BlockRole::kBody, l, ""});
      for (const parallax::Sentence& s : parallax::text::SplitSentences(a.text, l))
        a.sentences.push_back(s);
    }
    parallax::entities::AnnotateEntities(&a);
    bytes += a.text.size();
    nlohmann::json ents = nlohmann::json::array();
    for (const parallax::Entity& e : a.entities) {
      for (const parallax::Span& m : e.mentions) {
        std::string_view v = a.View(m);
        if (v.empty() || (v[0] >= 'a' && v[0] <= 'z') || v.starts_with("The ")) continue;
        ents.push_back({{"start", m.start}, {"end", m.end}, {"type", TypeName(e.type)}});
        ++mentions;
      }
    }
    nlohmann::json row = {{"id", "doc-" + std::to_string(d)}, {"entities", ents}};
    out << row.dump() << '\n';
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr, "%zu documents, %zu bytes, %zu mentions, %.3f s\n", docs.size(), bytes,
               mentions, secs);
  return 0;
}
