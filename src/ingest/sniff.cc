#include "src/ingest/sniff.h"

#include <algorithm>
#include <cstring>

namespace parallax::ingest {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  s = s.substr(s.size() - suffix.size());
  for (size_t i = 0; i < s.size(); ++i)
    if (Lower(s[i]) != suffix[i]) return false;
  return true;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(s[i]) != prefix[i]) return false;
  return true;
}

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && IsSpaceByte(s.front())) s.remove_prefix(1);
  return s;
}

// Position of `needle` (lower-case ASCII) in `hay`, ignoring ASCII case; npos if absent.
size_t FindNoCase(std::string_view hay, std::string_view needle, size_t from = 0) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    if (Lower(hay[i]) == needle[0] && StartsWithNoCase(hay.substr(i), needle)) return i;
  }
  return std::string_view::npos;
}

// `<name` followed by '>', '/' or space: a tag, not a word that starts the same ("<pre" for "<p").
bool TagAt(std::string_view s, size_t i, std::string_view name) {
  if (i + 1 >= s.size() || !StartsWithNoCase(s.substr(i + 1), name)) return false;
  size_t j = i + 1 + name.size();
  return j < s.size() && (s[j] == '>' || s[j] == '/' || IsSpaceByte(s[j]));
}

constexpr std::string_view kPageTags[] = {"html",  "head", "body",   "p",     "div",     "meta",
                                          "title", "link", "script", "style", "article", "h1",
                                          "h2",    "span", "table",  "header"};

bool IsPageTagAt(std::string_view s, size_t i) {
  for (std::string_view tag : kPageTags)
    if (TagAt(s, i, tag)) return true;
  return false;
}

}  // namespace

InputFormat FormatFromName(std::string_view path) {
  if (EndsWithNoCase(path, ".gz")) path.remove_suffix(3);
  for (std::string_view ext : {".jsonl", ".ndjson"})
    if (EndsWithNoCase(path, ext)) return InputFormat::kJsonl;
  for (std::string_view ext : {".html", ".htm", ".xhtml"})
    if (EndsWithNoCase(path, ext)) return InputFormat::kHtml;
  for (std::string_view ext : {".txt", ".text", ".md"})
    if (EndsWithNoCase(path, ext)) return InputFormat::kText;
  return InputFormat::kAuto;
}

bool LooksLikeHtmlDocument(std::string_view head) {
  std::string_view s = SkipBomAndSpace(head);
  if (StartsWithNoCase(s, "<?xml")) {
    size_t end = s.find("?>");
    if (end == std::string_view::npos) return false;
    s = SkipBomAndSpace(s.substr(end + 2));
  }
  return StartsWithNoCase(s, "<!doctype html") || TagAt(s, 0, "html");
}

bool LooksLikeHtml(std::string_view head) {
  if (LooksLikeHtmlDocument(head)) return true;
  std::string_view s = SkipBomAndSpace(head);
  if (s.empty() || s[0] != '<') return false;
  // A page fragment starts with a tag or a comment; a text scrape that happens to start with
  // '<' ("<<Quote>>", "<b>") does not carry page tags in its first lines.
  s = s.substr(0, 2048);
  if (!StartsWithNoCase(s, "<!--") && !IsPageTagAt(s, 0)) return false;
  for (size_t i = 0; (i = s.find('<', i)) != std::string_view::npos; ++i)
    if (IsPageTagAt(s, i)) return true;
  return false;
}

std::string FindMetaCharset(std::string_view html) {
  std::string_view s = html.substr(0, 4096);
  for (size_t i = 0; (i = FindNoCase(s, "<meta", i)) != std::string_view::npos; ++i) {
    size_t end = s.find('>', i);
    std::string_view tag = s.substr(i, end == std::string_view::npos ? s.npos : end - i);
    size_t at = FindNoCase(tag, "charset");
    if (at == std::string_view::npos) continue;
    at += 7;
    while (at < tag.size() && IsSpaceByte(tag[at])) ++at;
    if (at >= tag.size() || tag[at] != '=') continue;
    ++at;
    while (at < tag.size() && (IsSpaceByte(tag[at]) || tag[at] == '"' || tag[at] == '\'')) ++at;
    size_t stop = at;
    while (stop < tag.size() && !IsSpaceByte(tag[stop]) && tag[stop] != '"' && tag[stop] != '\'' &&
           tag[stop] != ';' && tag[stop] != '/' && tag[stop] != '>') {
      ++stop;
    }
    if (stop > at && stop - at <= 40) return std::string(tag.substr(at, stop - at));
  }
  return {};
}

bool IsAsciiSpace(std::string_view s) { return std::all_of(s.begin(), s.end(), IsSpaceByte); }

}  // namespace parallax::ingest
