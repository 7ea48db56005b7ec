#include "src/html/tags.h"

#include <cstring>
#include <unordered_map>

namespace parallax::html {
namespace {

#define PARALLAX_HTML_TAG_NAME(e, n, f) n,
constexpr std::string_view kNames[] = {PARALLAX_HTML_TAGS(PARALLAX_HTML_TAG_NAME)};
#undef PARALLAX_HTML_TAG_NAME

#define PARALLAX_HTML_TAG_FLAGS(e, n, f) static_cast<uint16_t>(f),
constexpr uint16_t kFlags[] = {PARALLAX_HTML_TAGS(PARALLAX_HTML_TAG_FLAGS)};
#undef PARALLAX_HTML_TAG_FLAGS

const std::unordered_map<std::string_view, Tag>& NameMap() {
  static const auto* map = [] {
    auto* m = new std::unordered_map<std::string_view, Tag>();
    for (size_t i = 1; i < static_cast<size_t>(Tag::kCount); ++i)
      m->emplace(kNames[i], static_cast<Tag>(i));
    return m;
  }();
  return *map;
}

}  // namespace

Tag LookupTag(std::string_view name) {
  // Known names are at most 10 bytes; lower-case into a stack buffer so the lookup allocates
  // nothing.
  char buf[12];
  if (name.empty() || name.size() > sizeof(buf)) return Tag::kUnknown;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  const auto& map = NameMap();
  auto it = map.find(std::string_view(buf, name.size()));
  return it == map.end() ? Tag::kUnknown : it->second;
}

std::string_view TagName(Tag tag) { return kNames[static_cast<size_t>(tag)]; }

uint16_t TagFlags(Tag tag) { return kFlags[static_cast<size_t>(tag)]; }

}  // namespace parallax::html
