// Terminal output for the read verbs (stories, show, search): display widths of UTF-8 text,
// truncation with "…", word wrapping, aligned tables, and the decision whether to use colour.
//
// Widths are terminal columns, not bytes or code points: East Asian wide and fullwidth
// characters (CJK, Hangul, fullwidth forms, most emoji) take 2, combining marks and format
// characters 0, everything else 1. Text is cut between characters, never inside a UTF-8
// sequence, and a combining mark stays with its base.
//
//   Table t({{"LABEL", 10, 0, true}, {"ARTICLES", 8, 8, false, Align::kRight}});
//   t.AddRow({"Port Alvara strike", "6"});
//   std::fputs(t.Render(TerminalWidth(stdout)).c_str(), stdout);
#ifndef PARALLAX_APPS_CLI_TABLE_H_
#define PARALLAX_APPS_CLI_TABLE_H_

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace parallax::cli {

// Columns `s` takes on a terminal. `s` should be valid UTF-8 (a bad byte counts 1).
size_t DisplayWidth(std::string_view s);

// The longest prefix of `s` that fits `width` columns; when `s` is cut, the prefix ends with
// "…" (which takes one of the columns). Width 0 gives "".
std::string Truncate(std::string_view s, size_t width);

enum class Align { kLeft, kRight };
// Truncate(s, width) padded with spaces to exactly `width` columns.
std::string Fit(std::string_view s, size_t width, Align align = Align::kLeft);

// `s` on one line: C0/C1 control characters (newline, tab, ESC ...) become spaces and runs of
// whitespace collapse to one space, so a stored string can neither break a table row nor send
// escape sequences to the terminal. Leading and trailing whitespace is dropped.
std::string OneLine(std::string_view s);

// OneLine(s) broken into lines of at most `width` columns at spaces; a word longer than
// `width` is cut. Empty input gives no lines.
std::vector<std::string> Wrap(std::string_view s, size_t width);

struct Column {
  std::string header;
  size_t min_width = 4;   // never narrower (unless the header is narrower still)
  size_t max_width = 0;   // never wider; 0 = as wide as the widest cell
  bool flexible = false;  // shrinks first (down to soft_min) when the table is too wide
  Align align = Align::kLeft;
  size_t soft_min = 0;  // flexible columns: where shrinking first stops; 0 = min_width
};

// Rows of cells under a header, columns two spaces apart, each cell cut to its column's width.
class Table {
 public:
  explicit Table(std::vector<Column> columns) : columns_(std::move(columns)) {}
  // Cells beyond the number of columns are ignored; missing cells are empty. Cells are passed
  // through OneLine.
  void AddRow(std::vector<std::string> cells);
  size_t rows() const { return rows_.size(); }
  // The table in at most `width` columns per line (when the columns' minimum widths allow):
  // flexible columns shrink first (widest first) down to their soft_min, then every column
  // (widest first) down to its min_width. `bold_header` wraps the header line in ANSI
  // bold. Each line ends with "\n"; no trailing spaces.
  std::string Render(size_t width, bool bold_header = false) const;
  // The width each column gets in Render(width).
  std::vector<size_t> Widths(size_t width) const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// True when `stream` is a terminal.
bool IsTerminal(std::FILE* stream);

// Whether to write ANSI colour to `stream`. mode: "always", "never" or "auto" (a terminal
// only). A non-empty NO_COLOR environment variable turns colour off in every mode
// (https://no-color.org), and so does TERM=dumb in "auto".
bool UseColor(std::FILE* stream, std::string_view mode = "auto");

// Columns for output to `stream`: a positive COLUMNS environment variable, else the terminal's
// width, else 100. Never less than 40.
size_t TerminalWidth(std::FILE* stream);

// ANSI SGR sequences used by the read verbs.
inline constexpr std::string_view kBold = "\x1b[1m";
inline constexpr std::string_view kDim = "\x1b[2m";
inline constexpr std::string_view kHighlight = "\x1b[1;33m";  // bold yellow
inline constexpr std::string_view kReset = "\x1b[0m";

}  // namespace parallax::cli

#endif  // PARALLAX_APPS_CLI_TABLE_H_
