// The shape of one line of plain text for extraction: how many words it has, how many start
// upper or lower case, whether its first letter is upper case, whether it has letters at all,
// and whether it has a wide gap (three spaces in a row, as menus are laid out). One pass over
// the line; plain ASCII runs are taken 16 bytes at a time.
//
//   parallax::extract::LineShape s = parallax::extract::ScanLineShape("Read the NEWS today");
//   // s.words == 4, s.upper_words == 2, s.lower_words == 2, s.first_upper == true
#ifndef PARALLAX_EXTRACT_LINE_SHAPE_H_
#define PARALLAX_EXTRACT_LINE_SHAPE_H_

#include <string_view>

namespace parallax::extract {

struct LineShape {
  // Words are runs of characters between white space (ASCII white space and the Unicode
  // spaces of utf8::IsSpace).
  int words = 0;
  // Words whose first letter or digit is an upper-case (resp. lower-case) letter; a word whose
  // first such character is a digit or a caseless letter counts in neither.
  int upper_words = 0;
  int lower_words = 0;
  // The line's first letter or digit is upper case, a digit, or a caseless letter.
  bool first_upper = false;
  bool any_letter = false;
  bool wide_gap = false;  // three ASCII spaces in a row (tabs between them do not break it)
};

// The shape of `line` (valid UTF-8; any bytes are accepted). Thread-safe.
LineShape ScanLineShape(std::string_view line);

// A letter for extraction's purposes: cased letters of utf8::IsUpper/IsLower, and any other
// non-ASCII code point outside punctuation, symbols, combining marks and specials.
bool IsLetterCodePoint(char32_t c);

namespace internal {
// ScanLineShape byte by byte, without the 16-byte path: the oracle of line_shape_test.cc.
LineShape ScanLineShapeByteByByte(std::string_view line);
}  // namespace internal

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_LINE_SHAPE_H_
