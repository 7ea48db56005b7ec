// Table-driven tests of AnnotateQuotes over fixtures written for these tests (fictional people,
// places and outlets). Each case names the content, direct flag, speaker, cue and channel
// expected for one quote of a one- or few-paragraph article.
#include "src/quotes/quotes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "src/quotes/lexicon.h"
#include "src/quotes/marks.h"
#include "src/text/sentences.h"

namespace parallax::quotes {
namespace {

constexpr const char* kNone = "<none>";  // expect no span
constexpr const char* kAny = "<any>";    // do not check

// Paragraphs joined by blank lines; each a block (the first a headline when asked).
Article MakeArticle(const std::vector<std::string>& paragraphs, bool headline = false) {
  Article a;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) a.text += "\n\n";
    uint32_t s = static_cast<uint32_t>(a.text.size());
    a.text += paragraphs[i];
    Block b;
    b.role = (headline && i == 0) ? BlockRole::kHeadline : BlockRole::kBody;
    b.span = {s, static_cast<uint32_t>(a.text.size())};
    a.blocks.push_back(b);
  }
  for (const Block& b : a.blocks)
    for (const Sentence& s : text::SplitSentences(a.text, b.span)) a.sentences.push_back(s);
  return a;
}

std::string Trim(std::string_view s) {
  auto strip = [](std::string_view& v, bool front) {
    static constexpr std::string_view kMarks[] = {
        "\"",           "'",        ",",        ".",           " ", ":", "\xE2\x80\x9C",
        "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\x9E"};
    bool changed = true;
    while (changed && !v.empty()) {
      changed = false;
      for (std::string_view m : kMarks) {
        if (front && v.starts_with(m)) {
          v.remove_prefix(m.size());
          changed = true;
        } else if (!front && v.ends_with(m)) {
          v.remove_suffix(m.size());
          changed = true;
        }
      }
    }
  };
  strip(s, true);
  strip(s, false);
  return std::string(s);
}

struct Case {
  const char* name;
  std::vector<std::string> paragraphs;
  const char* content;  // expected content, compared without outer quote marks/punctuation
  bool direct;
  const char* speaker;
  const char* cue;
  const char* channel;
  bool headline = false;
};

const Quote* FindQuote(const Article& a, const std::string& content) {
  for (const Quote& q : a.quotes)
    if (Trim(a.View(q.content)) == content) return &q;
  return nullptr;
}

std::string Dump(const Article& a) {
  std::string s;
  for (const Quote& q : a.quotes) {
    s += "  [" + std::string(a.View(q.speaker.span)) + "] <" +
         (q.cue ? std::string(a.View(*q.cue)) : "-") + "> {" +
         (q.channel ? std::string(a.View(*q.channel)) : "-") + "} " +
         std::string(a.View(q.content)) + (q.direct ? " (direct)" : "") + "\n";
  }
  return s;
}

void CheckSpan(const Article& a, const std::optional<Span>& got, const char* want,
               const char* what) {
  if (std::string_view(want) == kAny) return;
  if (std::string_view(want) == kNone) {
    EXPECT_FALSE(got.has_value()) << what << ": " << a.View(*got);
    return;
  }
  ASSERT_TRUE(got.has_value()) << what;
  EXPECT_EQ(a.View(*got), want) << what;
}

class QuoteCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(QuoteCaseTest, FindsQuote) {
  const Case& c = GetParam();
  Article a = MakeArticle(c.paragraphs, c.headline);
  AnnotateQuotes(&a);
  const Quote* q = FindQuote(a, c.content);
  ASSERT_NE(q, nullptr) << "no quote with content '" << c.content << "'; found:\n" << Dump(a);
  EXPECT_EQ(q->direct, c.direct) << Dump(a);
  if (std::string_view(c.speaker) == kNone) {
    EXPECT_TRUE(q->speaker.span.empty()) << q->speaker.name;
  } else if (std::string_view(c.speaker) != kAny) {
    EXPECT_EQ(q->speaker.name, c.speaker) << Dump(a);
    EXPECT_EQ(a.View(q->speaker.span), q->speaker.name);
  }
  CheckSpan(a, q->cue, c.cue, "cue");
  CheckSpan(a, q->channel, c.channel, "channel");
  // Every span lies inside the text.
  for (const Quote& x : a.quotes) {
    EXPECT_LE(x.content.end, a.text.size());
    EXPECT_LT(x.content.start, x.content.end);
    EXPECT_LE(x.speaker.span.end, a.text.size());
  }
}

