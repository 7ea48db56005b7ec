// Golden tests for plain-text analysis. Every testdata/golden/text/<name>.txt is analysed with
// parallax::AnalyzeBytes and checked against:
//   <name>.expect.json  hand-written expectations, checked key by key (see the README there);
//   <name>.golden.json  the full record (ArticleToJson, pretty), compared exactly when present.
// PARALLAX_UPDATE_GOLDEN=1 rewrites the .golden.json files instead of comparing them; do that
// only on purpose, and read the diff before committing it. The expectations are the spec: when
// one fails, fix the analysis, not the expectation (unless the expectation is wrong for a careful
// human reader).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"
#include "parallax/format.h"
#include "parallax/pipeline.h"

namespace parallax {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kFixtureDir = "testdata/golden/text";

fs::path FixtureDir() { return fs::path(PARALLAX_SOURCE_DIR) / kFixtureDir; }

std::optional<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Fixture names (file stems) of every *.txt in the fixture folder, sorted.
std::vector<std::string> ListFixtures() {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(FixtureDir(), ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A short, printable excerpt of `s` for failure messages.
std::string Excerpt(std::string_view s, size_t max_bytes = 160) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

// The blocks overlapping [start, end), as "role[start,end) (reason)" for failure messages.
std::string DescribeBlocksAt(const Article& a, size_t start, size_t end) {
  std::string out;
  for (const Block& b : a.blocks) {
    if (b.span.end <= start || b.span.start >= end) continue;
    if (!out.empty()) out += "; ";
    out += std::string(BlockRoleName(b.role)) + "[" + std::to_string(b.span.start) + "," +
           std::to_string(b.span.end) + ")";
    if (!b.reason.empty()) out += " (" + b.reason + ")";
  }
  return out.empty() ? "no block" : out;
}

// Where `needle` sits in the article: the roles of the blocks at its first occurrence.
std::string DescribeText(const Article& a, std::string_view needle) {
  size_t pos = a.text.find(needle);
  if (pos == std::string::npos) return "not in the decoded text at all";
  return "in the text at byte " + std::to_string(pos) +
         ", blocks: " + DescribeBlocksAt(a, pos, pos + needle.size());
}

std::optional<BlockRole> ParseRole(std::string_view name) {
  static constexpr BlockRole kRoles[] = {
      BlockRole::kHeadline, BlockRole::kStandfirst, BlockRole::kSection, BlockRole::kTimestamp,
      BlockRole::kDateline, BlockRole::kByline,     BlockRole::kBody,    BlockRole::kCaption,
      BlockRole::kCredit,   BlockRole::kBoilerplate};
  for (BlockRole r : kRoles) {
    if (BlockRoleName(r) == name) return r;
  }
  return std::nullopt;
}

// True when some occurrence of `needle` lies in blocks that all have `role` (at least one block).
// A dateline may also be carried by Article::dateline inside a body block.
bool HasRoleSomewhere(const Article& a, std::string_view needle, BlockRole role) {
  if (needle.empty()) return false;
  for (size_t pos = a.text.find(needle); pos != std::string::npos;
       pos = a.text.find(needle, pos + 1)) {
    const size_t end = pos + needle.size();
    if (role == BlockRole::kDateline && a.dateline && a.dateline->span.start <= pos &&
        end <= a.dateline->span.end) {
      return true;
    }
    bool any = false;
    bool all = true;
    for (const Block& b : a.blocks) {
      if (b.span.end <= pos || b.span.start >= end) continue;
      any = true;
      if (b.role != role) all = false;
    }
    if (any && all) return true;
  }
  return false;
}

// Reads a JSON array of strings; records a failure (and returns nullopt) for any other shape.
std::optional<std::vector<std::string>> Strings(const json& value, const std::string& where) {
  if (!value.is_array()) {
    ADD_FAILURE() << where << ": expected an array of strings";
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const json& v : value) {
    if (!v.is_string()) {
      ADD_FAILURE() << where << ": expected an array of strings";
      return std::nullopt;
    }
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", \"" : "\"") + v[i] + "\"";
  return out + "]";
}

std::vector<std::string> SplitLines(std::string_view s) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= s.size()) {
    size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) {
      if (start < s.size()) lines.emplace_back(s.substr(start));
      break;
    }
    lines.emplace_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// A short unified-style diff around the first differing line.
std::string FirstDifference(std::string_view expected, std::string_view actual) {
  const std::vector<std::string> e = SplitLines(expected);
  const std::vector<std::string> g = SplitLines(actual);
  size_t i = 0;
  while (i < e.size() && i < g.size() && e[i] == g[i]) ++i;
  constexpr size_t kContext = 3;
  constexpr size_t kShown = 8;
  std::ostringstream out;
  out << "first difference at line " << (i + 1) << " (expected " << e.size() << " lines, got "
      << g.size() << ")\n";
  for (size_t k = i >= kContext ? i - kContext : 0; k < i; ++k) out << "  " << e[k] << "\n";
  for (size_t k = i; k < e.size() && k < i + kShown; ++k) out << "- " << e[k] << "\n";
  for (size_t k = i; k < g.size() && k < i + kShown; ++k) out << "+ " << g[k] << "\n";
  return out.str();
}

class TextGoldenTest : public testing::TestWithParam<std::string> {};

void CheckStringKey(const std::string& where, const json& want, const std::string& got) {
  if (!want.is_string()) {
    ADD_FAILURE() << where << ": expectation must be a string";
    return;
  }
  EXPECT_EQ(got, want.get<std::string>()) << where;
}

void CheckExpectations(const std::string& name, const json& expect, const Article& a) {
  const std::string body = a.Body();
  for (const auto& [key, want] : expect.items()) {
    const std::string where = "fixture " + name + ", key \"" + key + "\"";
    if (key == "outlet") {
      CheckStringKey(where, want, a.outlet);
    } else if (key == "headline") {
      CheckStringKey(where, want, a.headline);
    } else if (key == "standfirst") {
      CheckStringKey(where, want, a.standfirst);
    } else if (key == "section") {
      CheckStringKey(where, want, a.section);
    } else if (key == "language") {
      CheckStringKey(where, want, a.language);
    } else if (key == "charset") {
      CheckStringKey(where, want, a.charset);
    } else if (key == "published") {
      if (want.is_null()) {
        EXPECT_FALSE(a.published.has_value())
            << where << ": expected no publication time, got \"" << a.published->value
            << "\" (rule " << a.published->rule << ")";
      } else if (want.is_string()) {
        const std::string w = want.get<std::string>();
        if (!a.published) {
          ADD_FAILURE() << where << ": expected \"" << w << "\", got no publication time";
        } else {
          EXPECT_TRUE(a.published->value.starts_with(w))
              << where << ": expected a value starting with \"" << w << "\", got \""
              << a.published->value << "\" (rule " << a.published->rule << ")";
        }
      } else {
        ADD_FAILURE() << where << ": expectation must be a string or null";
      }
    } else if (key == "dateline") {
      if (want.is_null()) {
        EXPECT_FALSE(a.dateline.has_value())
            << where << ": expected no dateline, got place \"" << a.dateline->place
            << "\" agency \"" << a.dateline->agency << "\"";
      } else if (want.is_object()) {
        if (!a.dateline) {
          ADD_FAILURE() << where << ": expected " << want.dump() << ", got no dateline";
          continue;
        }
        for (const auto& [field, value] : want.items()) {
          if (!value.is_string()) {
            ADD_FAILURE() << where << "." << field << ": expectation must be a string";
          } else if (field == "place") {
            EXPECT_EQ(a.dateline->place, value.get<std::string>()) << where << ".place";
          } else if (field == "agency") {
            EXPECT_EQ(a.dateline->agency, value.get<std::string>()) << where << ".agency";
          } else if (field == "date") {
            EXPECT_EQ(a.dateline->date, value.get<std::string>()) << where << ".date";
          } else {
            ADD_FAILURE() << where << ": unknown field \"" << field << "\"";
          }
        }
      } else {
        ADD_FAILURE() << where << ": expectation must be an object or null";
      }
    } else if (key == "byline") {
      if (auto names = Strings(want, where)) {
        EXPECT_EQ(a.byline, *names)
            << where << ": expected " << Join(*names) << ", got " << Join(a.byline);
      }
    } else if (key == "body_includes") {
      if (auto items = Strings(want, where)) {
        for (const std::string& s : *items) {
          EXPECT_TRUE(body.find(s) != std::string::npos)
              << where << ": body lacks \"" << Excerpt(s) << "\"; " << DescribeText(a, s);
        }
      }
    } else if (key == "body_excludes") {
      if (auto items = Strings(want, where)) {
        for (const std::string& s : *items) {
          EXPECT_TRUE(body.find(s) == std::string::npos)
              << where << ": body holds furniture \"" << Excerpt(s) << "\"; " << DescribeText(a, s);
        }
      }
    } else if (key == "boilerplate_includes") {
      if (auto items = Strings(want, where)) {
        for (const std::string& s : *items) {
          bool found = false;
          for (const Block& b : a.blocks) {
            if (b.role == BlockRole::kBoilerplate && a.View(b.span).find(s) != std::string::npos) {
              found = true;
              break;
            }
          }
          EXPECT_TRUE(found) << where << ": no boilerplate block holds \"" << Excerpt(s) << "\"; "
                             << DescribeText(a, s);
        }
      }
    } else if (key == "roles") {
      if (!want.is_array()) {
        ADD_FAILURE() << where << ": expectation must be an array";
        continue;
      }
      for (const json& item : want) {
        if (!item.is_object() || !item.contains("text") || !item.contains("role") ||
            !item["text"].is_string() || !item["role"].is_string()) {
          ADD_FAILURE() << where << ": each item must be {\"text\": str, \"role\": str}";
          continue;
        }
        const std::string text = item["text"].get<std::string>();
        const std::string role_name = item["role"].get<std::string>();
        std::optional<BlockRole> role = ParseRole(role_name);
        if (!role) {
          ADD_FAILURE() << where << ": unknown role \"" << role_name << "\"";
          continue;
        }
        EXPECT_TRUE(HasRoleSomewhere(a, text, *role))
            << where << ": \"" << Excerpt(text) << "\" should be " << role_name << "; "
            << DescribeText(a, text);
      }
    } else if (key == "warnings_include") {
      if (auto items = Strings(want, where)) {
        for (const std::string& s : *items) {
          bool found = std::any_of(a.warnings.begin(), a.warnings.end(), [&](const std::string& w) {
            return w.find(s) != std::string::npos;
          });
          EXPECT_TRUE(found) << where << ": no warning contains \"" << s << "\"; warnings "
                             << Join(a.warnings);
        }
      }
    } else {
      ADD_FAILURE() << where << ": unknown expectation key";
    }
  }
}

TEST_P(TextGoldenTest, MatchesExpectations) {
  const std::string name = GetParam();
  const fs::path dir = FixtureDir();
  const std::optional<std::string> bytes = ReadFile(dir / (name + ".txt"));
  ASSERT_TRUE(bytes.has_value()) << "fixture " << name << ": cannot read " << name << ".txt";
  const std::optional<std::string> expect_text = ReadFile(dir / (name + ".expect.json"));
  ASSERT_TRUE(expect_text.has_value())
      << "fixture " << name << ": missing " << name << ".expect.json";
  const json expect = json::parse(*expect_text, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(expect.is_discarded()) << "fixture " << name << ": invalid JSON in expect file";
  ASSERT_TRUE(expect.is_object()) << "fixture " << name << ": expect file must hold an object";

  AnalyzeOptions options;
  options.threads = 1;
  if (fs::exists(dir / "outlets.csv")) options.outlet_map_path = (dir / "outlets.csv").string();
  // A relative source keeps the golden record independent of where the tree is checked out.
  const std::string source = std::string(kFixtureDir) + "/" + name + ".txt";
  Result<Article> result = AnalyzeBytes(*bytes, source, options);
  ASSERT_TRUE(result.ok()) << "fixture " << name << ": " << result.status().ToString();
  const Article& article = result.value();

  CheckExpectations(name, expect, article);

  const fs::path golden_path = dir / (name + ".golden.json");
  const std::string record = ArticleToJson(article, /*pretty=*/true) + "\n";
  const char* update = std::getenv("PARALLAX_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream out(golden_path, std::ios::binary | std::ios::trunc);
    out << record;
    ASSERT_TRUE(out.good()) << "fixture " << name << ": cannot write " << golden_path;
    return;
  }
  if (const std::optional<std::string> golden = ReadFile(golden_path)) {
    EXPECT_TRUE(*golden == record)
        << "fixture " << name << ": record differs from " << name
        << ".golden.json (rerun with PARALLAX_UPDATE_GOLDEN=1 if the change is intended)\n"
        << FirstDifference(*golden, record);
  }
}

// Every fixture has an expectation file and every expectation file a fixture.
TEST(TextGoldenFixtures, EveryFixtureHasAnExpectation) {
  const fs::path dir = FixtureDir();
  const std::vector<std::string> names = ListFixtures();
  EXPECT_GE(names.size(), 32u) << "fixtures in " << dir;
  for (const std::string& name : names) {
    EXPECT_TRUE(fs::exists(dir / (name + ".expect.json"))) << "fixture " << name;
  }
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string file = entry.path().filename().string();
    constexpr std::string_view kSuffix = ".expect.json";
    if (file.size() > kSuffix.size() && file.ends_with(kSuffix)) {
      const std::string stem = file.substr(0, file.size() - kSuffix.size());
      EXPECT_TRUE(fs::exists(dir / (stem + ".txt"))) << file << " has no fixture";
    }
  }
}

std::string FixtureTestName(const testing::TestParamInfo<std::string>& info) {
  std::string out;
  for (char c : info.param) {
    out += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
  }
  return out;
}

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(TextGoldenTest);
INSTANTIATE_TEST_SUITE_P(Text, TextGoldenTest, testing::ValuesIn(ListFixtures()), FixtureTestName);

}  // namespace
}  // namespace parallax
