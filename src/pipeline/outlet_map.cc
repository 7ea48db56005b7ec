#include "src/pipeline/outlet_map.h"

#include <fstream>
#include <iterator>

namespace parallax::pipeline {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"'))
    s.remove_suffix(1);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

Result<OutletMap> OutletMap::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("outlet map " + path + ": cannot open");
  std::string csv((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return Parse(csv, path);
}

Result<OutletMap> OutletMap::Parse(std::string_view csv, std::string_view name) {
  OutletMap map;
  size_t line_no = 0;
  while (!csv.empty()) {
    size_t nl = csv.find('\n');
    std::string_view line = csv.substr(0, nl);
    csv.remove_prefix(nl == std::string_view::npos ? csv.size() : nl + 1);
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    size_t comma = line.find(',');
    if (comma == std::string_view::npos) {
      return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_no) +
                                     ": expected \"pattern,outlet\"");
    }
    std::string_view pattern = Trim(line.substr(0, comma));
    std::string_view outlet = Trim(line.substr(comma + 1));
    if (line_no == 1 && AsciiLower(pattern) == "pattern") continue;  // header row
    if (pattern.empty() || outlet.empty()) {
      return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_no) +
                                     ": empty pattern or outlet");
    }
    map.rows_.emplace_back(AsciiLower(pattern), std::string(outlet));
  }
  return map;
}

std::string_view OutletMap::Match(std::string_view source) const {
  if (rows_.empty()) return {};
  std::string lower = AsciiLower(source);
  for (const auto& [pattern, outlet] : rows_)
    if (lower.find(pattern) != std::string::npos) return outlet;
  return {};
}

}  // namespace parallax::pipeline
