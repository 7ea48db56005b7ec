#include "src/store/outlets.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "parallax/store.h"
#include "src/store/test_util.h"
#include "src/store/text_io.h"

namespace parallax::store {
namespace {

TEST(CsvTest, ParsesTableOfCases) {
  struct Case {
    std::string csv;
    std::vector<CsvRow> want;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"\n\n", {}},
      {"a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}},
      {"a,b\r\n1,2", {{"a", "b"}, {"1", "2"}}},
      {"\xEF\xBB\xBFname\nx", {{"name"}, {"x"}}},
      {"\"a,b\",\"say \"\"hi\"\"\"\n", {{"a,b", "say \"hi\""}}},
      {"\"two\nlines\",x\n", {{"two\nlines", "x"}}},
      {"a,,c\n,\n", {{"a", "", "c"}, {"", ""}}},
      {"\"\"\n", {{""}}},
      {"\u00A0nbsp,\u4E2D\u6587,\u05E9\u05DC\u05D5\u05DD\n",
       {{"\u00A0nbsp", "\u4E2D\u6587", "\u05E9\u05DC\u05D5\u05DD"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.csv);
    Result<std::vector<CsvRow>> rows = ParseCsv(c.csv);
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    EXPECT_EQ(*rows, c.want);
  }
}

TEST(CsvTest, RejectsBrokenQuoting) {
  for (const char* csv : {"\"open,x\n", "a,\"b\"c\n"}) {
    SCOPED_TRACE(csv);
    Result<std::vector<CsvRow>> rows = ParseCsv(csv);
    ASSERT_FALSE(rows.ok());
    EXPECT_EQ(rows.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(CsvTest, WriterRoundTrips) {
  const CsvRow row = {"plain",    "with,comma", "with \"quote\"",   "two\nlines",
                      " padded ", "",           "\u201Ccurly\u201D"};
  std::string line;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line.push_back(',');
    AppendCsvField(&line, row[i]);
  }
  Result<std::vector<CsvRow>> back = ParseCsv(line + "\r\n");
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0], row);
}

TEST(JsonTest, StringArraysRoundTrip) {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {""},
      {"a\"b", "back\\slash", "tab\tnew\nline", std::string("nul\0x", 5)},
      {"\u041F\u0435\u0441\u043A\u043E\u0432", "\u05E9\u05DC\u05D5\u05DD"}};
  for (const auto& items : cases) {
    EXPECT_EQ(ParseJsonStringArray(JsonStringArray(items)), items);
  }
  EXPECT_TRUE(ParseJsonStringArray("not json").empty());
  EXPECT_TRUE(ParseJsonStringArray("{\"a\":1}").empty());
}

TEST(OutletKeyTest, Normalises) {
  EXPECT_EQ(OutletKey("  The  Moscow\tTimes "), "the moscow times");
  EXPECT_EQ(OutletKey(""), "");
  EXPECT_EQ(OutletKey("\u0422\u0410\u0421\u0421"), "\u0422\u0410\u0421\u0421");  // ASCII only
  Outlet o;
  o.name = "The Guardian";
  o.aliases = {"Guardian", "the guardian"};
  o.domains = {"https://www.TheGuardian.com/uk"};
  EXPECT_EQ(OutletKeys(o),
            (std::vector<std::string>{"guardian", "the guardian", "theguardian.com"}));
}

TEST(OutletKeyTest, DomainOf) {
  const std::pair<const char*, const char*> cases[] = {
      {"https://www.TASS.com:443/politics/1", "tass.com"},
      {"tass.com", "tass.com"},
      {"http://user@en.tass.com?x=1", "en.tass.com"},
      {"www.example.org.", "example.org"},
      {"TASS", ""},
      {"", ""},
      {"   ", ""},
  };
  for (const auto& [in, want] : cases) EXPECT_EQ(DomainOf(in), want) << in;
}

TEST(OutletKindTest, Parses) {
  EXPECT_EQ(ParseOutletKind("state agency"), OutletKind::kStateAgency);
  EXPECT_EQ(ParseOutletKind("Public-Broadcaster"), OutletKind::kPublicBroadcaster);
  EXPECT_EQ(ParseOutletKind("independent/exile"), OutletKind::kIndependent);
  EXPECT_EQ(ParseOutletKind("exile"), OutletKind::kIndependent);
  EXPECT_EQ(ParseOutletKind(""), OutletKind::kUnknown);
  EXPECT_EQ(ParseOutletKind("tabloid"), std::nullopt);
  for (OutletKind k :
       {OutletKind::kUnknown, OutletKind::kStateAgency, OutletKind::kPublicBroadcaster,
        OutletKind::kPrivate, OutletKind::kIndependent}) {
    EXPECT_EQ(ParseOutletKind(OutletKindName(k)), k);
  }
}

TEST(BuiltinOutletsTest, CoverTheBriefAndHaveUniqueKeys) {
  const std::vector<Outlet>& outlets = BuiltinOutlets();
  std::map<std::string, std::string> owner;
  for (const Outlet& o : outlets) {
    EXPECT_FALSE(o.country.empty()) << o.name;
    EXPECT_FALSE(o.domains.empty()) << o.name;
    EXPECT_NE(o.kind, OutletKind::kUnknown) << o.name;
    for (const std::string& key : OutletKeys(o)) {
      auto [it, fresh] = owner.emplace(key, o.name);
      EXPECT_TRUE(fresh) << key << " names " << it->second << " and " << o.name;
    }
  }
  for (const char* name : {"tass",
                           "ria novosti",
                           "interfax",
                           "reuters",
                           "ap",
                           "afp",
                           "xinhua",
                           "bbc",
                           "the moscow times",
                           "meduza",
                           "novaya gazeta europe",
                           "dw",
                           "france 24",
                           "al jazeera",
                           "cnn",
                           "fox news",
                           "the new york times",
                           "huffpost",
                           "the guardian",
                           "dpa",
                           "efe",
                           "ansa",
                           "kyodo",
                           "yonhap"}) {
    EXPECT_TRUE(owner.count(name)) << name;
  }
}

// A Media Bias/Fact Check style file with invented outlets.
constexpr char kMbfcCsv[] =
    "page,mbfclink,bias_rating,factual_reporting,country,media_type,trafficpopularity,"
    "credibility_rating,source,domain,leaning,press_freedom_rank\n"
    "Kestrel Evening Post,https://mbfc.example/kestrel/,LEFT-CENTER,HIGH,USA,Newspaper,"
    "Medium Traffic,HIGH CREDIBILITY,https://www.kestrelpost.example/,kestrelpost.example,"
    "leftcenter,\n"
    "\"Velmora, Harbour and Sea\",https://mbfc.example/vhs/,RIGHT,MIXED,"
    "Norway (12/180 Press Freedom),Website,,LOW CREDIBILITY,http://vhs.example,vhs.example,"
    "right,12/180\n"
    ",https://mbfc.example/nameless/,LEFT,,,,,,,,,\n"
    "Reuters,https://mbfc.example/reuters/,LEAST BIASED,VERY HIGH,UK,News Agency,High Traffic,"
    "HIGH CREDIBILITY,https://www.reuters.com/,reuters.com,center,\n";

TEST(OutletCsvTest, ParsesMbfcHeader) {
  Result<ParsedOutlets> parsed = ParseOutletsCsv(kMbfcCsv);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->rows, 4u);
  EXPECT_EQ(parsed->skipped, 1u);
  ASSERT_EQ(parsed->outlets.size(), 3u);
  const Outlet& k = parsed->outlets[0];
  EXPECT_EQ(k.name, "Kestrel Evening Post");
  EXPECT_EQ(k.domains, std::vector<std::string>{"kestrelpost.example"});
  EXPECT_EQ(k.country, "United States");
  EXPECT_EQ(k.kind, OutletKind::kUnknown);
  nlohmann::json r = nlohmann::json::parse(k.ratings_json);
  EXPECT_EQ(r["mbfc"]["bias_rating"], "LEFT-CENTER");
  EXPECT_EQ(r["mbfc"]["factual_reporting"], "HIGH");
  EXPECT_EQ(r["mbfc"]["media_type"], "Newspaper");
  EXPECT_FALSE(r["mbfc"].contains("press_freedom_rank"));  // empty cells are left out
  EXPECT_FALSE(r["mbfc"].contains("country"));             // mapped, not a rating
  const Outlet& v = parsed->outlets[1];
  EXPECT_EQ(v.name, "Velmora, Harbour and Sea");
  EXPECT_EQ(v.country, "Norway");
  EXPECT_EQ(nlohmann::json::parse(v.ratings_json)["mbfc"]["press_freedom_rank"], "12/180");
}

TEST(OutletCsvTest, ParsesParallaxFormat) {
  const char* csv =
      "name,aliases,domains,country,kind,ratings\n"
      "Northwind Daily,Northwind;The Northwind,northwind.example|nw.example,Iceland,private,"
      "\"{\"\"house\"\": {\"\"note\"\": \"\"fictional\"\"}}\"\n"
      "Radio Kestrel,,radiokestrel.example,,public broadcaster,\n";
  Result<ParsedOutlets> parsed = ParseOutletsCsv(csv);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  ASSERT_EQ(parsed->outlets.size(), 2u);
  const Outlet& n = parsed->outlets[0];
  EXPECT_EQ(n.aliases, (std::vector<std::string>{"Northwind", "The Northwind"}));
  EXPECT_EQ(n.domains, (std::vector<std::string>{"northwind.example", "nw.example"}));
  EXPECT_EQ(n.kind, OutletKind::kPrivate);
  EXPECT_EQ(nlohmann::json::parse(n.ratings_json)["house"]["note"], "fictional");
  EXPECT_EQ(parsed->outlets[1].kind, OutletKind::kPublicBroadcaster);
  EXPECT_EQ(parsed->outlets[1].ratings_json, "{}");
}

TEST(OutletCsvTest, RejectsBadFiles) {
  EXPECT_FALSE(ParseOutletsCsv("").ok());
  EXPECT_FALSE(ParseOutletsCsv("bias,country\nleft,USA\n").ok());
  EXPECT_FALSE(ParseOutletsCsv("name,ratings\nX,[1]\n").ok());
  EXPECT_FALSE(ParseOutletsCsv("name\n\"open\n").ok());
  // A domain-only list names outlets by domain.
  Result<ParsedOutlets> domains = ParseOutletsCsv("domain\nkestrelpost.example\n");
  ASSERT_TRUE(domains.ok());
  ASSERT_EQ(domains->outlets.size(), 1u);
  EXPECT_EQ(domains->outlets[0].name, "kestrelpost.example");
}

TEST(OutletCsvTest, ImportMergesIntoBuiltins) {
  testing::TempDir dir;
  const std::string csv_path = dir.File("mbfc.csv");
  std::ofstream(csv_path) << kMbfcCsv;
  Result<Store> store = Store::Open(dir.File("a.db"));
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(store->LoadBuiltinOutlets().ok());
  Result<OutletImportStats> stats = store->ImportOutletsCsv(csv_path);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->rows, 4u);
  EXPECT_EQ(stats->added, 2u);
  EXPECT_EQ(stats->merged, 1u);
  EXPECT_EQ(stats->skipped, 1u);
  Result<std::optional<Outlet>> reuters = store->FindOutlet("reuters.com");
  ASSERT_TRUE(reuters.ok());
  ASSERT_TRUE(reuters->has_value());
  EXPECT_EQ((*reuters)->name, "Reuters");
  EXPECT_EQ((*reuters)->kind, OutletKind::kPrivate);  // built-in fact kept
  EXPECT_EQ((*reuters)->country, "United Kingdom");   // built-in fact kept
  EXPECT_EQ(nlohmann::json::parse((*reuters)->ratings_json)["mbfc"]["bias_rating"], "LEAST BIASED");
  // Importing again changes nothing but merges.
  stats = store->ImportOutletsCsv(csv_path);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->added, 0u);
  EXPECT_EQ(stats->merged, 3u);
  EXPECT_EQ(store->ImportOutletsCsv(dir.File("missing.csv")).status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace parallax::store
