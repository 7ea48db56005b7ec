// Word lists compiled into the binary (written for parallax). Each list is one string of
// folded (lower-case, unaccented) entries separated by spaces; '_' joins the words of a phrase.
#ifndef PARALLAX_ENTITIES_LEXICON_DATA_H_
#define PARALLAX_ENTITIES_LEXICON_DATA_H_

#include <string_view>

namespace parallax::entities::data {

extern const std::string_view kMaleNames;
extern const std::string_view kFemaleNames;
extern const std::string_view kNeutralNames;
extern const std::string_view kHonorifics;
extern const std::string_view kMaleTitles;
extern const std::string_view kFemaleTitles;
extern const std::string_view kTitles;
extern const std::string_view kRoleModifiers;
extern const std::string_view kOrgHeads;
extern const std::string_view kOrgSuffixes;
extern const std::string_view kTeamHeads;
extern const std::string_view kLocHeads;
extern const std::string_view kLocPrefixes;
extern const std::string_view kCountries;
extern const std::string_view kCities;
extern const std::string_view kRegions;
extern const std::string_view kDemonyms;
extern const std::string_view kKnownOrgs;
extern const std::string_view kKnownMisc;
extern const std::string_view kStopCaps;
extern const std::string_view kTimeWords;
extern const std::string_view kCommonWords;
extern const std::string_view kParticles;
extern const std::string_view kLocCues;
extern const std::string_view kSpeechVerbs;
extern const std::string_view kPersonCues;
extern const std::string_view kMiscHeads;
extern const std::string_view kSportWords;
extern const std::string_view kBusinessWords;

}  // namespace parallax::entities::data

#endif  // PARALLAX_ENTITIES_LEXICON_DATA_H_
