// Table-driven tests of AnnotateEntities on fictional sentences (people, places and
// organisations invented for these tests, except a few real capitals and countries the
// gazetteers are expected to know).
#include "src/entities/entities.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/entities/key.h"
#include "src/text/sentences.h"

namespace parallax::entities {
namespace {

// One body block per line; sentences from the text stage; then entities.
Article Annotate(const std::string& text) {
  Article a;
  a.text = text;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= a.text.size(); ++i) {
    if (i == a.text.size() || a.text[i] == '\n') {
      if (i > start) a.blocks.push_back({BlockRole::kBody, Span{start, i}, ""});
      start = i + 1;
    }
  }
  text::AnnotateSentences(&a);
  AnnotateEntities(&a);
  return a;
}

const Entity* FindByName(const Article& a, std::string_view name) {
  for (const Entity& e : a.entities)
    if (e.name == name) return &e;
  return nullptr;
}

// The entity one of whose mentions reads exactly `text`.
const Entity* FindByMention(const Article& a, std::string_view text) {
  for (const Entity& e : a.entities)
    for (const Span& m : e.mentions)
      if (a.View(m) == text) return &e;
  return nullptr;
}

std::vector<std::string> MentionTexts(const Article& a, const Entity& e) {
  std::vector<std::string> out;
  for (const Span& m : e.mentions) out.emplace_back(a.View(m));
  return out;
}

bool HasRole(const Entity& e, std::string_view role) {
  for (const std::string& r : e.roles)
    if (r == role) return true;
  return false;
}

struct TypeCase {
  const char* text;
  const char* mention;  // a mention that must exist, exactly this text
  EntityType type;
};

class TypeTest : public ::testing::TestWithParam<TypeCase> {};

TEST_P(TypeTest, MentionAndType) {
  const TypeCase& c = GetParam();
  Article a = Annotate(c.text);
  const Entity* e = FindByMention(a, c.mention);
  ASSERT_NE(e, nullptr) << "no mention '" << c.mention << "' in: " << c.text;
  EXPECT_EQ(EntityTypeName(e->type), EntityTypeName(c.type)) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Entities, TypeTest,
    ::testing::Values(
        // Titles before names: the title is not part of the name.
        TypeCase{"On Monday President Aleksandar Brankovic opened the new bridge.",
                 "Aleksandar Brankovic", EntityType::kPerson},
        TypeCase{"Kremlin spokesman Dmitry Velikov declined to comment.", "Dmitry Velikov",
                 EntityType::kPerson},
        TypeCase{"Kremlin spokesman Dmitry Velikov declined to comment.", "Kremlin",
                 EntityType::kOrganization},
        TypeCase{"The talks were led by Mrs Orsolya Tarkanyi of the trade office.",
                 "Orsolya Tarkanyi", EntityType::kPerson},
        TypeCase{"Sen. Bob Harrowgate voted against the bill on Tuesday.", "Bob Harrowgate",
                 EntityType::kPerson},
        // Hyphenated names and ambassadors "to" a place.
        TypeCase{"Russia's Ambassador to Belgrade Alexander Botsko-Harinenko arrived late.",
                 "Alexander Botsko-Harinenko", EntityType::kPerson},
        TypeCase{"Russia's Ambassador to Belgrade Alexander Botsko-Harinenko arrived late.",
                 "Belgrade", EntityType::kLocation},
        TypeCase{"Russia's Ambassador to Belgrade Alexander Botsko-Harinenko arrived late.",
                 "Russia", EntityType::kLocation},
        // Organisations with connectors and heads.
        TypeCase{"Rates were left unchanged by the Bank of Merovia on Thursday.", "Bank of Merovia",
                 EntityType::kOrganization},
        TypeCase{"Monitors from the Organization for Security and Cooperation in Europe "
                 "watched the vote.",
                 "Organization for Security and Cooperation in Europe", EntityType::kOrganization},
        TypeCase{"Shares of Halvorsen Widgets Inc fell sharply.", "Halvorsen Widgets Inc",
                 EntityType::kOrganization},
        TypeCase{"A delegation of the Tarvian Progressive Party arrived.",
                 "Tarvian Progressive Party", EntityType::kOrganization},
        // Places.
        TypeCase{"The delegation flew to Paris and then to Belgrade.", "Paris",
                 EntityType::kLocation},
        TypeCase{"Heavy rain fell in Germany overnight.", "Germany", EntityType::kLocation},
        TypeCase{"Fishermen sailed up the Varna River at dawn.", "Varna River",
                 EntityType::kLocation},
        // Demonyms are "other".
        TypeCase{"Several French and Serbian officials attended.", "French", EntityType::kOther},
        // Possessives: the mention stops before "'s" (straight and curly).
        TypeCase{"Brankovic's party won the vote, Brankovic said.", "Brankovic",
                 EntityType::kPerson},
        TypeCase{"Tarkanyi\xE2\x80\x99s office was closed, said Orsolya Tarkanyi.", "Tarkanyi",
                 EntityType::kPerson},
        // Diacritics stay in the mention.
        TypeCase{"Prime Minister Miloš Vučković met Ana Dvořák in Zagreb.", "Miloš Vučković",
                 EntityType::kPerson},
        // Sentence-initial names with evidence (a known given name).
        TypeCase{"Maria Kovalenko said the plan was ready.", "Maria Kovalenko",
                 EntityType::kPerson}));

struct AbsentCase {
  const char* text;
  const char* not_mention;  // no entity mention may read this
};

class AbsentTest : public ::testing::TestWithParam<AbsentCase> {};

TEST_P(AbsentTest, NotAMention) {
  const AbsentCase& c = GetParam();
  Article a = Annotate(c.text);
  EXPECT_EQ(FindByMention(a, c.not_mention), nullptr) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Entities, AbsentTest,
                         ::testing::Values(
                             // Capitalised only because they open a sentence.
                             AbsentCase{"Police said the road was closed.", "Police"},
                             AbsentCase{"However, the talks failed.", "However"},
                             AbsentCase{"Several officials resigned on Friday.", "Several"},
                             AbsentCase{"The committee met on Friday.", "The"},
                             AbsentCase{"They met on Friday in March.", "Friday"},
                             // Titles alone are not names.
                             AbsentCase{"The President said nothing.", "President"},
                             AbsentCase{"President Aleksandar Brankovic spoke.",
                                        "President Aleksandar Brankovic"},
                             // Headline words in capitals are not names without evidence.
                             AbsentCase{"FLOODS HIT BELGRADE AFTER STORM", "FLOODS"},
                             AbsentCase{"FLOODS HIT BELGRADE AFTER STORM", "HIT"}));

TEST(EntitiesTest, HeadlineInCapitalsKeepsKnownPlaces) {
  Article a = Annotate("FLOODS HIT BELGRADE AFTER STORM\nRain fell in Belgrade all night.");
  const Entity* e = FindByMention(a, "BELGRADE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kLocation);
  EXPECT_EQ(MentionTexts(a, *e), (std::vector<std::string>{"BELGRADE", "Belgrade"}));
}

TEST(EntitiesTest, HeadlineWordKnownFromTheBody) {
  Article a = Annotate(
      "ZELTRAVIA WINS CUP\nThe team from Zeltravia won the final, and fans of Zeltravia "
      "celebrated.");
  const Entity* e = FindByMention(a, "ZELTRAVIA");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(MentionTexts(a, *e).size(), 3u);
}

TEST(EntitiesTest, SurnameJoinsFullNameAndRoleIsKept) {
  Article a = Annotate(
      "Kremlin spokesman Dmitry Velikov told reporters the talks would go on. Velikov added "
      "that the Kremlin spokesman had no more to say.");
  const Entity* e = FindByName(a, "Dmitry Velikov");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_TRUE(HasRole(*e, "Kremlin spokesman")) << ::testing::PrintToString(e->roles);
  EXPECT_EQ(MentionTexts(*&a, *e),
            (std::vector<std::string>{"Dmitry Velikov", "Velikov", "the Kremlin spokesman"}));
  EXPECT_EQ(e->key, "dmitri velikov");
}

TEST(EntitiesTest, DefiniteDescriptionTiedToNamedPerson) {
  Article a = Annotate(
      "Zorvanian President Aleksandar Brankovic met the envoy. The Zorvanian president said "
      "the meeting went well.");
  const Entity* e = FindByName(a, "Aleksandar Brankovic");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasRole(*e, "Zorvanian President")) << ::testing::PrintToString(e->roles);
  EXPECT_EQ(MentionTexts(a, *e).size(), 2u);
  EXPECT_EQ(MentionTexts(a, *e)[1], "The Zorvanian president");
}

TEST(EntitiesTest, GenericLeaderTiedToNamedPresident) {
  Article a = Annotate(
      "President Aleksandar Brankovic spoke in Lisbon. Critics said the Zorvanian leader "
      "had ignored them.");
  const Entity* e = FindByName(a, "Aleksandar Brankovic");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(MentionTexts(a, *e),
            (std::vector<std::string>{"Aleksandar Brankovic", "the Zorvanian leader"}));
  EXPECT_EQ(FindByName(a, "the Zorvanian leader"), nullptr);
}

TEST(EntitiesTest, UnnamedDefiniteActorIsItsOwnPerson) {
  Article a = Annotate("The Zorvanian president said the border would stay open.");
  const Entity* e = FindByName(a, "the Zorvanian president");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kPerson);
  EXPECT_EQ(MentionTexts(a, *e), (std::vector<std::string>{"The Zorvanian president"}));
}

