// The HTML element names the parser knows, with the properties tree building and text layout
// need (void, raw text, block, closes an open <p>, scope boundary, invisible). Unknown names map
// to Tag::kUnknown and behave as inline elements; their spelling stays in the source.
//
//   Tag t = LookupTag("DIV");          // Tag::kDiv (case-insensitive)
//   if (HasFlag(t, kTagBlock)) ...
#ifndef PARALLAX_HTML_TAGS_H_
#define PARALLAX_HTML_TAGS_H_

#include <cstdint>
#include <string_view>

namespace parallax::html {

// X(enumerator, "name", flags)
#define PARALLAX_HTML_TAGS(X)                                           \
  X(kUnknown, "", 0)                                                    \
  X(kHtml, "html", kTagBlock | kTagSpecial | kTagScope)                 \
  X(kHead, "head", kTagSpecial)                                         \
  X(kBody, "body", kTagBlock | kTagSpecial)                             \
  X(kTitle, "title", kTagRcdata | kTagSpecial | kTagInvisible)          \
  X(kMeta, "meta", kTagVoid | kTagSpecial)                              \
  X(kLink, "link", kTagVoid | kTagSpecial)                              \
  X(kBase, "base", kTagVoid | kTagSpecial)                              \
  X(kStyle, "style", kTagRawText | kTagSpecial | kTagInvisible)         \
  X(kScript, "script", kTagRawText | kTagSpecial | kTagInvisible)       \
  X(kNoscript, "noscript", kTagRawText | kTagSpecial | kTagInvisible)   \
  X(kTemplate, "template", kTagSpecial | kTagInvisible | kTagScope)     \
  X(kIframe, "iframe", kTagRawText | kTagSpecial | kTagInvisible)       \
  X(kNoembed, "noembed", kTagRawText | kTagSpecial | kTagInvisible)     \
  X(kNoframes, "noframes", kTagRawText | kTagSpecial | kTagInvisible)   \
  X(kTextarea, "textarea", kTagRcdata | kTagSpecial | kTagInvisible)    \
  X(kXmp, "xmp", kTagRawText | kTagSpecial | kTagBlock | kTagClosesP)   \
  X(kPlaintext, "plaintext", kTagSpecial | kTagBlock | kTagClosesP)     \
  X(kSvg, "svg", kTagForeign)                                           \
  X(kMath, "math", kTagForeign)                                         \
  X(kObject, "object", kTagSpecial | kTagScope)                         \
  X(kEmbed, "embed", kTagVoid | kTagSpecial)                            \
  X(kCanvas, "canvas", 0)                                               \
  X(kVideo, "video", 0)                                                 \
  X(kAudio, "audio", 0)                                                 \
  X(kSource, "source", kTagVoid | kTagSpecial)                          \
  X(kTrack, "track", kTagVoid | kTagSpecial)                            \
  X(kPicture, "picture", 0)                                             \
  X(kImg, "img", kTagVoid | kTagSpecial)                                \
  X(kImage, "image", kTagVoid | kTagSpecial)                            \
  X(kBr, "br", kTagVoid | kTagSpecial)                                  \
  X(kWbr, "wbr", kTagVoid | kTagSpecial)                                \
  X(kHr, "hr", kTagVoid | kTagSpecial | kTagBlock | kTagClosesP)        \
  X(kInput, "input", kTagVoid | kTagSpecial)                            \
  X(kKeygen, "keygen", kTagVoid | kTagSpecial)                          \
  X(kArea, "area", kTagVoid | kTagSpecial)                              \
  X(kCol, "col", kTagVoid | kTagSpecial)                                \
  X(kParam, "param", kTagVoid | kTagSpecial)                            \
  X(kFrame, "frame", kTagVoid | kTagSpecial)                            \
  X(kButton, "button", kTagSpecial)                                     \
  X(kSelect, "select", kTagSpecial)                                     \
  X(kOption, "option", kTagBlock)                                       \
  X(kOptgroup, "optgroup", kTagBlock)                                   \
  X(kLabel, "label", 0)                                                 \
  X(kForm, "form", kTagBlock | kTagSpecial | kTagClosesP)               \
  X(kFieldset, "fieldset", kTagBlock | kTagSpecial | kTagClosesP)       \
  X(kLegend, "legend", kTagBlock)                                       \
  X(kP, "p", kTagBlock | kTagSpecial | kTagClosesP)                     \
  X(kDiv, "div", kTagBlock | kTagSpecial | kTagClosesP)                 \
  X(kSpan, "span", 0)                                                   \
  X(kA, "a", 0)                                                         \
  X(kB, "b", 0)                                                         \
  X(kI, "i", 0)                                                         \
  X(kU, "u", 0)                                                         \
  X(kS, "s", 0)                                                         \
  X(kEm, "em", 0)                                                       \
  X(kStrong, "strong", 0)                                               \
  X(kSmall, "small", 0)                                                 \
  X(kBig, "big", 0)                                                     \
  X(kSub, "sub", 0)                                                     \
  X(kSup, "sup", 0)                                                     \
  X(kMark, "mark", 0)                                                   \
  X(kCode, "code", 0)                                                   \
  X(kKbd, "kbd", 0)                                                     \
  X(kSamp, "samp", 0)                                                   \
  X(kVar, "var", 0)                                                     \
  X(kQ, "q", 0)                                                         \
  X(kCite, "cite", 0)                                                   \
  X(kAbbr, "abbr", 0)                                                   \
  X(kTime, "time", 0)                                                   \
  X(kFont, "font", 0)                                                   \
  X(kNobr, "nobr", 0)                                                   \
  X(kStrike, "strike", 0)                                               \
  X(kTt, "tt", 0)                                                       \
  X(kIns, "ins", 0)                                                     \
  X(kDel, "del", 0)                                                     \
  X(kDfn, "dfn", 0)                                                     \
  X(kH1, "h1", kTagBlock | kTagSpecial | kTagClosesP | kTagHeading)     \
  X(kH2, "h2", kTagBlock | kTagSpecial | kTagClosesP | kTagHeading)     \
  X(kH3, "h3", kTagBlock | kTagSpecial | kTagClosesP | kTagHeading)     \
  X(kH4, "h4", kTagBlock | kTagSpecial | kTagClosesP | kTagHeading)     \
  X(kH5, "h5", kTagBlock | kTagSpecial | kTagClosesP | kTagHeading)     \
  X(kH6, "h6", kTagBlock | kTagSpecial | kTagClosesP | kTagHeading)     \
  X(kHgroup, "hgroup", kTagBlock | kTagSpecial | kTagClosesP)           \
  X(kUl, "ul", kTagBlock | kTagSpecial | kTagClosesP)                   \
  X(kOl, "ol", kTagBlock | kTagSpecial | kTagClosesP)                   \
  X(kLi, "li", kTagBlock | kTagSpecial | kTagClosesP)                   \
  X(kDl, "dl", kTagBlock | kTagSpecial | kTagClosesP)                   \
  X(kDt, "dt", kTagBlock | kTagSpecial | kTagClosesP)                   \
  X(kDd, "dd", kTagBlock | kTagSpecial | kTagClosesP)                   \
  X(kMenu, "menu", kTagBlock | kTagSpecial | kTagClosesP)               \
  X(kDir, "dir", kTagBlock | kTagSpecial | kTagClosesP)                 \
  X(kTable, "table", kTagBlock | kTagSpecial | kTagClosesP | kTagScope) \
  X(kCaption, "caption", kTagBlock | kTagSpecial | kTagScope)           \
  X(kThead, "thead", kTagBlock | kTagSpecial)                           \
  X(kTbody, "tbody", kTagBlock | kTagSpecial)                           \
  X(kTfoot, "tfoot", kTagBlock | kTagSpecial)                           \
  X(kTr, "tr", kTagBlock | kTagSpecial)                                 \
  X(kTd, "td", kTagBlock | kTagSpecial | kTagScope)                     \
  X(kTh, "th", kTagBlock | kTagSpecial | kTagScope)                     \
  X(kColgroup, "colgroup", kTagSpecial)                                 \
  X(kArticle, "article", kTagBlock | kTagSpecial | kTagClosesP)         \
  X(kSection, "section", kTagBlock | kTagSpecial | kTagClosesP)         \
  X(kMain, "main", kTagBlock | kTagSpecial | kTagClosesP)               \
  X(kNav, "nav", kTagBlock | kTagSpecial | kTagClosesP)                 \
  X(kAside, "aside", kTagBlock | kTagSpecial | kTagClosesP)             \
  X(kHeader, "header", kTagBlock | kTagSpecial | kTagClosesP)           \
  X(kFooter, "footer", kTagBlock | kTagSpecial | kTagClosesP)           \
  X(kAddress, "address", kTagBlock | kTagSpecial | kTagClosesP)         \
  X(kBlockquote, "blockquote", kTagBlock | kTagSpecial | kTagClosesP)   \
  X(kFigure, "figure", kTagBlock | kTagSpecial | kTagClosesP)           \
  X(kFigcaption, "figcaption", kTagBlock | kTagSpecial | kTagClosesP)   \
  X(kPre, "pre", kTagBlock | kTagSpecial | kTagClosesP)                 \
  X(kListing, "listing", kTagBlock | kTagSpecial | kTagClosesP)         \
  X(kDetails, "details", kTagBlock | kTagSpecial | kTagClosesP)         \
  X(kSummary, "summary", kTagBlock | kTagSpecial | kTagClosesP)         \
  X(kDialog, "dialog", kTagBlock | kTagSpecial | kTagClosesP)           \
  X(kCenter, "center", kTagBlock | kTagSpecial | kTagClosesP)           \
  X(kSearch, "search", kTagBlock | kTagSpecial | kTagClosesP)           \
  X(kMap, "map", 0)                                                     \
  X(kFrameset, "frameset", kTagSpecial)                                 \
  X(kMarquee, "marquee", kTagSpecial | kTagScope)                       \
  X(kApplet, "applet", kTagSpecial | kTagScope)                         \
  X(kRuby, "ruby", 0)                                                   \
  X(kRt, "rt", 0)                                                       \
  X(kRp, "rp", 0)                                                       \
  X(kOutput, "output", 0)                                               \
  X(kProgress, "progress", 0)                                           \
  X(kMeter, "meter", 0)                                                 \
  X(kData, "data", 0)                                                   \
  X(kBdi, "bdi", 0)                                                     \
  X(kBdo, "bdo", 0)

enum TagFlag : uint16_t {
  kTagVoid = 1 << 0,       // no content, no end tag (<br>, <img>)
  kTagRawText = 1 << 1,    // content is text up to the matching end tag (<script>)
  kTagRcdata = 1 << 2,     // like raw text, but character references are decoded (<title>)
  kTagBlock = 1 << 3,      // starts and ends a block of text (<p>, <div>, <li>, <td>)
  kTagClosesP = 1 << 4,    // its start tag closes an open <p>
  kTagSpecial = 1 << 5,    // an inline end tag does not close across it
  kTagScope = 1 << 6,      // a block end tag does not close across it (<table>, <td>)
  kTagInvisible = 1 << 7,  // its text is not visible text (<script>, <title>, <template>)
  kTagHeading = 1 << 8,    // <h1>..<h6>
  kTagForeign = 1 << 9,    // <svg>, <math>: self-closing tags are honoured inside
};

#define PARALLAX_HTML_TAG_ENUM(e, n, f) e,
enum class Tag : uint8_t { PARALLAX_HTML_TAGS(PARALLAX_HTML_TAG_ENUM) kCount };
#undef PARALLAX_HTML_TAG_ENUM

// The tag for `name`, ASCII case-insensitive; Tag::kUnknown when it is not in the table.
Tag LookupTag(std::string_view name);

// The lower-case name of `tag` ("" for kUnknown).
std::string_view TagName(Tag tag);

uint16_t TagFlags(Tag tag);
inline bool HasFlag(Tag tag, uint16_t flag) { return (TagFlags(tag) & flag) != 0; }

}  // namespace parallax::html

#endif  // PARALLAX_HTML_TAGS_H_
