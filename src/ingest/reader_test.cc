#include "src/ingest/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "src/ingest/test_gzip.h"

namespace parallax::ingest {
namespace {

namespace fs = std::filesystem;
using namespace std::string_literals;

using fixtures::Gzip;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::path(::testing::TempDir()) / "parallax_reader_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    std::error_code ec;
    // Undo chmod 000 so that the folder can be removed.
    for (auto& p : fs::recursive_directory_iterator(dir_, ec))
      fs::permissions(p.path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    fs::path p = fs::path(dir_) / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  static std::vector<ReadItem> ReadAll(const std::vector<std::string>& paths,
                                       const InputOptions& options = {}, Reader** keep = nullptr) {
    Result<std::unique_ptr<Reader>> r = Reader::Create(paths, options);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<ReadItem> items;
    if (!r.ok()) return items;
    ReadItem item;
    while ((*r)->Next(&item)) items.push_back(std::move(item));
    EXPECT_EQ((*r)->bytes_read(), (*r)->bytes_total());
    return items;
  }

  static const RawDocument& Doc(const ReadItem& item) {
    static const RawDocument kNone;
    const RawDocument* d = std::get_if<RawDocument>(&item);
    EXPECT_NE(d, nullptr) << "expected a document, got failure: "
                          << (d == nullptr ? std::get<Failure>(item).reason : "");
    return d != nullptr ? *d : kNone;
  }

  static const Failure& Fail(const ReadItem& item) {
    static const Failure kNone{"(none)", "(a document, not a failure)"};
    const Failure* f = std::get_if<Failure>(&item);
    EXPECT_NE(f, nullptr);
    return f != nullptr ? *f : kNone;
  }

  static bool Contains(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
  }

  std::string dir_;
};

TEST_F(ReaderTest, NoPathsIsAnError) {
  Result<std::unique_ptr<Reader>> r = Reader::Create({}, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ReaderTest, TextAndHtmlFilesByName) {
  std::string txt = Write("a.txt", "Headline\r\n\r\nBody text.\r\n");
  std::string html = Write("b.html", "<p>not detected by content, named .html</p>");
  std::string md = Write("c.md", "<!doctype html><html>named .md, so text</html>");
  auto items = ReadAll({txt, html, md});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Doc(items[0]).source, txt);
  EXPECT_EQ(Doc(items[0]).bytes, "Headline\r\n\r\nBody text.\r\n");  // CRLF kept
  EXPECT_EQ(Doc(items[0]).format, InputFormat::kText);
  EXPECT_EQ(Doc(items[1]).format, InputFormat::kHtml);
  EXPECT_EQ(Doc(items[2]).format, InputFormat::kText);
}

TEST_F(ReaderTest, FormatByContent) {
  const std::vector<std::pair<std::string, InputFormat>> cases = {
      {"<!DOCTYPE html>\n<html><body><p>x</p></body></html>", InputFormat::kHtml},
      {"\xEF\xBB\xBF  \n<html lang=\"en\"><p>x</p>", InputFormat::kHtml},
      {"<div class=\"story\"><p>Fragment.</p></div>", InputFormat::kHtml},
      {"<!-- saved page --><head><title>t</title></head>", InputFormat::kHtml},
      {"Plain scrape.\n<p> appears later in the text but the text does not start with a tag",
       InputFormat::kText},
      {"<<Quoted>> he said, and left.", InputFormat::kText},
      {"{not json at all", InputFormat::kText},
      {"   {\"text\": \"a\"}  not a whole object line", InputFormat::kText},
  };
  int i = 0;
  for (const auto& [content, format] : cases) {
    std::string p = Write("noext" + std::to_string(i++), content);
    auto items = ReadAll({p});
    ASSERT_EQ(items.size(), 1u) << content;
    EXPECT_EQ(Doc(items[0]).format, format) << content;
    EXPECT_EQ(Doc(items[0]).bytes, content);
  }
}

TEST_F(ReaderTest, ForcedFormat) {
  std::string p = Write("page.txt", "<html><body>x</body></html>");
  InputOptions o;
  o.format = InputFormat::kHtml;
  auto items = ReadAll({p}, o);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Doc(items[0]).format, InputFormat::kHtml);

