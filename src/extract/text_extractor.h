// Finds the article inside a plain-text scrape: splits `article->text` into line/paragraph
// blocks, gives every block a role (headline, standfirst, section, timestamp, dateline, byline,
// body, caption, credit, boilerplate with a reason) and fills the metadata the text states
// (headline, standfirst, section, published, dateline, byline, outlet).
#ifndef PARALLAX_EXTRACT_TEXT_EXTRACTOR_H_
#define PARALLAX_EXTRACT_TEXT_EXTRACTOR_H_

#include <cstdint>
#include <vector>

#include "parallax/article.h"

namespace parallax::extract {

// Precondition: article->text is valid UTF-8; article->hints holds what the record knew.
// Postcondition: blocks cover every non-blank line of text, in order, without overlap.
// Hints win over what the text says for title/outlet/date only when the text says nothing,
// except an explicit outlet hint (from --outlet), which always wins.
void ExtractFromText(Article* article);

// The same, and per block of article->blocks the value Hash64(FoldText(block text)) (0 when
// the block folds to nothing), which RepetitionModel keys blocks by: extraction folds every
// line anyway, so this costs little more than the hashing.
void ExtractFromText(Article* article, std::vector<uint64_t>* block_fold_hashes);

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_TEXT_EXTRACTOR_H_
