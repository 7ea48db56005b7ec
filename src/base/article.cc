#include "parallax/article.h"

namespace parallax {

std::string_view BlockRoleName(BlockRole role) {
  switch (role) {
    case BlockRole::kHeadline:
      return "headline";
    case BlockRole::kStandfirst:
      return "standfirst";
    case BlockRole::kSection:
      return "section";
    case BlockRole::kTimestamp:
      return "timestamp";
    case BlockRole::kDateline:
      return "dateline";
    case BlockRole::kByline:
      return "byline";
    case BlockRole::kBody:
      return "body";
    case BlockRole::kCaption:
      return "caption";
    case BlockRole::kCredit:
      return "credit";
    case BlockRole::kBoilerplate:
      return "boilerplate";
  }
  return "body";
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kLocation:
      return "location";
    case EntityType::kOther:
      return "other";
  }
  return "other";
}

std::string Article::Body() const {
  std::string body;
  for (const Block& block : blocks) {
    if (block.role != BlockRole::kBody) continue;
    if (!body.empty()) body += "\n\n";
    body += View(block.span);
  }
  return body;
}

}  // namespace parallax
