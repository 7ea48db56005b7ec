// Line patterns of plain-text scrapes that are not furniture phrases: photo credits at the end
// of a caption, bylines, and an outlet naming itself inside its own furniture.
//
// All functions are hand-written scanners (no regex), take one line (no line breaks), are
// thread-safe, and return offsets relative to the line.
//
//   auto c = FindCredit("Police at the gate. Jane Roe / AFP");  // c->start == 20 ("Jane Roe /
//   AFP") auto b = ParseByline("By Jane Doe and John Roe");           // b->names == {"Jane Doe",
//   "John Roe"} SelfReferenceOutlet("A Message from The Daily Lantern:")    // == "The Daily
//   Lantern"
#ifndef PARALLAX_EXTRACT_PATTERNS_H_
#define PARALLAX_EXTRACT_PATTERNS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parallax/article.h"

namespace parallax::extract {

// The photo credit that ends `line`, or nullopt: "Name Surname / AGENCY", "AGENCY/Name",
// "Photo: ...", "Фото: ...", "Foto: ...", "(AP Photo/Name)", "... Getty Images". The span runs to
// the end of the line (trailing white space excluded); text before it is the caption.
std::optional<Span> FindCredit(std::string_view line);

struct Byline {
  std::vector<std::string> names;  // personal names only; agencies and job titles dropped
  Span span;                       // the byline part of the line (a trailing date is not in it)
};

// A byline line: "By Jane Doe and John Roe", "Von Anna Beispiel", "Par Jean Exemple",
// "Por Ana Ejemplo", "Автор: Иван Примеров", "Reporting by Jane Doe; Editing by John Roe",
// "By Jane Doe | December 25, 2023". Without a cue word only "Jane Doe, Reuters" (a name and an
// agency) is accepted. Returns nullopt when the line is not a byline.
std::optional<Byline> ParseByline(std::string_view line);

// The outlet a furniture line names as itself, or "": "A Message from The Daily Lantern:",
// "the journalists of The Daily Lantern", "© 2024 Daily Lantern", "Copyright Daily Lantern
// Media", "Subscribe to The Lantern", "The Daily Lantern is an independent ...".
std::string SelfReferenceOutlet(std::string_view line);

}  // namespace parallax::extract

#endif  // PARALLAX_EXTRACT_PATTERNS_H_
