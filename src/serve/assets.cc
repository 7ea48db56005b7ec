#include "src/serve/assets.h"

#include <algorithm>
#include <string>

#include "src/serve/sha256.h"

namespace parallax::serve {
namespace {

std::string_view ContentTypeOf(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".ico")) return "image/x-icon";
  return "text/plain; charset=utf-8";
}

struct Bundle {
  std::string_view name;
  std::vector<std::string_view> parts;
};
const Bundle kBundles[] = {
    {"bundle.css", {"base.css", "compare.css", "app.css"}},
    {"bundle.js", {"compare.js", "app.js"}},
};

}  // namespace

const std::vector<Asset>& AllAssets() {
  static const std::vector<Asset>* const kAssets = [] {
    auto* v = new std::vector<Asset>;
    auto find = [](std::string_view name) {
      for (size_t i = 0; i < internal::kEmbeddedFileCount; ++i) {
        const internal::EmbeddedFile& f = internal::kEmbeddedFiles[i];
        if (name == f.name) return std::string_view(f.data, f.size);
      }
      return std::string_view();
    };
    for (size_t i = 0; i < internal::kEmbeddedFileCount; ++i) {
      const internal::EmbeddedFile& f = internal::kEmbeddedFiles[i];
      v->push_back(Asset{f.name, ContentTypeOf(f.name), std::string_view(f.data, f.size)});
    }
    // The app's page loads two files instead of five: fewer round trips before it can draw.
    for (const auto& [name, parts] : kBundles) {
      auto* bytes = new std::string;
      for (std::string_view part : parts) {
        bytes->append(find(part));
        bytes->push_back('\n');
      }
      v->push_back(Asset{name, ContentTypeOf(name), *bytes});
    }
    std::sort(v->begin(), v->end(), [](const Asset& a, const Asset& b) { return a.name < b.name; });
    return v;
  }();
  return *kAssets;
}

const Asset* FindAsset(std::string_view name) {
  const std::vector<Asset>& all = AllAssets();
  auto it = std::lower_bound(all.begin(), all.end(), name,
                             [](const Asset& a, std::string_view n) { return a.name < n; });
  if (it == all.end() || it->name != name) return nullptr;
  return &*it;
}

std::string_view AssetData(std::string_view name) {
  const Asset* a = FindAsset(name);
  return a == nullptr ? std::string_view() : a->data;
}

const std::string& InlineStyleHashSource() {
  static const std::string* const kSource = [] {
    const auto digest = Sha256(AssetData("bundle.css"));
    return new std::string(
        "'sha256-" +
        Base64(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size())) +
        "'");
  }();
  return *kSource;
}

}  // namespace parallax::serve