TEST(EntitiesTest, AcronymAndExpansionAreOneEntity) {
  Article a = Annotate(
      "The Republican Election Commission (REC) counted the ballots. Observers said the REC "
      "worked through the night.");
  const Entity* e = FindByName(a, "Republican Election Commission");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type, EntityType::kOrganization);
  EXPECT_EQ(MentionTexts(a, *e),
            (std::vector<std::string>{"Republican Election Commission", "REC", "REC"}));
}

TEST(EntitiesTest, RolesOfSpokeswomanAndAmbassador) {
  Article a = Annotate(
      "Russian Foreign Ministry spokeswoman Maria Zarkova said the statement was false.\n"
      "Russia's Ambassador to Belgrade Alexander Botsko-Harinenko arrived late.");
  const Entity* m = FindByName(a, "Maria Zarkova");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(HasRole(*m, "Russian Foreign Ministry spokeswoman"))
      << ::testing::PrintToString(m->roles);
  const Entity* ministry = FindByMention(a, "Foreign Ministry");
  ASSERT_NE(ministry, nullptr);
  EXPECT_EQ(ministry->type, EntityType::kOrganization);
  const Entity* amb = FindByName(a, "Alexander Botsko-Harinenko");
  ASSERT_NE(amb, nullptr);
  EXPECT_TRUE(HasRole(*amb, "Russia's Ambassador to Belgrade"))
      << ::testing::PrintToString(amb->roles);
}

