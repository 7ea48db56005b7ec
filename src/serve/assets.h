// The web app's static files (web/*.html, *.css, *.js), compiled into the binary by
// embed_assets.cmake. Lookup is by exact file name in a fixed table, so no request path can
// name a file outside it: there is no file system access at all.
//
//   if (const Asset* a = FindAsset("app.js")) Send(a->content_type, a->data);
#ifndef PARALLAX_SERVE_ASSETS_H_
#define PARALLAX_SERVE_ASSETS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::serve {

struct Asset {
  std::string_view name;          // "app.js": the file name inside web/
  std::string_view content_type;  // "text/javascript; charset=utf-8" ...
  std::string_view data;          // the file's bytes; static storage
};

// The asset named exactly `name` (no folders, no decoding), or nullptr.
const Asset* FindAsset(std::string_view name);

// Every asset, sorted by name: the files of web/ plus two bundles the app's page loads,
// "bundle.css" (base.css, compare.css, app.css) and "bundle.js" (compare.js, app.js).
const std::vector<Asset>& AllAssets();

// The asset's bytes, or "" when there is no such asset (for callers that know it exists).
std::string_view AssetData(std::string_view name);

// The Content-Security-Policy source allowing exactly the bytes of bundle.css as an inline
// <style> element (the story page inlines it when the server draws its first screen, so the
// first paint waits for no style sheet): "'sha256-<base64 of its SHA-256>'".
const std::string& InlineStyleHashSource();

namespace internal {
struct EmbeddedFile {
  const char* name;
  const char* data;
  size_t size;
};
extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;
}  // namespace internal

}  // namespace parallax::serve

#endif  // PARALLAX_SERVE_ASSETS_H_
