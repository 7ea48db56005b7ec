#include "apps/cli/read_common.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "apps/cli/commands.h"
#include "apps/cli/table.h"
#include "src/store/text_io.h"

namespace parallax::cli {
namespace {

bool Digits(std::string_view s, size_t pos, size_t count, int* value) {
  if (pos + count > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *value = v;
  return true;
}

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

void AddDbOption(CLI::App* cmd, std::string* path) {
  cmd->add_option("--db", *path, "Corpus database written by `parallax ingest` (opened read-only)")
      ->default_str(std::string(kDefaultDbPath))
      ->type_name("FILE");
}

std::optional<Store> OpenForReading(std::string_view verb, const std::string& path,
                                    int* exit_code) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    *exit_code =
        ReportError(verb, "no database at " + path + "; run `parallax ingest SOURCE... --db " +
                              path + "` first to build one (or name another file with --db FILE)");
    return std::nullopt;
  }
  if (std::filesystem::is_directory(status)) {
    *exit_code = ReportError(verb, path + " is a directory, not a database file");
    return std::nullopt;
  }
  StoreOptions options;
  options.read_only = true;
  Result<Store> store = Store::Open(path, options);
  if (!store.ok()) {
    // Not a database, a newer schema, no permission: none is fixed by retrying.
    std::fprintf(stderr, "parallax %.*s: cannot read %s: %s\n", static_cast<int>(verb.size()),
                 verb.data(), path.c_str(), store.status().message().c_str());
    *exit_code = kExitUsage;
    return std::nullopt;
  }
  return std::move(store).value();
}

int ReportError(std::string_view verb, std::string_view message) {
  std::fprintf(stderr, "parallax %.*s: %.*s\n", static_cast<int>(verb.size()), verb.data(),
               static_cast<int>(message.size()), message.data());
  return kExitUsage;
}

int ReportError(std::string_view verb, const Status& status) {
  ReportError(verb, status.message());
  const bool users_fault =
      status.code() == StatusCode::kInvalidArgument || status.code() == StatusCode::kNotFound;
  return users_fault ? kExitUsage : kExitSomeFailed;
}

Result<std::string> NormalizeDateFlag(std::string_view flag, std::string_view value) {
  if (value.empty()) return std::string();
  auto bad = [&](std::string_view why) {
    return Status::InvalidArgument(
        "bad " + std::string(flag) + " '" + std::string(value) + "': " + std::string(why) +
        " (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS], e.g. 2024-03-12 or 2024-03-12T14:30)");
  };
  int year, month, day;
  if (value.size() < 10 || !Digits(value, 0, 4, &year) || value[4] != '-' ||
      !Digits(value, 5, 2, &month) || value[7] != '-' || !Digits(value, 8, 2, &day)) {
    return bad("not a date");
  }
  if (month < 1 || month > 12) return bad("no month " + std::to_string(month));
  if (day < 1 || day > DaysInMonth(year, month)) return bad("no such day");
  std::string out(value.substr(0, 10));
  if (value.size() == 10) return out;
  int hour, minute, second = 0;
  if ((value[10] != 'T' && value[10] != ' ') || !Digits(value, 11, 2, &hour) || value.size() < 16 ||
      value[13] != ':' || !Digits(value, 14, 2, &minute)) {
    return bad("not a date and time");
  }
  if (value.size() != 16 &&
      (value.size() != 19 || value[16] != ':' || !Digits(value, 17, 2, &second))) {
    return bad("not a date and time");
  }
  if (hour > 23 || minute > 59 || second > 59) return bad("no such time");
  out += 'T';
  out += value.substr(11);
  return out;
}

bool CheckDateRange(std::string_view verb, std::string* since, std::string* until) {
  Result<std::string> s = NormalizeDateFlag("--since", *since);
  if (!s.ok()) {
    ReportError(verb, s.status());
    return false;
  }
  Result<std::string> u = NormalizeDateFlag("--until", *until);
  if (!u.ok()) {
    ReportError(verb, u.status());
    return false;
  }
  *since = *s;
  *until = *u;
  // --until DATE includes the whole day, so compare dates when either is a bare date.
  if (!since->empty() && !until->empty() && since->substr(0, 10) > until->substr(0, 10)) {
    ReportError(verb, "--since " + *since + " is after --until " + *until);
    return false;
  }
  return true;
}

std::string ResolveListFormat(std::string_view requested) {
  if (requested != "auto") return std::string(requested);
  return IsTerminal(stdout) ? "table" : "jsonl";
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line.push_back(',');
    store::AppendCsvField(&line, fields[i]);
  }
  line.append("\r\n");
  return line;
}

std::string JsonLine(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

bool WriteOut(std::string_view verb, std::string_view s) {
  if (std::fwrite(s.data(), 1, s.size(), stdout) == s.size()) return true;
  ReportError(verb, std::string("cannot write output: ") + std::strerror(errno));
  return false;
}

}  // namespace parallax::cli
