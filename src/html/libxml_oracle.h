// Test support (not part of parallax_html): libxml2's HTML parser as an oracle for our visible
// text. libxml2 is an HTML4 parser; where it and HTML5 legitimately disagree, both sides are
// normalised by the named rules below before comparison (never by skipping input).
//
//   Comparison c = CompareVisibleText(utf8_html);
//   if (!c.identical) puts(DiffContext(c).c_str());
#ifndef PARALLAX_HTML_LIBXML_ORACLE_H_
#define PARALLAX_HTML_LIBXML_ORACLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parallax::html::oracle {

// libxml2's visible text of UTF-8 `html`: its text nodes in document order, skipping the
// elements visible_text.h calls invisible, with whitespace collapsed (NormalizeSpace). The
// document's own charset declaration is ignored (the input is UTF-8 already).
std::string LibxmlVisibleText(std::string_view html);

// Our visible text of `html` (Parse + FlatVisibleText).
std::string OurVisibleText(std::string_view html);

// The stricter, block-level form: as above, but every element our tag table calls block-level
// (kTagBlock) and <br> puts a boundary before and after itself, and boundary runs (with the
// whitespace around them) become one '\n'. It sees where the tree puts block edges (implied end
// tags, misnesting), which the flat text cannot.
std::string LibxmlBlockText(std::string_view html);
std::string OurBlockText(std::string_view html);

// What CompareVisibleText compares: the flat visible text, or the block-level form.
enum class Level { kText, kBlocks };

// The normalisation rules, applied to both sides; a bit set per rule. Each is documented, with
// the HTML feature it covers, at its function in libxml_oracle.cc. Input rules rewrite the html
// both parsers read; output rules rewrite both walks.
// Whitespace needs no rule: after NormalizeSpace both parsers agree on every tested page
// (libxml2 keeps whitespace-only text between elements where it is followed by a tag).
enum Rule : uint32_t {
  kRuleEmptyBlock = 1u << 0,     // (blocks only) </p> without <p>: an empty block marks no edge
  kRuleCharRefs = 1u << 1,       // references read differently (&copy, &#150;): removed from input
  kRuleAbruptComment = 1u << 2,  // "<!-->" and "<!--->": rewritten as "<!---->" in the input
  kRuleBogusComment = 1u << 3,   // "<!x>", "<?x>", "</ x>", "</>": removed from the input
  kRuleAfterBody = 1u << 4,      // text after </body>/</html>: those end tags removed from input
};
inline constexpr int kRuleCount = 5;
// The rule's name for reports ("empty-block", ...), by bit index; "?" out of range.
std::string_view RuleName(int index);

struct Comparison {
  bool identical = false;
  std::string ours;    // normalised
  std::string theirs;  // normalised
  size_t diff_at = 0;  // first differing byte when !identical
  // On identical pages: the rules that were needed (with that one rule left out, the page
  // differs). 0 on differing pages.
  uint32_t rules_needed = 0;
};

// Compares our visible text of `html` (valid UTF-8) with libxml2's at `level` under every rule.
// When `measure_rules` is set, also finds which rules the page needed (one re-comparison per rule).
Comparison CompareVisibleText(std::string_view html, Level level = Level::kText,
                              bool measure_rules = false);

// "ours:   ...<80 bytes>[HERE]<80 bytes>...\ntheirs: ..." around the first difference (cut at
// UTF-8 character boundaries).
std::string DiffContext(const Comparison& c, size_t radius = 80);

}  // namespace parallax::html::oracle

#endif  // PARALLAX_HTML_LIBXML_ORACLE_H_