  std::string j = Write("records.txt", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
  o.format = InputFormat::kJsonl;
  items = ReadAll({j}, o);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Doc(items[1]).bytes, "two");
  EXPECT_EQ(Doc(items[1]).source, j + ":2");
}

TEST_F(ReaderTest, MetaCharsetIsDeclared) {
  std::string p = Write("p.htm",
                        "<html><head><meta http-equiv=\"Content-Type\" "
                        "content=\"text/html; charset=windows-1251\"></head><body>\xCF\xF0"
                        "</body></html>");
  auto items = ReadAll({p});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Doc(items[0]).declared_charset, "windows-1251");
}

TEST_F(ReaderTest, NonexistentPath) {
  auto items = ReadAll({dir_ + "/missing.txt"});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Fail(items[0]).source, dir_ + "/missing.txt");
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "no such file")) << Fail(items[0]).reason;
}

TEST_F(ReaderTest, UnreadableFileAndFolder) {
  if (geteuid() == 0) GTEST_SKIP() << "running as root: root can read a chmod 000 file";
  std::string p = Write("secret.txt", "text");
  ASSERT_EQ(chmod(p.c_str(), 0), 0);
  std::string folder = dir_ + "/locked";
  Write("locked/inside.txt", "text");
  ASSERT_EQ(chmod(folder.c_str(), 0), 0);
  auto items = ReadAll({p, folder});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Fail(items[0]).source, p);
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "permission denied")) << Fail(items[0]).reason;
  EXPECT_EQ(Fail(items[1]).source, folder);
  EXPECT_TRUE(Contains(Fail(items[1]).reason, "permission denied")) << Fail(items[1]).reason;
}

TEST_F(ReaderTest, EmptyFile) {
  std::string p = Write("empty.txt", "");
  std::string q = Write("empty.jsonl", "");
  std::string blank = Write("blank.jsonl", "\n  \r\n\n");
  auto items = ReadAll({p, q, blank});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Fail(items[0]).reason, "empty file");
  EXPECT_EQ(Fail(items[1]).reason, "empty file");
  EXPECT_EQ(Fail(items[2]).source, blank);
  EXPECT_TRUE(Contains(Fail(items[2]).reason, "no JSONL records"));
}

TEST_F(ReaderTest, FileOverLimitIsRefusedBeforeReading) {
  InputOptions o;
  o.max_article_bytes = 100;
  std::string big = Write("big.txt", std::string(101, 'x'));
  std::string big_noext = Write("big", std::string(500, 'y'));
  std::string fits = Write("fits.txt", std::string(100, 'z'));
  auto items = ReadAll({big, big_noext, fits}, o);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Fail(items[0]).source, big);
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "101 bytes")) << Fail(items[0]).reason;
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "max_article_bytes (100)"));
  EXPECT_TRUE(Contains(Fail(items[1]).reason, "max_article_bytes"));
  EXPECT_EQ(Doc(items[2]).bytes.size(), 100u);
}

TEST_F(ReaderTest, FolderRecursiveSortedHiddenSkipped) {
  Write("in/b.txt", "b");
  Write("in/a.txt", "a");
  Write("in/sub/c.html", "<p>c</p>");
  Write("in/.hidden.txt", "hidden");
  Write("in/.git/objects/x.txt", "hidden dir");
  Write("in/sub/.cache/y.txt", "hidden dir");
  auto items = ReadAll({dir_ + "/in"});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Doc(items[0]).source, dir_ + "/in/a.txt");
  EXPECT_EQ(Doc(items[1]).source, dir_ + "/in/b.txt");
  EXPECT_EQ(Doc(items[2]).source, dir_ + "/in/sub/c.html");
  EXPECT_EQ(Doc(items[2]).format, InputFormat::kHtml);
}

TEST_F(ReaderTest, FolderWithoutArticles) {
  fs::create_directories(dir_ + "/none/deeper");
  Write("only_hidden/.x.txt", "hidden");
  auto items = ReadAll({dir_ + "/none", dir_ + "/only_hidden"});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Fail(items[0]).source, dir_ + "/none");
  EXPECT_EQ(Fail(items[0]).reason, "no articles in folder");
  EXPECT_EQ(Fail(items[1]).reason, "no articles in folder");
}

TEST_F(ReaderTest, BatchGoesOnAfterFailures) {
  std::string good = Write("good.txt", "fine");
  auto items = ReadAll({dir_ + "/nope", good, Write("e.txt", "")});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<Failure>(items[0]));
  EXPECT_EQ(Doc(items[1]).bytes, "fine");
  EXPECT_TRUE(std::holds_alternative<Failure>(items[2]));
}

