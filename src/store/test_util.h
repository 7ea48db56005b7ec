// Test helpers shared by the store's tests: a temporary directory and a field-by-field Article
// comparison that names the first difference.
#ifndef PARALLAX_STORE_TEST_UTIL_H_
#define PARALLAX_STORE_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "parallax/article.h"

namespace parallax::store::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "parallax-store-XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) != nullptr ? tmpl : "";
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline void ExpectSpan(const Span& want, const Span& got, const std::string& what) {
  EXPECT_EQ(want.start, got.start) << what;
  EXPECT_EQ(want.end, got.end) << what;
}

inline void ExpectSameArticle(const Article& want, const Article& got) {
  EXPECT_EQ(want.id, got.id);
  EXPECT_EQ(want.source, got.source);
  EXPECT_EQ(want.outlet, got.outlet);
  EXPECT_EQ(want.headline, got.headline);
  EXPECT_EQ(want.standfirst, got.standfirst);
  EXPECT_EQ(want.section, got.section);
  ASSERT_EQ(want.published.has_value(), got.published.has_value());
  if (want.published) {
    EXPECT_EQ(want.published->value, got.published->value);
    EXPECT_EQ(want.published->rule, got.published->rule);
    EXPECT_EQ(want.published->confidence, got.published->confidence);
  }
  ASSERT_EQ(want.dateline.has_value(), got.dateline.has_value());
  if (want.dateline) {
    EXPECT_EQ(want.dateline->place, got.dateline->place);
    EXPECT_EQ(want.dateline->date, got.dateline->date);
    EXPECT_EQ(want.dateline->agency, got.dateline->agency);
    ExpectSpan(want.dateline->span, got.dateline->span, "dateline");
  }
  EXPECT_EQ(want.byline, got.byline);
  EXPECT_EQ(want.language, got.language);
  EXPECT_EQ(want.url, got.url);
  EXPECT_EQ(want.charset, got.charset);
  EXPECT_EQ(want.text, got.text);
  EXPECT_EQ(want.warnings, got.warnings);
  ASSERT_EQ(want.blocks.size(), got.blocks.size());
  for (size_t i = 0; i < want.blocks.size(); ++i) {
    const std::string what = "block " + std::to_string(i);
    EXPECT_EQ(want.blocks[i].role, got.blocks[i].role) << what;
    ExpectSpan(want.blocks[i].span, got.blocks[i].span, what);
    EXPECT_EQ(want.blocks[i].reason, got.blocks[i].reason) << what;
    EXPECT_EQ(want.blocks[i].markup, got.blocks[i].markup) << what;
  }
  ASSERT_EQ(want.sentences.size(), got.sentences.size());
  for (size_t i = 0; i < want.sentences.size(); ++i) {
    ExpectSpan(want.sentences[i].span, got.sentences[i].span, "sentence " + std::to_string(i));
  }
  ASSERT_EQ(want.entities.size(), got.entities.size());
  for (size_t i = 0; i < want.entities.size(); ++i) {
    const Entity& w = want.entities[i];
    const Entity& g = got.entities[i];
    EXPECT_EQ(w.id, g.id);
    EXPECT_EQ(w.name, g.name);
    EXPECT_EQ(w.type, g.type);
    EXPECT_EQ(w.roles, g.roles);
    EXPECT_EQ(w.key, g.key);
    EXPECT_EQ(w.mentions, g.mentions) << "entity " << w.id;
  }
  ASSERT_EQ(want.quotes.size(), got.quotes.size());
  for (size_t i = 0; i < want.quotes.size(); ++i) {
    const Quote& w = want.quotes[i];
    const Quote& g = got.quotes[i];
    const std::string what = "quote " + std::to_string(i);
    ExpectSpan(w.content, g.content, what);
    EXPECT_EQ(w.direct, g.direct) << what;
    EXPECT_EQ(w.speaker.entity, g.speaker.entity) << what;
    EXPECT_EQ(w.speaker.name, g.speaker.name) << what;
    ExpectSpan(w.speaker.span, g.speaker.span, what);
    EXPECT_EQ(w.cue, g.cue) << what;
    EXPECT_EQ(w.channel, g.channel) << what;
  }
}

}  // namespace parallax::store::testing

#endif  // PARALLAX_STORE_TEST_UTIL_H_