const Case kCases[] = {
    // --- Direct quotes, speaker after.
    {"curly_after_said",
     {"\xE2\x80\x9CThe harbour will reopen on Friday,\xE2\x80\x9D Mara Velnik said."},
     "The harbour will reopen on Friday",
     true,
     "Mara Velnik",
     "said",
     kNone},
    {"straight_said_after_name",
     {"\"We have no plans to raise the toll,\" said Tomas Oberg."},
     "We have no plans to raise the toll",
     true,
     "Tomas Oberg",
     "said",
     kNone},
    {"pronoun_after",
     {"Nobody expected the vote. \"It was a clean count,\" she said."},
     "It was a clean count",
     true,
     "she",
     "said",
     kNone},
    {"role_phrase_after",
     {"\"The ferries are safe,\" the Veltrian transport minister Ilse Karr told reporters."},
     "The ferries are safe",
     true,
     "the Veltrian transport minister Ilse Karr",
     "told",
     "reporters"},
    {"after_with_adjunct",
     {"\xE2\x80\x9CWe will not stop,\xE2\x80\x9D Ada Lunn said on stage Tuesday night."},
     "We will not stop",
     true,
     "Ada Lunn",
     "said",
     kAny},
    {"typewriter_quotes",
     {"''The bridge is older than the town,'' Mr. Pell said."},
     "The bridge is older than the town",
     true,
     "Mr. Pell",
     "said",
     kNone},
    {"guillemets",
     {"\xC2\xAB"
      "The harvest was poor"
      "\xC2\xBB, said Jonas Brecht."},
     "The harvest was poor",
     true,
     "Jonas Brecht",
     "said",
     kNone},
    {"after_with_long_adjunct",
     {"\"I see no details at all,\" she said after reading the council's outline."},
     "I see no details at all",
     true,
     "she",
     "said",
     kNone},
    {"apposition_after_quote",
     {"\xE2\x80\x9CThey would just take the files,\xE2\x80\x9D Rep. Ada Lunn (D-Edda), a "
      "panel member, said in a phone interview."},
     "They would just take the files",
     true,
     "Rep. Ada Lunn (D-Edda), a panel member",
     "said",
     "in a phone interview"},
    {"mixed_marks",
     {"\xE2\x80\x9CThe plan was never funded,\" Rita Oms said."},
     "The plan was never funded",
     true,
     "Rita Oms",
     "said",
     kNone},
    // --- Direct quotes, speaker before.
    {"colon_before",
     {"Mara Velnik said: \xE2\x80\x9CThe harbour stays open.\xE2\x80\x9D"},
     "The harbour stays open",
     true,
     "Mara Velnik",
     "said",
     kNone},
    {"comma_before",
     {"The mayor, Oskar Dunne, added, \"Nobody will lose their home.\""},
     "Nobody will lose their home",
     true,
     "The mayor, Oskar Dunne",
     "added",
     kNone},
    {"told_channel_agency",
     {"Pavel Sorn told state-run news agency Veltria Press: \"The talks are over.\""},
     "The talks are over",
     true,
     "Pavel Sorn",
     "told",
     "state-run news agency Veltria Press"},
    {"wrote_on_platform",
     {"Lina Hart wrote on Telegram: \"We are leaving tonight.\""},
     "We are leaving tonight",
     true,
     "Lina Hart",
     "wrote",
     "on Telegram"},
    {"said_in_statement",
     {"The Ministry of Harbours said in a statement: \"All ships must report by noon.\""},
     "All ships must report by noon",
     true,
     "The Ministry of Harbours",
     "said",
     "in a statement"},
    // --- Interrupted and continued quotes.
    {"interrupted_first",
     {"\"We tried,\" Ivo Brandt said, \"but the river rose too fast for anyone.\""},
     "We tried",
     true,
     "Ivo Brandt",
     "said",
     kNone},
    {"interrupted_second",
     {"\"We tried,\" Ivo Brandt said, \"but the river rose too fast for anyone.\""},
     "but the river rose too fast for anyone",
     true,
     "Ivo Brandt",
     "said",
     kNone},
    {"next_sentence_continues",
     {"\"The levees held,\" Nora Fisk said. \"Every one of them held through the night.\""},
     "Every one of them held through the night",
     true,
     "Nora Fisk",
     "said",
     kNone},
    {"multi_paragraph_first",
     {"Kai Moreno said: \"We counted every ballot twice.",
      "\"Then we counted them again, in public, with observers in the room.\""},
     "We counted every ballot twice",
     true,
     "Kai Moreno",
     "said",
     kNone},
    {"multi_paragraph_continuation",
     {"Kai Moreno said: \"We counted every ballot twice.",
      "\"Then we counted them again, in public, with observers in the room.\""},
     "Then we counted them again, in public, with observers in the room",
     true,
     "Kai Moreno",
     "said",
     kNone},
    {"nested_single_quotes",
     {"\"He told me 'never again' and walked out,\" Petra Ling said."},
     "He told me 'never again' and walked out",
     true,
     "Petra Ling",
     "said",
     kNone},
    {"apostrophes_kept",
     {"\xE2\x80\x9CWe don\xE2\x80\x99t know the farmers\xE2\x80\x99 plans yet,\xE2\x80\x9D "
      "Ugo Ferri said."},
     "We don\xE2\x80\x99t know the farmers\xE2\x80\x99 plans yet",
     true,
     "Ugo Ferri",
     "said",
     kNone},
    // --- Partial quotes inside indirect speech.
    {"partial_quote",
     {"Opponents of the council said the vote would change nothing, since in the county "
      "\"power is changed only at elections.\""},
     "the vote would change nothing, since in the county \"power is changed only at elections",
     true,
     "Opponents of the council",
     "said",
     kNone},
    // --- Indirect speech.
    {"said_that",
     {"Mara Velnik said that the harbour would reopen on Friday."},
     "that the harbour would reopen on Friday",
     false,
     "Mara Velnik",
     "said",
     kNone},
    {"said_bare",
     {"Tomas Oberg said the toll would stay the same until spring."},
     "the toll would stay the same until spring",
     false,
     "Tomas Oberg",
     "said",
     kNone},
    {"inverted_indirect",
     {"The toll will stay the same until spring, Tomas Oberg said."},
     "The toll will stay the same until spring",
     false,
     "Tomas Oberg",
     "said",
     kNone},
    {"inverted_said_name",
     {"The toll will stay the same until spring, said Tomas Oberg."},
     "The toll will stay the same until spring",
     false,
     "Tomas Oberg",
     "said",
     kNone},
    {"told_that",
     {"Ilse Karr told the Lowland Herald that the ferries were safe."},
     "that the ferries were safe",
     false,
     "Ilse Karr",
     "told",
     "the Lowland Herald"},
    {"according_to_initial",
     {"According to the harbour master, the storm damaged four piers."},
     "the storm damaged four piers",
     false,
     "the harbour master",
     "According to",
     kNone},
    {"according_to_final",
     {"The storm damaged four piers, according to Jan Holt."},
     "The storm damaged four piers",
     false,
     "Jan Holt",
     "according to",
     kNone},
    {"according_to_him",
     {"Bo Strand spoke briefly. According to him, the deal is off."},
     "the deal is off",
     false,
     "him",
     "According to",
     kNone},
    {"warned_that",
     {"The Veltrian president warned that the border would close."},
     "that the border would close",
     false,
     "The Veltrian president",
     "warned",
     kNone},
    {"in_turn",
     {"Rita Oms, in turn, stressed that the budget was balanced."},
     "that the budget was balanced",
     false,
     kAny,
     "stressed",
     kNone},
    {"accused",
     {"The Kremlin accused the council of hiding the report."},
     "the council of hiding the report",
     false,
     "The Kremlin",
     "accused",
     kNone},
    {"denied",
     {"The Foreign Ministry denied that any talks had taken place."},
     "that any talks had taken place",
     false,
     "The Foreign Ministry",
     "denied",
     kNone},
    {"saying_gerund",
     {"Lina Hart resigned on Monday, saying the board had ignored her warnings."},
     "the board had ignored her warnings",
     false,
     "Lina Hart",
     "saying",
     kNone},
    {"adding_that",
     {"Ivo Brandt said the dam was safe, adding that inspections would continue."},
     "that inspections would continue",
     false,
     "Ivo Brandt",
     "adding",
     kNone},
    {"said_then_adding_first",
     {"Ivo Brandt said the dam was safe, adding that inspections would continue."},
     "the dam was safe",
     false,
     "Ivo Brandt",
     "said",
     kNone},
    {"group_speaker",
     {"International observers said the count was fair."},
     "the count was fair",
     false,
     "International observers",
     "said",
     kNone},
    {"team_speaker",
     {"A team of international observers noted that turnout was high."},
     "that turnout was high",
     false,
     "A team of international observers",
     "noted",
     kNone},
    {"protesters",
     {"The protesters claimed the police had blocked the square."},
     "the police had blocked the square",
     false,
     "The protesters",
     "claimed",
     kNone},
    {"pronoun_indirect",
     {"Oskar Dunne spoke first. He insisted the vote was legal."},
     "the vote was legal",
     false,
     "He",
     "insisted",
     kNone},
    {"apposition_speaker",
     {"Jan Holt, a fisherman from Port Edda, said the catch had halved in two years."},
     "the catch had halved in two years",
     false,
     "Jan Holt, a fisherman from Port Edda",
     "said",
     kNone},
    {"parenthesis_speaker",
     {"Sen. Ada Lunn (D-Edda) said the bill would pass."},
     "the bill would pass",
     false,
     "Sen. Ada Lunn (D-Edda)",
     "said",
     kNone},
    {"televised_interview",
     {"Pavel Sorn said in a televised interview that the talks were over."},
     "that the talks were over",
     false,
     "Pavel Sorn",
     "said",
     "in a televised interview"},
    {"press_conference",
     {"Nora Fisk said at a press conference on Monday that she would run again."},
     "that she would run again",
     false,
     "Nora Fisk",
     "said",
     "at a press conference on Monday"},
    {"on_x_twitter",
     {"Ugo Ferri wrote on X that the match was fixed."},
     "that the match was fixed",
     false,
     "Ugo Ferri",
     "wrote",
     "on X"},
    {"said_monday",
     {"Kai Moreno said Monday the plant would close."},
     "the plant would close",
     false,
     "Kai Moreno",
     "said",
     kNone},
    {"has_said",
     {"Petra Ling has repeatedly said the mine is safe."},
     "the mine is safe",
     false,
     "Petra Ling",
     "said",
     kNone},
    {"believes",
     {"Rita Oms believes the strike will end soon."},
     "the strike will end soon",
     false,
     "Rita Oms",
     "believes",
     kNone},
    {"headline_says",
     {"Veltria Says North Trying to 'Destabilize' Edda", "Body text follows here."},
     "North Trying to 'Destabilize' Edda",
     false,
     "Veltria",
     "Says",
     kNone,
     true},
    {"russian_said",
     {"\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80 \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2 "
      "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB, \xD1\x87\xD1\x82\xD0\xBE "
      "\xD0\xBC\xD0\xBE\xD1\x81\xD1\x82 \xD0\xB7\xD0\xB0\xD0\xBA\xD1\x80\xD1\x8B\xD1\x82."},
     // "Петр Иванов заявил, что мост закрыт." -> content "что мост закрыт"
     "\xD1\x87\xD1\x82\xD0\xBE \xD0\xBC\xD0\xBE\xD1\x81\xD1\x82 \xD0\xB7\xD0\xB0\xD0\xBA\xD1\x80"
     "\xD1\x8B\xD1\x82",
     false,
     "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80 \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xBE\xD0\xB2",
     "\xD0\xB7\xD0\xB0\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB",
     kNone},
    // --- Speakers behind asides, role complements, time adjuncts.
    {"told_state_agency_channel",
     {"\xE2\x80\x9CThe attempts of the northern bloc to stir trouble are plain,\xE2\x80\x9D "
      "Foreign Ministry spokeswoman Ilse Varga told state-run news agency Norpress."},
     "The attempts of the northern bloc to stir trouble are plain",
     true,
     "Foreign Ministry spokeswoman Ilse Varga",
     "told",
     "state-run news agency Norpress"},
    {"group_behind_dashed_aside",
     {"The vote drew criticism after a team of international observers \xE2\x80\x94 including "
      "monitors from the Baltic Council (BC) \xE2\x80\x94 denounced \"irregularities,\" "
      "including \"vote buying\" and \"ballot stuffing.\""},
     "irregularities,\" including \"vote buying\" and \"ballot stuffing",
     true,
     "a team of international observers",
     "denounced",
     kNone},
    {"and_accused_role_subject",
     {"Lowland's Ambassador to Norvia Pavel Orlik met with Dragan Vesic on Monday and accused "
      "northern countries of trying to punish the Norvian leader."},
     "northern countries of trying to punish the Norvian leader",
     false,
     "Lowland's Ambassador to Norvia Pavel Orlik",
     "accused",
     kNone},
    {"time_adjunct_not_speaker",
     {"Lowland on Monday accused northern states of stoking unrest in the capital."},
     "northern states of stoking unrest in the capital",
     false,
     "Lowland",
     "accused",
     kNone},
    {"however_between_subject_and_verb",
     {"Norvia has however condemned the blockade at the council."},
     "the blockade at the council",
     false,
     "Norvia",
     "condemned",
     kNone},
    {"in_turn_aside",
     {"The Norvian president, in turn, warned that the protests would fail."},
     "that the protests would fail",
     false,
     "The Norvian president",
     "warned",
     kNone},
    {"said_jr_apposition",
     {"\"We checked every bolt,\" said Ivo Brandt Jr., a senior engineer."},
     "We checked every bolt",
     true,
     "Ivo Brandt Jr",
     "said",
     kNone},
    {"adviser_to_name",
     {"\xE2\x80\x9CThe count was clean,\xE2\x80\x9D said one adviser to Mara Velnik."},
     "The count was clean",
     true,
     "one adviser to Mara Velnik",
     "said",
     kNone},
    {"apposition_before_any_cue",
     {"Harbour director Rita Oms, a veteran of the old port board, declined to comment on the "
      "sale."},
     "to comment on the sale",
     false,
     "Harbour director Rita Oms, a veteran of the old port board",
     "declined",
     kNone},
    // --- Content boundaries.
    {"said_then_adding_after_quote",
     {"\"We will rebuild the pier,\" Ada Lunn said, adding that funds were ready."},
     "that funds were ready",
     false,
     "Ada Lunn",
     "adding",
     kNone},
    {"quote_not_swallowing_adding",
     {"\"We will rebuild the pier,\" Ada Lunn said, adding that funds were ready."},
     "We will rebuild the pier",
     true,
     "Ada Lunn",
     "said",
     kNone},
    {"and_said_coordination",
     {"Tomas Oberg praised the plan and said it would cut delays."},
     "it would cut delays",
     false,
     "Tomas Oberg",
     "said",
     kNone},
    {"object_before_and_said",
     {"Tomas Oberg praised the plan and said it would cut delays."},
     "the plan",
     false,
     "Tomas Oberg",
     "praised",
     kNone},
    {"but_added_quote",
     {"Rita Oms said it was too early to count but added, \"We expect a win.\""},
     "We expect a win",
     true,
     "Rita Oms",
     "added",
     kNone},
    {"participle_ends_content",
     {"Brandt said the plan was dead, mocking the council's timetable."},
     "the plan was dead",
     false,
     "Brandt",
     "said",
     kNone},
    {"object_as_predicate",
     {"Velnik described the proposal as \"a reckless gamble.\""},
     "the proposal as \"a reckless gamble",
     true,
     "Velnik",
     "described",
     kNone},
    {"endorsed_object_only",
     {"The dockworkers' union endorsed Mara Velnik on Tuesday."},
     "Mara Velnik",
     false,
     "The dockworkers' union",
     "endorsed",
     kNone},
    {"refused_infinitive",
     {"His aunt refused to sign the lease, insisting that the rent was too high."},
     "to sign the lease",
     false,
     "His aunt",
     "refused",
     kNone},
    {"adverbial_place_not_content",
     {"In Norvia, half of the voters said they were angry."},
     "they were angry",
     false,
     "half of the voters",
     "said",
     kNone},
    {"show_title_before_speaker",
     {"Sunday on Lowland TV\xE2\x80\x99s \xE2\x80\x9CMorning Desk,\xE2\x80\x9D Senator Ada Lunn "
      "said the budget was late."},
     "the budget was late",
     false,
     "Senator Ada Lunn",
     "said",
     kNone},
    {"podcast_title_after_cue",
     {"\xE2\x80\x9C"
      "Being mayor is my job,\xE2\x80\x9D Oberg said in May on the podcast "
      "\xE2\x80\x9CHarbour Talk.\xE2\x80\x9D"},
     "Being mayor is my job",
     true,
     "Oberg",
     "said",
     kAny},
    // --- A quotation closed by a comma right before its speaker (issue #3, stop 2).
    {"quoted_phrase_inside_inverted_clause",
     {"The council had "
      "\xE2\x80\x9C"
      "cut the ribbon too early"
      "\xE2\x80\x9D"
      " on the tram line, she said."},
     "The council had "
     "\xE2\x80\x9C"
     "cut the ribbon too early"
     "\xE2\x80\x9D"
     " on the tram line",
     true,
     "she",
     "said",
     kNone},
    {"comma_quote_then_told_addressee_clause",
     {"\xE2\x80\x9C"
      "The locks held all night,"
      "\xE2\x80\x9D"
      " Oskar Brandt told a crowd that had gathered by the "
      "pier."},
     "The locks held all night",
     true,
     "Oskar Brandt",
     "told",
     kAny},
    {"comma_quote_said_name_in_post",
     {"\xE2\x80\x9C"
      "There is no plan to close the ferry,"
      "\xE2\x80\x9D"
      " said port spokesman Ivo Rask in a Friday "
      "post. "
      "\xE2\x80\x9C"
      "It is rumour."
      "\xE2\x80\x9D"},
     "There is no plan to close the ferry",
     true,
     "port spokesman Ivo Rask",
     "said",
     kAny},
    {"comma_quote_said_name_second_quote",
     {"\xE2\x80\x9C"
      "There is no plan to close the ferry,"
      "\xE2\x80\x9D"
      " said port spokesman Ivo Rask in a Friday "
      "post. "
      "\xE2\x80\x9C"
      "It is rumour from the mainland."
      "\xE2\x80\x9D"},
     "It is rumour from the mainland",
     true,
     "port spokesman Ivo Rask",
     "said",
     kAny},
    {"comma_quote_name_age_told",
     {"\xE2\x80\x9C"
      "We argue, but we are still neighbours,"
      "\xE2\x80\x9D"
      " Jon Vell, 58, told a ferry passenger "
      "who stopped to listen."},
     "We argue, but we are still neighbours",
     true,
     "Jon Vell, 58",
     "told",
     kAny},
    {"typewriter_nested_single_closing",
     {"''They tell us every year, 'Edda is a special case,''' Mr. Rask said. ''It never is.''"},
     "They tell us every year, 'Edda is a special case",
     true,
     "Mr. Rask",
     "said",
     kNone},
    // --- Long quotations without a cue.
    {"free_quote_after_paragraph_speaker",
     {"Hanna Solberg praised the new harbour wall at the opening.",
      "\xE2\x80\x9C"
      "We needed someone who would finish the job and bring the whole town along with it."
      "\xE2\x80\x9D"},
     "We needed someone who would finish the job and bring the whole town along with it",
     true,
     "Hanna Solberg",
     kNone,
     kNone},
    {"free_quote_subject_of_its_sentence",
     {"Greta Lind, the ferry board chair, reacted coolly to the tram plan, "
      "\xE2\x80\x9C"
      "I am worried "
      "about the cost for every family in the valley."
      "\xE2\x80\x9D"},
     "I am worried about the cost for every family in the valley",
     true,
     "Greta Lind",
     kNone,
     kNone},
    {"free_quote_verb_then_name",
     {"The tram debate went on.",
      "\xE2\x80\x9C"
      "Imagine a town where every street has a tram and nobody "
      "drives at all,"
      "\xE2\x80\x9D"
      " mused radio host Per Dahl."},
     "Imagine a town where every street has a tram and nobody drives at all",
     true,
     "radio host Per Dahl",
     kNone,
     kNone},
    // --- Quotes with verbs the lexicon does not list, colons, questions.
    {"unknown_verb_after_quote",
     {"\xE2\x80\x9CGo back to your office,\xE2\x80\x9D Oberg barked."},
     "Go back to your office",
     true,
     "Oberg",
     "barked",
     kNone},
    {"question_quote_then_asked",
     {"\xE2\x80\x9CIs the dam safe?\xE2\x80\x9D Brandt asked."},
     "Is the dam safe?",
     true,
     "Brandt",
     "asked",
     kNone},
    {"colon_then_next_paragraph",
     {"Oms continued:", "\xE2\x80\x9CThe bridge will carry trams by May.\xE2\x80\x9D"},
     "The bridge will carry trams by May",
     true,
     "Oms",
     "continued",
     kNone},
    {"shot_back_colon",
     {"Mr. Oberg shot back: ''That would be good for everyone.''"},
     "That would be good for everyone",
     true,
     "Mr. Oberg",
     "shot back",
     kNone},
    {"headline_name_colon",
     {"Lunn: Harbour Will Reopen Next Spring", "The port has been shut since May."},
     "Harbour Will Reopen Next Spring",
     false,
     "Lunn",
     ":",
     kNone,
     true},
    {"paragraph_name_colon_quote",
     {"Ada Lunn: \xE2\x80\x9CWe will not sell the port.\xE2\x80\x9D"},
     "We will not sell the port",
     true,
     "Ada Lunn",
     ":",
     kNone},
    {"asked_whether_no_speaker",
     {"Asked whether she would run again, Mara Velnik smiled."},
     "whether she would run again",
     false,
     kNone,
     "Asked",
     kNone},
    {"group_opponents_say",
     {"Opponents of the mayor say the vote was rigged."},
     "the vote was rigged",
     false,
     "Opponents of the mayor",
     "say",
     kNone},
    {"low_high_quotes",
     {"\xE2\x80\x9E"
      "We stay here,\xE2\x80\x9C Anna Vogt said."},
     "We stay here",
     true,
     "Anna Vogt",
     "said",
     kNone},
    {"nbsp_between_words",
     {"Mara\xC2\xA0Velnik said the\xC2\xA0harbour was closed."},
     "the\xC2\xA0harbour was closed",
     false,
     "Mara\xC2\xA0Velnik",
     "said",
     kNone},
    // --- Object contents: title abbreviations, complements, lists.
    {"object_title_abbreviation",
     {"The mayor praised Mr. Arvo Lind for the new footbridge."},
     "Mr. Arvo Lind for the new footbridge",
     false,
     kAny,
     "praised",
     kNone},
    {"object_title_abbreviation_senator",
     {"Velnik thanked Sen. Ada Roe for her help."},
     "Sen. Ada Roe for her help",
     false,
     "Velnik",
     "thanked",
     kNone},
    {"object_complement_from",
     {"The council rejected a request from the dock union to extend the night shift."},
     "a request from the dock union to extend the night shift",
     false,
     kAny,
     "rejected",
     kNone},
    {"object_complement_with_name",
     {"Velnik rejected a plea from Norvian farmers for lower tolls."},
     "a plea from Norvian farmers for lower tolls",
     false,
     "Velnik",
     "rejected",
     kNone},
    {"object_complement_in_not_channel",
     {"Oberg denied any role in the ferry strike in an interview."},
     "any role in the ferry strike",
     false,
     "Oberg",
     "denied",
     kAny},
    {"object_complement_on_not_time",
     {"Velnik blamed the delay on the tram builders on Tuesday."},
     "the delay on the tram builders",
     false,
     "Velnik",
     "blamed",
     kNone},
    {"object_list_including",
     {"Oberg criticized the new fees, including the bridge toll."},
     "the new fees, including the bridge toll",
     false,
     "Oberg",
     "criticized",
     kNone},
    {"object_cue_pledged",
     {"Governor Ilse Maran pledged new money for the harbour school."},
     "new money for the harbour school",
     false,
     "Governor Ilse Maran",
     "pledged",
     kNone},
    {"object_cue_railed",
     {"Tomas Oberg railed against the tram tax."},
     "against the tram tax",
     false,
     "Tomas Oberg",
     "railed",
     kNone},
    {"object_cue_talked",
     {"Mara Velnik talked about the ferry timetable."},
     "about the ferry timetable",
     false,
     "Mara Velnik",
     "talked",
     kNone},
    // --- Indirect contents end before a writer's aside after a comma.
    {"aside_but_ends_content",
     {"Velnik said the ferry would run again, but critics doubted the timetable."},
     "the ferry would run again",
     false,
     "Velnik",
     "said",
     kNone},
    {"aside_which_ends_content",
     {"Oberg said the tolls would rise in May, which angered the drivers."},
     "the tolls would rise in May",
     false,
     "Oberg",
     "said",
     kNone},
    {"aside_short_answer",
     {"Most of the dockers said yes, compared with a third of the clerks."},
     "yes",
     false,
     kAny,
     "said",
     kNone},
    {"but_inside_quote_kept",
     {"Velnik said the plan was \"slow, but fair\" and would stay."},
     "the plan was \"slow, but fair\" and would stay",
     true,
     "Velnik",
     "said",
     kNone},
    {"free_quote_after_indirect_takes_cue",
     {"Mara Velnik said the harbour would reopen. \xE2\x80\x9CWe have waited long enough for "
      "this day to come.\xE2\x80\x9D"},
     "We have waited long enough for this day to come",
     true,
     "Mara Velnik",
     "said",
     kNone},
    // --- Short quotations inside a clause whose subject and verb come first.
    {"embedded_short_quote_after_object",
     {"Ada Roe labeled the toll plan \xE2\x80\x9C"
      "a slow disaster\xE2\x80\x9D on Monday."},
     "the toll plan \xE2\x80\x9C"
     "a slow disaster",
     true,
     "Ada Roe",
     "labeled",
     kNone},
    {"embedded_short_quote_with_complement",
     {"Tomas Oberg credited the crews with \"saving the port\" after the storm."},
     "the crews with \"saving the port",
     true,
     "Tomas Oberg",
     "credited",
     kNone},
    // --- Transcripts: capitalised speaker labels.
    {"transcript_turn",
     {"Partial transcript as follows:", "HOST: Will the harbour reopen this week?",
      "VELNIK: It will reopen on Friday. The crews are ready.", "HOST: Thank you."},
     "It will reopen on Friday. The crews are ready",
     true,
     "VELNIK",
     ":",
     kNone},
    {"transcript_turn_opening_quote_mark",
     {"\"HOST: Will the harbour reopen this week?",
      "\"ADA ROE: It will reopen on Friday, and the crews are paid.", "\"HOST: Thank you."},
     "It will reopen on Friday, and the crews are paid",
     true,
     "ADA ROE",
     ":",
     kNone},
    {"transcript_turn_goes_on",
     {"\"HOST: Will the harbour reopen this week?", "\"ROE: It will reopen on Friday.",
      "\"The crews are paid and the cranes are fixed.", "\"HOST: Thank you."},
     "The crews are paid and the cranes are fixed",
     true,
     "ROE",
     ":",
     kNone},
    // --- Progressive forms, gerunds after adverbs, a new clause after a comma.
    {"progressive_cue",
     {"Ada Lunn is criticizing the toll plan."},
     "the toll plan",
     false,
     "Ada Lunn",
     "criticizing",
     kNone},
    {"progressive_cue_with_adverb",
     {"The dockworkers are openly questioning the new shift rota."},
     "the new shift rota",
     false,
     "The dockworkers",
     "questioning",
     kNone},
    {"gerund_after_adverb",
     {"Roe opposed the toll, often citing its cost to families."},
     "its cost to families",
     false,
     "Roe",
     "citing",
     kNone},
    {"passive_with_agent",
     {"The toll plan was criticized by Ada Lunn on Monday."},
     "The toll plan",
     false,
     "Ada Lunn",
     "was criticized",
     kNone},
    {"new_clause_after_comma_ends_content",
     {"Lunn said that after the vote failed, the mayor announced a second ballot."},
     "that after the vote failed",
     false,
     "Lunn",
     "said",
     kNone},
    {"new_clause_after_comma_has_own_cue",
     {"Lunn said that after the vote failed, the mayor announced a second ballot."},
     "a second ballot",
     false,
     "the mayor",
     "announced",
     kNone},
    // --- A cue inside a subordinate or relative clause: the content ends at its comma.
    {"subordinate_clause_content_ends_at_comma",
     {"While Ravel said that pilots cannot join any party, she seemed uneasy."},
     "that pilots cannot join any party",
     false,
     "Ravel",
     "said",
     kNone},
    {"relative_who_content_ends_at_comma",
     {"Barkel, who said he usually votes green, said one candidate he likes is Tam."},
     "he usually votes green",
     false,
     "who",
     "said",
     kNone},
    {"relative_which_content_ends_at_comma",
     {"The ferry rules, which officials said will apply next month, exempt fishing boats."},
     "will apply next month",
     false,
     "officials",
     "said",
     kNone},
    {"subordinate_clause_number_comma_does_not_end",
     {"The levy rose after a group of skippers warned that 90,000 crates were unsold."},
     "that 90,000 crates were unsold",
     false,
     "a group of skippers",
     "warned",
     kNone},
    {"subordinate_without_comma_runs_to_end",
     {"Because Ravel said the pier was unsafe the ferry stayed in port."},
     "the pier was unsafe the ferry stayed in port",
     false,
     "Ravel",
     "said",
     kNone},
    // --- "pointed out that": the particle is not content.
    {"pointed_out_that",
     {"Ferro pointed out that the new rules hurt small ferries."},
     "that the new rules hurt small ferries",
     false,
     "Ferro",
     "pointed",
     kNone},
    // --- A middle initial does not end an object.
    {"middle_initial_in_object",
     {"Lunn denounced former Governor Ada K. Tamsin in a speech."},
     "former Governor Ada K. Tamsin",
     false,
     "Lunn",
     "denounced",
     kAny},
    // --- A quotation that closes its clause ends an indirect content.
    {"clause_closing_quote_ends_content",
     {"Roe said he would make the pier \"shine like new,\" for example, and Lunn laughed."},
     "he would make the pier \"shine like new",
     true,
     "Roe",
     "said",
     kNone},
    // --- "expected to" with a pronoun or relative subject.
    {"expected_relative_subject",
     {"The port board, which is expected to vote on Monday, met in private."},
     "which",
     false,
     kNone,
     "is expected",
     kNone},
    {"expected_pronoun_subject",
     {"She is expected to name a new harbour master soon."},
     "to name a new harbour master soon",
     false,
     kNone,
     "is expected",
     kNone},
    // --- "when asked" at the end of a sentence.
    {"when_asked_at_sentence_end",
     {"\"We will see,\" Ravel said on Tuesday when asked whether she would run again."},
     "whether she would run again",
     false,
     kNone,
     "asked",
     kNone},
    // --- A poll as the source of a finding.
    {"poll_fronted",
     {"In a Harbour Gazette poll released Monday, 52 percent of residents backed the levy."},
     "52 percent of residents backed the levy",
     false,
     "a Harbour Gazette poll released Monday",
     "In",
     kNone},
};

