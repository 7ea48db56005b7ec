#include "src/ingest/jsonl.h"

#include <simdjson.h>

#include <charconv>
#include <string>

#include "src/ingest/sniff.h"

namespace parallax::ingest {

static_assert(JsonlParser::kPadding == simdjson::SIMDJSON_PADDING, "kPadding must match simdjson");

namespace {

namespace dom = simdjson::dom;

// A hint field as text: strings as they are, numbers and booleans in JSON spelling ("2016",
// "1.5", "true"), null and containers as nothing.
void Stringify(dom::element value, std::string* out) {
  out->clear();
  switch (value.type()) {
    case dom::element_type::STRING:
      out->assign(std::string_view(value));
      break;
    case dom::element_type::INT64:
      *out = std::to_string(int64_t(value));
      break;
    case dom::element_type::UINT64:
      *out = std::to_string(uint64_t(value));
      break;
    case dom::element_type::DOUBLE: {
      char buf[32];
      auto [end, ec] = std::to_chars(buf, buf + sizeof buf, double(value));
      if (ec == std::errc()) out->assign(buf, end);
      break;
    }
    case dom::element_type::BOOL:
      *out = bool(value) ? "true" : "false";
      break;
    default:
      break;
  }
}

Status Malformed(simdjson::error_code err) {
  return Status::InvalidArgument(std::string("malformed JSON: ") + simdjson::error_message(err));
}

}  // namespace

// The DOM API rather than On Demand: On Demand is compiled into this file for the baseline
// CPU (the fallback kernel), while dom::parser dispatches at run time to the library's
// AVX2/SSE4.2 kernels. Records hold one big string and a few small fields, so building the tape
// costs little next to the unescaping that both APIs do.
struct JsonlParser::Impl {
  InputOptions options;
  dom::parser parser;
  std::string padded;  // for lines without readable padding after them
};

JsonlParser::JsonlParser(const InputOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
}

JsonlParser::~JsonlParser() = default;

bool JsonlParser::IsObject(std::string_view line, size_t readable_after) {
  RawDocument scratch;
  Status s = Parse(line, readable_after, &scratch);
  // A record without the text field is still JSONL (the reader reports that line).
  return s.ok() || s.message().rfind("no string field", 0) == 0 ||
         s.code() == StatusCode::kResourceExhausted;
}

Status JsonlParser::Parse(std::string_view line, size_t readable_after, RawDocument* doc) {
  Impl& m = *impl_;
  const InputOptions& opt = m.options;
  const char* data = line.data();
  if (readable_after < line.size() + simdjson::SIMDJSON_PADDING) {
    m.padded.assign(line);
    m.padded.append(simdjson::SIMDJSON_PADDING, ' ');
    data = m.padded.data();
  }
  dom::element root;
  if (auto err = m.parser.parse(data, line.size(), /*realloc_if_needed=*/false).get(root))
    return Malformed(err);
  dom::object object;
  if (root.get(object) != simdjson::SUCCESS) return Status::InvalidArgument("not a JSON object");

  doc->bytes.clear();
  doc->format = InputFormat::kText;
  doc->declared_charset.clear();
  doc->hints = ArticleHints();
  bool have_text = false, have_html = false;
  for (dom::key_value_pair field : object) {
    std::string_view key = field.key;
    std::string* hint = nullptr;
    if (!opt.html_field.empty() && key == opt.html_field) {
      std::string_view s;
      if (!have_html && field.value.get(s) == simdjson::SUCCESS) {
        // The HTML field wins over the text field: it holds what the text was made from.
        doc->bytes.assign(s);
        have_html = true;
      }
      continue;
    }
    if (key == opt.text_field) {
      std::string_view s;
      if (!have_text && !have_html && field.value.get(s) == simdjson::SUCCESS) {
        doc->bytes.assign(s);
        have_text = true;
      }
      continue;
    }
    if (!opt.id_field.empty() && key == opt.id_field) {
      hint = &doc->hints.id;
    } else if (!opt.title_field.empty() && key == opt.title_field) {
      hint = &doc->hints.title;
    } else if (!opt.date_field.empty() && key == opt.date_field) {
      hint = &doc->hints.date;
    } else if (!opt.outlet_field.empty() && key == opt.outlet_field) {
      hint = &doc->hints.outlet;
    } else if (!opt.url_field.empty() && key == opt.url_field) {
      hint = &doc->hints.url;
    }
    if (hint != nullptr && hint->empty()) Stringify(field.value, hint);
  }
  if (!have_text && !have_html) {
    doc->bytes.clear();
    return Status::InvalidArgument("no string field '" + opt.text_field + "'");
  }
  if (doc->bytes.size() > opt.max_article_bytes) {
    size_t n = doc->bytes.size();
    doc->bytes.clear();
    return Status::ResourceExhausted("record text is " + std::to_string(n) +
                                     " bytes, over max_article_bytes (" +
                                     std::to_string(opt.max_article_bytes) + ")");
  }
  doc->format =
      have_html || LooksLikeHtmlDocument(doc->bytes) ? InputFormat::kHtml : InputFormat::kText;
  return Status::Ok();
}

Status ParseJsonlRecord(std::string_view line, const InputOptions& options, RawDocument* doc) {
  JsonlParser parser(options);
  return parser.Parse(line, doc);
}

}  // namespace parallax::ingest
