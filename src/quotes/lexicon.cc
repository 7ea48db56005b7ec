#include "src/quotes/lexicon.h"

#include <atomic>

namespace parallax::quotes {
namespace {

std::atomic<bool> learn_all_cues{false};
std::atomic<bool> use_cue_table{true};

// Speech and attribution verbs that introduce direct quotes and may follow their subject or
// precede it (", said Smith"). Every tense form is listed: the table is matched on surface
// forms, so no stemmer runs on the hot path.
constexpr std::string_view kStrongCuesWords =
    "say says said tell tells told add adds added stress stresses stressed warn warns warned "
    "note notes noted explain explains explained announce announces announced declare declares "
    "declared write writes wrote tweets tweeted posted ask asks asked answer answers "
    "answered reply replies replied respond responds responded urge urges urged vow vows vowed "
    "promise promises promised admit admits admitted acknowledge acknowledges acknowledged "
    "confirm confirms confirmed suggest suggests suggested recall recalls recalled insist insists "
    "insisted claim claims claimed deny denies denied argue argues argued assert asserts asserted "
    "contend contends contended remark remarked comment commented observe "
    "observes observed stated reports reported conclude concludes concluded "
    "concede concedes conceded complain complains complained boast boasts boasted quip quips "
    "quipped joke jokes joked emphasize emphasizes emphasized emphasise emphasises emphasised "
    "caution cautions cautioned predict predicts predicted pledge pledges reiterate "
    "reiterates reiterated repeat repeats repeated recount recounts recounted testify testifies "
    "testified assure assures assured inform informs informed remind reminds reminded allege "
    "alleges alleged accuse accuses accused charge charged criticize criticizes "
    "criticized criticise criticises criticised praise praises praised blame blames blamed "
    "describe describes described mention mentions mentioned indicate indicates indicated "
    "proclaim proclaims proclaimed retort retorts retorted shout shouts shouted yell yells yelled "
    "whisper whispers whispered lament laments lamented counter counters countered "
    "reject rejects rejected dismiss dismisses dismissed continued "
    "agree agrees agreed disagree disagrees disagreed demand demands demanded threaten threatens "
    "threatened pointed "
    "acknowledge question questions questioned condemn condemns condemned denounce "
    "denounces denounced slam slams slammed blast blasts blasted mock mocks mocked "
    "calls called cite cites cited estimate estimates estimated "
    "stating voiced echoed echoes echo railed emailed pleaded retweeted quoted "
    "wondered wonders implied implies hinted hints forecast projected insists reiterating "
    "explains writes wrote posts disclosed recalled recalling touted bemoaned "
    "apologized likened attributed "
    "сказал сказала сказали заявил заявила заявили заявляет заявляют отметил отметила отметили "
    "отмечает подчеркнул подчеркнула подчеркнули подчеркивает сообщил сообщила сообщили "
    "сообщает добавил добавила добавили пояснил пояснила пояснили заметил заметила написал "
    "написала написали говорит говорят сказал заявил признал признала предупредил "
    "предупредила призвал призвала обвинил обвинила";

// Verbs of stance toward a person or thing: the content is the object phrase ("endorsed Ada
// Lunn", "criticized the toll plan for its cost"), not the rest of the sentence.
constexpr std::string_view kObjectCuesWords =
    "endorse endorses endorsed endorsing supports supported oppose opposes "
    "opposed criticize criticizes criticized criticizing criticise criticises "
    "criticised attacked attacking praise praises praised praising blame blames "
    "blamed blaming defend defends defended defending backs backed backing reject rejects "
    "rejected rejecting announce announces announced announcing express expresses expressed "
    "expressing urge urges urged urging accuse accuses accused accusing thank thanks thanked "
    "thanking tout touts touted touting champion champions championed condemn condemns "
    "condemned condemning denounce denounces denounced denouncing decry decries decried "
    "decrying slam slams slammed slamming blast blasts blasted blasting mock mocks mocked "
    "mocking cite cites cited citing nominate nominates nominated propose "
    "proposes proposed proposing prefer prefers "
    "preferred welcome welcomes welcomed welcoming applaud applauds applauded highlight "
    "dismiss dismisses dismissed dismissing ridicule "
    "ridiculed lambast lambasted assail assails assailed challenged "
    "requesting order orders ordered demand demands "
    "demanded demanding seek seeks sought seeking wants wanted discuss discusses "
    "discussed discussing "
    "invoke invokes invoked "
    "portray portrays portrayed describe describes described question questions questioned "
    "questioning deny denies denied denying acknowledge acknowledges acknowledged confirm "
    "confirms confirmed admit admits admitted promise promises promised pledge pledges "
    "vow vows vowed pledged railed talked";

// Take an addressee between the verb and the content ("told reporters that ...").
constexpr std::string_view kTellCuesWords =
    "tell tells told assure assures assured inform informs informed remind reminds reminded "
    "warn warns warned ask asks asked telling urge urges urged urging";

// ", saying that ...": the speaker is the subject of the main clause.
constexpr std::string_view kGerundCuesWords =
    "saying adding noting telling arguing explaining stressing warning insisting claiming "
    "calling writing asking suggesting declaring citing referring describing accusing urging "
    "acknowledging recalling pointing promising vowing complaining predicting announcing "
    "asserting contending emphasizing emphasising denying questioning criticizing "
    "criticising praising blaming threatening reiterating charging tweeting "
    "добавив отметив подчеркнув заявив пояснив";

// Belief, perception and attitude: an attribution only with a clause after the verb.
constexpr std::string_view kWeakCuesWords =
    "believe believes believed think thinks thought know knows hope hopes hoped fear fears "
    "feared expect feel worry worries worried doubt doubts doubted "
    "show shows showed shown finds found wants believing hoping "
    "fearing considers seems seemed appear appears appeared "
    "expected learned learn learns convinced deemed expecting reckon reckons reckoned suspect "
    "suspects "
    "suspected realize realizes realized realise realised "
    "assume assumes assumed predicts guess guessed imagine imagines imagined "
    "supported defend defends defended propose proposes proposed refuse refuses "
    "refused planned oppose opposes opposed see sees sought "
    "offered reveal reveals revealed decline declines declined "
    "считает считают полагает полагают уверен уверена думает";

constexpr std::string_view kPronounsWords = "he she they we i it you он она они мы я";
constexpr std::string_view kObjectPronounsWords =
    "him her them me us you reporters journalists lawmakers supporters";
constexpr std::string_view kAuxWords =
    "has have had will would could should might must also later previously then further again "
    "repeatedly once recently reportedly publicly privately openly flatly simply just still "
    "already often first initially quickly immediately separately elsewhere directly angrily "
    "sharply strongly firmly bitterly proudly candidly widely falsely wrongly quietly "
    "emphatically specifically subsequently originally ultimately finally clearly has've "
    "did does do 've 'd 'll ’ve ’d ’ll even too herself himself themselves itself "
    "however meanwhile nonetheless nevertheless "
    "тоже также уже";
constexpr std::string_view kPassiveAuxWords = "is was were been be being are am";
constexpr std::string_view kNegationWords = "not never n't no";
constexpr std::string_view kBoundaryWords =
    "that which who whom whose when while because but and or if as after before since so though "
    "although where whether than until unless why how what nor yet whereas whom "
    "что который которая которые когда но и или если";
constexpr std::string_view kRelativeWords = "who which который которая которые";
constexpr std::string_view kDeterminersWords =
    "a an the his her their its our my your this that these those some many several other "
    "another both all most few any each every no one two three";
constexpr std::string_view kTimeWords =
    "monday tuesday wednesday thursday friday saturday sunday january february march april june "
    "july august september october november december today yesterday tonight tomorrow earlier "
    "later recently last next week weekend month year morning afternoon evening night day days "
    "ago weeks months years hours minutes time";
constexpr std::string_view kChannelNounsWords =
    "statement statements interview interviews conference briefing speech address post "
    "posts tweets message letter op-ed editorial column essay blog podcast broadcast "
    "appearance debate hearing testimony rally memo email e-mail video show program "
    "programme call news press session radio television tv channel network newspaper magazine "
    "agency outlet website page account program broadcaster documentary summit forum meeting "
    "заявлении интервью брифинге конференции телеграм";
constexpr std::string_view kPlatformsWords =
    "twitter x telegram facebook instagram youtube tiktok vk vkontakte radio television tv "
    "cnn msnbc fox abc nbc cbs npr bbc reddit threads linkedin truth";
constexpr std::string_view kPrepositionsWords = "in on at during to via through with from в на";
constexpr std::string_view kSpeakerNounsWords =
    "spokesman spokeswoman spokesperson official officials minister ministry president senator "
    "candidate aide aides adviser advisers advisor governor mayor secretary chairman chairwoman "
    "director leader leaders chief campaign police prosecutor prosecutors lawyer lawyers attorney "
    "source sources analyst analysts expert experts observers protesters opponents critics "
    "supporters voters residents witnesses officer officers spokespeople kremlin government "
    "administration department committee office report poll study survey statement person "
    "people";

struct AsciiLowerTable {
  unsigned char v[128] = {};
  constexpr AsciiLowerTable() {
    for (int c = 0; c < 128; ++c)
      v[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  constexpr unsigned char operator[](unsigned char c) const { return v[c]; }
};
constexpr AsciiLowerTable kAsciiLower;

}  // namespace

namespace internal {

void SetLearnAllCues(bool on) { learn_all_cues.store(on, std::memory_order_relaxed); }
bool LearnAllCues() { return learn_all_cues.load(std::memory_order_relaxed); }
void SetUseCueTable(bool on) { use_cue_table.store(on, std::memory_order_relaxed); }
bool UseCueTable() { return use_cue_table.load(std::memory_order_relaxed); }

void LowerIntoGeneral(std::string_view word, char* out, size_t* out_len) {
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  size_t n = word.size();
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = p[i];
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xD0 && i + 1 < n) {
      unsigned char d = p[i + 1];
      // Cyrillic capitals: U+0410..U+041F -> U+0430..U+043F; U+0420..U+042F -> U+0440..U+044F;
      // U+0401 (Ё) -> U+0451.
      if (d >= 0x90 && d <= 0x9F) {
        out[i] = static_cast<char>(0xD0);
        out[i + 1] = static_cast<char>(d + 0x20);
      } else if (d >= 0xA0 && d <= 0xAF) {
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d - 0x20);
      } else if (d == 0x81) {
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(0x91);
      } else {
        out[i] = static_cast<char>(c);
        out[i + 1] = static_cast<char>(d);
      }
      ++i;
    } else {
      out[i] = static_cast<char>(c);
    }
  }
  *out_len = n;
}

}  // namespace internal

