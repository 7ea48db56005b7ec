#include "src/html/dom.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "src/html/libxml_oracle.h"
#include "src/html/visible_text.h"

namespace parallax::html {
namespace {

// The tree as nested names: div(p("a"),p("b")).
std::string Outline(const Document& doc, uint32_t n) {
  std::string out;
  for (uint32_t c = doc.nodes[n].first_child; c != kNoNode; c = doc.nodes[c].next_sibling) {
    const Node& node = doc.nodes[c];
    if (!out.empty()) out += ",";
    if (node.type == NodeType::kText) {
      out += "\"" + std::string(doc.Text(node)) + "\"";
    } else if (node.type == NodeType::kElement) {
      out += node.tag == Tag::kUnknown ? std::string(node.name) : std::string(TagName(node.tag));
      if (node.first_child != kNoNode) out += "(" + Outline(doc, c) + ")";
    }
  }
  return out;
}

std::string Tree(std::string_view html) {
  Document doc;
  Parse(html, &doc);
  return Outline(doc, 0);
}

struct TreeCase {
  const char* html;
  const char* outline;
};

TEST(Dom, BuildsTreesFromBrokenMarkup) {
  const TreeCase cases[] = {
      {"", ""},
      {"<p>a<p>b", "p(\"a\"),p(\"b\")"},
      {"<p>a<div>b</div>", "p(\"a\"),div(\"b\")"},
      {"<p>a<span>b</span>c", "p(\"a\",span(\"b\"),\"c\")"},
      {"<ul><li>a<li>b</ul>", "ul(li(\"a\"),li(\"b\"))"},
      {"<ul><li>a<ul><li>b</ul><li>c</ul>", "ul(li(\"a\",ul(li(\"b\"))),li(\"c\"))"},
      {"<dl><dt>a<dd>b<dt>c</dl>", "dl(dt(\"a\"),dd(\"b\"),dt(\"c\"))"},
      {"<table><tr><td>a<td>b<tr><td>c</table>", "table(tr(td(\"a\"),td(\"b\")),tr(td(\"c\")))"},
      {"<select><option>a<option>b</select>", "select(option(\"a\"),option(\"b\"))"},
      {"<h1>a<h2>b</h2>", "h1(\"a\"),h2(\"b\")"},
      {"<a href=1>a<a href=2>b</a>", "a(\"a\"),a(\"b\")"},
      {"<div>a</span>b</div>", "div(\"a\",\"b\")"},  // stray end tag ignored
      {"<div><b>a</div>b", "div(b(\"a\")),\"b\""},   // end tag closes inline inside
      {"<p><b>a</p>b</b>", "p(b(\"a\")),\"b\""},
      {"<div><p>a</div>b", "div(p(\"a\")),\"b\""},
      {"</p>a", "p,\"a\""},
      {"a</br>b", "\"a\",br,\"b\""},
      {"<br>a<hr>b<img src=x>", "br,\"a\",hr,\"b\",img"},
      {"<td><div>a</td>b</div>", "td(div(\"a\")),\"b\""},
      {"<svg><path/><g>a</g></svg>b", "svg(path,g(\"a\")),\"b\""},
      {"<my-el>a</MY-EL>b", "my-el(\"a\"),\"b\""},
      {"<html><body><body>a</body></html>b", "html(body(\"a\",\"b\"))"},
      {"<head><title>t</title><p>a", "head(title(\"t\")),p(\"a\")"},
      {"<p>&amp;x&lt;</p>", "p(\"&x<\")"},
      {"<script><p>x</p></script>", "script(\"<p>x</p>\")"},
  };
  for (const TreeCase& c : cases) EXPECT_EQ(Tree(c.html), c.outline) << "input: " << c.html;
}

TEST(Dom, DeepNestingIsFlattened) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  html += "deep";
  Document doc;
  Parse(html, &doc);
  EXPECT_EQ(FlatVisibleText(doc), "deep");
}

TEST(Dom, AttributesAndLang) {
  Document doc;
  Parse("<html LANG=\"de-AT\"><a HREF='x?a=1&amp;b=2' Class=k>t</a>", &doc);
  EXPECT_EQ(doc.lang, "de-AT");
  uint32_t a = 0;
  for (uint32_t i = 0; i < doc.nodes.size(); ++i)
    if (doc.nodes[i].tag == Tag::kA) a = i;
  ASSERT_NE(a, 0u);
  EXPECT_EQ(doc.Attr(a, "class"), "k");
  EXPECT_EQ(doc.AttrDecoded(a, "href"), "x?a=1&b=2");
  EXPECT_FALSE(doc.HasAttr(a, "id"));
}

struct LayoutCase {
  const char* html;
  const char* text;
};

TEST(VisibleText, LaysOutBlocks) {
  const LayoutCase cases[] = {
      {"", ""},
      {"   \n ", ""},
      {"<p>a</p><p>b</p>", "a\n\nb"},
      {"<p>  a \n  b  </p>", "a b"},
      {"<p>a<br>b<br><br>c</p>", "a\nb\nc"},
      {"<div>a<p>b</p>c</div>", "a\n\nb\n\nc"},
      {"<p>a<b>b</b> <i>c</i></p>", "ab c"},
      {"<p>x&nbsp;y</p>", "x\xC2\xA0y"},  // NBSP is not collapsed
      {"<pre>a\n  b\n</pre>", "a\n  b"},
      {"<ul><li>a<li>b</ul>", "a\n\nb"},
      {"<table><tr><td>a<td>b</table>", "a\n\nb"},
      {"<p>a<script>x</script><style>y</style>b</p>", "ab"},
      {"<title>t</title><template><p>x</p></template><noscript>n</noscript><p>v</p>", "v"},
      {"<p>\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85</p><p>\xE6\x97\xA5\xE6\x9C\xAC</p>",
       "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85\n\n\xE6\x97\xA5\xE6\x9C\xAC"},
      {"<p>e\xCC\x81t\xC3\xA9</p>", "e\xCC\x81t\xC3\xA9"},  // combining marks pass through
  };
  for (const LayoutCase& c : cases) {
    Document doc;
    Parse(c.html, &doc);
    VisibleText vt;
    BuildVisibleText(doc, &vt);
    EXPECT_EQ(vt.text, c.text) << "input: " << c.html;
    for (const TextBlock& b : vt.blocks) {
      EXPECT_FALSE(b.span.empty());
      EXPECT_EQ(vt.text.substr(b.span.start, b.span.size()).find("\n\n"), std::string::npos);
    }
  }
}

TEST(VisibleText, BlocksRememberTheirHtml) {
  std::string html = "<div><p id=one>Alpha <b>beta</b></p><p>Gamma</p></div>";
  Document doc;
  Parse(html, &doc);
  VisibleText vt;
  BuildVisibleText(doc, &vt);
  ASSERT_EQ(vt.blocks.size(), 2u);
  const TextBlock& b = vt.blocks[0];
  EXPECT_EQ(doc.nodes[b.node].tag, Tag::kP);
  EXPECT_EQ(html.substr(b.html_begin, b.html_end - b.html_begin), "Alpha <b>beta");
  EXPECT_EQ(html.substr(vt.blocks[1].html_begin, vt.blocks[1].html_end - vt.blocks[1].html_begin),
            "Gamma");
}

TEST(VisibleText, CountsLinkBytes) {
  Document doc;
  Parse("<p>see <a href=x>this link</a> now</p>", &doc);
  VisibleText vt;
  BuildVisibleText(doc, &vt);
  ASSERT_EQ(vt.blocks.size(), 1u);
  EXPECT_EQ(vt.blocks[0].link_bytes, 9u);
}

// Bug (found by the block-level libxml2 differential): an end tag </table>, </tr>, </tbody>,
// </thead> or </tfoot> seen while a <td> or <th> was open was ignored (the cell stopped block end
// tags), so everything after the table landed in its last cell. HTML5 closes the cell and row.
TEST(Dom, TableEndTagsCloseOpenCells) {
  const TreeCase cases[] = {
      {"<table><tr><td>x</table>y", "table(tr(td(\"x\"))),\"y\""},
      {"<table><tr><td>x<td>y</tr><tr><td>z</table>w",
       "table(tr(td(\"x\"),td(\"y\")),tr(td(\"z\"))),\"w\""},
      {"<table><tbody><tr><th>h</tbody></table>w", "table(tbody(tr(th(\"h\")))),\"w\""},
      {"<table><tr><td><div>x</table>y", "table(tr(td(div(\"x\")))),\"y\""},
      // An inner table's end tag closes only the inner table.
      {"<table><tr><td><table><tr><td>in</table>mid</td></tr></table>out",
       "table(tr(td(table(tr(td(\"in\"))),\"mid\"))),\"out\""},
      // Without an open table the end tags are ignored.
      {"<div>x</table>y</tr></div>", "div(\"x\",\"y\")"},
  };
  for (const TreeCase& c : cases) EXPECT_EQ(Tree(c.html), c.outline) << "input: " << c.html;
  Document doc;
  Parse("<table><tr><td>cell</table>after", &doc);
  VisibleText vt;
  BuildVisibleText(doc, &vt);
  EXPECT_EQ(vt.text, "cell\n\nafter");
}

// Bug (found by the block-level libxml2 differential on pages with a missing </a>): a second <a>
// while an <a> was open closed everything down to the first one, blocks included, so in
// "<a>x<div><ul><li><a>y</li><li>z</ul></div>" the items fell out of their list. HTML5 keeps the
// blocks opened inside the first <a> open and puts the new <a> into them.
TEST(Dom, NestedLinkKeepsBlocksOpen) {
  const TreeCase cases[] = {
      {"<a href=1>x<div><ul><li><a href=2>y</li><li>z</ul></div>w",
       "a(\"x\",div(ul(li(a(\"y\")),li(\"z\")))),\"w\""},
      {"<div><a href=1>x<p><a href=2>y</a>z</p></div>", "div(a(\"x\",p(a(\"y\"),\"z\")))"},
      // With only inline elements in between, the first <a> is still closed (as before).
      {"<a href=1>x<b><a href=2>y</a></b>", "a(\"x\",b),a(\"y\")"},
  };
  for (const TreeCase& c : cases) EXPECT_EQ(Tree(c.html), c.outline) << "input: " << c.html;
}

// ---- Differential test against libxml2's HTML parser ----------------------------------------
// src/html/libxml_oracle.h walks libxml2's tree the way visible_text.h defines visible text and
// compares, at two levels (flat text; text with block edges), after its named normalisation
// rules. bench/html_diff.sh runs the same comparison over the ScrapingHub benchmark pages.

using oracle::CompareVisibleText;
using oracle::Level;

const char* const kDifferentialPages[] = {
    "<!DOCTYPE html><html lang=en><head><title>Quay plan</title><meta charset=utf-8>"
    "<style>p { color: red }</style><script>var a = 1 < 2;</script></head><body>"
    "<nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li></ul></nav>"
    "<article><h1>Quay plan &mdash; approved</h1><p>The council of Port Mirren voted "
    "<b>7&ndash;2</b> on Tuesday.</p><p>&ldquo;It&rsquo;s a good day,&rdquo; said Mayor Ana "
    "Reis.</p><blockquote><p>Fish &amp; chips &pound;5</p></blockquote></article>"
    "<footer>&copy; 2031 The Coastal Ledger</footer></body></html>",
    "<html><body><table><tr><th>Team</th><th>Points</th></tr><tr><td>Rovers</td><td>12</td>"
    "</tr></table><ul><li>one<li>two</ul><dl><dt>a<dd>b</dl></body></html>",
    "<html><body><div>Line one<br>Line two<br/>Line three</div><pre>  code\n  here</pre>"
    "<noscript><p>enable js</p></noscript><template><p>tmpl</p></template>"
    "<p>caf&eacute; na&iuml;ve &#8212; &#x2014; &#169;</p></body></html>",
    "<html lang=ru><body><h1>\xD0\x9C\xD0\xBE\xD1\x81\xD1\x82</h1><p>\xD0\x9D\xD0\xBE\xD0\xB2"
    "\xD1\x8B\xD0\xB9 \xC2\xAB\xD0\xBC\xD0\xBE\xD1\x81\xD1\x82\xC2\xBB</p>"
    "<p dir=rtl>\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85</p><p>\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"
    "</p></body></html>",
    "<html><body><div><p>unclosed paragraph<div>block</div><span>in<b>line</span>"
    "</b><p>last</div></body></html>",
    "<html><body><!-- a comment --><p>before<!-- inside -->after</p><textarea>typed"
    "</textarea><select><option>A<option>B</select><iframe>frame</iframe></body></html>",
    "<html><body><table><tr><td>first<td>second<tr><td>third</table><p>after the table"
    "<table><tr><td><table><tr><td>inner</table>outer</td></tr></table>tail</body></html>",
    "<html><body><p>x&nbsp;y \xC2\xA0 z</p><div>\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D <i>e\xCC\x81"
    "</i></div><h2>Heading</h2>text<hr>more<br></br>end</body></html>",
};

TEST(VisibleTextDifferential, MatchesLibxml2OnOwnPages) {
  for (const char* page : kDifferentialPages) {
    for (Level level : {Level::kText, Level::kBlocks}) {
      oracle::Comparison c = CompareVisibleText(page, level);
      EXPECT_TRUE(c.identical) << "page: " << page << "\n" << oracle::DiffContext(c);
      EXPECT_FALSE(c.ours.empty());
    }
  }
}

TEST(VisibleTextDifferential, MatchesLibxml2OnFuzzCorpus) {
  namespace fs = std::filesystem;
  int compared = 0;
  for (const char* dir : {"fuzz/corpus/html_tokenizer", "fuzz/corpus/html_extract"}) {
    fs::path p = fs::path(PARALLAX_SOURCE_DIR) / dir;
    if (!fs::exists(p)) continue;
    for (const auto& e : fs::directory_iterator(p)) {
      std::ifstream f(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << f.rdbuf();
      std::string html = ss.str();
      for (Level level : {Level::kText, Level::kBlocks}) {
        oracle::Comparison c = CompareVisibleText(html, level);
        EXPECT_TRUE(c.identical) << "file: " << e.path() << "\n" << oracle::DiffContext(c);
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 3);
}

// The oracle must be able to fail, and each rule must do what it says.
TEST(VisibleTextDifferential, OracleSeesDifferencesAndNamesRules) {
  // Same words, block edges in different places: flat text agrees, blocks do not.
  EXPECT_EQ(oracle::OurBlockText("<p>a</p><p>b</p>"), "a\nb");
  EXPECT_EQ(oracle::LibxmlBlockText("<p>a</p><p>b</p>"), "a\nb");
  EXPECT_EQ(oracle::OurBlockText("<p>a <b>b</b></p>"), "a b");
  EXPECT_EQ(oracle::LibxmlVisibleText("<p>a</p>\n<script>x</script><p>b&amp;c</p>"), "a b&c");

  oracle::Comparison same = CompareVisibleText("<p>one</p>", Level::kBlocks, true);
  EXPECT_TRUE(same.identical);
  EXPECT_EQ(same.rules_needed, 0u);

  // "</p>" without <p>: HTML5 makes an empty paragraph (a block edge), libxml2 drops it.
  EXPECT_EQ(oracle::OurBlockText("<div>a</p>b</div>"), "a\nb");
  EXPECT_EQ(oracle::LibxmlBlockText("<div>a</p>b</div>"), "ab");
  oracle::Comparison stray = CompareVisibleText("<div>a</p>b</div>", Level::kBlocks, true);
  EXPECT_TRUE(stray.identical) << oracle::DiffContext(stray);
  EXPECT_EQ(stray.rules_needed, static_cast<uint32_t>(oracle::kRuleEmptyBlock));
  EXPECT_EQ(oracle::RuleName(0), "empty-block");

  // Each rule, on an input where HTML4 and HTML5 differ in just its feature: identical with
  // the rules, and that rule (only) was needed.
  struct RuleCase {
    const char* html;
    Level level;
    uint32_t needed;
  };
  const RuleCase rule_cases[] = {
      {"<p>x &copy 2031 &notit; &#150; y</p>", Level::kText, oracle::kRuleCharRefs},
      {"<p>x &#0; y</p>", Level::kText, oracle::kRuleCharRefs},
      {"<p>x &apos; &hellip; &amp; &#x2014; &#65; y</p>", Level::kText, 0},
      {"<p>a<!-->b<!--->c<!-- real -->d</p>", Level::kText, oracle::kRuleAbruptComment},
      {"<p>a<![CDATA[b]]>c<?pi x?>d</ e>f</>g</p>", Level::kText, oracle::kRuleBogusComment},
      {"<p>a<svg><![CDATA[b]]></svg>c</p>", Level::kText, oracle::kRuleBogusComment},
      {"<body><b>a</b></body></html>b", Level::kBlocks, oracle::kRuleAfterBody},
      {"<div>a</p>b</div>", Level::kBlocks, oracle::kRuleEmptyBlock},
      {"<div>a</p>b</div>", Level::kText, 0},
  };
  for (const RuleCase& rc : rule_cases) {
    oracle::Comparison c = CompareVisibleText(rc.html, rc.level, /*measure_rules=*/true);
    EXPECT_TRUE(c.identical) << rc.html << "\n" << oracle::DiffContext(c);
    EXPECT_EQ(c.rules_needed, rc.needed) << rc.html;
  }

  // Empty input and whitespace only.
  for (const char* html : {"", "   \n\t", "<p> </p>"}) {
    oracle::Comparison c = CompareVisibleText(html, Level::kBlocks);
    EXPECT_TRUE(c.identical) << html;
    EXPECT_EQ(c.ours, "") << html;
  }

  oracle::Comparison diff;
  diff.ours = "alpha beta";
  diff.theirs = "alpha gamma";
  diff.diff_at = 6;
  EXPECT_EQ(oracle::DiffContext(diff, 3), "ours:   ...ha [HERE]bet...\ntheirs: ...ha [HERE]gam...");
  // Context is cut at UTF-8 character boundaries (each of these letters is 2 bytes).
  diff.ours = "\xD0\xB0\xD0\xB1x";
  diff.theirs = "\xD0\xB0\xD0\xB1y";
  diff.diff_at = 4;
  EXPECT_EQ(oracle::DiffContext(diff, 1), "ours:   ...\xD0\xB1[HERE]x\ntheirs: ...\xD0\xB1[HERE]y");
}

}  // namespace
}  // namespace parallax::html
