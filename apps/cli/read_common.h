// Pieces shared by the verbs that read the corpus database (stories, show, search, export):
// the --db flag and opening the store read-only, date flags, output formats, CSV fields, JSON
// lines, and turning a Status into a message and an exit code.
//
//   std::string db = std::string(kDefaultDbPath);
//   AddDbOption(cmd, &db);
//   ...
//   std::optional<Store> store = OpenForReading("stories", db, &exit_code);
//   if (!store) return exit_code;
#ifndef PARALLAX_APPS_CLI_READ_COMMON_H_
#define PARALLAX_APPS_CLI_READ_COMMON_H_

#include <CLI/CLI.hpp>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax::cli {

inline constexpr std::string_view kDefaultDbPath = "parallax.db";

// Adds "--db FILE" (default ./parallax.db) to `cmd`.
void AddDbOption(CLI::App* cmd, std::string* path);

// Opens the database at `path` read-only. On failure prints "parallax <verb>: ..." on stderr
// (a missing file tells the user to run `parallax ingest` first), sets *exit_code and returns
// nullopt.
std::optional<Store> OpenForReading(std::string_view verb, const std::string& path, int* exit_code);

// Prints "parallax <verb>: <message>" on stderr and returns the exit code for `status`:
// kExitUsage for the user's mistakes (InvalidArgument, NotFound), kExitSomeFailed otherwise.
int ReportError(std::string_view verb, const Status& status);
int ReportError(std::string_view verb, std::string_view message);

// Checks a --since/--until value: YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:SS] ('T' or one space), a
// real calendar date and time. Returns the value with 'T' between date and time, or an
// InvalidArgument naming `flag` and the accepted forms. "" stays "".
Result<std::string> NormalizeDateFlag(std::string_view flag, std::string_view value);

// Validates and normalises filter->since/until in place (and since <= until). On error prints
// it and returns false.
bool CheckDateRange(std::string_view verb, std::string* since, std::string* until);

// "table" when `requested` is "auto" and stdout is a terminal, "jsonl" when it is "auto"
// otherwise; else `requested`.
std::string ResolveListFormat(std::string_view requested);

// One CSV record with CRLF, each field written by store::AppendCsvField (RFC 4180).
std::string CsvLine(const std::vector<std::string>& fields);

// JSON null for "", else the string.
inline nlohmann::ordered_json NullIfEmpty(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

// `value` as one JSON line (compact, non-ASCII kept, invalid UTF-8 replaced), with "\n".
std::string JsonLine(const nlohmann::ordered_json& value);

// Writes `s` to stdout; false (after printing an error) when the write failed (closed pipe,
// full disk).
bool WriteOut(std::string_view verb, std::string_view s);

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_CLI_READ_COMMON_H_
