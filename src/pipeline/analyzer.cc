#include "src/pipeline/analyzer.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "src/base/hash.h"
#include "src/entities/entities.h"
#include "src/extract/text_extractor.h"
#include "src/html/html_extractor.h"
#include "src/ingest/decode.h"
#include "src/quotes/quotes.h"
#include "src/text/language.h"
#include "src/text/sentences.h"

namespace parallax::pipeline {
namespace {

// Article::Body() cut after `max_bytes` bytes (possibly inside a character).
std::string BodyHead(const Article& a, size_t max_bytes) {
  size_t total = 0;
  for (const Block& block : a.blocks)
    if (block.role == BlockRole::kBody) total += block.span.size() + 2;
  std::string body;
  body.reserve(std::min(total, max_bytes + 2));  // one allocation, not one per doubling
  for (const Block& block : a.blocks) {
    if (block.role != BlockRole::kBody) continue;
    if (!body.empty()) body += "\n\n";
    body += a.View(block.span);
    if (body.size() >= max_bytes) {
      body.resize(max_bytes);
      break;
    }
  }
  return body;
}

}  // namespace

Result<Article> Prepare(ingest::RawDocument doc, const AnalyzeOptions& options,
                        const OutletMap& outlets, std::vector<uint64_t>* block_fold_hashes) {
  if (block_fold_hashes != nullptr) block_fold_hashes->clear();
  if (doc.bytes.size() > options.input.max_article_bytes) {
    return Status::ResourceExhausted("article of " + std::to_string(doc.bytes.size()) +
                                     " bytes is over --max-article-bytes (" +
                                     std::to_string(options.input.max_article_bytes) + ")");
  }
  PARALLAX_ASSIGN_OR_RETURN(ingest::Decoded decoded,
                            ingest::DecodeOwned(std::move(doc.bytes), doc.declared_charset));
  Article article;
  article.source = std::move(doc.source);
  article.charset = std::move(decoded.charset);
  article.hints = std::move(doc.hints);
  // Explicit knowledge beats what the text says: --outlet, then the outlet map, then the record.
  if (!options.outlet.empty()) {
    article.hints.outlet = options.outlet;
  } else if (std::string_view mapped = outlets.Match(article.source); !mapped.empty()) {
    article.hints.outlet = std::string(mapped);
  }
  article.id = HashHex(decoded.text);
  if (decoded.replaced > 0) {
    article.warnings.push_back("replaced " + std::to_string(decoded.replaced) +
                               " invalid byte sequence(s) in " + article.charset +
                               " input with U+FFFD");
  }
  if (doc.format == InputFormat::kHtml) {
    const std::string html = std::move(decoded.text);
    std::vector<html::HtmlRange> markup;
    PARALLAX_RETURN_IF_ERROR(html::ExtractFromHtml(html, &article, &markup));
    for (size_t i = 0; i < article.blocks.size() && i < markup.size(); ++i)
      article.blocks[i].markup = Span{markup[i].begin, markup[i].end};
  } else {
    article.text = std::move(decoded.text);
    if (block_fold_hashes != nullptr) {
      extract::ExtractFromText(&article, block_fold_hashes);
    } else {
      extract::ExtractFromText(&article);
    }
  }
  if (!article.hints.outlet.empty()) article.outlet = article.hints.outlet;
  if (article.url.empty()) article.url = article.hints.url;
  return article;
}

void Finish(Article* article, const AnalyzeOptions& options) {
  text::AnnotateSentences(article);
  if (article->language.empty()) {
    // The language reads only the head of the body: join no more of it than that, and at
    // first only what the English fast path reads (most articles stop there).
    std::string head = BodyHead(*article, text::kEnglishReadBytes + 1);
    if (text::LooksEnglishFast(head.empty() ? std::string_view(article->text) : head)) {
      article->language = "en";
    } else {
      std::string body = BodyHead(*article, text::kLanguageReadBytes + 1);
      article->language = text::DetectLanguage(body.empty() ? std::string_view(article->text)
                                                            : std::string_view(body));
    }
  }
  if (options.last_stage == LastStage::kText) return;
  entities::AnnotateEntities(article);
  if (options.last_stage == LastStage::kEntities) return;
  quotes::AnnotateQuotes(article);
}

}  // namespace parallax::pipeline
