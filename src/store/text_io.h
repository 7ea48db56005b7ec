// Small text formats the store reads and writes: RFC 4180 CSV and JSON strings/arrays.
// Internal to the store.
#ifndef PARALLAX_STORE_TEXT_IO_H_
#define PARALLAX_STORE_TEXT_IO_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"

namespace parallax::store {

using CsvRow = std::vector<std::string>;

// Parses CSV (RFC 4180): comma-separated fields, fields in double quotes may hold commas,
// newlines and doubled quotes (""); CRLF or LF line ends; a UTF-8 BOM is skipped; blank lines are
// skipped. Errors: InvalidArgument naming the line of an unterminated quoted field or of text
// after a closing quote.
Result<std::vector<CsvRow>> ParseCsv(std::string_view csv);

// Appends `field` to `out` as one CSV field: quoted (quotes doubled) when it holds a comma, a
// quote, CR or LF, or starts or ends with a space.
void AppendCsvField(std::string* out, std::string_view field);

// Appends `s` as a JSON string literal (quotes included). Control characters are escaped;
// `s` is assumed valid UTF-8 and copied as is otherwise.
void AppendJsonString(std::string* out, std::string_view s);
// ["a","b"] for a list of strings.
std::string JsonStringArray(const std::vector<std::string>& items);
// Parses a JSON array of strings; an empty, invalid or non-array input gives {} (the store
// wrote these values itself, so a damaged one is not worth failing a read over).
std::vector<std::string> ParseJsonStringArray(std::string_view json);

}  // namespace parallax::store

#endif  // PARALLAX_STORE_TEXT_IO_H_
