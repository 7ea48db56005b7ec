#include "src/store/text_io.h"

#include <nlohmann/json.hpp>

#include "src/base/json_string.h"

namespace parallax::store {

Result<std::vector<CsvRow>> ParseCsv(std::string_view csv) {
  std::vector<CsvRow> rows;
  if (csv.substr(0, 3) == "\xEF\xBB\xBF") csv.remove_prefix(3);
  CsvRow row;
  std::string field;
  bool at_field_start = true;  // nothing of the current field read yet
  bool row_started = false;    // the row has a comma or a quoted field (so is not blank)
  size_t line = 1;
  size_t i = 0;
  const size_t n = csv.size();
  auto end_row = [&]() {
    if (row_started || !field.empty()) {
      row.push_back(std::move(field));
      rows.push_back(std::move(row));
    }
    row.clear();
    field.clear();
    row_started = false;
    at_field_start = true;
  };
  while (i < n) {
    char c = csv[i];
    if (c == '"' && at_field_start) {
      size_t start_line = line;
      ++i;
      bool closed = false;
      while (i < n) {
        char q = csv[i];
        if (q == '"') {
          if (i + 1 < n && csv[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          closed = true;
          ++i;
          break;
        }
        if (q == '\n') ++line;
        field.push_back(q);
        ++i;
      }
      if (!closed) {
        return Status::InvalidArgument("CSV line " + std::to_string(start_line) +
                                       ": unterminated quoted field");
      }
      row_started = true;
      at_field_start = false;
      if (i < n && csv[i] != ',' && csv[i] != '\n' && csv[i] != '\r') {
        return Status::InvalidArgument("CSV line " + std::to_string(line) +
                                       ": text after a closing quote");
      }
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      row_started = true;
      at_field_start = true;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_row();
      if (c == '\r' && i + 1 < n && csv[i + 1] == '\n') ++i;
      ++i;
      ++line;
      continue;
    }
    field.push_back(c);
    at_field_start = false;
    ++i;
  }
  end_row();
  return rows;
}

void AppendCsvField(std::string* out, std::string_view field) {
  bool quote = !field.empty() && (field.front() == ' ' || field.back() == ' ');
  for (char c : field) {
    if (c == ',' || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendJsonString(std::string* out, std::string_view s) { parallax::AppendJsonString(s, out); }

std::string JsonStringArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(&out, items[i]);
  }
  out.push_back(']');
  return out;
}

std::vector<std::string> ParseJsonStringArray(std::string_view json) {
  std::vector<std::string> items;
  if (json.size() <= 2) return items;  // "", "[]"
  nlohmann::json value = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!value.is_array()) return items;
  for (const auto& item : value) {
    if (item.is_string()) items.push_back(item.get<std::string>());
  }
  return items;
}

}  // namespace parallax::store
