// JSON string literals: the one escaper every writer of JSON in parallax uses (article records,
// store exports, evaluation tools). Tests parse its output back with nlohmann::json.
#ifndef PARALLAX_BASE_JSON_STRING_H_
#define PARALLAX_BASE_JSON_STRING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace parallax {

// Appends `s` to `out` as a JSON string literal, quotes included. Input must be valid UTF-8;
// control characters, '"' and '\\' are escaped, everything else is written as is.
void AppendJsonString(std::string_view s, std::string* out);

// The same without the surrounding quotes: the escaped content only, for a string literal
// written in pieces.
void AppendJsonStringContent(std::string_view s, std::string* out);

// Offset of the first byte in s[i, n) that needs escaping in a JSON string (below 0x20, '"' or
// '\\'), or n. Shared by AppendJsonString and the pipeline's JsonWriter.
size_t NextJsonEscape(const char* s, size_t i, size_t n);

// Writes the JSON escape of byte `c` (one NextJsonEscape found) at `p`: at most 6 bytes.
// Returns the end of what it wrote.
char* WriteJsonEscape(unsigned char c, char* p);

}  // namespace parallax

#endif  // PARALLAX_BASE_JSON_STRING_H_