TEST_F(ReaderTest, GzipRoundTrips) {
  const std::string text = "Gzipped scrape.\nSecond line with NBSP:\xC2\xA0here.\n";
  const std::string html = "<html><body><p>Gzipped page</p></body></html>";
  std::string a = Write("a.txt.gz", Gzip(text));
  std::string b = Write("b.html.gz", Gzip(html));
  std::string c = Write("c.gz", Gzip(html));  // format from content
  // Two gzip members back to back (as `cat x.gz y.gz` makes) are one stream.
  std::string d = Write("d.txt.gz", Gzip("first half, ") + Gzip("second half"));
  auto items = ReadAll({a, b, c, d});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(Doc(items[0]).bytes, text);
  EXPECT_EQ(Doc(items[0]).format, InputFormat::kText);
  EXPECT_EQ(Doc(items[0]).source, a);
  EXPECT_EQ(Doc(items[1]).bytes, html);
  EXPECT_EQ(Doc(items[1]).format, InputFormat::kHtml);
  EXPECT_EQ(Doc(items[2]).format, InputFormat::kHtml);
  EXPECT_EQ(Doc(items[3]).bytes, "first half, second half");
}

TEST_F(ReaderTest, GzipBombIsAFailure) {
  InputOptions o;
  o.max_article_bytes = 1000;
  std::string p = Write("bomb.txt.gz", Gzip(std::string(10'000'000, 'a')));
  auto items = ReadAll({p}, o);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Fail(items[0]).source, p);
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "decompressed size"));
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "max_article_bytes (1000)"));
}

TEST_F(ReaderTest, TruncatedGzip) {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "Line " + std::to_string(i * 7919 % 10007) + " of a text.\n";
  std::string gz = Gzip(text);
  std::string p = Write("cut.txt.gz", gz.substr(0, gz.size() / 2));
  std::string q = Write("nofooter.txt.gz", gz.substr(0, gz.size() - 4));
  auto items = ReadAll({p, q});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "truncated gzip")) << Fail(items[0]).reason;
  EXPECT_TRUE(Contains(Fail(items[1]).reason, "truncated gzip")) << Fail(items[1]).reason;
}

TEST_F(ReaderTest, CorruptGzip) {
  std::string gz = Gzip(std::string(5000, 'q') + "tail");
  gz[gz.size() / 2] ^= 0x55;
  gz[gz.size() / 2 + 1] ^= 0x55;
  auto items = ReadAll({Write("bad.txt.gz", gz)});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<Failure>(items[0]));
}

TEST_F(ReaderTest, JsonlFieldMapping) {
  std::string p =
      Write("feed.jsonl",
            "{\"id\": 17, \"title\": \"A \\\"quoted\\\" title\", \"text\": \"Body\\nline "
            "\\u00e9\", \"date\": \"2024-01-05\", \"site\": \"Northern Herald\", "
            "\"link\": \"https://example.org/a\", \"extra\": [1, 2]}\n"
            "{\"id\": \"x-2\", \"text\": \"Second\", \"title\": null, \"site\": 3.5}\n");
  InputOptions o;
  o.title_field = "title";
  o.date_field = "date";
  o.outlet_field = "site";
  o.url_field = "link";
  auto items = ReadAll({p}, o);
  ASSERT_EQ(items.size(), 2u);
  const RawDocument& a = Doc(items[0]);
  EXPECT_EQ(a.source, p + ":1");
  EXPECT_EQ(a.bytes, "Body\nline \xC3\xA9");
  EXPECT_EQ(a.format, InputFormat::kText);
  EXPECT_EQ(a.hints.title, "A \"quoted\" title");
  EXPECT_EQ(a.hints.date, "2024-01-05");
  EXPECT_EQ(a.hints.outlet, "Northern Herald");
  EXPECT_EQ(a.hints.url, "https://example.org/a");
  EXPECT_EQ(a.hints.id, "");  // id_field not set
  const RawDocument& b = Doc(items[1]);
  EXPECT_EQ(b.hints.title, "");
  EXPECT_EQ(b.hints.outlet, "3.5");  // numbers stringified

  o.id_field = "id";
  items = ReadAll({p}, o);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Doc(items[0]).source, "17");
  EXPECT_EQ(Doc(items[0]).hints.id, "17");
  EXPECT_EQ(Doc(items[1]).source, "x-2");
}