bool LowerInto(std::string_view word, char* out, size_t cap, size_t* out_len) {
  if (word.size() > cap) return false;
  const auto* p = reinterpret_cast<const unsigned char*>(word.data());
  size_t n = word.size();
  // ASCII fast path (capitals get 0x20); the first byte >= 0x80 sends the word to the general
  // path, which rewrites `out`. The early exit also keeps the loop scalar: these words are short.
  size_t i = 0;
  for (; i < n; ++i) {
    unsigned char c = p[i];
    if (c >= 0x80) break;
    out[i] = static_cast<char>(kAsciiLower[c]);
  }
  if (i < n) {
    internal::LowerIntoGeneral(word, out, out_len);
    return true;
  }
  *out_len = n;
  return true;
}

Lexicon::Lexicon() {
  Add(kStrongCuesWords, kCue | kCueStrong);
  Add(kTellCuesWords, kCueTell);
  Add(kObjectCuesWords, kCue | kCueObject);
  Add(kGerundCuesWords, kCue | kCueGerund);
  Add(kWeakCuesWords, kCue | kCueWeak);
  Add(kPronounsWords, kPronoun);
  Add("he him his", kMalePronoun);
  Add("she her hers", kFemalePronoun);
  Add(kObjectPronounsWords, kObjectPronoun);
  Add(kAuxWords, kAux);
  Add(kPassiveAuxWords, kPassiveAux);
  Add(kNegationWords, kNegation);
  Add(kBoundaryWords, kBoundary);
  Add(kRelativeWords, kRelative);
  Add(kDeterminersWords, kDeterminer);
  Add(kTimeWords, kTime);
  Add(kChannelNounsWords, kChannelNoun);
  Add(kPlatformsWords, kPlatform);
  Add(kPrepositionsWords, kPreposition);
  Add("that что", kThat);
  // Also nouns ("the roll call", "his home state"): a cue only right after a name or pronoun.
  Add("supports backs order orders "
      "champion champions welcome thanks "
      "praise blame echo hints "
      "demand demands cite "
      "slam blast mock highlight "
      "vow pledge promise announce "
      ""
      "calls report reports question questions comment remark claim claims charge tweets "
      "answer answers reply replies estimate estimates demand demands promise promises note "
      "notes post posts counter counters cite cites",
      kNounLike);
  Add("according", kAccording);
  Add("по", kPo);
  Add("словам мнению данным", kSlovam);
  Add(kSpeakerNounsWords, kSpeakerNoun);
  // Learned cues: a frame is used when its smoothed precision on train is high enough, and only
  // for words the hand lists above leave unknown.
  bool table = internal::UseCueTable() && !internal::LearnAllCues();
  for (size_t i = 0; table && i < kLearnedCueCount; ++i) {
    const LearnedCue& c = kLearnedCues[i];
    if (c.matched / (c.predicted + 2.0) < kLearnedCueMinPrecision) continue;
    const uint32_t* known = table_.Find(c.word);
    if (known != nullptr && (*known & ~kLearnMask) != 0) continue;
    Add(c.word, c.frame);
  }
}

void Lexicon::Add(std::string_view words, uint32_t flags) {
  size_t i = 0;
  while (i < words.size()) {
    while (i < words.size() && words[i] == ' ') ++i;
    size_t j = i;
    while (j < words.size() && words[j] != ' ') ++j;
    if (j > i) {
      std::string_view w = words.substr(i, j - i);
      if (w.back() != '.') {
        table_[w] |= flags;
        if (w.size() < kFilterLengths)
          filter_[w.size()][FilterBit(w) >> 6] |= uint64_t{1} << (FilterBit(w) & 63);
      }
    }
    i = j;
  }
}

uint32_t& Lexicon::WordTable::operator[](std::string_view w) {
  if ((used_ + 1) * 2 > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
    used_ = 0;
    for (const Slot& s : old)
      if (s.word.data() != nullptr) (*this)[s.word] = s.flags;
  }
  const size_t mask = slots_.size() - 1;
  for (size_t i = Hash(w) & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.word.data() == nullptr) {
      s.word = w;
      ++used_;
      return s.flags;
    }
    if (s.word == w) return s.flags;
  }
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

}  // namespace parallax::quotes
