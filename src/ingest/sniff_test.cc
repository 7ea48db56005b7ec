#include "src/ingest/sniff.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parallax::ingest {
namespace {

TEST(FormatFromNameTest, Table) {
  const std::vector<std::pair<std::string, InputFormat>> cases = {
      {"a.jsonl", InputFormat::kJsonl},    {"a.NDJSON", InputFormat::kJsonl},
      {"a.jsonl.gz", InputFormat::kJsonl}, {"dir.html/a.txt", InputFormat::kText},
      {"a.html", InputFormat::kHtml},      {"a.HTM", InputFormat::kHtml},
      {"a.xhtml", InputFormat::kHtml},     {"a.html.gz", InputFormat::kHtml},
      {"a.htm.gz", InputFormat::kHtml},    {"a.txt", InputFormat::kText},
      {"a.text", InputFormat::kText},      {"a.md", InputFormat::kText},
      {"a.gz", InputFormat::kAuto},        {"a", InputFormat::kAuto},
      {"a.json", InputFormat::kAuto},      {"", InputFormat::kAuto},
      {"html", InputFormat::kAuto},        {".txt", InputFormat::kText},
  };
  for (const auto& [name, format] : cases) EXPECT_EQ(FormatFromName(name), format) << name;
}

TEST(LooksLikeHtmlTest, Table) {
  const std::vector<std::pair<std::string, bool>> cases = {
      {"<!doctype html><title>x</title>", true},
      {"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", true},
      {"\xEF\xBB\xBF\r\n <html>", true},
      {"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
      {"<p>A paragraph.</p>", true},
      {"<div id=a>x</div>", true},
      {"<!-- comment -->\n<body>", true},
      {"<pre>", false},  // not one of the page tags
      {"<b>bold start</b>", false},
      {"<<Headline>>", false},
      {"Text <p>later</p>", false},
      {"", false},
      {"   ", false},
      {"<html", false},  // no tag end
      {"<htmlfoo>", false},
  };
  for (const auto& [head, html] : cases) EXPECT_EQ(LooksLikeHtml(head), html) << head;
  EXPECT_TRUE(LooksLikeHtmlDocument("  <!doctype html>"));
  EXPECT_FALSE(LooksLikeHtmlDocument("<p>fragment</p>"));
}

TEST(FindMetaCharsetTest, Table) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<meta charset=\"utf-8\">", "utf-8"},
      {"<META CHARSET=windows-1251>", "windows-1251"},
      {"<meta charset='koi8-r' />", "koi8-r"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\">",
       "ISO-8859-2"},
      {"<meta name=\"description\" content=\"no charset\">", ""},
      {"<p>charset=utf-8 outside a meta tag</p>", ""},
      {"<meta charset=>", ""},
      {std::string(5000, ' ') + "<meta charset=utf-8>", ""},  // beyond the first 4 KiB
  };
  for (const auto& [html, charset] : cases) EXPECT_EQ(FindMetaCharset(html), charset) << html;
}

}  // namespace
}  // namespace parallax::ingest