TEST(EntitiesTest, FoldedKeysMatchAcrossSpellings) {
  Article a = Annotate("President Vučić spoke first. Later Vucic spoke again.\nVUCIC RESIGNS");
  std::vector<std::string> keys;
  for (const Entity& e : a.entities)
    if (e.type == EntityType::kPerson || e.name.find("VUCIC") != std::string::npos)
      keys.push_back(e.key);
  ASSERT_FALSE(keys.empty());
  for (const std::string& k : keys) EXPECT_EQ(k, "vucic");
}

TEST(EntitiesTest, IdsAreSequentialAndSpansValid) {
  Article a =
      Annotate("Maria Kovalenko of the Bank of Merovia met Jonas Ferreira in Lisbon on Monday.");
  ASSERT_GE(a.entities.size(), 3u);
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    EXPECT_EQ(e.id, "e" + std::to_string(i + 1));
    EXPECT_FALSE(e.mentions.empty());
    EXPECT_FALSE(e.key.empty());
    for (const Span& m : e.mentions) {
      EXPECT_LT(m.start, m.end);
      EXPECT_LE(m.end, a.text.size());
    }
  }
}

// Ids past "e9" keep counting ("e10", "e11"); every key is EntityKey(name), also when the
// per-thread key cache answers (the same names again, in this and in another article).
TEST(EntitiesTest, IdsPastNineAndCachedKeys) {
  const std::string text =
      "Maria Kovalenko met Jonas Ferreira in Lisbon. Tomas Quillan met Edda Varga in Oslo. "
      "Pietro Annunzi met Sanna Holmqvist in Vienna. Ruben Dahlgren met Ilse Marquardt in "
      "Madrid. Oskar Venn met Greta Solberg in Warsaw. Hedda Lyngstad met Bruno Castellan in "
      "Prague.";
  const Article first = Annotate(text);
  ASSERT_GE(first.entities.size(), 12u);
  for (size_t i = 0; i < first.entities.size(); ++i) {
    const Entity& e = first.entities[i];
    EXPECT_EQ(e.id, "e" + std::to_string(i + 1));
    EXPECT_EQ(e.key, EntityKey(e.name)) << e.name;
  }
  const Article again = Annotate(text);
  ASSERT_EQ(again.entities.size(), first.entities.size());
  for (size_t i = 0; i < first.entities.size(); ++i) {
    EXPECT_EQ(again.entities[i].id, first.entities[i].id);
    EXPECT_EQ(again.entities[i].name, first.entities[i].name);
    EXPECT_EQ(again.entities[i].key, first.entities[i].key);
  }
  // Cached names next to new ones, in another order.
  const Article other = Annotate("In Oslo, Greta Solberg and Vasilis Karamanlo met Edda Varga.");
  ASSERT_FALSE(other.entities.empty());
  for (const Entity& e : other.entities) EXPECT_EQ(e.key, EntityKey(e.name)) << e.name;
}

