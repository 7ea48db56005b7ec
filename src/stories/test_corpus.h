// Fictional generated articles for the stories tests (no real text): each event has its own
// people, place, topic words and figures, mixed with generic news vocabulary.
#ifndef PARALLAX_STORIES_TEST_CORPUS_H_
#define PARALLAX_STORIES_TEST_CORPUS_H_

#include <random>
#include <string>
#include <vector>

#include "parallax/article.h"
#include "src/base/hash.h"

namespace parallax::stories::testing {

struct Event {
  std::vector<std::string> people;
  std::string place;
  std::vector<std::string> topic;
  std::string figure;
};

inline const std::vector<Event>& Events() {
  static const std::vector<Event> kEvents = {
      {{"Mara Velkova", "Ilse Damarin"},
       "Kellbrook",
       {"ferry", "capsized", "harbour", "rescue", "divers", "passengers", "coastguard"},
       "41"},
      {{"Toren Ashby", "Pell Quarrin"},
       "Ostmere",
       {"election", "ballots", "recount", "candidate", "turnout", "polling", "coalition"},
       "2,317"},
      {{"Odile Franck", "Remy Tassel"},
       "Varnholm",
       {"vaccine", "trial", "laboratory", "dose", "patients", "regulator", "approval"},
       "73.5"},
      {{"Juno Halvard", "Bex Ormond"},
       "Drecht",
       {"wildfire", "evacuation", "firefighters", "hectares", "smoke", "blaze", "winds"},
       "12,000"},
      {{"Casimir Lund", "Nadia Orsk"},
       "Pellham",
       {"merger", "shares", "acquisition", "shareholders", "bid", "stock", "takeover"},
       "8.4"},
      {{"Wren Castellan", "Otto Brisk"},
       "Saltmarsh",
       {"strike", "union", "wages", "railway", "walkout", "negotiations", "commuters"},
       "19"},
  };
  return kEvents;
}

inline std::string Sentence(const Event& e, std::mt19937* rng) {
  static const char* kGeneric[] = {"officials",  "reported",  "on",        "the",   "a",
                                   "of",         "in",        "after",     "local", "city",
                                   "government", "statement", "according", "to",    "with",
                                   "and",        "while",     "residents", "later", "early",
                                   "morning",    "region",    "national"};
  std::string s;
  int len = 12 + (*rng)() % 8;
  for (int w = 0; w < len; ++w) {
    int pick = (*rng)() % 10;
    std::string word;
    if (pick < 4) {
      word = e.topic[(*rng)() % e.topic.size()];
    } else if (pick == 4) {
      word = e.people[(*rng)() % e.people.size()];
    } else if (pick == 5) {
      word = e.place;
    } else if (pick == 6 && w > 0) {
      word = e.figure;
    } else {
      word = kGeneric[(*rng)() % (sizeof(kGeneric) / sizeof(kGeneric[0]))];
    }
    if (w == 0) word[0] = static_cast<char>(std::toupper(word[0]));
    s += word;
    s += (w + 1 == len) ? "." : " ";
  }
  return s;
}

// An article about event `ev`, written differently for each seed. `date` is ISO or "".
inline Article MakeArticleAbout(const Event& ev, uint32_t seed, uint32_t salt,
                                const std::string& date) {
  std::mt19937 rng(seed * 7919u + salt);
  Article a;
  a.headline = ev.place + " " + ev.topic[seed % ev.topic.size()] + " " +
               ev.topic[(seed + 3) % ev.topic.size()];
  for (int p = 0; p < 4; ++p) {
    for (int s = 0; s < 3; ++s) a.text += Sentence(ev, &rng) + " ";
    a.text += "\n\n";
  }
  a.blocks.push_back(
      {BlockRole::kBody, Span{0, static_cast<uint32_t>(a.text.size())}, "", std::nullopt});
  a.id = HashHex(a.headline + "\n" + a.text);
  a.language = "en";
  if (!date.empty()) a.published = Published{date, "test", 1.0};
  return a;
}

// An article about Events()[e].
inline Article MakeArticle(int e, uint32_t seed, const std::string& date) {
  return MakeArticleAbout(Events()[e], seed, static_cast<uint32_t>(e), date);
}

}  // namespace parallax::stories::testing

#endif  // PARALLAX_STORIES_TEST_CORPUS_H_
