// Differential test of our visible text against libxml2's HTML parser on a folder of pages
// (*.html and *.html.gz). Each page is decoded to UTF-8 with ingest::Decode, honouring the
// charset its <meta> declares; both texts are normalised by the rules of
// src/html/libxml_oracle.h. Prints each differing page with the first differing context, how
// many pages each normalisation rule was needed on, and a summary line
// "N pages, M identical, K differ". Exit status: 0 when all are identical, 1 when any differ,
// 2 on usage or I/O errors.
//
// With --blocks the stricter block-level form is compared (oracle::Level::kBlocks) instead.
//
//   parallax_html_diff DIR [--context N] [--blocks]
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "src/html/libxml_oracle.h"
#include "src/ingest/decode.h"
#include "src/ingest/sniff.h"

namespace {

bool Gunzip(const std::string& in, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return false;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  std::vector<char> buf(1 << 16);
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef*>(buf.data());
    zs.avail_out = static_cast<uInt>(buf.size());
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&zs);
      return false;
    }
    out->append(buf.data(), buf.size() - zs.avail_out);
  } while (rc != Z_STREAM_END);
  inflateEnd(&zs);
  return true;
}

int Usage() {
  std::fprintf(stderr, "usage: parallax_html_diff DIR [--context N] [--blocks]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  namespace oracle = parallax::html::oracle;
  std::string dir;
  size_t context = 80;
  oracle::Level level = oracle::Level::kText;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--context" && i + 1 < argc)
      context = static_cast<size_t>(std::max(1, std::atoi(argv[++i])));
    else if (a == "--blocks")
      level = oracle::Level::kBlocks;
    else if (dir.empty() && !a.starts_with("-"))
      dir = a;
    else
      return Usage();
  }
  if (dir.empty()) return Usage();

  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.ends_with(".html") || name.ends_with(".html.gz")) files.push_back(e.path());
  }
  if (ec) {
    std::fprintf(stderr, "cannot read %s: %s\n", dir.c_str(), ec.message().c_str());
    return 2;
  }
  std::sort(files.begin(), files.end());

  int pages = 0, identical = 0, differ = 0, errors = 0;
  std::array<int, oracle::kRuleCount> needed{};
  for (const auto& path : files) {
    std::string name = path.filename().string();
    std::ifstream f(path, std::ios::binary);
    std::string raw((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    std::string bytes;
    if (name.ends_with(".gz")) {
      if (!Gunzip(raw, &bytes)) {
        std::fprintf(stderr, "%s: bad gzip\n", name.c_str());
        ++errors;
        continue;
      }
    } else {
      bytes = std::move(raw);
    }
    auto decoded = parallax::ingest::Decode(bytes, parallax::ingest::FindMetaCharset(bytes));
    if (!decoded.ok()) {
      std::fprintf(stderr, "%s: cannot decode: %s\n", name.c_str(),
                   decoded.status().ToString().c_str());
      ++errors;
      continue;
    }
    ++pages;
    oracle::Comparison c = oracle::CompareVisibleText(decoded->text, level, /*measure_rules=*/true);
    for (int r = 0; r < oracle::kRuleCount; ++r)
      if (c.rules_needed & (1u << r)) ++needed[r];
    if (c.identical) {
      ++identical;
      continue;
    }
    ++differ;
    std::printf("DIFF %s (%s) at byte %zu of %zu / %zu\n%s\n\n", name.c_str(),
                decoded->charset.c_str(), c.diff_at, c.ours.size(), c.theirs.size(),
                oracle::DiffContext(c, context).c_str());
  }
  for (int r = 0; r < oracle::kRuleCount; ++r)
    std::printf("rule %-22s needed on %d pages\n", std::string(oracle::RuleName(r)).c_str(),
                needed[r]);
  std::printf("%d pages, %d identical, %d differ\n", pages, identical, differ);
  if (errors > 0) return 2;
  return differ > 0 ? 1 : 0;
}
