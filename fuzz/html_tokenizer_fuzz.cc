// Fuzzes the HTML tokenizer and tree builder: any bytes (made valid UTF-8 first, as ingest
// guarantees) must parse without crashing, with every node's ranges inside the input and every
// parent index smaller than its child's.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "src/html/dom.h"
#include "src/html/tokenizer.h"
#include "src/html/visible_text.h"
#include "src/ingest/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string html =
      parallax::ingest::ToUtf8Lossy(std::string_view(reinterpret_cast<const char*>(data), size));
  parallax::html::Tokenizer tok(html);
  parallax::html::Token t;
  uint32_t last_end = 0;
  while (tok.Next(&t)) {
    if (t.begin < last_end || t.end < t.begin || t.end > html.size()) std::abort();
    last_end = t.end;
  }
  parallax::html::Document doc;
  parallax::html::Parse(html, &doc);
  for (uint32_t i = 1; i < doc.nodes.size(); ++i) {
    const parallax::html::Node& n = doc.nodes[i];
    if (n.parent >= i || n.src_end > html.size()) std::abort();
  }
  parallax::html::VisibleText vt;
  parallax::html::BuildVisibleText(doc, &vt);
  uint32_t prev = 0;
  for (const auto& b : vt.blocks) {
    if (b.span.start < prev || b.span.end > vt.text.size() || b.span.empty()) std::abort();
    prev = b.span.end;
  }
  return 0;
}