// Odd input never crashes and never yields spans outside the text.
TEST(EntitiesTest, OddInputIsSafe) {
  const std::vector<std::string> inputs = {
      "",
      "   \n\t  ",
      "\xC2\xA0\xC2\xA0Maria\xC2\xA0Kovalenko\xC2\xA0said.",
      "\xE2\x80\x9CWe will win,\xE2\x80\x9D said Jonas Ferreira.",
      "\"We will win,\" said Jonas Ferreira.",
      "\xE5\x8C\x97\xE4\xBA\xAC\xE5\xB8\x82\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C",
      "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D Tel Aviv \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",
      "Zoe\xCC\x88 Andre\xCC\x81 met in Paris.",
      "\xFF\xFE Maria \xC3 Kovalenko \xE2\x82",
      "A. B. C. D. E.",
      "U.S. U.S. U.S.",
      "'s 's ' ' Mr. Mrs. Dr.",
      "President",
      "the the the president",
      "(REC) (REC) ()",
  };
  for (const std::string& in : inputs) {
    Article a = Annotate(in);
    for (const Entity& e : a.entities)
      for (const Span& m : e.mentions) {
        EXPECT_LE(m.start, m.end) << in;
        EXPECT_LE(m.end, a.text.size()) << in;
      }
  }
}

TEST(EntitiesTest, WorksWithoutSentencesOrBlocks) {
  Article a;
  a.text = "Maria Kovalenko visited Lisbon.";
  AnnotateEntities(&a);
  EXPECT_NE(FindByName(a, "Maria Kovalenko"), nullptr);
  EXPECT_NE(FindByName(a, "Lisbon"), nullptr);
}

TEST(EntitiesTest, BoilerplateBlocksAreSkipped) {
  Article a;
  a.text = "Maria Kovalenko visited Lisbon.\nSubscribe to Halvorsen Daily News today.";
  a.blocks.push_back({BlockRole::kBody, Span{0, 31}, ""});
  a.blocks.push_back(
      {BlockRole::kBoilerplate, Span{32, static_cast<uint32_t>(a.text.size())}, "appeal"});
  text::AnnotateSentences(&a);
  AnnotateEntities(&a);
  EXPECT_NE(FindByName(a, "Maria Kovalenko"), nullptr);
  EXPECT_EQ(FindByMention(a, "Halvorsen Daily News"), nullptr);
}

}  // namespace
}  // namespace parallax::entities
