// PolNeAR evaluation driver for the quotes stage (bench/eval_quotes.sh runs it and the scorer).
//
//   parallax_eval_quotes SPLIT_DIR PRED.jsonl [--no-entities] [--learn-cues] [--no-cue-table]
//
// --learn-cues turns on the quotes stage's learning mode (every unknown lower-case word is tried
// as a learned cue in every frame): bench/quotes_cue_table.py counts, on train, how often each
// word and frame is right and writes src/quotes/cue_table_data.cc.
//
// Reads SPLIT_DIR/text/*.txt as bytes, makes one body block per blank-line separated paragraph
// (the first paragraph is the headline), runs text::AnnotateSentences,
// entities::AnnotateEntities (unless --no-entities) and quotes::AnnotateQuotes, and writes one
// JSON line per text in the format of ../shared/eval/quotes_score.py (UTF-8 byte offsets).
// Prints the number of texts, bytes and the stage time on stderr.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "src/entities/entities.h"
#include "src/quotes/lexicon.h"
#include "src/quotes/quotes.h"
#include "src/text/sentences.h"

namespace fs = std::filesystem;

namespace {

void Paragraphs(parallax::Article* a) {
  const std::string& t = a->text;
  uint32_t n = static_cast<uint32_t>(t.size()), start = 0;
  bool first = true;
  for (uint32_t i = 0; i <= n; ++i) {
    bool brk = i == n || (t[i] == '\n' && i + 1 < n && t[i + 1] == '\n');
    if (!brk) continue;
    uint32_t s = start, e = i;
    while (s < e && (t[s] == '\n' || t[s] == ' ')) ++s;
    while (e > s && (t[e - 1] == '\n' || t[e - 1] == ' ' || t[e - 1] == '\r')) --e;
    if (e > s) {
      a->blocks.push_back(
          {first ? parallax::BlockRole::kHeadline : parallax::BlockRole::kBody, {s, e}, "", {}});
      first = false;
    }
    start = i + 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: %s SPLIT_DIR PRED.jsonl [--no-entities] [--learn-cues] [--no-cue-table]\n",
                 argv[0]);
    return 2;
  }
  bool use_entities = true;
  for (int i = 3; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--no-entities") {
      use_entities = false;
    } else if (arg == "--learn-cues") {
      parallax::quotes::internal::SetLearnAllCues(true);
    } else if (arg == "--no-cue-table") {
      parallax::quotes::internal::SetUseCueTable(false);
    } else {
      std::fprintf(stderr, "eval_quotes: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  fs::path dir = fs::path(argv[1]) / "text";
  if (!fs::is_directory(dir)) {
    std::fprintf(stderr, "eval_quotes: %s is not a directory\n", dir.c_str());
    return 2;
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::ofstream out(argv[2]);
  size_t bytes = 0;
  double quote_s = 0, all_s = 0;
  for (const fs::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    parallax::Article a;
    a.text = ss.str();
    a.language = "en";
    bytes += a.text.size();
    auto t0 = std::chrono::steady_clock::now();
    Paragraphs(&a);
    parallax::text::AnnotateSentences(&a);
    if (use_entities) parallax::entities::AnnotateEntities(&a);
    auto t1 = std::chrono::steady_clock::now();
    parallax::quotes::AnnotateQuotes(&a);
    auto t2 = std::chrono::steady_clock::now();
    quote_s += std::chrono::duration<double>(t2 - t1).count();
    all_s += std::chrono::duration<double>(t2 - t0).count();
    nlohmann::json line;
    line["id"] = p.stem().string();
    nlohmann::json qs = nlohmann::json::array();
    for (const parallax::Quote& q : a.quotes) {
      nlohmann::json j;
      j["start"] = q.content.start;
      j["end"] = q.content.end;
      if (q.speaker.span.empty()) {
        j["speaker_start"] = nullptr;
        j["speaker_end"] = nullptr;
        j["speaker"] = nullptr;
      } else {
        j["speaker_start"] = q.speaker.span.start;
        j["speaker_end"] = q.speaker.span.end;
        std::string name = q.speaker.name;
        if (q.speaker.entity) {
          for (const parallax::Entity& e : a.entities)
            if (e.id == *q.speaker.entity) name = e.name;
        }
        j["speaker"] = name;
      }
      if (q.cue) {
        j["cue_start"] = q.cue->start;
        j["cue_end"] = q.cue->end;
      } else {
        j["cue_start"] = nullptr;
        j["cue_end"] = nullptr;
      }
      j["direct"] = q.direct;
      if (q.channel) j["channel"] = std::string(a.View(*q.channel));
      qs.push_back(std::move(j));
    }
    line["quotes"] = std::move(qs);
    out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  std::fprintf(stderr,
               "eval_quotes: %zu texts, %zu bytes; quotes stage %.3f s (%.1f MB/s), text+entities+"
               "quotes %.3f s\n",
               files.size(), bytes, quote_s, quote_s > 0 ? bytes / quote_s / 1e6 : 0.0, all_s);
  return 0;
}
