#include "src/pipeline/outlet_map.h"

#include <gtest/gtest.h>

namespace parallax::pipeline {
namespace {

TEST(OutletMapTest, FirstMatchingPatternWinsCaseInsensitive) {
  auto map = OutletMap::Parse(
      "pattern,outlet\n# comment\n\nharbour-gazette,The Harbour Gazette\n"
      "gazette,Other Gazette\n\"wire\", Coastal Wire \r\n",
      "map.csv");
  ASSERT_TRUE(map.ok()) << map.status().ToString();
  EXPECT_EQ(map->Match("/data/Harbour-Gazette/a.txt"), "The Harbour Gazette");
  EXPECT_EQ(map->Match("/data/gazette/b.txt"), "Other Gazette");
  EXPECT_EQ(map->Match("/x/WIRE_1.txt"), "Coastal Wire");
  EXPECT_EQ(map->Match("/x/none.txt"), "");
}

TEST(OutletMapTest, MalformedRowsNameTheLine) {
  auto no_comma = OutletMap::Parse("a,b\njust-a-pattern\n", "m.csv");
  ASSERT_FALSE(no_comma.ok());
  EXPECT_NE(no_comma.status().message().find("m.csv:2"), std::string::npos);
  auto empty_outlet = OutletMap::Parse("a,\n", "m.csv");
  EXPECT_FALSE(empty_outlet.ok());
}

TEST(OutletMapTest, MissingFileIsNotFound) {
  auto map = OutletMap::Load("/nonexistent/outlets.csv");
  ASSERT_FALSE(map.ok());
  EXPECT_EQ(map.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace parallax::pipeline
