// Language identification (cld2).
#ifndef PARALLAX_TEXT_LANGUAGE_H_
#define PARALLAX_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace parallax::text {

// ISO 639-1 code of the main language of `utf8` ("en", "ru"), or "" when unreliable.
std::string DetectLanguage(std::string_view utf8);

}  // namespace parallax::text

#endif  // PARALLAX_TEXT_LANGUAGE_H_
