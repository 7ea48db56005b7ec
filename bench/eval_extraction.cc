// Runs the HTML article extractor over a folder of pages (<id>.html or <id>.html.gz) and writes
// {id: {"articleBody": body}} as JSON, the input of shared/eval/extraction_score.py. With every
// file read and decompressed first, it times decoding + extraction on one thread and prints
// pages/s and the slowest page.
//
//   eval_extraction --html DIR --out pred.json [--repeat N] [--dump ID_PREFIX]
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "src/base/json_string.h"
#include "src/html/charset.h"
#include "src/html/html_extractor.h"
#include "src/ingest/decode.h"

namespace {

bool Gunzip(const std::string& in, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  char buf[1 << 16];
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof(buf);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return false;
    }
    out->append(buf, sizeof(buf) - zs.avail_out);
  } while (rc != Z_STREAM_END);
  inflateEnd(&zs);
  return true;
}

struct Page {
  std::string id;
  std::string bytes;
};

}  // namespace

int main(int argc, char** argv) {
  std::string dir, out_path;
  int repeat = 1;
  std::string dump;  // an id prefix: print that page's blocks with roles and reasons
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--html" && i + 1 < argc)
      dir = argv[++i];
    else if (a == "--out" && i + 1 < argc)
      out_path = argv[++i];
    else if (a == "--repeat" && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--dump" && i + 1 < argc)
      dump = argv[++i];
    else {
      std::fprintf(stderr, "usage: eval_extraction --html DIR --out PRED.json [--repeat N]\n");
      return 2;
    }
  }
  if (dir.empty() || out_path.empty()) {
    std::fprintf(stderr, "usage: eval_extraction --html DIR --out PRED.json [--repeat N]\n");
    return 2;
  }
  std::vector<Page> pages;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    std::string id;
    bool gz = false;
    if (name.size() > 8 && name.ends_with(".html.gz")) {
      id = name.substr(0, name.size() - 8);
      gz = true;
    } else if (name.size() > 5 && name.ends_with(".html")) {
      id = name.substr(0, name.size() - 5);
    } else {
      continue;
    }
    std::ifstream f(e.path(), std::ios::binary);
    std::string raw((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    Page p{id, {}};
    if (gz) {
      if (!Gunzip(raw, &p.bytes)) {
        std::fprintf(stderr, "%s: bad gzip\n", name.c_str());
        continue;
      }
    } else {
      p.bytes = std::move(raw);
    }
    pages.push_back(std::move(p));
  }
  if (ec) {
    std::fprintf(stderr, "cannot read %s: %s\n", dir.c_str(), ec.message().c_str());
    return 1;
  }
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });

  std::vector<std::string> bodies(pages.size());
  double slowest_ms = 0;
  std::string slowest_id;
  size_t total_bytes = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (size_t i = 0; i < pages.size(); ++i) {
      auto p0 = std::chrono::steady_clock::now();
      std::string charset = parallax::html::SniffCharset(pages[i].bytes);
      auto decoded = parallax::ingest::Decode(pages[i].bytes, charset);
      parallax::Article article;
      if (decoded.ok()) {
        parallax::Status st = parallax::html::ExtractFromHtml(decoded->text, &article);
        if (st.ok()) bodies[i] = article.Body();
        if (r == 0 && !dump.empty() && pages[i].id.starts_with(dump)) {
          for (const std::string& w : article.warnings) std::printf("WARNING %s\n", w.c_str());
          std::printf("headline: %s\noutlet: %s\nurl: %s\nlang: %s\npublished: %s (%s)\n",
                      article.headline.c_str(), article.outlet.c_str(), article.url.c_str(),
                      article.language.c_str(),
                      article.published ? article.published->value.c_str() : "",
                      article.published ? article.published->rule.c_str() : "");
          for (const parallax::Block& b : article.blocks) {
            std::string t(article.View(b.span).substr(0, 100));
            for (char& c : t)
              if (c == '\n') c = '|';
            std::printf("%-11s %-22s %s\n", std::string(parallax::BlockRoleName(b.role)).c_str(),
                        b.reason.c_str(), t.c_str());
          }
        }
      }
      double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - p0).count();
      if (ms > slowest_ms) slowest_ms = ms, slowest_id = pages[i].id;
      if (r == 0) total_bytes += pages[i].bytes.size();
    }
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double n = static_cast<double>(pages.size()) * repeat;
  std::printf("pages %zu  repeat %d  %.1f pages/s  %.1f MB/s  slowest %.2f ms (%s)\n", pages.size(),
              repeat, n / secs, total_bytes * repeat / secs / 1e6, slowest_ms, slowest_id.c_str());

  std::string json = "{";
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i) json.append(",\n");
    parallax::AppendJsonString(pages[i].id, &json);
    json.append(": {\"articleBody\": ");
    parallax::AppendJsonString(bodies[i], &json);
    json.append("}");
  }
  json.append("}\n");
  std::ofstream out(out_path, std::ios::binary);
  out << json;
  if (!out) {
    std::fprintf(stderr, "cannot write %s\n", out_path.c_str());
    return 1;
  }
  return 0;
}