TEST_F(ReaderTest, JsonlHtmlField) {
  std::string p = Write("pages.ndjson",
                        "{\"text\": \"plain\", \"html\": \"<p>rich</p>\"}\n"
                        "{\"text\": \"only text\"}\n");
  InputOptions o;
  o.html_field = "html";
  auto items = ReadAll({p}, o);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Doc(items[0]).bytes, "<p>rich</p>");
  EXPECT_EQ(Doc(items[0]).format, InputFormat::kHtml);
  EXPECT_EQ(Doc(items[1]).bytes, "only text");
  EXPECT_EQ(Doc(items[1]).format, InputFormat::kText);
}

TEST_F(ReaderTest, JsonlLineEndingsBomBlankLinesAndBadRecords) {
  std::string p = Write("mixed.jsonl",
                        "\xEF\xBB\xBF{\"text\": \"first\"}\r\n"                   // 1: BOM, CRLF
                        "\r\n"                                                    // 2: blank
                        "{\"text\": \"NBSP\xC2\xA0raw and \\u00a0escaped\"}\r\n"  // 3
                        "{\"text\": \"unterminated\r\n"                           // 4: malformed
                        "{\"body\": \"no text field\"}\n"                         // 5
                        "{\"text\": 42}\n"                                        // 6: not a string
                        "[\"an\", \"array\"]\n"                                   // 7
                        "   \n"                                                   // 8: blank
                        "{\"text\": \"last line, no newline\"}");                 // 9
  auto items = ReadAll({p});
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(Doc(items[0]).bytes, "first");
  EXPECT_EQ(Doc(items[0]).source, p + ":1");
  EXPECT_EQ(Doc(items[1]).bytes,
            "NBSP\xC2\xA0raw and \xC2\xA0"
            "escaped");
  EXPECT_EQ(Doc(items[1]).source, p + ":3");
  EXPECT_EQ(Fail(items[2]).source, p + ":4");
  EXPECT_TRUE(Contains(Fail(items[2]).reason, "line 4: malformed JSON: ")) << Fail(items[2]).reason;
  EXPECT_EQ(Fail(items[3]).reason, "line 5: no string field 'text'");
  EXPECT_EQ(Fail(items[4]).reason, "line 6: no string field 'text'");
  EXPECT_EQ(Fail(items[5]).reason, "line 7: not a JSON object");
  EXPECT_EQ(Doc(items[6]).bytes, "last line, no newline");
  EXPECT_EQ(Doc(items[6]).source, p + ":9");
}

TEST_F(ReaderTest, JsonlRecordOverLimit) {
  InputOptions o;
  o.max_article_bytes = 50;
  std::string p =
      Write("limits.jsonl", "{\"text\": \"" + std::string(51, 'a') + "\"}\n" + "{\"text\": \"" +
                                std::string(50, 'b') + "\"}\n" + "{\"text\": \"" +
                                std::string(5000, 'c') + "\"}\n" + "{\"text\": \"ok\"}\n");
  auto items = ReadAll({p}, o);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(Fail(items[0]).source, p + ":1");
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "line 1: ")) << Fail(items[0]).reason;
  EXPECT_TRUE(Contains(Fail(items[0]).reason, "max_article_bytes (50)"));
  EXPECT_EQ(Doc(items[1]).bytes.size(), 50u);
  EXPECT_TRUE(Contains(Fail(items[2]).reason, "line 3: ")) << Fail(items[2]).reason;
  EXPECT_TRUE(Contains(Fail(items[2]).reason, "max_article_bytes"));
  EXPECT_EQ(Doc(items[3]).bytes, "ok");
  EXPECT_EQ(Doc(items[3]).source, p + ":4");
}

TEST_F(ReaderTest, JsonlSniffedWithoutExtension) {
  std::string p = Write("dump", "  {\"text\": \"sniffed\"}\n{\"text\": \"two\"}\n");
  std::string q = Write("nofield", "{\"headline\": \"no text\"}\n");
  auto items = ReadAll({p, q});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(Doc(items[0]).bytes, "sniffed");
  EXPECT_EQ(Doc(items[1]).source, p + ":2");
  EXPECT_EQ(Fail(items[2]).reason, "line 1: no string field 'text'");
}

