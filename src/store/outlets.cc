#include "src/store/outlets.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "src/store/text_io.h"

namespace parallax {
namespace {

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view OutletKindName(OutletKind kind) {
  switch (kind) {
    case OutletKind::kUnknown:
      return "unknown";
    case OutletKind::kStateAgency:
      return "state_agency";
    case OutletKind::kPublicBroadcaster:
      return "public_broadcaster";
    case OutletKind::kPrivate:
      return "private";
    case OutletKind::kIndependent:
      return "independent";
  }
  return "unknown";
}

std::optional<OutletKind> ParseOutletKind(std::string_view name) {
  std::string s;
  for (char c : Trim(name)) s.push_back((c == ' ' || c == '-') ? '_' : AsciiLower(c));
  if (s == "unknown" || s.empty()) return OutletKind::kUnknown;
  if (s == "state_agency" || s == "state" || s == "state_media") return OutletKind::kStateAgency;
  if (s == "public_broadcaster" || s == "public") return OutletKind::kPublicBroadcaster;
  if (s == "private" || s == "commercial") return OutletKind::kPrivate;
  if (s == "independent" || s == "exile" || s == "independent/exile") {
    return OutletKind::kIndependent;
  }
  return std::nullopt;
}

std::string_view DuplicateKindName(DuplicateKind kind) {
  switch (kind) {
    case DuplicateKind::kExact:
      return "exact";
    case DuplicateKind::kNear:
      return "near";
    case DuplicateKind::kWire:
      return "wire";
  }
  return "near";
}

// Facts as of 2024, from the outlets' own descriptions of themselves. `country` is where the
// newsroom is based (exile media: the country they publish from). kind: state_agency = run or
// funded and controlled by a state; public_broadcaster = public-service media or agency set up
// by statute with editorial independence; private = commercial or cooperative ownership;
// independent = independent and exile media.
const std::vector<Outlet>& BuiltinOutlets() {
  using K = OutletKind;
  static const std::vector<Outlet> kOutlets = [] {
    struct Row {
      const char* name;
      std::vector<std::string> aliases;
      std::vector<std::string> domains;
      const char* country;
      K kind;
    };
    const std::vector<Row> rows = {
        // Agencies.
        {"TASS",
         {"ITAR-TASS", "Russian News Agency TASS", "ТАСС"},
         {"tass.com", "tass.ru"},
         "Russia",
         K::kStateAgency},
        {"RIA Novosti", {"RIA", "РИА Новости"}, {"ria.ru"}, "Russia", K::kStateAgency},
        {"Interfax", {"Интерфакс"}, {"interfax.ru", "interfax.com"}, "Russia", K::kPrivate},
        {"Reuters", {"Thomson Reuters"}, {"reuters.com"}, "United Kingdom", K::kPrivate},
        {"Associated Press",
         {"AP", "The Associated Press", "AP News"},
         {"apnews.com", "ap.org"},
         "United States",
         K::kPrivate},
        {"Agence France-Presse",
         {"AFP", "Agence France Presse"},
         {"afp.com"},
         "France",
         K::kPublicBroadcaster},
        {"Xinhua",
         {"Xinhua News Agency", "新华社"},
         {"xinhuanet.com", "news.cn"},
         "China",
         K::kStateAgency},
        {"dpa", {"Deutsche Presse-Agentur"}, {"dpa.com"}, "Germany", K::kPrivate},
        {"EFE", {"Agencia EFE"}, {"efe.com"}, "Spain", K::kStateAgency},
        {"ANSA", {"Agenzia Nazionale Stampa Associata"}, {"ansa.it"}, "Italy", K::kPrivate},
        {"Kyodo News", {"Kyodo"}, {"kyodonews.net", "kyodonews.jp"}, "Japan", K::kPrivate},
        {"Yonhap", {"Yonhap News Agency"}, {"yna.co.kr"}, "South Korea", K::kPublicBroadcaster},
        {"Anadolu Agency", {"Anadolu", "AA"}, {"aa.com.tr"}, "Turkey", K::kStateAgency},
        {"Ukrinform", {}, {"ukrinform.net", "ukrinform.ua"}, "Ukraine", K::kStateAgency},
        {"UNIAN", {}, {"unian.net", "unian.info"}, "Ukraine", K::kPrivate},
        {"Bloomberg", {"Bloomberg News"}, {"bloomberg.com"}, "United States", K::kPrivate},
        // Russian state and private media.
        {"RT", {"Russia Today"}, {"rt.com"}, "Russia", K::kStateAgency},
        {"Sputnik",
         {"Sputnik News"},
         {"sputniknews.com", "sputnikglobe.com"},
         "Russia",
         K::kStateAgency},
        {"Rossiyskaya Gazeta", {"Российская газета"}, {"rg.ru"}, "Russia", K::kStateAgency},
        {"Kommersant", {"Коммерсантъ"}, {"kommersant.ru"}, "Russia", K::kPrivate},
        {"Vedomosti", {"Ведомости"}, {"vedomosti.ru"}, "Russia", K::kPrivate},
        {"Izvestia", {"Известия"}, {"iz.ru"}, "Russia", K::kPrivate},
        {"RBC", {"РБК", "RBK"}, {"rbc.ru"}, "Russia", K::kPrivate},
        // Independent and exile media.
        {"The Moscow Times",
         {"Moscow Times"},
         {"themoscowtimes.com"},
         "Netherlands",
         K::kIndependent},
        {"Meduza", {"Медуза"}, {"meduza.io"}, "Latvia", K::kIndependent},
        {"Novaya Gazeta Europe",
         {"Новая газета Европа"},
         {"novayagazeta.eu"},
         "Latvia",
         K::kIndependent},
        {"Novaya Gazeta", {"Новая газета"}, {"novayagazeta.ru"}, "Russia", K::kIndependent},
        {"TV Rain", {"Dozhd", "Дождь"}, {"tvrain.tv"}, "Netherlands", K::kIndependent},
        {"Mediazona", {"Медиазона"}, {"zona.media"}, "Lithuania", K::kIndependent},
        // Public broadcasters and state-funded international media.
        {"BBC",
         {"BBC News", "British Broadcasting Corporation"},
         {"bbc.com", "bbc.co.uk"},
         "United Kingdom",
         K::kPublicBroadcaster},
        {"DW", {"Deutsche Welle"}, {"dw.com"}, "Germany", K::kPublicBroadcaster},
        {"France 24", {"France24"}, {"france24.com"}, "France", K::kPublicBroadcaster},
        {"NPR", {"National Public Radio"}, {"npr.org"}, "United States", K::kPublicBroadcaster},
        {"NHK",
         {"NHK World", "Japan Broadcasting Corporation"},
         {"nhk.or.jp"},
         "Japan",
         K::kPublicBroadcaster},
        {"Radio Free Europe/Radio Liberty",
         {"RFE/RL", "Radio Liberty", "Radio Svoboda"},
         {"rferl.org", "svoboda.org"},
         "Czech Republic",
         K::kPublicBroadcaster},
        {"Al Jazeera",
         {"Al Jazeera English"},
         {"aljazeera.com", "aljazeera.net"},
         "Qatar",
         K::kStateAgency},
        {"CGTN", {"China Global Television Network"}, {"cgtn.com"}, "China", K::kStateAgency},
        {"Global Times", {}, {"globaltimes.cn"}, "China", K::kStateAgency},
        // Private outlets.
        {"CNN", {"Cable News Network"}, {"cnn.com"}, "United States", K::kPrivate},
        {"Fox News", {"Fox News Channel"}, {"foxnews.com"}, "United States", K::kPrivate},
        {"The New York Times",
         {"New York Times", "NYT"},
         {"nytimes.com"},
         "United States",
         K::kPrivate},
        {"The Washington Post",
         {"Washington Post"},
         {"washingtonpost.com"},
         "United States",
         K::kPrivate},
        {"The Wall Street Journal",
         {"Wall Street Journal", "WSJ"},
         {"wsj.com"},
         "United States",
         K::kPrivate},
        {"HuffPost",
         {"The Huffington Post", "Huffington Post"},
         {"huffpost.com", "huffingtonpost.com"},
         "United States",
         K::kPrivate},
        {"The Guardian",
         {"Guardian"},
         {"theguardian.com", "guardian.co.uk"},
         "United Kingdom",
         K::kPrivate},
        {"Financial Times", {"FT"}, {"ft.com"}, "United Kingdom", K::kPrivate},
        {"Le Monde", {}, {"lemonde.fr"}, "France", K::kPrivate},
        {"Der Spiegel", {"Spiegel"}, {"spiegel.de"}, "Germany", K::kPrivate},
    };
    std::vector<Outlet> outlets;
    for (const Row& r : rows) {
      Outlet o;
      o.name = r.name;
      o.aliases = r.aliases;
      o.domains = r.domains;
      o.country = r.country;
      o.kind = r.kind;
      outlets.push_back(std::move(o));
    }
    return outlets;
  }();
  return kOutlets;
}

namespace store {
namespace {

std::string CleanCountry(std::string_view raw) {
  std::string_view s = raw;
  size_t paren = s.find('(');
  if (paren != std::string_view::npos) s = s.substr(0, paren);
  s = Trim(s);
  std::string key = OutletKey(s);
  if (key == "usa" || key == "us" || key == "united states of america") return "United States";
  if (key == "uk" || key == "great britain") return "United Kingdom";
  return std::string(s);
}

void SplitList(std::string_view cell, std::vector<std::string>* out) {
  size_t i = 0;
  while (i <= cell.size()) {
    size_t j = cell.find_first_of(";|", i);
    if (j == std::string_view::npos) j = cell.size();
    std::string_view item = Trim(cell.substr(i, j - i));
    if (!item.empty()) out->emplace_back(item);
    i = j + 1;
  }
}

enum class Column { kName, kAliases, kDomain, kCountry, kKind, kRatings, kOther };

Column ColumnOf(std::string_view header) {
  std::string h = OutletKey(header);
  if (h == "name" || h == "page" || h == "outlet" || h == "source_name") return Column::kName;
  if (h == "aliases" || h == "alias") return Column::kAliases;
  if (h == "domains" || h == "domain" || h == "url" || h == "source" || h == "website" ||
      h == "homepage") {
    return Column::kDomain;
  }
  if (h == "country") return Column::kCountry;
  if (h == "kind") return Column::kKind;
  if (h == "ratings") return Column::kRatings;
  return Column::kOther;
}

}  // namespace

std::string OutletKey(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  bool space = false;
  for (char c : Trim(name)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !key.empty()) key.push_back(' ');
    space = false;
    key.push_back(AsciiLower(c));
  }
  return key;
}

std::vector<std::string> OutletKeys(const Outlet& outlet) {
  std::vector<std::string> keys;
  auto add = [&keys](std::string key) {
    if (key.empty()) return;
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  };
  auto add_name = [&](std::string_view name) {
    std::string key = OutletKey(name);
    if (key.size() > 4 && key.compare(0, 4, "the ") == 0) add(key.substr(4));
    add(std::move(key));
  };
  add_name(outlet.name);
  for (const std::string& a : outlet.aliases) add_name(a);
  for (const std::string& d : outlet.domains) add(DomainOf(d));
  return keys;
}

std::string DomainOf(std::string_view url) {
  std::string_view s = Trim(url);
  size_t scheme = s.find("://");
  if (scheme != std::string_view::npos) s.remove_prefix(scheme + 3);
  size_t end = s.find_first_of("/?#");
  if (end != std::string_view::npos) s = s.substr(0, end);
  size_t at = s.rfind('@');
  if (at != std::string_view::npos) s.remove_prefix(at + 1);
  size_t colon = s.find(':');
  if (colon != std::string_view::npos) s = s.substr(0, colon);
  while (!s.empty() && s.back() == '.') s.remove_suffix(1);
  std::string host;
  for (char c : s) host.push_back(AsciiLower(c));
  if (host.compare(0, 4, "www.") == 0) host.erase(0, 4);
  if (host.find('.') == std::string::npos) return "";  // not a host name
  return host;
}

Result<ParsedOutlets> ParseOutletsCsv(std::string_view csv, std::string_view ratings_key) {
  PARALLAX_ASSIGN_OR_RETURN(std::vector<CsvRow> rows, ParseCsv(csv));
  if (rows.empty()) return Status::InvalidArgument("outlet CSV is empty");
  const CsvRow& header = rows[0];
  std::vector<Column> columns;
  bool has_name = false, has_domain = false, mbfc = false;
  for (const std::string& h : header) {
    columns.push_back(ColumnOf(h));
    has_name |= columns.back() == Column::kName;
    has_domain |= columns.back() == Column::kDomain;
    std::string key = OutletKey(h);
    mbfc |= key == "bias_rating" || key == "factual_reporting" || key == "mbfclink";
  }
  if (!has_name && !has_domain) {
    return Status::InvalidArgument("outlet CSV header has no name or domain column");
  }
  std::string rkey(ratings_key);
  if (rkey.empty()) rkey = mbfc ? "mbfc" : "import";

  ParsedOutlets parsed;
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    ++parsed.rows;
    Outlet o;
    nlohmann::json ratings = nlohmann::json::object();
    nlohmann::json own = nlohmann::json::object();
    for (size_t c = 0; c < row.size() && c < columns.size(); ++c) {
      std::string_view cell = Trim(row[c]);
      if (cell.empty()) continue;
      switch (columns[c]) {
        case Column::kName:
          if (o.name.empty()) o.name = std::string(cell);
          break;
        case Column::kAliases:
          SplitList(cell, &o.aliases);
          break;
        case Column::kDomain: {
          std::vector<std::string> items;
          SplitList(cell, &items);
          for (const std::string& item : items) {
            std::string d = DomainOf(item);
            if (!d.empty() && std::find(o.domains.begin(), o.domains.end(), d) == o.domains.end()) {
              o.domains.push_back(std::move(d));
            }
          }
          break;
        }
        case Column::kCountry:
          o.country = CleanCountry(cell);
          break;
        case Column::kKind:
          o.kind = ParseOutletKind(cell).value_or(OutletKind::kUnknown);
          break;
        case Column::kRatings: {
          nlohmann::json j = nlohmann::json::parse(cell, nullptr, /*allow_exceptions=*/false);
          if (!j.is_object()) {
            return Status::InvalidArgument("outlet CSV row " + std::to_string(r + 1) +
                                           ": ratings is not a JSON object");
          }
          ratings.update(j, /*merge_objects=*/true);
          break;
        }
        case Column::kOther:
          own[OutletKey(header[c])] = std::string(cell);
          break;
      }
    }
    if (o.name.empty() && !o.domains.empty()) o.name = o.domains.front();
    if (o.name.empty()) {
      ++parsed.skipped;
      continue;
    }
    if (!own.empty()) ratings[rkey].update(own, /*merge_objects=*/true);
    o.ratings_json =
        ratings.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::replace);
    parsed.outlets.push_back(std::move(o));
  }
  return parsed;
}

}  // namespace store
}  // namespace parallax
