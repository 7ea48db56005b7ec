#include "apps/cli/table.h"

#include <sys/ioctl.h>
#include <unicode/uchar.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace parallax::cli {
namespace {

// Decodes the code point at s[*i] and advances *i past it; a malformed sequence gives U+FFFD
// and advances one byte. (apps/ use the public headers only, so not src/base/utf8.h.)
char32_t NextChar(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char c = p[*i];
  const size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return len == 1 ? c : 0xFFFD;
  }
  char32_t cp = len == 1 ? c : (c & (0x7F >> len));
  for (size_t k = 1; k < len; ++k) {
    if ((p[*i + k] & 0xC0) != 0x80) {
      ++*i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (p[*i + k] & 0x3F);
  }
  *i += len;
  return cp;
}

bool IsSpace(char32_t c) {
  return c == ' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Columns of one code point. ICU's East_Asian_Width property decides wide characters;
// nonspacing and enclosing marks, format characters (ZWJ, bidi controls, soft hyphen) and
// Hangul medial/final jamo join the previous character.
int CharWidth(char32_t c) {
  if (c < 0x7F) return c < 0x20 ? 0 : 1;  // ASCII fast path; controls take no column
  if (c < 0xA0) return 0;                 // DEL and C1 controls
  if (c >= 0x1160 && c <= 0x11FF) return 0;
  const int8_t category = u_charType(static_cast<UChar32>(c));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR) {
    return 0;
  }
  const int eaw = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
}

bool IsControl(char32_t c) { return c < 0x20 || (c >= 0x7F && c < 0xA0); }

constexpr std::string_view kEllipsis = "…";

}  // namespace

size_t DisplayWidth(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) width += CharWidth(NextChar(s, &i));
  return width;
}

std::string Truncate(std::string_view s, size_t width) {
  if (DisplayWidth(s) <= width) return std::string(s);
  if (width == 0) return "";
  // Keep characters while they fit in width - 1 columns (one is for the ellipsis); zero-width
  // characters after the last kept one stay with it.
  size_t used = 0, cut = 0;
  for (size_t i = 0; i < s.size();) {
    size_t next = i;
    const int w = CharWidth(NextChar(s, &next));
    if (used + w > width - 1) break;
    used += w;
    i = next;
    cut = i;
  }
  std::string out(s.substr(0, cut));
  // Trailing spaces before the ellipsis read badly ("word …").
  while (!out.empty() && out.back() == ' ') out.pop_back();
  out.append(kEllipsis);
  return out;
}

std::string Fit(std::string_view s, size_t width, Align align) {
  std::string cut = Truncate(s, width);
  const size_t w = DisplayWidth(cut);
  std::string pad(width > w ? width - w : 0, ' ');
  return align == Align::kLeft ? cut + pad : pad + cut;
}

std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const char32_t c = NextChar(s, &i);
    if (IsControl(c) || IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::vector<std::string> Wrap(std::string_view s, size_t width) {
  std::vector<std::string> lines;
  if (width == 0) width = 1;
  const std::string text = OneLine(s);
  std::string line;
  size_t line_width = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find(' ', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view word = std::string_view(text).substr(pos, end - pos);
    pos = end + 1;
    size_t w = DisplayWidth(word);
    if (!line.empty() && line_width + 1 + w <= width) {
      line += ' ';
      line += word;
      line_width += 1 + w;
      continue;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    line_width = 0;
    // A word wider than a line is cut into line-sized pieces.
    while (w > width) {
      size_t used = 0, cut = 0;
      for (size_t i = 0; i < word.size();) {
        size_t next = i;
        const int cw = CharWidth(NextChar(word, &next));
        if (used + cw > width && cut > 0) break;
        used += cw;
        i = next;
        cut = i;
      }
      lines.emplace_back(word.substr(0, cut));
      word.remove_prefix(cut);
      w = DisplayWidth(word);
    }
    line = std::string(word);
    line_width = w;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(columns_.size());
  for (std::string& cell : cells) cell = OneLine(cell);
  rows_.push_back(std::move(cells));
}

std::vector<size_t> Table::Widths(size_t width) const {
  const size_t n = columns_.size();
  std::vector<size_t> natural(n), floor(n);
  for (size_t c = 0; c < n; ++c) {
    size_t w = DisplayWidth(columns_[c].header);
    for (const auto& row : rows_) w = std::max(w, DisplayWidth(row[c]));
    if (columns_[c].max_width > 0) w = std::min(w, columns_[c].max_width);
    natural[c] = w;
    floor[c] = std::min(w, std::max(columns_[c].min_width, DisplayWidth(columns_[c].header)));
  }
  std::vector<size_t> widths = natural;
  size_t total = n > 0 ? 2 * (n - 1) : 0;
  for (size_t w : widths) total += w;
  // Shrink flexible columns first, down to their soft minimum, then every column down to its
  // floor, always taking from the widest column that can still give: long outlet lists give
  // way before labels, and labels before dates.
  for (int pass = 0; pass < 2 && total > width; ++pass) {
    std::vector<size_t> stop = floor;
    if (pass == 0) {
      for (size_t c = 0; c < n; ++c) {
        stop[c] = columns_[c].flexible
                      ? std::max(floor[c], std::min(natural[c], columns_[c].soft_min))
                      : natural[c];
      }
    }
    while (total > width) {
      size_t best = n;
      for (size_t c = 0; c < n; ++c) {
        if (widths[c] <= stop[c]) continue;
        if (best == n || widths[c] > widths[best]) best = c;
      }
      if (best == n) break;
      --widths[best];
      --total;
    }
  }
  return widths;
}

std::string Table::Render(size_t width, bool bold_header) const {
  const std::vector<size_t> widths = Widths(width);
  std::string out;
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    std::string text;
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (c > 0) text += "  ";
      text += Fit(cells[c], widths[c], columns_[c].align);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (header && bold_header) {
      out.append(kBold);
      out += text;
      out.append(kReset);
    } else {
      out += text;
    }
    out += '\n';
  };
  std::vector<std::string> header;
  for (const Column& col : columns_) header.push_back(col.header);
  line(header, true);
  for (const auto& row : rows_) line(row, false);
  return out;
}

bool IsTerminal(std::FILE* stream) { return isatty(fileno(stream)) == 1; }

bool UseColor(std::FILE* stream, std::string_view mode) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return IsTerminal(stream);
}

size_t TerminalWidth(std::FILE* stream) {
  constexpr size_t kDefault = 100, kMinimum = 40;
  size_t width = 0;
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    long v = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && v > 0) width = static_cast<size_t>(v);
  }
  if (width == 0) {
    struct winsize ws;
    if (ioctl(fileno(stream), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) width = ws.ws_col;
  }
  if (width == 0) width = kDefault;
  return std::max(width, kMinimum);
}

}  // namespace parallax::cli