TEST_F(ReaderTest, JsonlManyRecordsAcrossBufferBoundaries) {
  // Over 4 MiB, so that lines straddle the reader's buffer refills, plain and gzipped.
  std::string jsonl;
  std::vector<std::string> texts;
  for (int i = 0; i < 1500; ++i) {
    std::string t = "record " + std::to_string(i) + " " + std::string(i * 37 % 9000, 'a' + i % 26);
    texts.push_back(t);
    jsonl += "{\"n\": " + std::to_string(i) + ", \"text\": \"" + t + "\"}\n";
  }
  ASSERT_GT(jsonl.size(), size_t{5} << 20);
  std::string plain = Write("many.jsonl", jsonl);
  std::string gz = Write("many.jsonl.gz", Gzip(jsonl));
  for (const std::string& p : {plain, gz}) {
    auto items = ReadAll({p});
    ASSERT_EQ(items.size(), texts.size()) << p;
    for (size_t i = 0; i < texts.size(); ++i) {
      ASSERT_EQ(Doc(items[i]).bytes, texts[i]) << p << " record " << i;
      ASSERT_EQ(Doc(items[i]).source, p + ":" + std::to_string(i + 1));
    }
  }
}

TEST_F(ReaderTest, JsonlTruncatedGzipKeepsEarlierRecords) {
  std::string jsonl;
  for (int i = 0; i < 3000; ++i)
    jsonl += "{\"text\": \"record " + std::to_string(i * 7919 % 10007) + "\"}\n";
  std::string gz = Gzip(jsonl);
  std::string p = Write("cut.jsonl.gz", gz.substr(0, gz.size() * 3 / 4));
  auto items = ReadAll({p});
  ASSERT_GE(items.size(), 2u);
  EXPECT_EQ(Doc(items[0]).bytes, "record 0");
  const Failure& last = Fail(items.back());
  EXPECT_EQ(last.source, p);
  EXPECT_TRUE(Contains(last.reason, "truncated gzip")) << last.reason;
}

TEST_F(ReaderTest, ProgressCountsFileSizes) {
  std::string a = Write("a.txt", std::string(1000, 'a'));
  const std::string records = "{\"text\": \"x\"}\n{\"text\": \"y\"}\n";
  std::string b = Write("b.jsonl", records);
  Result<std::unique_ptr<Reader>> r = Reader::Create({a, b, dir_ + "/missing"}, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->bytes_total(), 1000u + records.size());
  EXPECT_EQ((*r)->bytes_read(), 0u);
  ReadItem item;
  ASSERT_TRUE((*r)->Next(&item));
  EXPECT_EQ((*r)->bytes_read(), 1000u);
  while ((*r)->Next(&item)) {
  }
  EXPECT_EQ((*r)->bytes_read(), 1000u + records.size());
}

// Runs the reader with `content` on standard input.
std::vector<ReadItem> ReadStdin(const std::string& dir, const std::string& content,
                                const InputOptions& options = {}) {
  std::string path = dir + "/stdin.bin";
  std::ofstream(path, std::ios::binary) << content;
  int saved = dup(STDIN_FILENO);
  int fd = open(path.c_str(), O_RDONLY);
  EXPECT_GE(fd, 0);
  dup2(fd, STDIN_FILENO);
  close(fd);
  std::vector<ReadItem> items;
  Result<std::unique_ptr<Reader>> r = Reader::Create({"-"}, options);
  ReadItem item;
  while (r.ok() && (*r)->Next(&item)) items.push_back(std::move(item));
  dup2(saved, STDIN_FILENO);
  close(saved);
  return items;
}

TEST_F(ReaderTest, StdinWholeDocument) {
  auto items = ReadStdin(dir_, "Text from a pipe.\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Doc(items[0]).source, "-");
  EXPECT_EQ(Doc(items[0]).bytes, "Text from a pipe.\n");
  items = ReadStdin(dir_, "");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Fail(items[0]).source, "-");
  EXPECT_EQ(Fail(items[0]).reason, "empty input");
  items = ReadStdin(dir_, Gzip("<html><p>gzipped on stdin</p></html>"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Doc(items[0]).format, InputFormat::kHtml);
}

TEST_F(ReaderTest, StdinJsonl) {
  auto items = ReadStdin(dir_, "{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(Doc(items[0]).source, "-:1");
  EXPECT_EQ(Doc(items[1]).source, "-:3");
}

}  // namespace
}  // namespace parallax::ingest
