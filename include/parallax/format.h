// Rendering Article records: JSON (schema "parallax.article/1", see docs/schema/article.md) and a
// Markdown summary for people.
//
//   std::string line = parallax::ArticleToJson(article, /*pretty=*/false);  // one JSONL line
#ifndef PARALLAX_FORMAT_H_
#define PARALLAX_FORMAT_H_

#include <string>

#include "parallax/article.h"

namespace parallax {

// The article record as JSON, without a trailing newline. Pretty: indented by two spaces.
std::string ArticleToJson(const Article& article, bool pretty);

// A readable summary: metadata, the body, and the blocks that were set aside and why.
std::string ArticleToMarkdown(const Article& article);

}  // namespace parallax

#endif  // PARALLAX_FORMAT_H_
