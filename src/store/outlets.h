// Outlet facts: the built-in registry, lookup keys, and the CSV importers (the parallax outlet
// format and Media Bias/Fact Check scrapes). Parsing is separate from storing so that it can be
// tested without a database; Store::ImportOutletsCsv stores what ParseOutletsCsv returns.
//
// Lookup keys: an outlet is found by its name, an alias or a domain. Keys are trimmed, ASCII
// lower-cased, inner whitespace collapsed; a leading "the " gives a second key ("The Guardian"
// is found as "guardian"). Domains are lower-cased host names without "www." ("tass.com").
#ifndef PARALLAX_STORE_OUTLETS_H_
#define PARALLAX_STORE_OUTLETS_H_

#include <string>
#include <string_view>
#include <vector>

#include "parallax/status.h"
#include "parallax/store.h"

namespace parallax::store {

// The lookup form of a name or alias: "  The  Moscow Times " -> "the moscow times".
std::string OutletKey(std::string_view name);
// Every key an outlet is found by: its names (and their forms without "the ") and domains.
std::vector<std::string> OutletKeys(const Outlet& outlet);

// The host of a URL or bare domain, lower-cased, without port and "www.":
// "https://www.TASS.com:443/politics/1" -> "tass.com"; "" when there is none.
std::string DomainOf(std::string_view url_or_domain);

struct ParsedOutlets {
  std::vector<Outlet> outlets;
  size_t rows = 0;     // data rows
  size_t skipped = 0;  // rows without a name (or domain to name them by)
};

// Parses an outlet CSV. The header row decides the mapping (column names are matched
// case-insensitively):
//   name | page | outlet | source_name     -> Outlet::name (else the first domain)
//   aliases                                -> aliases, separated by ';' or '|'
//   domains | domain | url | source | website | homepage -> domains (a URL gives its host)
//   country                                -> country ("USA" -> "United States", "(...)" cut)
//   kind                                   -> kind (ParseOutletKind; unknown words -> unknown)
//   ratings                                -> a JSON object merged into the ratings
//   any other column                       -> ratings[ratings_key][column] (non-empty values)
// `ratings_key` "" picks "mbfc" for a Media Bias/Fact Check header (bias_rating,
// factual_reporting or mbfclink) and "import" otherwise.
// Errors: InvalidArgument for malformed CSV, an empty file, a header with neither a name nor a
// domain column, or a ratings cell that is not a JSON object.
Result<ParsedOutlets> ParseOutletsCsv(std::string_view csv, std::string_view ratings_key = "");

}  // namespace parallax::store

#endif  // PARALLAX_STORE_OUTLETS_H_