INSTANTIATE_TEST_SUITE_P(Fixtures, QuoteCaseTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

// Texts that must yield no quote at all.
struct NoQuoteCase {
  const char* name;
  std::vector<std::string> paragraphs;
  bool headline = false;
};

class NoQuoteTest : public ::testing::TestWithParam<NoQuoteCase> {};

TEST_P(NoQuoteTest, FindsNothing) {
  const NoQuoteCase& c = GetParam();
  Article a = MakeArticle(c.paragraphs, c.headline);
  AnnotateQuotes(&a);
  EXPECT_TRUE(a.quotes.empty()) << Dump(a);
}

const NoQuoteCase kNoQuoteCases[] = {
    {"empty", {""}},
    {"whitespace", {"   \t  "}},
    {"in_phrase_without_poll", {"In a quiet week for the port, the ferries ran on time."}},
    {"poll_without_comma", {"In the harbour poll booths stood empty all day."}},
    {"scare_quote", {"The group, branded \"undesirable\" last year, closed its office."}},
    {"title_in_quotes", {"She starred in \"Harbour Lights\" last year."}},
    {"headline_scare", {"Lowland Fears 'Destabilize' Plot", "Nothing else."}, true},
    {"united_states_noun", {"Ships from the United States arrived at dawn."}},
    {"noun_remarks", {"His remarks drew applause from the crowd."}},
    {"possessive_noun", {"Velnik's statement was short."}},
    {"lone_apostrophes", {"The farmers' union met in the '90s at Jo's barn."}},
    {"cjk_only", {"\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAF\xE6\x99\xB4\xE3\x82\x8C\xE3\x80\x82"}},
    {"rtl_only", {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D."}},
    {"unclosed_short", {"He said \""}},
    {"alleged_adjective", {"Norvia, a nation rocked by protests over alleged fraud, voted again."}},
    {"label_colon_headline", {"Analysis: Harbour Fees Climb Again", "Fees rose."}, true},
    {"title_case_long_quote",
     {"The book, "
      "\xE2\x80\x9C"
      "Crippled Harbour: How The Docks Were Lost And Won,"
      "\xE2\x80\x9D"
      " sold out."}},
    {"embedded_title_not_quote", {"Lunn sang \"Harbour Lights\" twice at the quay."}},
    {"embedded_one_word_scare_quote", {"Roe branded the plan \"reckless\" at the meeting."}},
    {"so_called_scare_quote", {"The so-called \"harbour tax\" plan would close the quay."}},
    {"self_styled_scare_quote", {"A self-styled \"people's council\" met in the square."}},
    {"section_labels_not_transcript",
     {"UPDATE: The ferry left at noon.", "CORRECTION: An earlier version misspelled a street.",
      "UPDATE: The bridge opened at dawn."}},
    {"one_label_not_transcript", {"WEATHER: Rain over the harbour all week."}},
    {"progressive_non_cue", {"The ferry is leaving the harbour at noon."}},
    {"passive_is_no_cue", {"The old quay was blocked by snow for a week."}},
    {"passive_without_agent", {"The toll plan was criticized on Monday."}},
    {"headline_credited_by",
     {"\xE2\x80\x9C"
      "A small town finds out what a tram line costs every family,"
      "\xE2\x80\x9D"
      " by Ada Lunn."}},

};

INSTANTIATE_TEST_SUITE_P(Fixtures, NoQuoteTest, ::testing::ValuesIn(kNoQuoteCases),
                         [](const ::testing::TestParamInfo<NoQuoteCase>& info) {
                           return std::string(info.param.name);
                         });

// Speaker resolution through hand-made entities.
TEST(QuotesResolveTest, NameOverlapsEntityMention) {
  Article a = MakeArticle({"Mara Velnik said the harbour would reopen."});
  Entity e;
  e.id = "e1";
  e.name = "Mara Velnik";
  e.type = EntityType::kPerson;
  e.mentions.push_back({0, 11});
  a.entities.push_back(e);
  AnnotateQuotes(&a);
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_TRUE(a.quotes[0].speaker.entity.has_value());
  EXPECT_EQ(*a.quotes[0].speaker.entity, "e1");
}

TEST(QuotesResolveTest, PronounTakesLastFittingPerson) {
  std::string p1 = "Mrs Ada Lunn met Tomas Oberg on Monday.";
  Article a = MakeArticle({p1, "\"It went well,\" she said."});
  Entity ada;
  ada.id = "e1";
  ada.name = "Ada Lunn";
  ada.type = EntityType::kPerson;
  ada.mentions.push_back({4, 12});
  Entity tomas;
  tomas.id = "e2";
  tomas.name = "Tomas Oberg";
  tomas.type = EntityType::kPerson;
  tomas.mentions.push_back({17, 28});
  a.entities = {ada, tomas};
  AnnotateQuotes(&a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker.name, "she");
  ASSERT_TRUE(a.quotes[0].speaker.entity.has_value());
  EXPECT_EQ(*a.quotes[0].speaker.entity, "e1");
}

TEST(QuotesResolveTest, PronounTakesSubjectOfPreviousSentence) {
  // "he" is the ambassador who opens the previous sentence, not Vesic (named later in it and
  // inside the quote itself).
  std::string p1 = "Lowland's Ambassador to Norvia Pavel Orlik met with Dragan Vesic on Monday.";
  std::string p2 =
      "\"The attempts to weaken Vesic are plain,\" he said in a televised interview after the "
      "talks.";
  Article a = MakeArticle({p1, p2});
  auto span_of = [&](std::string_view what, size_t from) {
    size_t at = a.text.find(what, from);
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + what.size())};
  };
  Entity orlik;
  orlik.id = "e1";
  orlik.name = "Pavel Orlik";
  orlik.type = EntityType::kPerson;
  orlik.mentions.push_back(span_of("Pavel Orlik", 0));
  Entity vesic;
  vesic.id = "e2";
  vesic.name = "Dragan Vesic";
  vesic.type = EntityType::kPerson;
  vesic.mentions.push_back(span_of("Dragan Vesic", 0));
  vesic.mentions.push_back(span_of("Vesic", p1.size()));
  a.entities = {orlik, vesic};
  AnnotateQuotes(&a);
  const Quote* q = FindQuote(a, "The attempts to weaken Vesic are plain");
  ASSERT_NE(q, nullptr) << Dump(a);
  EXPECT_EQ(q->speaker.name, "he");
  ASSERT_TRUE(q->speaker.entity.has_value());
  EXPECT_EQ(*q->speaker.entity, "e1");
  ASSERT_TRUE(q->channel.has_value());
  EXPECT_EQ(a.View(*q->channel), "in a televised interview");
}

TEST(QuotesResolveTest, PronounSkipsPersonOfOtherGender) {
  Article a = MakeArticle({"Mrs Ada Lunn met Tomas Oberg.", "\"We agreed,\" he said."});
  Entity ada;
  ada.id = "e1";
  ada.name = "Ada Lunn";
  ada.type = EntityType::kPerson;
  ada.roles.push_back("Mrs");
  ada.mentions.push_back({4, 12});
  Entity tomas;
  tomas.id = "e2";
  tomas.name = "Tomas Oberg";
  tomas.type = EntityType::kPerson;
  tomas.mentions.push_back({17, 28});
  a.entities = {ada, tomas};
  AnnotateQuotes(&a);
  ASSERT_EQ(a.quotes.size(), 1u) << Dump(a);
  ASSERT_TRUE(a.quotes[0].speaker.entity.has_value());
  EXPECT_EQ(*a.quotes[0].speaker.entity, "e2");
}

TEST(QuotesResolveTest, RolePhraseTiedByEntitiesStage) {
  // The entities stage tied "the Kremlin spokesman" (a description mention) to e1.
  Article a = MakeArticle({"The Kremlin spokesman said the talks were over."});
  Entity e;
  e.id = "e1";
  e.name = "Ivo Brandt";
  e.type = EntityType::kPerson;
  e.mentions.push_back({0, 21});
  a.entities.push_back(e);
  AnnotateQuotes(&a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker.name, "The Kremlin spokesman");
  ASSERT_TRUE(a.quotes[0].speaker.entity.has_value());
  EXPECT_EQ(*a.quotes[0].speaker.entity, "e1");
}

TEST(QuotesResolveTest, UnresolvedGroupKeepsName) {
  Article a = MakeArticle({"The protesters said the square was closed."});
  AnnotateQuotes(&a);
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_FALSE(a.quotes[0].speaker.entity.has_value());
  EXPECT_EQ(a.quotes[0].speaker.name, "The protesters");
}

TEST(QuotesTest, WorksWithoutBlocksOrSentences) {
  Article a;
  a.text = "Title line\n\nRita Oms said the bridge was safe.\n\n\"We checked it,\" she said.";
  AnnotateQuotes(&a);
  ASSERT_EQ(a.quotes.size(), 2u);
  EXPECT_EQ(a.View(a.quotes[0].content), "the bridge was safe");
  EXPECT_TRUE(a.quotes[1].direct);
}

TEST(QuotesTest, BoilerplateIgnored) {
  Article a;
  a.text = "Subscribe now, said our editors.";
  a.blocks.push_back({BlockRole::kBoilerplate, {0, static_cast<uint32_t>(a.text.size())}, "", {}});
  AnnotateQuotes(&a);
  EXPECT_TRUE(a.quotes.empty());
}

// A belief or stance verb inside someone else's content is not an attribution of its own;
// speech verbs keep theirs.
TEST(QuotesTest, NestedStanceIsPartOfOuterContent) {
  struct Nested {
    const char* text;
    const char* outer;   // content of the one attribution kept
    const char* inner;   // cue that must not open an attribution of its own ("" = none)
    size_t want_quotes;  // quotes expected in all
  };
  const Nested kNested[] = {
      {"Mara Velnik said she fears the tolls will rise.", "she fears the tolls will rise", "fears",
       1},
      {"Tomas Oberg said the dockers wanted a new contract.", "the dockers wanted a new contract",
       "wanted", 1},
      {"\xE2\x80\x9CWe backed the plan from the start,\xE2\x80\x9D Ada Roe said.",
       "We backed the plan from the start", "backed", 1},
      // A speech verb inside the content keeps its own attribution.
      {"Velnik said the mayor told the crews that the ferry would run.",
       "the mayor told the crews that the ferry would run", "", 2},
  };
  for (const Nested& n : kNested) {
    Article a = MakeArticle({n.text});
    AnnotateQuotes(&a);
    EXPECT_NE(FindQuote(a, n.outer), nullptr) << n.text << "\n" << Dump(a);
    EXPECT_EQ(a.quotes.size(), n.want_quotes) << n.text << "\n" << Dump(a);
    for (const Quote& q : a.quotes) {
      if (q.cue && *n.inner) {
        EXPECT_NE(a.View(*q.cue), n.inner) << n.text << "\n" << Dump(a);
      }
    }
  }
  // Outside any content the same verbs still attribute.
  Article a = MakeArticle({"Mara Velnik fears the tolls will rise."});
  AnnotateQuotes(&a);
  EXPECT_NE(FindQuote(a, "the tolls will rise"), nullptr) << Dump(a);
}

// The learned cue table: rows are well formed, and words used from it act as cues in their
// frame (the words are taken from the table, so the test holds after it is regenerated).
TEST(LearnedCuesTest, TableRowsAreWellFormed) {
  ASSERT_GT(kLearnedCueCount, 0u);
  for (size_t i = 0; i < kLearnedCueCount; ++i) {
    const LearnedCue& c = kLearnedCues[i];
    ASSERT_FALSE(c.word.empty()) << i;
    for (char ch : c.word)
      EXPECT_TRUE((ch >= 'a' && ch <= 'z') || ch == '\'' || ch == '-') << c.word;
    EXPECT_TRUE(c.frame == kLearnThat || c.frame == kLearnTo || c.frame == kLearnPrep ||
                c.frame == kLearnObj || c.frame == kLearnNoun)
        << c.word;
    EXPECT_LE(c.matched, c.predicted) << c.word;
  }
}

// The most often tried word of the table that the lexicon uses in `frame` (empty when none).
std::string UsedLearnedWord(uint32_t frame) {
  const Lexicon& lex = Lexicon::Get();
  const LearnedCue* best = nullptr;
  for (size_t i = 0; i < kLearnedCueCount; ++i) {
    const LearnedCue& c = kLearnedCues[i];
    uint32_t f = lex.Lookup(c.word);
    if (c.frame == frame && (f & frame) && (f & ~kLearnMask) == 0 &&
        c.word.find('\'') == std::string_view::npos && c.word.size() >= 3 &&
        (best == nullptr || c.predicted > best->predicted))
      best = &c;
  }
  return best ? std::string(best->word) : "";
}

TEST(LearnedCuesTest, ObjectFrame) {
  std::string w = UsedLearnedWord(kLearnObj);
  ASSERT_FALSE(w.empty());
  Article a = MakeArticle({"Ada Lunn " + w + " the harbour plan on Monday."});
  AnnotateQuotes(&a);
  const Quote* q = FindQuote(a, "the harbour plan");
  ASSERT_NE(q, nullptr) << w << "\n" << Dump(a);
  EXPECT_EQ(q->speaker.name, "Ada Lunn");
  ASSERT_TRUE(q->cue.has_value());
  EXPECT_EQ(a.View(*q->cue), w);
  EXPECT_FALSE(q->direct);
}

TEST(LearnedCuesTest, ParticleFrame) {
  std::string w = UsedLearnedWord(kLearnPrep);
  ASSERT_FALSE(w.empty());
  Article a = MakeArticle({"She " + w + " about the harbour fees."});
  AnnotateQuotes(&a);
  const Quote* q = FindQuote(a, "the harbour fees");
  ASSERT_NE(q, nullptr) << w << "\n" << Dump(a);
  EXPECT_EQ(q->speaker.name, "She");
  ASSERT_TRUE(q->cue.has_value());
  EXPECT_EQ(a.View(*q->cue), w + " about");
}

TEST(LearnedCuesTest, InfinitiveFrame) {
  std::string w = UsedLearnedWord(kLearnTo);
  ASSERT_FALSE(w.empty());
  Article a = MakeArticle({"Ada Lunn " + w + " to reopen the north quay."});
  AnnotateQuotes(&a);
  const Quote* q = FindQuote(a, "to reopen the north quay");
  ASSERT_NE(q, nullptr) << w << "\n" << Dump(a);
  EXPECT_EQ(q->speaker.name, "Ada Lunn");
}

TEST(LearnedCuesTest, NotAfterDeterminerOrInPassive) {
  std::string w = UsedLearnedWord(kLearnObj);
  ASSERT_FALSE(w.empty());
  for (const std::string& text :
       {"The " + w + " plan was read out.", "The plan was " + w + " by the council."}) {
    Article a = MakeArticle({text});
    AnnotateQuotes(&a);
    EXPECT_TRUE(a.quotes.empty()) << text << "\n" << Dump(a);
  }
}

TEST(LearnedCuesTest, LearningModeTriesUnknownWords) {
  // "zorbled" is no English word: only learning mode takes it as a cue.
  Article a = MakeArticle({"Ada Lunn zorbled the harbour plan on Monday."});
  AnnotateQuotes(&a);
  EXPECT_EQ(FindQuote(a, "the harbour plan"), nullptr) << Dump(a);
  internal::SetLearnAllCues(true);
  Article b = MakeArticle({"Ada Lunn zorbled the harbour plan on Monday."});
  AnnotateQuotes(&b);
  internal::SetLearnAllCues(false);
  const Quote* q = FindQuote(b, "the harbour plan");
  ASSERT_NE(q, nullptr) << Dump(b);
  EXPECT_EQ(q->speaker.name, "Ada Lunn");
  Article c = MakeArticle({"Ada Lunn zorbled the harbour plan on Monday."});
  AnnotateQuotes(&c);
  EXPECT_EQ(FindQuote(c, "the harbour plan"), nullptr) << Dump(c);
}

TEST(QuotesTest, Idempotent) {
  Article a = MakeArticle({"Mara Velnik said the harbour would reopen."});
  AnnotateQuotes(&a);
  AnnotateQuotes(&a);
  EXPECT_EQ(a.quotes.size(), 1u);
}

// Quotation mark pairing.
struct MarksCase {
  const char* name;
  const char* text;
  std::vector<std::string> outer;  // outermost spans' inner text, in order
};

class MarksTest : public ::testing::TestWithParam<MarksCase> {};

TEST_P(MarksTest, PairsMarks) {
  const MarksCase& c = GetParam();
  std::string t = c.text;
  std::vector<std::string> got;
  for (const QuotedSpan& q : FindQuotedSpans(t, {0, static_cast<uint32_t>(t.size())})) {
    ASSERT_LE(q.end, t.size());
    ASSERT_LE(q.open, q.inner_start);
    ASSERT_LE(q.inner_start, q.inner_end);
    if (q.depth == 0) got.push_back(t.substr(q.inner_start, q.inner_end - q.inner_start));
  }
  EXPECT_EQ(got, c.outer);
}

const MarksCase kMarksCases[] = {
    {"curly",
     "a \xE2\x80\x9C"
     "b c"
     "\xE2\x80\x9D d",
     {"b c"}},
    {"straight_two", "\"a\" and \"b\"", {"a", "b"}},
    {"german",
     "\xE2\x80\x9E"
     "Ja"
     "\xE2\x80\x9C sagte er",
     {"Ja"}},
    {"guillemets_nested",
     "\xC2\xAB"
     "a \xE2\x80\x9E"
     "b"
     "\xE2\x80\x9C c"
     "\xC2\xBB",
     {"a \xE2\x80\x9E"
      "b"
      "\xE2\x80\x9C c"}},
    {"apostrophe_in_word", "don't 'stop' now", {"stop"}},
    {"plural_possessive", "the players' union", {}},
    {"unterminated", "He said: \"we go on  ", {"we go on"}},
    {"typewriter", "''Yes,'' he said.", {"Yes,"}},
    {"backticks", "``Yes,'' he said.", {"Yes,"}},
    {"empty", "", {}},
    {"curly_apostrophe", "Peskov\xE2\x80\x99s view", {}},
    {"typewriter_triple_after_single", "''a 'b,''' c", {"a 'b,'"}},

};

INSTANTIATE_TEST_SUITE_P(Fixtures, MarksTest, ::testing::ValuesIn(kMarksCases),
                         [](const ::testing::TestParamInfo<MarksCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace parallax::quotes
