#include "src/ingest/warc.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "src/ingest/reader.h"
#include "src/ingest/test_gzip.h"

namespace parallax::ingest {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

using fixtures::Compress;
using fixtures::Gzip;

// A WARC record of `type` with `block`; `headers` are extra "Name: value\r\n" lines.
std::string Record(const std::string& type, const std::string& block,
                   const std::string& headers = "", const std::string& version = "1.1") {
  return "WARC/" + version + "\r\nWARC-Type: " + type +
         "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n" + headers +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string Http(int status, const std::string& content_type, const std::string& body,
                 const std::string& headers = "") {
  std::string h = "HTTP/1.1 " + std::to_string(status) + " Whatever\r\n";
  if (!content_type.empty()) h += "Content-Type: " + content_type + "\r\n";
  return h + headers + "\r\n" + body;
}

std::string Response(const std::string& url, const std::string& http,
                     const std::string& date = "2031-04-02T08:15:00Z") {
  return Record("response", http,
                "WARC-Target-URI: " + url + "\r\nWARC-Date: " + date +
                    "\r\nContent-Type: application/http; msgtype=response\r\n");
}

const std::string kPage =
    "<!DOCTYPE html><html><head><title>Harbour cranes stop</title></head><body><article>"
    "<h1>Harbour cranes stop in Port Alvara</h1><p>Dockworkers walked out on Monday.</p>"
    "</article></body></html>";

std::vector<ReadItem> ReadAll(const std::string& bytes, const std::string& name = "crawl.warc",
                              InputOptions options = {}) {
  WarcReader reader(MakeStringStream(bytes), name, options);
  std::vector<ReadItem> items;
  ReadItem item;
  for (int guard = 0; guard < 1000 && reader.Next(&item); ++guard) items.push_back(item);
  return items;
}

const RawDocument* AsDoc(const ReadItem& item) { return std::get_if<RawDocument>(&item); }
const Failure* AsFailure(const ReadItem& item) { return std::get_if<Failure>(&item); }

std::string Describe(const std::vector<ReadItem>& items) {
  std::string s;
  for (const ReadItem& item : items) {
    if (const RawDocument* d = AsDoc(item)) s += "doc " + d->source + "; ";
    if (const Failure* f = AsFailure(item)) s += "failure " + f->source + ": " + f->reason + "; ";
  }
  return s;
}

TEST(WarcNameTest, ByNameAndByContent) {
  EXPECT_TRUE(IsWarcName("a/crawl.warc"));
  EXPECT_TRUE(IsWarcName("CRAWL.WARC.GZ"));
  EXPECT_FALSE(IsWarcName("crawl.warc.txt"));
  EXPECT_FALSE(IsWarcName("warc"));
  EXPECT_FALSE(IsWarcName(""));
  EXPECT_TRUE(LooksLikeWarc("WARC/1.0\r\nWARC-Type: warcinfo\r\n"));
  EXPECT_TRUE(LooksLikeWarc("WARC/1.1\r\n"));
  EXPECT_TRUE(LooksLikeWarc(Gzip("WARC/1.0\r\nWARC-Type: response\r\n")));
  EXPECT_TRUE(LooksLikeWarc(Gzip("WARC/1.0\r\n" + std::string(5000, 'x')).substr(0, 64)));
  EXPECT_FALSE(LooksLikeWarc(Gzip("{\"text\": \"a\"}\n")));
  EXPECT_FALSE(LooksLikeWarc("warc/1.0"));
  EXPECT_FALSE(LooksLikeWarc(""));
  EXPECT_FALSE(LooksLikeWarc("\x1F\x8B"));
  EXPECT_FALSE(LooksLikeWarc("<html>WARC/1.0"));
}

TEST(WarcReaderTest, ResponseRecordsBecomeDocumentsOthersAreSkipped) {
  const std::string info = Record("warcinfo", "software: hand-made\r\n");
  const std::string request = Record("request", "GET / HTTP/1.1\r\nHost: a.example\r\n\r\n",
                                     "WARC-Target-URI: https://a.example/\r\n");
  const std::string response =
      Response("https://news.example/port-alvara", Http(200, "text/html; charset=UTF-8", kPage));
  const std::string metadata = Record("metadata", "outlinks: none\r\n");
  const std::string revisit = Record("revisit", "", "WARC-Target-URI: https://b.example/\r\n");
  const std::string file = info + request + response + metadata + revisit;
  std::vector<ReadItem> items = ReadAll(file);
  ASSERT_EQ(items.size(), 1u) << Describe(items);
  const RawDocument* d = AsDoc(items[0]);
  ASSERT_NE(d, nullptr) << Describe(items);
  EXPECT_EQ(d->bytes, kPage);
  EXPECT_EQ(d->format, InputFormat::kHtml);
  EXPECT_EQ(d->declared_charset, "UTF-8");
  EXPECT_EQ(d->hints.url, "https://news.example/port-alvara");
  EXPECT_EQ(d->hints.date, "2031-04-02T08:15:00Z");
  EXPECT_EQ(d->source, "crawl.warc@" + std::to_string(info.size() + request.size()));
}

TEST(WarcReaderTest, GzipMembersAreNamedByTheirCompressedOffset) {
  std::vector<std::string> records = {
      Record("warcinfo", "software: hand-made\r\n"),
      Response("https://a.example/1", Http(200, "text/html", kPage)),
      Response("https://a.example/2", Http(200, "image/png", "\x89PNG\r\n\x1A\n....")),
      Response("https://a.example/3", Http(200, "text/html", "<html><body><p>Second</p>")),
  };
  std::string file;
  std::vector<size_t> offsets;
  for (const std::string& r : records) {
    offsets.push_back(file.size());
    file += Gzip(r);
  }
  std::vector<ReadItem> items = ReadAll(file, "c.warc.gz");
  ASSERT_EQ(items.size(), 3u) << Describe(items);
  ASSERT_NE(AsDoc(items[0]), nullptr);
  EXPECT_EQ(AsDoc(items[0])->source, "c.warc.gz@" + std::to_string(offsets[1]));
  ASSERT_NE(AsFailure(items[1]), nullptr) << Describe(items);
  EXPECT_EQ(AsFailure(items[1])->source, "c.warc.gz@" + std::to_string(offsets[2]));
  EXPECT_EQ(AsFailure(items[1])->reason, "skipped: not HTML (image/png)");
  ASSERT_NE(AsDoc(items[2]), nullptr);
  EXPECT_EQ(AsDoc(items[2])->source, "c.warc.gz@" + std::to_string(offsets[3]));
  EXPECT_EQ(AsDoc(items[2])->hints.url, "https://a.example/3");
}

TEST(WarcReaderTest, OneMemberHoldingSeveralRecordsNamesUncompressedDelta) {
  const std::string a = Response("https://a.example/1", Http(200, "text/html", kPage));
  const std::string b = Response("https://a.example/2", Http(200, "text/html", kPage + "<p>"));
  std::vector<ReadItem> items = ReadAll(Gzip(a + b), "one.warc.gz");
  ASSERT_EQ(items.size(), 2u) << Describe(items);
  EXPECT_EQ(AsDoc(items[0])->source, "one.warc.gz@0");
  EXPECT_EQ(AsDoc(items[1])->source, "one.warc.gz@0+" + std::to_string(a.size()));
}

TEST(WarcReaderTest, SkipsNonHtmlAndNon2xxWithAReason) {
  struct Case {
    std::string http;
    std::string reason;  // "" = a document
  };
  const std::vector<Case> cases = {
      {Http(200, "text/html", kPage), ""},
      {Http(200, "application/xhtml+xml", kPage), ""},
      {Http(200, "TEXT/HTML; Charset=\"windows-1251\"", kPage), ""},
      {Http(200, "", kPage), ""},                          // no type: sniffed
      {Http(200, "application/octet-stream", kPage), ""},  // generic type: sniffed
      {Http(200, "", "just some words"), "skipped: not HTML (no content type)"},
      {Http(200, "text/plain", "Plain words."), "skipped: not HTML (text/plain)"},
      {Http(200, "application/pdf", "%PDF-1.4"), "skipped: not HTML (application/pdf)"},
      {Http(200, "application/json", "{\"a\":1}"), "skipped: not HTML (application/json)"},
      {Http(404, "text/html", kPage),
       "skipped: HTTP status 404 (only 2xx responses hold articles)"},
      {Http(301, "text/html", "", "Location: https://x.example/\r\n"),
       "skipped: HTTP status 301 (only 2xx responses hold articles)"},
      {Http(200, "text/html", ""), "skipped: empty response body"},
      {Http(200, "text/html", " \r\n\t"), "skipped: empty response body"},
      {Http(200, "text/html", kPage, "Content-Encoding: br\r\n"), "skipped: content encoding br"},
      {"HTTP/1.1 abc OK\r\n\r\n" + kPage, "bad HTTP response: bad HTTP status line"},
      {"<html>no status line</html>", "bad HTTP response: no HTTP status line"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.http.substr(0, 60));
    std::vector<ReadItem> items = ReadAll(Response("https://a.example/", c.http));
    ASSERT_EQ(items.size(), 1u) << Describe(items);
    if (c.reason.empty()) {
      EXPECT_NE(AsDoc(items[0]), nullptr) << Describe(items);
    } else {
      ASSERT_NE(AsFailure(items[0]), nullptr) << Describe(items);
      EXPECT_EQ(AsFailure(items[0])->reason, c.reason);
      EXPECT_EQ(AsFailure(items[0])->source, "crawl.warc@0");
    }
  }
}

TEST(WarcReaderTest, ResourceRecordWithHtmlIsAnArticle) {
  std::vector<ReadItem> items = ReadAll(
      Record("resource", kPage,
             "WARC-Target-URI: <file:///pages/a.html>\r\nContent-Type: text/html\r\n", "1.0"));
  ASSERT_EQ(items.size(), 1u) << Describe(items);
  ASSERT_NE(AsDoc(items[0]), nullptr);
  EXPECT_EQ(AsDoc(items[0])->hints.url, "file:///pages/a.html");  // 1.0 brackets removed
}

TEST(WarcReaderTest, ChunkedAndCompressedBodiesAreDecoded) {
  const std::string gz = Gzip(kPage);
  const std::string chunked_gz = [&] {
    std::string s;
    char hex[32];
    std::snprintf(hex, sizeof hex, "%zx", size_t{20});
    s += std::string(hex) + ";ext=1\r\n" + gz.substr(0, 20) + "\r\n";
    std::snprintf(hex, sizeof hex, "%zX", gz.size() - 20);
    s += std::string(hex) + "\r\n" + gz.substr(20) + "\r\n0\r\nX-Trailer: t\r\n\r\n";
    return s;
  }();
  struct Case {
    std::string name;
    std::string http;
  };
  const std::vector<Case> cases = {
      {"gzip", Http(200, "text/html", gz, "Content-Encoding: gzip\r\n")},
      {"x-gzip", Http(200, "text/html", gz, "Content-Encoding: x-gzip\r\n")},
      {"zlib deflate",
       Http(200, "text/html", Compress(kPage, 15), "Content-Encoding: deflate\r\n")},
      {"raw deflate",
       Http(200, "text/html", Compress(kPage, -15), "Content-Encoding: deflate\r\n")},
      {"chunked gzip", Http(200, "text/html", chunked_gz,
                            "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")},
      {"chunked", Http(
                      200, "text/html",
                      "5\r\n" + kPage.substr(0, 5) + "\r\n" +
                          [&] {
                            char hex[32];
                            std::snprintf(hex, sizeof hex, "%zx", kPage.size() - 5);
                            return std::string(hex);
                          }() +
                          "\r\n" + kPage.substr(5) + "\r\n0\r\n\r\n",
                      "Transfer-Encoding: chunked\r\n")},
      // Stored de-chunked and decoded by the crawler, headers kept: used as is.
      {"header says chunked, body is not",
       Http(200, "text/html", kPage, "Transfer-Encoding: chunked\r\n")},
      {"header says gzip, body is not",
       Http(200, "text/html", kPage, "Content-Encoding: gzip\r\n")},
      {"LF line endings", "HTTP/1.0 200 OK\nContent-Type: text/html\n\n" + kPage},
      {"folded header", "HTTP/1.1 200 OK\r\nContent-Type:\r\n text/html\r\nX-A: b\r\n\r\n" + kPage},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<ReadItem> items = ReadAll(Response("https://a.example/", c.http));
    ASSERT_EQ(items.size(), 1u) << Describe(items);
    ASSERT_NE(AsDoc(items[0]), nullptr) << Describe(items);
    EXPECT_EQ(AsDoc(items[0])->bytes, kPage);
  }
}

TEST(WarcReaderTest, TruncatedPlainRecordIsReportedWithItsOffset) {
  const std::string first = Response("https://a.example/1", Http(200, "text/html", kPage));
  const std::string second = Response("https://a.example/2", Http(200, "text/html", kPage));
  for (size_t cut : {size_t{10}, size_t{150}, second.size() - 40}) {
    SCOPED_TRACE(cut);
    std::vector<ReadItem> items = ReadAll(first + second.substr(0, cut));
    ASSERT_EQ(items.size(), 2u) << Describe(items);
    EXPECT_NE(AsDoc(items[0]), nullptr);
    ASSERT_NE(AsFailure(items[1]), nullptr);
    EXPECT_EQ(AsFailure(items[1])->source, "crawl.warc@" + std::to_string(first.size()));
    EXPECT_EQ(AsFailure(items[1])->reason.rfind("truncated record", 0), 0u)
        << AsFailure(items[1])->reason;
  }
}

TEST(WarcReaderTest, TruncatedGzipMemberIsReportedWithItsOffset) {
  const std::string first = Gzip(Response("https://a.example/1", Http(200, "text/html", kPage)));
  const std::string second = Gzip(Response("https://a.example/2", Http(200, "text/html", kPage)));
  std::vector<ReadItem> items = ReadAll(first + second.substr(0, second.size() / 2), "t.warc.gz");
  ASSERT_EQ(items.size(), 2u) << Describe(items);
  EXPECT_NE(AsDoc(items[0]), nullptr);
  ASSERT_NE(AsFailure(items[1]), nullptr);
  EXPECT_EQ(AsFailure(items[1])->source, "t.warc.gz@" + std::to_string(first.size()));
  EXPECT_NE(AsFailure(items[1])->reason.find("truncated"), std::string::npos)
      << AsFailure(items[1])->reason;
}

TEST(WarcReaderTest, CorruptGzipAndTrailingJunk) {
  const std::string first = Gzip(Response("https://a.example/1", Http(200, "text/html", kPage)));
  std::string bad = Gzip(Response("https://a.example/2", Http(200, "text/html", kPage)));
  for (size_t i = 12; i < bad.size() - 8; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
  std::vector<ReadItem> items = ReadAll(first + bad, "x.warc.gz");
  ASSERT_EQ(items.size(), 2u) << Describe(items);
  EXPECT_NE(AsDoc(items[0]), nullptr);
  ASSERT_NE(AsFailure(items[1]), nullptr);
  EXPECT_EQ(AsFailure(items[1])->source, "x.warc.gz@" + std::to_string(first.size()));

  // Zero padding after the last member ends the input quietly, as gzip -d does.
  items = ReadAll(first + std::string(100, '\0'), "p.warc.gz");
  ASSERT_EQ(items.size(), 1u) << Describe(items);
  EXPECT_NE(AsDoc(items[0]), nullptr);
}

TEST(WarcReaderTest, MalformedHeadersAreReportedAndReadingGoesOn) {
  const std::string good = Response("https://a.example/1", Http(200, "text/html", kPage));
  const std::string no_length =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://b.example/\r\n\r\n" +
      Http(200, "text/html", kPage) + "\r\n\r\n";
  const std::string bad_length = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12x\r\n\r\n";
  const std::string junk = "this is not a record\r\n\r\n";
  std::vector<ReadItem> items = ReadAll(good + junk + good + no_length + good + bad_length + good);
  std::vector<std::string> kinds;
  for (const ReadItem& item : items)
    kinds.push_back(AsDoc(item) != nullptr ? "doc" : AsFailure(item)->reason);
  EXPECT_EQ(kinds, (std::vector<std::string>{"doc", "not a WARC record (no WARC/1.x header)", "doc",
                                             "record without a valid Content-Length", "doc",
                                             "record without a valid Content-Length", "doc"}))
      << Describe(items);
  ASSERT_NE(AsFailure(items[1]), nullptr);
  EXPECT_EQ(AsFailure(items[1])->source, "crawl.warc@" + std::to_string(good.size()));
}

TEST(WarcReaderTest, NotAWarcAtAllAndEmptyInputs) {
  std::vector<ReadItem> items = ReadAll(
      "\x7F"
      "ELF\x02\x01\x01" +
      std::string(100, '\0'));
  ASSERT_EQ(items.size(), 1u) << Describe(items);
  ASSERT_NE(AsFailure(items[0]), nullptr);
  EXPECT_EQ(AsFailure(items[0])->source, "crawl.warc@0");

  items = ReadAll("");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(AsFailure(items[0]), nullptr);

  items = ReadAll("\r\n\r\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(AsFailure(items[0]), nullptr);

  // Only non-article records: nothing at all, no failure.
  items = ReadAll(Record("warcinfo", "a: b\r\n") + Record("request", "GET / HTTP/1.1\r\n\r\n"));
  EXPECT_TRUE(items.empty()) << Describe(items);
}

TEST(WarcReaderTest, LfOnlyRecordsAndLimits) {
  const std::string http = "HTTP/1.1 200 OK\nContent-Type: text/html\n\n" + kPage;
  const std::string lf =
      "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: https://a.example/\n"
      "Content-Length: " +
      std::to_string(http.size()) + "\n\n" + http + "\n\n";
  std::vector<ReadItem> items = ReadAll(lf + lf);
  ASSERT_EQ(items.size(), 2u) << Describe(items);
  EXPECT_NE(AsDoc(items[1]), nullptr);

  InputOptions small;
  small.max_article_bytes = 40;
  items = ReadAll(Response("https://a.example/", Http(200, "text/html", kPage)) +
                      Response("https://a.example/", Http(200, "text/html", "<p>ok</p>")),
                  "crawl.warc", small);
  ASSERT_EQ(items.size(), 2u) << Describe(items);
  ASSERT_NE(AsFailure(items[0]), nullptr);
  EXPECT_NE(AsFailure(items[0])->reason.find("max_article_bytes"), std::string::npos);
  EXPECT_NE(AsDoc(items[1]), nullptr) << Describe(items);

  // A gzip bomb in the content encoding stops at the limit.
  small.max_article_bytes = 1000;
  items =
      ReadAll(Response("https://a.example/", Http(200, "text/html", Gzip(std::string(100000, 'a')),
                                                  "Content-Encoding: gzip\r\n")),
              "crawl.warc", small);
  ASSERT_EQ(items.size(), 1u) << Describe(items);
  ASSERT_NE(AsFailure(items[0]), nullptr);
  EXPECT_NE(AsFailure(items[0])->reason.find("max_article_bytes"), std::string::npos);
}

TEST(WarcReaderTest, BodiesKeepTheirBytes) {
  // CJK, RTL, combining marks, NBSP and invalid UTF-8 pass through untouched: decoding is the
  // next step's job.
  const std::vector<std::string> bodies = {
      "<html><body><p>港口起重机停止运转</p></body></html>",
      "<html dir=rtl><body><p>توقفت الرافعات في الميناء</p></body></html>",
      "<html><body><p>Cafe\xCC\x81 \xC2\xA0 \xE2\x80\x9Cquoted\xE2\x80\x9D</p></body></html>",
      "<html><body><p>bad \xFF\xFE bytes</p></body></html>",
  };
  for (const std::string& body : bodies) {
    std::vector<ReadItem> items =
        ReadAll(Response("https://a.example/", Http(200, "text/html", body)));
    ASSERT_EQ(items.size(), 1u);
    ASSERT_NE(AsDoc(items[0]), nullptr);
    EXPECT_EQ(AsDoc(items[0])->bytes, body);
  }
}

TEST(HttpResponseTest, Parses) {
  Result<HttpResponse> r = ParseHttpResponse(
      "HTTP/1.1 203 Non-Authoritative\r\nContent-Type: text/html;charset='koi8-r'\r\n\r\nbody",
      1000);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, 203);
  EXPECT_EQ(r->media_type, "text/html");
  EXPECT_EQ(r->charset, "koi8-r");
  EXPECT_EQ(r->body, "body");

  r = ParseHttpResponse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", 1000);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->body, "");
  EXPECT_FALSE(ParseHttpResponse("", 1000).ok());
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1\r\n\r\n", 1000).ok());
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 2000 OK\r\n\r\n", 1000).ok());
  Result<HttpResponse> truncated = ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + Gzip(kPage).substr(0, 30), 1000);
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().code(), StatusCode::kInvalidArgument);
}

// Through the Reader: .warc.gz by name, a WARC without the name by content, progress bytes.
TEST(WarcReaderTest, ReaderReadsWarcFilesByNameAndByContent) {
  std::string tmpl = (fs::path(::testing::TempDir()) / "parallax_warc_XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const fs::path dir = tmpl;
  const std::string member = Gzip(Response("https://a.example/1", Http(200, "text/html", kPage)));
  std::ofstream(dir / "a.warc.gz", std::ios::binary) << member << member;
  std::ofstream(dir / "crawl-0001.dat", std::ios::binary)
      << Response("https://a.example/2", Http(200, "text/html", kPage));
  std::ofstream(dir / "b.txt", std::ios::binary) << "A plain text article.\n";
  Result<std::unique_ptr<Reader>> reader = Reader::Create({dir.string()}, InputOptions{});
  ASSERT_TRUE(reader.ok());
  std::vector<std::string> sources;
  ReadItem item;
  while ((*reader)->Next(&item)) {
    if (const RawDocument* d = AsDoc(item)) {
      sources.push_back(fs::path(d->source).filename().string());
    } else {
      sources.push_back("failure " + AsFailure(item)->reason);
    }
  }
  EXPECT_EQ(sources,
            (std::vector<std::string>{"a.warc.gz@0", "a.warc.gz@" + std::to_string(member.size()),
                                      "b.txt", "crawl-0001.dat@0"}));
  EXPECT_EQ((*reader)->bytes_read(), (*reader)->bytes_total());

  // An explicit format wins over WARC sniffing.
  InputOptions text;
  text.format = InputFormat::kText;
  reader = Reader::Create({(dir / "crawl-0001.dat").string()}, text);
  ASSERT_TRUE(reader.ok());
  ASSERT_TRUE((*reader)->Next(&item));
  ASSERT_NE(AsDoc(item), nullptr);
  EXPECT_EQ(AsDoc(item)->format, InputFormat::kText);
  std::error_code ec;
  fs::remove_all(dir, ec);
}

}  // namespace
}  // namespace parallax::ingest
