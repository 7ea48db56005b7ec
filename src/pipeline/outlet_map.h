// An outlet map: CSV rows "pattern,outlet" naming the outlet of every source whose path
// contains `pattern` (ASCII case-insensitive). The first matching row wins. An optional header
// row "pattern,outlet", blank lines and lines starting with '#' are ignored.
#ifndef PARALLAX_PIPELINE_OUTLET_MAP_H_
#define PARALLAX_PIPELINE_OUTLET_MAP_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parallax/status.h"

namespace parallax::pipeline {

class OutletMap {
 public:
  // Errors: NotFound / IoError when the file cannot be read; InvalidArgument naming the line
  // when a row has no comma or an empty field.
  static Result<OutletMap> Load(const std::string& path);
  static Result<OutletMap> Parse(std::string_view csv, std::string_view name);

  // The outlet for `source`, or "" when no row matches.
  std::string_view Match(std::string_view source) const;
  bool empty() const { return rows_.empty(); }

 private:
  std::vector<std::pair<std::string, std::string>> rows_;  // lower-cased pattern, outlet
};

}  // namespace parallax::pipeline

#endif  // PARALLAX_PIPELINE_OUTLET_MAP_H_
