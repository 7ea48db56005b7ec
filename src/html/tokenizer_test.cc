#include "src/html/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/html/entities.h"

namespace parallax::html {
namespace {

// Renders the token stream compactly: <tag a=v>, </tag>, "text", !comment, D(doctype).
std::string Render(std::string_view html) {
  Tokenizer tok(html);
  Token t;
  std::string out;
  while (tok.Next(&t)) {
    switch (t.type) {
      case TokenType::kText:
        out += "\"" + std::string(t.data) + "\"";
        break;
      case TokenType::kStartTag:
        out += "<" + std::string(t.name);
        for (const Attribute& a : t.attrs)
          out += " " + std::string(a.name) + "=" + std::string(a.value);
        out += t.self_closing ? "/>" : ">";
        break;
      case TokenType::kEndTag:
        out += "</" + std::string(t.name) + ">";
        break;
      case TokenType::kComment:
        out += "!" + std::string(t.data);
        break;
      case TokenType::kDoctype:
        out += "D(" + std::string(t.data) + ")";
        break;
      case TokenType::kCdata:
        out += "C(" + std::string(t.data) + ")";
        break;
    }
  }
  return out;
}

struct Case {
  const char* html;
  const char* tokens;
};

TEST(Tokenizer, TableOfEdgeCases) {
  const Case cases[] = {
      {"", ""},
      {"   ", "\"   \""},
      {"plain", "\"plain\""},
      {"<p>a</p>", "<p>\"a\"</p>"},
      {"<P CLASS=x>a</P>", "<P CLASS=x>\"a\"</P>"},
      {"<a href=\"x y\" b='1' c=2 d>t</a>", "<a href=x y b=1 c=2 d=>\"t\"</a>"},
      {"<a href = \"x\">", "<a href=x>"},
      {"<br/><br />", "<br/><br/>"},
      {"<img src=a/>", "<img src=a/>"},  // unquoted value swallows the slash, as in HTML5
      {"a < b", "\"a < b\""},
      {"a <3 b", "\"a <3 b\""},
      {"<!-- c -->x", "! c \"x\""},
      {"<!-->x", "!\"x\""},
      {"<!--->x", "!\"x\""},
      {"<!-- a --!>x", "! a \"x\""},
      {"<!-- never closed", "! never closed"},
      {"<!DOCTYPE html><p>", "D( html)<p>"},
      {"<?xml version?>x", "!?xml version?\"x\""},
      {"</>x", "\"x\""},
      {"</ x>y", "! x\"y\""},
      {"<![CDATA[x]]>", "![CDATA[x]]"},  // outside svg/math: a bogus comment up to '>'
      {"<script>if (a<b) x='</p>';</script>t", "<script>\"if (a<b) x='</p>';\"</script>\"t\""},
      {"<script>a</scriptx></script>", "<script>\"a</scriptx>\"</script>"},
      {"<STYLE>p{}</Style>", "<STYLE>\"p{}\"</Style>"},
      {"<title>a &amp; <b></title>", "<title>\"a &amp; <b>\"</title>"},
      {"<textarea><p>x</textarea>", "<textarea>\"<p>x\"</textarea>"},
      {"<noscript><img src=x></noscript>", "<noscript>\"<img src=x>\"</noscript>"},
      {"<iframe><p>fallback</p></iframe>", "<iframe>\"<p>fallback</p>\"</iframe>"},
      {"<xmp><b></xmp>", "<xmp>\"<b>\"</xmp>"},
      {"<script>never closed", "<script>\"never closed\""},
      {"<p class=\"unterminated>text", ""},  // cut off inside a tag: dropped
      {"<div", ""},
      {"<plaintext><p>all text", "<plaintext>\"<p>all text\""},
      {"<a b=\"1\" b=\"2\">", "<a b=1 b=2>"},
      {"<p\n\tclass=x>", "<p class=x>"},
      {"<p =x>", "<p =x=>"},
      {"\xD0\x9F\xD1\x80\xD0\xB8<b>\xE4\xB8\xAD</b>",
       "\"\xD0\x9F\xD1\x80\xD0\xB8\"<b>\"\xE4\xB8\xAD\"</b>"},
  };
  for (const Case& c : cases) EXPECT_EQ(Render(c.html), c.tokens) << "input: " << c.html;
}

TEST(Tokenizer, OffsetsCoverTheInput) {
  std::string html = "<p a=1>x<!--c--></p>y";
  Tokenizer tok(html);
  Token t;
  uint32_t pos = 0;
  while (tok.Next(&t)) {
    EXPECT_EQ(t.begin, pos);
    pos = t.end;
  }
  EXPECT_EQ(pos, html.size());
}

TEST(Tokenizer, CdataIsTextInForeignContent) {
  Tokenizer tok("<![CDATA[a<b]]>");
  tok.set_foreign(true);
  Token t;
  ASSERT_TRUE(tok.Next(&t));
  EXPECT_EQ(t.type, TokenType::kCdata);
  EXPECT_EQ(t.data, "a<b");
}

TEST(Tags, LookupIsCaseInsensitive) {
  EXPECT_EQ(LookupTag("DIV"), Tag::kDiv);
  EXPECT_EQ(LookupTag("blockquote"), Tag::kBlockquote);
  EXPECT_EQ(LookupTag("custom-element"), Tag::kUnknown);
  EXPECT_EQ(LookupTag(""), Tag::kUnknown);
  EXPECT_TRUE(HasFlag(Tag::kBr, kTagVoid));
  EXPECT_TRUE(HasFlag(Tag::kScript, kTagRawText));
  EXPECT_FALSE(HasFlag(Tag::kSpan, kTagBlock));
}

struct EntityCase {
  const char* in;
  bool attr;
  const char* out;
};

TEST(Entities, TableOfReferences) {
  const EntityCase cases[] = {
      {"", false, ""},
      {"&amp;&lt;&gt;&quot;&apos;", false, "&<>\"'"},
      {"a&nbsp;b", false,
       "a\xC2\xA0"
       "b"},
      {"&mdash;&ndash;&hellip;", false, "\xE2\x80\x94\xE2\x80\x93\xE2\x80\xA6"},
      {"&lsquo;&rsquo;&ldquo;&rdquo;", false, "\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D"},
      {"&laquo;&raquo;&bdquo;", false, "\xC2\xAB\xC2\xBB\xE2\x80\x9E"},
      {"&eacute;&Eacute;&uuml;&szlig;", false, "\xC3\xA9\xC3\x89\xC3\xBC\xC3\x9F"},
      {"&euro;&pound;&copy;&trade;", false, "\xE2\x82\xAC\xC2\xA3\xC2\xA9\xE2\x84\xA2"},
      {"&scaron;&ccaron;&zcaron;", false, "\xC5\xA1\xC4\x8D\xC5\xBE"},
      {"&#65;&#x42;&#X43;", false, "ABC"},
      {"&#8212;", false, "\xE2\x80\x94"},
      {"&#150;&#151;&#146;", false, "\xE2\x80\x93\xE2\x80\x94\xE2\x80\x99"},  // Windows-1252
      {"&#129;", false, "\xC2\x81"},  // unassigned in Windows-1252: kept
      {"&#0;", false, "\xEF\xBF\xBD"},
      {"&#xD800;", false, "\xEF\xBF\xBD"},
      {"&#x110000;", false, "\xEF\xBF\xBD"},
      {"&#99999999999;", false, "\xEF\xBF\xBD"},
      {"&#x1F600;", false, "\xF0\x9F\x98\x80"},
      {"&#65", false, "A"},  // no ';'
      {"&#;&#x;", false, "&#;&#x;"},
      {"&copy 2031", false, "\xC2\xA9 2031"},  // legacy name without ';'
      {"&notit;", false, "\xC2\xACit;"},
      {"&mdash", false, "&mdash"},  // not a legacy name: needs ';'
      {"&unknown;", false, "&unknown;"},
      {"& x", false, "& x"},
      {"&", false, "&"},
      {"?a=1&copy=2", true, "?a=1&copy=2"},  // attribute: '=' after a legacy name keeps it
      {"?a=1&amp;b=2", true, "?a=1&b=2"},
      {"&ampx", true, "&ampx"},
      {"&ampx", false, "&x"},
  };
  for (const EntityCase& c : cases) {
    std::string out;
    AppendDecoded(c.in, c.attr, &out);
    EXPECT_EQ(out, c.out) << "input: " << c.in;
  }
}

TEST(Entities, TableHoldsTheCommonNames) {
  for (const char* name : {"nbsp", "amp", "mdash", "rsquo", "laquo", "hellip", "eacute", "euro",
                           "alpha", "Omega", "rarr", "times", "divide", "deg", "middot"})
    EXPECT_NE(LookupEntity(name), 0u) << name;
  EXPECT_EQ(LookupEntity("Mdash"), 0u);  // case-sensitive
}

}  // namespace
}  // namespace parallax::html
